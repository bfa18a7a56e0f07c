package dev.quadrant.reports;

/**
 * The frame every page shares: a strict Content-Security-Policy (nothing from the network; the only script that may run
 * is the page's own, named by its SHA-256, so markup that slipped into a name could not run even unescaped) and the CSS.
 */
final class Page {
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    private Page() {}

    static void open(Html out, String title) { open(out, title, null); }

    /** {@code scriptHash}, if not null, is {@link #sha256} of the one inline script the page will carry: the policy allows it. */
    static void open(Html out, String title, String scriptHash) {
        String csp = scriptHash == null ? CSP : CSP + "; script-src '" + scriptHash + "'";
        out.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .raw("<meta http-equiv=\"Content-Security-Policy\" content=\"" + csp + "\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .raw("<meta name=\"referrer\" content=\"no-referrer\">")
                .raw("<title>").text(title).raw("</title><style>").raw(CSS).raw("</style></head><body>\n");
    }

    static void close(Html out) { out.raw("\n</body></html>\n"); }

    /** The CSP source expression of an inline script: {@code sha256-<base64 of the digest of its exact text>}. */
    static String sha256(String script) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(script.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "sha256-" + java.util.Base64.getEncoder().encodeToString(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Times to the millisecond, as people read them; the JSON keeps full precision. */
    static String time(java.time.Instant t) { return t.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString(); }

    static String statusClass(String status) {
        return switch (status) {
            case "CRITICAL" -> "critical";
            case "WARNING" -> "warning";
            case "INFO" -> "info";
            default -> "ok";
        };
    }

    static final String CSS = """
            :root{--ok:#2e7d32;--warning:#b26a00;--critical:#c62828;--info:#1565c0;--bg:#f6f7f9;--fg:#1d2330;--muted:#5f6b7a;--line:#dde1e7}
            *{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--fg)}
            header,main,footer{max-width:1180px;margin:0 auto;padding:16px 24px}header h1{margin:0 0 4px;font-size:20px}
            .muted{color:var(--muted)}a{color:#1a5fb4}code,pre{font:12.5px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
            .tiles{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:12px;margin:8px 0 20px}
            .tile{min-width:0;overflow-wrap:anywhere;background:#fff;border:1px solid var(--line);border-top:5px solid var(--ok);border-radius:6px;padding:12px 14px}
            .tile.warning{border-top-color:var(--warning)}.tile.critical{border-top-color:var(--critical)}
            .tile h2{margin:0;font-size:13px;letter-spacing:.06em;color:var(--muted)}.tile .status{font-size:22px;font-weight:650;margin:2px 0}
            .tile.ok .status{color:var(--ok)}.tile.warning .status{color:var(--warning)}.tile.critical .status{color:var(--critical)}
            .badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;color:#fff;background:var(--ok)}
            .badge.warning{background:var(--warning)}.badge.critical{background:var(--critical)}.badge.info{background:var(--info)}
            .finding{background:#fff;border:1px solid var(--line);border-left:5px solid var(--info);border-radius:6px;padding:12px 16px;margin:0 0 14px}
            .finding.warning{border-left-color:var(--warning)}.finding.critical{border-left-color:var(--critical)}
            .finding h3{margin:4px 0 6px;font-size:16px;overflow-wrap:anywhere}.finding h4{margin:12px 0 4px;font-size:13px;color:var(--muted)}
            table{border-collapse:collapse;margin:4px 0}th,td{text-align:left;vertical-align:top;padding:3px 10px 3px 0;border-bottom:1px solid var(--line);overflow-wrap:anywhere}
            th{font-weight:600;color:var(--muted);white-space:nowrap}ul.plain{margin:0;padding-left:18px}
            pre{background:#f0f2f5;border:1px solid var(--line);border-radius:4px;padding:8px;overflow:auto;max-height:420px;margin:4px 0}
            pre.verify{user-select:all;white-space:pre-wrap}
            .metrics{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:12px}.metrics section{min-width:0;background:#fff;border:1px solid var(--line);border-radius:6px;padding:8px 12px}
            .metrics h3{margin:0 0 4px;font-size:13px;color:var(--muted)}.metrics td{white-space:nowrap;text-align:right}.metrics th{white-space:normal}.metrics table{width:100%}
            .wide{overflow-x:auto;background:#fff;border:1px solid var(--line);border-radius:6px;padding:6px 12px}.strip td.ok,.strip td.warning,.strip td.critical{color:#fff;font-weight:600;text-align:center;white-space:nowrap}
            .strip td.ok{background:var(--ok)}.strip td.warning{background:var(--warning)}.strip td.critical{background:var(--critical)}
            .strip{width:100%;background:#fff}td.time{white-space:nowrap}.strip th,.strip td{padding:5px 8px}
            nav.toc{position:sticky;top:0;z-index:2;background:var(--bg);border-bottom:1px solid var(--line)}nav.toc div{max-width:1180px;margin:0 auto;padding:6px 24px}
            nav.toc a{margin-right:16px;text-decoration:none;font-weight:600}section[id],article[id],.flame{scroll-margin-top:44px}h2{margin:22px 0 10px;font-size:18px}h3{font-size:15px;margin:14px 0 8px}
            ol.top{margin:0 0 8px;padding-left:20px}ol.top li{margin:3px 0}.tile a.first{display:block;margin-top:4px;color:var(--fg)}
            .charts{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:12px}
            figure.chart{margin:0;background:#fff;border:1px solid var(--line);border-radius:6px;padding:8px 10px;min-width:0}
            figure.chart figcaption{font-size:13px;margin-bottom:4px}figure.chart svg{width:100%;height:auto;display:block}
            .key{color:var(--muted);margin-left:8px;white-space:nowrap}.key i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px;vertical-align:-1px}
            svg .grid{stroke:#e6e9ee;stroke-width:1}svg .tick{font:10.5px system-ui,sans-serif;fill:#5f6b7a}svg .line{fill:none;stroke-width:1.6}
            svg .level{stroke-width:1.2;stroke-dasharray:5 4}p.nodata{margin:24px 0;text-align:center}
            .flame{position:relative;background:#fff;border:1px solid var(--line);border-radius:6px;padding:8px 10px;margin:0 0 14px}
            .flame .bar{display:flex;gap:8px;align-items:center;flex-wrap:wrap;margin-bottom:6px}.flame .bar h3{margin:0 8px 0 0}
            .flame input[type=search]{flex:0 1 260px;padding:3px 6px;font:inherit;border:1px solid var(--line);border-radius:4px}
            .flame button{font:inherit;padding:2px 10px;border:1px solid var(--line);border-radius:4px;background:#f0f2f5;cursor:pointer}
            .flame-status{color:var(--muted);font-size:12.5px;overflow-wrap:anywhere}.flame .canvas{overflow-x:hidden;overflow-y:auto;max-height:640px}
            .flame canvas{display:block}button.copy{float:right;font:12px system-ui,sans-serif;padding:1px 8px;margin:-22px 0 0;border:1px solid var(--line);border-radius:4px;background:#fff;cursor:pointer}.flame-tip{position:absolute;z-index:3;max-width:640px;background:#1d2330;color:#fff;font:12px/1.35 ui-monospace,Menlo,Consolas,monospace;padding:4px 8px;border-radius:4px;pointer-events:none;overflow-wrap:anywhere}
            .strip-cells{display:grid;gap:2px;margin:6px 0 16px;overflow-x:auto}.strip-cells a,.strip-cells span{display:block;height:18px;min-width:6px;border-radius:2px}
            .strip-cells .ok{background:var(--ok)}.strip-cells .warning{background:var(--warning)}.strip-cells .critical{background:var(--critical)}.strip-cells .info{background:var(--info)}
            .strip-cells b{font-size:11px;color:var(--muted);font-weight:600;line-height:18px;padding-right:6px}
            @media (max-width:800px){.tiles,.metrics{grid-template-columns:repeat(2,minmax(0,1fr))}.charts{grid-template-columns:1fr}}
            """;
}
