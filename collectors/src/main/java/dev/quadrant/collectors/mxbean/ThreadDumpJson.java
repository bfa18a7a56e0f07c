package dev.quadrant.collectors.mxbean;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JDK 21+ JSON thread dump ({@code HotSpotDiagnosticMXBean.dumpThreads}): objects, arrays, strings, numbers,
 * booleans and null, nothing more. Strict: malformed input throws IllegalArgumentException, and the caller skips that dump.
 */
final class ThreadDumpJson {
    private final String text;
    private int at;

    private ThreadDumpJson(String text) { this.text = text; }

    static Object parse(String text) {
        ThreadDumpJson p = new ThreadDumpJson(text);
        Object v = p.value();
        p.space();
        if (p.at != text.length()) throw p.error("trailing text");
        return v;
    }

    private Object value() {
        space();
        if (at >= text.length()) throw error("end of input");
        char c = text.charAt(at);
        switch (c) {
            case '{': return object();
            case '[': return array();
            case '"': return string();
            case 't': return literal("true", Boolean.TRUE);
            case 'f': return literal("false", Boolean.FALSE);
            case 'n': return literal("null", null);
            default: return number();
        }
    }

    private Map<String, Object> object() {
        Map<String, Object> m = new LinkedHashMap<>();
        at++;
        space();
        if (peek() == '}') { at++; return m; }
        while (true) {
            space();
            String key = string();
            space();
            expect(':');
            m.put(key, value());
            space();
            if (peek() == ',') { at++; continue; }
            expect('}');
            return m;
        }
    }

    private List<Object> array() {
        List<Object> l = new ArrayList<>();
        at++;
        space();
        if (peek() == ']') { at++; return l; }
        while (true) {
            l.add(value());
            space();
            if (peek() == ',') { at++; continue; }
            expect(']');
            return l;
        }
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') return b.toString();
            if (c != '\\') { b.append(c); continue; }
            if (at >= text.length()) break;
            char e = text.charAt(at++);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    if (at + 4 > text.length()) throw error("short \\u escape");
                    b.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> b.append(e);  // \" \\ \/
            }
        }
        throw error("unterminated string");
    }

    private Object number() {
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) at++;
        if (start == at) throw error("unexpected character");
        String n = text.substring(start, at);
        return n.contains(".") || n.contains("e") || n.contains("E") ? (Object) Double.parseDouble(n) : (Object) Long.parseLong(n);
    }

    private Object literal(String word, Object v) {
        if (!text.startsWith(word, at)) throw error("unexpected word");
        at += word.length();
        return v;
    }

    private char peek() { return at < text.length() ? text.charAt(at) : '\0'; }

    private void expect(char c) {
        if (peek() != c) throw error("expected '" + c + "'");
        at++;
    }

    private void space() { while (at < text.length() && Character.isWhitespace(text.charAt(at))) at++; }

    private IllegalArgumentException error(String what) { return new IllegalArgumentException(what + " at " + at); }
}
