package dev.quadrant.reports;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** A small JSON writer for the report's plain data: maps, lists, strings, numbers, booleans, null. */
public final class Json {
    private Json() {}

    public static String write(Object value) {
        StringBuilder out = new StringBuilder(4096);
        write(value, out, 0);
        return out.append('\n').toString();
    }

    /** On one line with no spaces, for data embedded in a page. */
    public static String compact(Object value) {
        StringBuilder out = new StringBuilder(4096);
        write(value, out, COMPACT);
        return out.toString();
    }

    private static final int COMPACT = Integer.MIN_VALUE / 2;  // indentation never climbs back to zero from here

    /** JSON text written as it is: deep structures kept on one line inside an indented document. */
    public record Compact(Object value) {}

    static void write(Object v, StringBuilder out, int indent) {
        if (v == null) out.append("null");
        else if (v instanceof Compact c) write(c.value(), out, COMPACT);
        else if (v instanceof String s) string(s, out);
        else if (v instanceof Double d) number(d, out);
        else if (v instanceof Float f) number(f.doubleValue(), out);
        else if (v instanceof Number || v instanceof Boolean) out.append(v);
        else if (v instanceof Map<?, ?> m) object(m, out, indent);
        else if (v instanceof Collection<?> c) array(c, out, indent);
        else if (v instanceof Instant i) string(i.toString(), out);
        else if (v instanceof Enum<?> e) string(e.name(), out);
        else string(String.valueOf(v), out);
    }

    private static void number(double d, StringBuilder out) {
        if (Double.isNaN(d) || Double.isInfinite(d)) out.append("null");
        else if (d == Math.rint(d) && Math.abs(d) < 1e15) out.append((long) d);
        else out.append(d);
    }

    private static void object(Map<?, ?> m, StringBuilder out, int indent) {
        if (m.isEmpty()) { out.append("{}"); return; }
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!first) out.append(',');
            first = false;
            newline(out, indent + 1);
            string(String.valueOf(e.getKey()), out);
            out.append(indent < 0 ? ":" : ": ");
            write(e.getValue(), out, indent + 1);
        }
        newline(out, indent);
        out.append('}');
    }

    private static void array(Collection<?> c, StringBuilder out, int indent) {
        if (c.isEmpty()) { out.append("[]"); return; }
        out.append('[');
        boolean first = true;
        for (Object o : c) {
            if (!first) out.append(',');
            first = false;
            newline(out, indent + 1);
            write(o, out, indent + 1);
        }
        newline(out, indent);
        out.append(']');
    }

    private static void newline(StringBuilder out, int indent) {
        if (indent < 0) return;
        out.append('\n');
        for (int i = 0; i < indent; i++) out.append("  ");
    }

    /** Longest string a report writes: names are capped where they enter; this bounds whatever else slips through. */
    static final int MAX_STRING = 4096;

    /**
     * A JSON string any strict parser takes: control characters and bidirectional overrides escaped, and a surrogate
     * without its pair (a name the JDK lets a thread have, which no UTF-8 encoder can write) replaced by U+FFFD.
     */
    static void string(String s, StringBuilder out) {
        s = dev.quadrant.core.Names.cap(s, MAX_STRING);
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) out.append(c).append(s.charAt(++i));
                else out.append('\uFFFD');
                continue;
            }
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                // '<' escaped too, so the JSON can sit inside an HTML <script> block without closing it
                case '<' -> out.append("\\u003c");
                default -> {
                    // line separators break JavaScript; bidirectional overrides reorder what a terminal shows after them
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
