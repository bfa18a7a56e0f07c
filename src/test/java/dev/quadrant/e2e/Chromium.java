package dev.quadrant.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium driven over the DevTools protocol (JDK WebSocket client, no driver): opens a page, runs
 * expressions in it, clicks, takes screenshots, and records what the page reported: console messages, uncaught
 * exceptions, log entries (CSP violations land there) and JavaScript dialogs (an {@code alert} that ran).
 */
final class Chromium implements AutoCloseable {
    static final List<String> BINARIES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();

    /** The browser on this machine, or null; under CI a missing browser is an error (the CI script installs it). */
    static String binary() {
        for (String name : BINARIES) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) return p.toString();
            }
        }
        if (System.getenv("CI") != null) throw new IllegalStateException("CI needs Chromium for the report tests; .ci/run installs it");
        return null;
    }

    static Chromium start(String binary) throws Exception {
        Path profile = Files.createTempDirectory("quadrant-chromium");
        Process p = new ProcessBuilder(binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--remote-debugging-port=0",
                "--remote-allow-origins=*", "--user-data-dir=" + profile, "--window-size=1280,900", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String browserUrl = null;
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        StringBuilder seen = new StringBuilder();
        for (String line; browserUrl == null && System.nanoTime() < deadline && (line = err.readLine()) != null; ) {
            seen.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) browserUrl = m.group(1);
        }
        if (browserUrl == null) {
            p.destroyForcibly();
            throw new IllegalStateException("Chromium did not start:\n" + seen);
        }
        Thread drain = new Thread(() -> { try { while (err.readLine() != null) { /* keep the pipe open */ } } catch (IOException ignored) { } });
        drain.setDaemon(true);
        drain.start();
        URI base = URI.create(browserUrl.replaceFirst("^ws://", "http://"));
        String http = "http://" + base.getHost() + ":" + base.getPort();
        HttpClient client = HttpClient.newHttpClient();
        JsonNode targets = JSON.readTree(client.send(HttpRequest.newBuilder(URI.create(http + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String pageUrl = null;
        for (JsonNode t : targets) if (t.get("type").asText().equals("page")) pageUrl = t.get("webSocketDebuggerUrl").asText();
        if (pageUrl == null) throw new IllegalStateException("no page target: " + targets);
        return new Chromium(p, profile, client, URI.create(pageUrl));
    }

    private Chromium(Process process, Path profile, HttpClient client, URI page) throws Exception {
        this.process = process;
        this.profile = profile;
        this.socket = client.newWebSocketBuilder().buildAsync(page, new Listener()).get(20, TimeUnit.SECONDS);
        for (String domain : List.of("Page", "Runtime", "Log")) send(domain + ".enable", Map.of());
        send("Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1, "mobile", false));
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode msg = JSON.readTree(partial.toString());
                    if (msg.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
                        if (f != null) f.complete(msg);
                    } else {
                        events.add(msg);
                        // a dialog would block the page: it is recorded, then dismissed
                        if (msg.path("method").asText().equals("Page.javascriptDialogOpening")) {
                            sendAsync("Page.handleJavaScriptDialog", Map.of("accept", false));
                        }
                    }
                } catch (IOException e) {
                    events.add(JSON.createObjectNode().put("method", "unparsable").put("text", e.toString()));
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }

    private CompletableFuture<JsonNode> sendAsync(String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
        msg.set("params", JSON.valueToTree(params));
        socket.sendText(msg.toString(), true);
        return f;
    }

    JsonNode send(String method, Map<String, Object> params) throws Exception {
        JsonNode r = sendAsync(method, params).get(60, TimeUnit.SECONDS);
        if (r.has("error")) throw new IllegalStateException(method + ": " + r.get("error"));
        return r.get("result");
    }

    /** Loads {@code file} and waits for its load event and for the page's scripts to settle. */
    void open(Path file) throws Exception {
        events.clear();
        send("Page.navigate", Map.of("url", file.toUri().toString()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (events.stream().noneMatch(e -> e.path("method").asText().equals("Page.loadEventFired"))) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("page did not load: " + file);
            Thread.sleep(50);
        }
        eval("new Promise(r => requestAnimationFrame(() => setTimeout(r, 50)))");
    }

    /** The value of a JavaScript expression in the page (promises awaited). */
    JsonNode eval(String expression) throws Exception {
        JsonNode r = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (r.has("exceptionDetails")) throw new IllegalStateException(expression + " threw " + r.get("exceptionDetails"));
        return r.path("result").path("value");
    }

    void click(double x, double y) throws Exception {
        for (String type : List.of("mousePressed", "mouseReleased")) {
            send("Input.dispatchMouseEvent", Map.of("type", type, "x", x, "y", y, "button", "left", "clickCount", 1));
        }
    }

    void type(String text) throws Exception { send("Input.insertText", Map.of("text", text)); }

    /** The whole page as a PNG at {@code file}. */
    void screenshot(Path file) throws Exception {
        JsonNode r = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(r.get("data").asText()));
    }

    /** The part of the page under the first element matching {@code selector}, as a PNG at {@code file}. */
    void screenshot(Path file, String selector) throws Exception {
        JsonNode r = eval("(() => { const e = document.querySelector(" + JSON.writeValueAsString(selector) + "); e.scrollIntoView();"
                + " const r = e.getBoundingClientRect(); return [r.left + scrollX, r.top + scrollY, r.width, r.height]; })()");
        Map<String, Object> clip = Map.of("x", r.get(0).asDouble(), "y", r.get(1).asDouble(), "width", r.get(2).asDouble(),
                "height", r.get(3).asDouble(), "scale", 1);
        JsonNode shot = send("Page.captureScreenshot", Map.of("format", "png", "clip", clip, "captureBeyondViewport", true));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
    }

    /** What went wrong on the page since it was opened: errors on the console, uncaught exceptions, error log entries. */
    List<String> problems() {
        List<String> out = new ArrayList<>();
        for (JsonNode e : events) {
            String method = e.path("method").asText();
            JsonNode p = e.path("params");
            switch (method) {
                case "Runtime.exceptionThrown" -> out.add("exception: " + p.path("exceptionDetails"));
                case "Runtime.consoleAPICalled" -> {
                    String type = p.path("type").asText();
                    if (type.equals("error") || type.equals("warning") || type.equals("assert")) out.add("console " + type + ": " + p.path("args"));
                }
                case "Log.entryAdded" -> {
                    String level = p.path("entry").path("level").asText();
                    if (level.equals("error") || level.equals("warning")) out.add("log " + level + ": " + p.path("entry").path("text").asText());
                }
                case "Page.javascriptDialogOpening" -> out.add("dialog: " + p.path("message").asText());
                default -> { }
            }
        }
        return out;
    }

    List<JsonNode> dialogs() {
        return events.stream().filter(e -> e.path("method").asText().equals("Page.javascriptDialogOpening")).toList();
    }

    @Override public void close() throws Exception {
        try {
            socket.abort();
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
