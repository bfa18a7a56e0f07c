package dev.quadrant.reports;

import java.util.Collection;
import java.util.Map;

/**
 * Builds a page; every value given to {@link #text} is escaped (thread names, class names, messages and paths
 * come from the application and may contain markup). {@link #raw} takes only the pages' own literal markup.
 */
public final class Html {
    private final StringBuilder out = new StringBuilder(16_384);

    public Html raw(String markup) { out.append(markup); return this; }

    public Html text(Object value) { out.append(escape(String.valueOf(value))); return this; }

    /** {@code <tag class="cls">text</tag>} with the text escaped. */
    public Html element(String tag, String cls, Object value) {
        out.append('<').append(tag);
        if (cls != null) out.append(" class=\"").append(escape(cls)).append('"');
        out.append('>');
        return text(value).raw("</" + tag + ">");
    }

    /** A value of evidence: a scalar as text, a list as a list, a list of maps or a map as a table. */
    public Html value(Object v) {
        if (v instanceof Map<?, ?> m) {
            raw("<table class=\"kv\">");
            for (Map.Entry<?, ?> e : m.entrySet()) { raw("<tr><th>").text(e.getKey()).raw("</th><td>"); cell(e.getKey(), e.getValue()); raw("</td></tr>"); }
            return raw("</table>");
        }
        if (v instanceof Collection<?> c) {
            if (!c.isEmpty() && c.iterator().next() instanceof Map<?, ?> first) return rows(first, c);
            raw("<ul class=\"plain\">");
            for (Object o : c) { raw("<li>"); value(o); raw("</li>"); }
            return raw("</ul>");
        }
        return text(v == null ? "" : v);
    }

    private Html rows(Map<?, ?> first, Collection<?> rows) {
        raw("<table class=\"grid\"><tr>");
        for (Object k : first.keySet()) raw("<th>").text(k).raw("</th>");
        raw("</tr>");
        for (Object row : rows) {
            raw("<tr>");
            Map<?, ?> m = row instanceof Map<?, ?> map ? map : Map.of();
            for (Object k : first.keySet()) { raw("<td>"); cell(k, m.get(k)); raw("</td>"); }
            raw("</tr>");
        }
        return raw("</table>");
    }

    /** A number under a key that names its unit (bytes, ms, share) is shown in that unit; the JSON keeps the raw number. */
    private void cell(Object key, Object v) {
        if (v instanceof Number) text(EvidenceValues.text(String.valueOf(key), v));
        else value(v);
    }

    @Override public String toString() { return out.toString(); }

    /**
     * Text safe anywhere in the page: markup escaped; control characters and surrogates without their pair (which no
     * UTF-8 encoder writes) replaced by U+FFFD; bidirectional overrides and isolates shown as their code point, so a
     * name cannot reorder what is printed after it.
     */
    public static String escape(String s) {
        s = dev.quadrant.core.Names.cap(s, Json.MAX_STRING);
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep == null && c < 0x20 && c != '\n' && c != '\t') rep = "\uFFFD";  // control characters are not text
            if (rep == null && (c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069')) rep = String.format("[U+%04X]", (int) c);
            if (rep == null && Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    if (b != null) b.append(c).append(s.charAt(i + 1));
                    i++;
                    continue;
                }
                rep = "\uFFFD";
            }
            if (rep != null) {
                if (b == null) b = new StringBuilder(s.length() + 16).append(s, 0, i);
                b.append(rep);
            } else if (b != null) b.append(c);
        }
        return b == null ? s : b.toString();
    }
}
