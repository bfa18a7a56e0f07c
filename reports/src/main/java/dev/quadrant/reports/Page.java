package dev.quadrant.reports;

/** The frame every page shares: a strict Content-Security-Policy (no script, nothing from the network) and the CSS. */
final class Page {
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    private Page() {}

    static void open(Html out, String title) {
        out.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .raw("<meta http-equiv=\"Content-Security-Policy\" content=\"" + CSP + "\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .raw("<meta name=\"referrer\" content=\"no-referrer\">")
                .raw("<title>").text(title).raw("</title><style>").raw(CSS).raw("</style></head><body>\n");
    }

    static void close(Html out) { out.raw("\n</body></html>\n"); }

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
            .metrics h3{margin:0 0 4px;font-size:13px;color:var(--muted)}.strip td.ok,.strip td.warning,.strip td.critical{color:#fff;font-weight:600;text-align:center;white-space:nowrap}
            .strip td.ok{background:var(--ok)}.strip td.warning{background:var(--warning)}.strip td.critical{background:var(--critical)}
            .strip{width:100%;background:#fff}td.time{white-space:nowrap}.strip th,.strip td{padding:5px 8px}
            @media (max-width:800px){.tiles,.metrics{grid-template-columns:repeat(2,minmax(0,1fr))}}
            """;
}
