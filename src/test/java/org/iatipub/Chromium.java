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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium, for tests that check what a person sees of a page: the DOM after
 * the page's own script ran ({@link #dumpDom}), or a page driven through the DevTools
 * protocol (JDK's HTTP client and WebSocket only) to click as a person would. Started as the
 * machine's notes say: no sandbox (tests run as root), no GPU, and none of Chromium's own network
 * traffic, with a fresh profile each time. Without Chromium the test skips, and fails under
 * {@code CI=true} ({@link HostProgram}).
 *
 * <p>Everything Chromium writes (its profile, its temporary files, its crash database) goes into a
 * directory under the caller's {@code work} directory (a test's {@code @TempDir}), never into
 * {@code /tmp} or the home directory; and every Chromium process, the helpers it forks included,
 * is gone before a call returns or {@link #close} does, each wait bounded by a timeout.
 */
public final class Chromium implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  /** How long a process told to end is given before it is killed, and then before the test is told it lingers. */
  private static final Duration ENDING = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path work;
  private final WebSocket socket;
  private final BlockingQueue<JsonNode> messages;
  private final AtomicInteger ids = new AtomicInteger();

  private Chromium(Process process, Path work, WebSocket socket, BlockingQueue<JsonNode> messages) {
    this.process = process;
    this.work = work;
    this.socket = socket;
    this.messages = messages;
  }

  /**
   * A fresh directory under {@code parent} for one browser: its profile, temporary and config
   * files. Its name is short: Chromium puts a Unix socket in its temporary directory, and a
   * socket's path may not be longer than 107 bytes.
   */
  private static Path workUnder(Path parent) throws IOException {
    for (int n = 1; ; n++) {
      Path work = parent.resolve("chromium-" + n);
      try {
        Files.createDirectory(work);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        continue;
      }
      Files.createDirectories(work.resolve("t"));
      Files.createDirectories(work.resolve("config"));
      return work;
    }
  }

  private static List<String> command(Path work) {
    Path chromium = HostProgram.require("chromium", "chromium");
    return new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-breakpad", "--user-data-dir=" + work.resolve("profile")));
  }

  /** Started with its temporary files and its crash database in {@code work}. */
  private static ProcessBuilder builder(List<String> command, Path work) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(work.resolve("chromium.log").toFile());
    builder.environment().put("TMPDIR", work.resolve("t").toString());
    builder.environment().put("XDG_CONFIG_HOME", work.resolve("config").toString());
    return builder;
  }

  /** The page's DOM once loaded and its script has run, as Chromium serialises it. */
  public static String dumpDom(Path html, Path parent) throws IOException, InterruptedException {
    Path work = workUnder(parent);
    Path dom = work.resolve("dom.html");
    List<String> command = command(work);
    command.add("--dump-dom");
    command.add(html.toUri().toString());
    // To a file, not a pipe: reading a pipe would wait with no timeout on a browser that hangs.
    Process process = builder(command, work).redirectOutput(dom.toFile()).start();
    try {
      awaitExit(process, work, "loading " + html);
      String text = Files.readString(dom, StandardCharsets.UTF_8);
      if (process.exitValue() != 0 || text.isBlank()) {
        throw new IOException("chromium showed no page for " + html + " (exit " + process.exitValue() + ")" + told(work));
      }
      return text;
    } finally {
      end(process, work);
    }
  }

  /** What Chromium said on standard error, its last lines, for a failure's message. */
  private static String told(Path work) {
    try {
      List<String> lines = Files.readAllLines(work.resolve("chromium.log"), StandardCharsets.UTF_8);
      return "; it said:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  private static void awaitExit(Process process, Path work, String what) throws IOException, InterruptedException {
    if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      throw new IOException("chromium did not finish " + what + " in " + TIMEOUT + told(work));
    }
  }

  /**
   * Ends the browser and every process of it: its descendants, and any helper that outlived it (a
   * helper whose parent exited is no longer its descendant, but names the work directory in its
   * arguments). Then deletes the work directory, which nothing writes to any more.
   */
  private static void end(Process process, Path work) throws IOException, InterruptedException {
    String mark = work + java.io.File.separator; // chromium-1/, not chromium-12's prefix
    List<ProcessHandle> all = Stream.concat(Stream.concat(Stream.of(process.toHandle()), process.descendants()),
        ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(line -> line.contains(mark)).orElse(false)))
        .distinct().toList();
    all.forEach(ProcessHandle::destroy);
    List<ProcessHandle> left = awaitEnd(all);
    left.forEach(ProcessHandle::destroyForcibly);
    left = awaitEnd(left);
    if (!left.isEmpty()) {
      throw new IOException("chromium processes " + left.stream().map(ProcessHandle::pid).toList() + " did not end in " + ENDING.multipliedBy(2));
    }
    delete(work);
  }

  /** Waits up to {@link #ENDING} for the processes to end; those still running. */
  private static List<ProcessHandle> awaitEnd(List<ProcessHandle> processes) throws InterruptedException {
    long deadline = System.nanoTime() + ENDING.toNanos();
    List<ProcessHandle> left = new ArrayList<>();
    for (ProcessHandle handle : processes) {
      try {
        handle.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        left.add(handle);
      } catch (ExecutionException e) {
        // onExit never fails; if it did, isAlive below still tells
      }
      if (handle.isAlive() && !left.contains(handle)) {
        left.add(handle);
      }
    }
    return left;
  }

  /** A browser showing {@code html}, driven through the DevTools protocol; close it when done. */
  public static Chromium open(Path html, Path parent) throws IOException, InterruptedException {
    Path work = workUnder(parent);
    List<String> command = command(work);
    command.add("--remote-debugging-port=0");
    command.add("--remote-allow-origins=*");
    command.add("--window-size=1280,1000");
    command.add("about:blank");
    Process process = builder(command, work).start();
    try {
      Path portFile = work.resolve("profile").resolve("DevToolsActivePort");
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (!Files.isRegularFile(portFile) || Files.readAllLines(portFile).size() < 2) {
        if (System.nanoTime() > deadline || !process.isAlive()) {
          throw new IOException("chromium did not open its DevTools port" + told(work));
        }
        Thread.sleep(50);
      }
      String port = Files.readAllLines(portFile).get(0).strip();
      HttpClient http = HttpClient.newHttpClient();
      String pageSocket = null;
      while (pageSocket == null) {
        String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).timeout(TIMEOUT).build(),
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
      WebSocket socket = http.newWebSocketBuilder().connectTimeout(TIMEOUT).buildAsync(URI.create(pageSocket), new Listener(messages))
          .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      Chromium browser = new Chromium(process, work, socket, messages);
      browser.call("Page.enable", JSON.createObjectNode());
      browser.navigate(html);
      return browser;
    } catch (ExecutionException | TimeoutException e) {
      end(process, work);
      throw new IOException("chromium's DevTools socket did not open: " + e, e);
    } catch (IOException | InterruptedException | RuntimeException e) {
      try {
        end(process, work);
      } catch (IOException | InterruptedException | RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
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
    try {
      socket.sendText(JSON.writeValueAsString(message), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException(method + " could not be sent: " + e, e);
    }
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

  /** Ends the browser and all its processes, waiting a bounded time, and deletes its work directory. */
  @Override
  public void close() throws IOException {
    socket.abort();
    try {
      end(process, work);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while ending chromium", e);
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
