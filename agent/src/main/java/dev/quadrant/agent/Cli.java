package dev.quadrant.agent;

import dev.quadrant.core.RuleCatalog;
import dev.quadrant.reports.RulesPage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@code java -jar quadrant-agent.jar <command>}: the demo, the rule list, the version. */
public final class Cli {
    static final int OK = 0, USAGE = 2, FAILED = 1;
    static final int DEMO_SECONDS = 30;

    private Cli() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (command) {
            case "demo":
                return demo(rest);
            case "list":
            case "attach":
            case "stop":
                return attachCommand(command, rest);
            case "rules":
                System.out.print(RulesPage.text(RuleCatalog.all()));
                return OK;
            case "version":
                System.out.println("Quadrant " + Version.get());
                return OK;
            case "help":
            case "--help":
            case "-h":
                usage();
                return OK;
            default:
                System.err.println("quadrant: unknown command '" + command + "'");
                usage();
                return USAGE;
        }
    }

    private static void usage() {
        System.out.println(String.join("\n",
                "Quadrant " + Version.get() + " - a JVM diagnostic agent",
                "",
                "  java -javaagent:quadrant-agent.jar[=out=<dir>,interval=<10s>] -jar app.jar",
                "",
                "  java -jar quadrant-agent.jar attach <pid> [options]   start Quadrant in a running JVM",
                "  java -jar quadrant-agent.jar stop <pid>               final report, then Quadrant stops and leaves the JVM",
                "  java -jar quadrant-agent.jar list                     JVMs on this host and whether Quadrant runs in each",
                "  java -jar quadrant-agent.jar demo [seconds]   run a small faulty service with the agent and print where its report is",
                "  java -jar quadrant-agent.jar rules            the rule catalogue: what each rule detects, thresholds, fix, verify",
                "  java -jar quadrant-agent.jar version",
                "",
                "Options: " + Options.VALID));
    }

    private static int attachCommand(String command, String[] args) {
        boolean takesPid = !command.equals("list");
        if (takesPid && (args.length < 1 || args.length > 2 || (command.equals("stop") && args.length != 1))) {
            System.err.println("quadrant: usage: " + (command.equals("attach") ? "attach <pid> [options]" : command + " <pid>"));
            return USAGE;
        }
        try {
            AttachCommands commands = new AttachCommands(System.out, System.err, ownJar());
            return switch (command) {
                case "list" -> commands.list();
                case "attach" -> commands.attach(args[0], args.length > 1 ? args[1] : null);
                default -> commands.stop(args[0]);
            };
        } catch (NoClassDefFoundError e) {
            System.err.println("quadrant: '" + command + "' needs a JDK with the jdk.attach module, not a JRE (" + e.getMessage() + ")");
            return FAILED;
        } catch (Exception e) {
            System.err.println("quadrant: " + command + " failed: " + e);
            return FAILED;
        }
    }

    static Path ownJar() throws java.net.URISyntaxException {
        return Path.of(Cli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Runs demo.ShopService in a child JVM with this jar as its agent, reporting every 5 s. */
    static int demo(String[] args) {
        int seconds = DEMO_SECONDS;
        if (args.length > 0) {
            try {
                seconds = Integer.parseInt(args[0]);
            } catch (NumberFormatException e) {
                System.err.println("quadrant: demo takes a number of seconds, not '" + args[0] + "'");
                return USAGE;
            }
        }
        try {
            Path jar = ownJar();
            Path out = Path.of("quadrant-demo").toAbsolutePath();
            Files.createDirectories(out);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m",
                    "-javaagent:" + jar + "=out=" + out + ",interval=5s", "-cp", jar.toString(), "demo.ShopService", Integer.toString(seconds)));
            System.out.println("Running demo.ShopService for " + seconds + " s with Quadrant attached (reports every 5 s in " + out + ") ...");
            Process p = new ProcessBuilder(cmd).inheritIO().redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            int exit = p.waitFor();
            Path index = out.resolve("index.html");
            if (exit != 0 || !Files.exists(index)) {
                System.err.println("quadrant: the demo service ended with exit code " + exit + (Files.exists(index) ? "" : " and wrote no report"));
                return FAILED;
            }
            System.out.println("Report: " + index);
            return OK;
        } catch (Exception e) {
            System.err.println("quadrant: demo failed: " + e);
            return FAILED;
        }
    }
}
