package dev.quadrant.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The agent's options, {@code key=value} pairs joined by commas, parsed strictly: any mistake is an error, never a guess. */
public record Options(Path out, Duration interval, int keep, boolean instrument) {
    static final Path DEFAULT_OUT = Path.of("quadrant-reports");
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);
    static final int DEFAULT_KEEP = 500;                     // 500 periods: over 8 h at the default interval, a few MiB
    static final Duration MIN_INTERVAL = Duration.ofMillis(500);  // shorter windows hold too few samples to judge
    static final Duration MAX_INTERVAL = Duration.ofHours(24);
    static final int MAX_KEEP = 100_000;
    static final String VALID = "out=<dir> (default ./quadrant-reports), interval=<500ms..24h, e.g. 10s, 5m> (default 60s), "
            + "keep=<reports kept, 1.." + MAX_KEEP + "> (default " + DEFAULT_KEEP + "), "
            + "instrument=<on|off: weave thread pools, locks, thread starts, file streams and name look-ups> (default on)";
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");
    /** Every key {@link #parse} takes; {@link #format} writes each of them. */
    static final List<String> KEYS = List.of("out", "interval", "keep", "instrument");

    public static Options defaults() { return new Options(DEFAULT_OUT, DEFAULT_INTERVAL, DEFAULT_KEEP, true); }

    /** Parses the agent argument; {@code null} or blank means defaults. */
    public static Options parse(String args) throws BadOption {
        Options o = defaults();
        if (args == null) return o;
        String s = args.strip();
        // jcmd needs the options wrapped in double quotes; accept them if they arrive.
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) s = s.substring(1, s.length() - 1).strip();
        if (s.isEmpty()) return o;
        Map<String, String> seen = new LinkedHashMap<>();
        for (String part : s.split(",", -1)) {
            String p = part.strip();
            if (p.isEmpty()) throw new BadOption("empty option in '" + args + "'");
            int eq = p.indexOf('=');
            if (eq < 0) {
                throw new BadOption("option '" + p + "' has no value; through jcmd, wrap the options in double quotes inside the shell's"
                        + " quotes: jcmd <pid> JVMTI.agent_load /abs/path/quadrant-agent.jar '\"out=/tmp/q,interval=10s\"'");
            }
            String key = p.substring(0, eq).strip();
            String value = p.substring(eq + 1).strip();
            if (seen.put(key, value) != null) throw new BadOption("option '" + key + "' given twice");
            o = switch (key) {
                case "out" -> new Options(out(value), o.interval(), o.keep(), o.instrument());
                case "interval" -> new Options(o.out(), interval(value), o.keep(), o.instrument());
                case "keep" -> new Options(o.out(), o.interval(), keep(value), o.instrument());
                case "instrument" -> new Options(o.out(), o.interval(), o.keep(), onOff(key, value));
                default -> throw new BadOption("unknown option '" + key + "'");
            };
        }
        return o;
    }

    /**
     * The option string that {@link #parse} reads back as these options: what the attach command passes to the target,
     * so a key typed on the command line reaches it unchanged.
     */
    public String format() {
        return "out=" + out + ",interval=" + interval.toMillis() + "ms,keep=" + keep + ",instrument=" + (instrument ? "on" : "off");
    }

    /** The same options with the report folder made absolute (against this process's working directory). */
    Options withAbsoluteOut() { return new Options(out.toAbsolutePath(), interval, keep, instrument); }

    private static Path out(String value) throws BadOption {
        if (value.isEmpty()) throw new BadOption("option 'out' is empty");
        try {
            return Path.of(value);
        } catch (RuntimeException e) {
            throw new BadOption("option 'out=" + value + "' is not a valid path");
        }
    }

    static Duration interval(String value) throws BadOption {
        Matcher m = DURATION.matcher(value.toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new BadOption("option 'interval=" + value + "' is not a duration such as 500ms, 10s, 5m or 1h");
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
        if (d.compareTo(MIN_INTERVAL) < 0 || d.compareTo(MAX_INTERVAL) > 0) {
            throw new BadOption("option 'interval=" + value + "' is outside 500ms..24h");
        }
        return d;
    }

    private static boolean onOff(String key, String value) throws BadOption {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new BadOption("option '" + key + "=" + value + "' is not on or off");
        };
    }

    private static int keep(String value) throws BadOption {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= MAX_KEEP) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new BadOption("option 'keep=" + value + "' is not a whole number from 1 to " + MAX_KEEP);
    }

    /** A bad option: its message names the option; {@link #line()} is what the user sees. */
    public static final class BadOption extends Exception {
        public BadOption(String message) { super(message, null, false, false); }

        /** The one stderr line: what is wrong, what is valid, and that the application runs on. */
        public String line() {
            return "quadrant: " + getMessage() + ". Valid options: " + VALID + ". Quadrant is not started; the application continues.";
        }
    }
}
