package org.iatipub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
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
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's headless Chromium, for tests that check what a person sees of a page: the DOM after
 * the page's own script ran ({@link #dumpDom}), a screenshot, or a page driven through the DevTools
 * protocol (JDK's HTTP client and WebSocket only) to click as a person would. Started as the
 * machine's notes say: no sandbox (tests run as root), no GPU, and none of Chromium's own network
 * traffic, with a fresh profile each time. Without Chromium the test skips, and fails under
 * {@code CI=true} ({@link HostProgram}).
 */
public final class Chromium implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final BlockingQueue<JsonNode> messages;
  private final AtomicInteger ids = new AtomicInteger();

  private Chromium(Process process, Path profile, WebSocket socket, BlockingQueue<JsonNode> messages) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
    this.messages = messages;
  }

  private static List<String> command(Path profile) {
    Path chromium = HostProgram.require("chromium", "chromium");
    return new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile));
  }

  /** The page's DOM once loaded and its script has run, as Chromium serialises it. */
  public static String dumpDom(Path html) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("iatipub-chromium-");
    try {
      List<String> command = command(profile);
      command.add("--dump-dom");
      command.add(html.toUri().toString());
      Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      byte[] dom = process.getInputStream().readAllBytes();
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("chromium did not finish loading " + html + " in " + TIMEOUT);
      }
      return new String(dom, StandardCharsets.UTF_8);
    } finally {
      delete(profile);
    }
  }

  /** A picture of the page as a browser window of this size shows it. */
  public static void screenshot(Path html, Path png, int width, int height) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("iatipub-chromium-");
    try {
      List<String> command = command(profile);
      command.add("--hide-scrollbars");
      command.add("--window-size=" + width + "," + height);
      command.add("--screenshot=" + png.toAbsolutePath());
      command.add(html.toUri().toString());
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("chromium did not finish the screenshot of " + html + " in " + TIMEOUT);
      }
    } finally {
      delete(profile);
    }
  }

  /** A browser showing {@code html}, driven through the DevTools protocol; close it when done. */
  public static Chromium open(Path html) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("iatipub-chromium-");
    List<String> command = command(profile);
    command.add("--remote-debugging-port=0");
    command.add("--remote-allow-origins=*");
    command.add("--window-size=1280,1000");
    command.add("about:blank");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      Path portFile = profile.resolve("DevToolsActivePort");
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (!Files.isRegularFile(portFile) || Files.readAllLines(portFile).size() < 2) {
        if (System.nanoTime() > deadline || !process.isAlive()) {
          throw new IOException("chromium did not open its DevTools port");
        }
        Thread.sleep(50);
      }
      String port = Files.readAllLines(portFile).get(0).strip();
      HttpClient http = HttpClient.newHttpClient();
      String pageSocket = null;
      while (pageSocket == null) {
        String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        for (JsonNode target : JSON.readTree(list)) {
          if (target.path("type").asText().equals("page")) {
            pageSocket = target.get("webSocketDebuggerUrl").asText();
          }
        }
        if (pageSocket == null) {
          if (System.nanoTime() > deadline) {
            throw new IOException("chromium opened no page");
          }
          Thread.sleep(50);
        }
      }
      BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
      WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new Listener(messages)).join();
      Chromium browser = new Chromium(process, profile, socket, messages);
      browser.call("Page.enable", JSON.createObjectNode());
      browser.navigate(html);
      return browser;
    } catch (IOException | InterruptedException | RuntimeException e) {
      process.destroyForcibly();
      delete(profile);
      throw e;
    }
  }

  /** Shows {@code html}, loaded afresh (its script run again), once it has loaded. */
  public void navigate(Path html) throws IOException, InterruptedException {
    messages.clear();
    call("Page.navigate", JSON.createObjectNode().put("url", html.toUri().toString()));
    awaitEvent("Page.loadEventFired");
  }

  /** Gathers text frames into messages. */
  private static final class Listener implements WebSocket.Listener {
    private final BlockingQueue<JsonNode> messages;
    private final StringBuilder partial = new StringBuilder();

    Listener(BlockingQueue<JsonNode> messages) {
      this.messages = messages;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          messages.add(JSON.readTree(partial.toString()));
        } catch (IOException e) {
          throw new IllegalStateException("DevTools sent what is not JSON: " + partial, e);
        }
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }
  }

  /** Sends a DevTools command and returns its result. */
  public JsonNode call(String method, ObjectNode params) throws IOException, InterruptedException {
    int id = ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", params);
    socket.sendText(JSON.writeValueAsString(message), true).join();
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      JsonNode reply = messages.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (reply == null) {
        throw new IOException("no answer to " + method + " in " + TIMEOUT);
      }
      if (reply.path("id").asInt() == id) {
        if (reply.has("error")) {
          throw new IOException(method + " failed: " + reply.get("error"));
        }
        return reply.get("result");
      }
    }
  }

  private void awaitEvent(String method) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      JsonNode message = messages.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (message == null) {
        throw new IOException("no " + method + " in " + TIMEOUT);
      }
      if (method.equals(message.path("method").asText())) {
        return;
      }
    }
  }

  /** The value of a JavaScript expression in the page, as JSON. */
  public JsonNode evaluate(String expression) throws IOException, InterruptedException {
    JsonNode result = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression).put("returnByValue", true));
    if (result.has("exceptionDetails")) {
      throw new IOException(expression + " threw: " + result.get("exceptionDetails"));
    }
    return result.get("result").path("value");
  }

  /** Clicks the middle of the element {@code selector} finds, with the mouse, as a person would. */
  public void click(String selector) throws IOException, InterruptedException {
    JsonNode box = evaluate("(function(){var e=document.querySelector(" + JSON.writeValueAsString(selector)
        + ");e.scrollIntoView({block:'center'});var r=e.getBoundingClientRect();return {x:r.left+r.width/2,y:r.top+r.height/2};})()");
    for (String type : List.of("mousePressed", "mouseReleased")) {
      call("Input.dispatchMouseEvent", JSON.createObjectNode().put("type", type).put("x", box.get("x").asDouble())
          .put("y", box.get("y").asDouble()).put("button", "left").put("clickCount", 1));
    }
  }

  @Override
  public void close() throws IOException {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
    } finally {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
      delete(profile);
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      // Chromium may still be writing its profile as it exits; the temporary directory is the system's to clean.
    }
  }
}
