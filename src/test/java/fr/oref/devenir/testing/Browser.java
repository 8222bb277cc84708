package fr.oref.devenir.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A headless Chromium driven as a reader drives it — keys pressed, options chosen — through the
 * DevTools protocol, with the JDK's web socket: no driver to install. {@code .ci/run} installs
 * Debian's chromium; a developer's machine without it skips the tests that use it (not in CI).
 */
public final class Browser implements AutoCloseable {
  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  private Browser(Process process, WebSocket socket) {
    this.process = process;
    this.socket = socket;
  }

  /** Opens {@code page} in a window {@code width} pixels wide and waits until it has loaded. */
  public static Browser open(Path page, int width, Path scratch) throws Exception {
    assumeTrue(CHROMIUM.canExecute() || System.getenv("CI") != null, "chromium is not installed");
    Path profile = Files.createTempDirectory(scratch, "chromium");
    List<String> command = new ArrayList<>(List.of(CHROMIUM.getPath(), "--headless", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--hide-scrollbars", "--remote-debugging-port=0", "--window-size=" + width + ",1000",
        "--user-data-dir=" + profile, page.toUri().toString()));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    Path portFile = profile.resolve("DevToolsActivePort");
    // chromium writes its port once listening; a browser that never starts fails the test below
    for (int i = 0; i < 300 && !Files.exists(portFile) && process.isAlive(); i++) {
      Thread.sleep(100);
    }
    String port = Files.readAllLines(portFile).get(0);
    HttpClient http = HttpClient.newHttpClient();
    String socketUrl = null;
    for (int i = 0; i < 100 && socketUrl == null; i++) {
      for (JsonNode target : JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
          + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body())) {
        if ("page".equals(target.path("type").asText())) {
          socketUrl = target.path("webSocketDebuggerUrl").asText();
        }
      }
      if (socketUrl == null) {
        Thread.sleep(100);
      }
    }
    Browser[] self = new Browser[1];
    WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(socketUrl), new WebSocket.Listener() {
      private final StringBuilder message = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        message.append(data);
        if (last) {
          self[0].answer(message.toString());
          message.setLength(0);
        }
        ws.request(1);
        return null;
      }
    }).get(30, TimeUnit.SECONDS);
    self[0] = new Browser(process, socket);
    // the first target can still be about:blank, or the page mid-navigation (its context then vanishes
    // under an evaluation): wait until the page itself reports loaded
    self[0].waitUntil("location.protocol === 'file:' && document.readyState === 'complete'");
    return self[0];
  }

  /** Waits until a JavaScript condition holds in the page, at most a minute. */
  public void waitUntil(String condition) throws Exception {
    IllegalStateException last = null;
    for (int i = 0; i < 600; i++) {
      try {
        if (evaluate(condition).asBoolean()) {
          return;
        }
      } catch (IllegalStateException e) {
        last = e;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the page never satisfied " + condition, last);
  }

  private void answer(String text) {
    try {
      JsonNode message = JSON.readTree(text);
      if (message.has("id")) {
        pending.remove(message.get("id").asInt()).complete(message);
      }
    } catch (Exception e) {
      pending.values().forEach(f -> f.completeExceptionally(e));
    }
  }

  /** Sends a DevTools command and returns its result. */
  public JsonNode send(String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true).get();
    JsonNode message = answer.get(60, TimeUnit.SECONDS);
    if (message.has("error")) {
      throw new IllegalStateException(method + ": " + message.get("error"));
    }
    return message.get("result");
  }

  /** The value of a JavaScript expression in the page (a promise is awaited), as JSON. */
  public JsonNode evaluate(String expression) throws Exception {
    JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
        "awaitPromise", true));
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException(expression + ": " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** Chooses an option of a select, as a mouse does: its value set, then the change event. */
  public void choose(String selectId, String value) throws Exception {
    evaluate("(() => { const s = document.getElementById(" + JSON.writeValueAsString(selectId) + "); s.value = "
        + JSON.writeValueAsString(value) + "; s.dispatchEvent(new Event('change')); })()");
  }

  /** Presses and releases a key on whatever has the focus, as a keyboard does. */
  public void press(String key, int keyCode) throws Exception {
    for (String type : List.of("rawKeyDown", "keyUp")) {
      ObjectNode event = JSON.createObjectNode().put("type", type).put("key", key).put("code", key)
          .put("windowsVirtualKeyCode", keyCode).put("nativeVirtualKeyCode", keyCode);
      send("Input.dispatchKeyEvent", JSON.convertValue(event, Map.class));
    }
  }

  /** A PNG of the whole page, {@code width} pixels wide. */
  public void screenshot(Path png, int width) throws Exception {
    int height = evaluate("document.documentElement.scrollHeight").asInt();
    send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1,
        "mobile", false));
    String data = send("Page.captureScreenshot", Map.of("format", "png")).get("data").asText();
    Files.write(png, Base64.getDecoder().decode(data));
  }

  @Override
  public void close() throws Exception {
    socket.abort();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
