package org.iatipub.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.iatipub.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A nightly run killed with {@code kill -9} half-way leaves the previous night's output exactly as
 * it was, and the next run cleans up after it and publishes. The killed run is a real separate JVM
 * running {@code iatipub publish}, killed once it has started writing its staged files.
 */
class KilledRunTest {
  private static final int PROJECTS = 3000;

  @TempDir Path input;
  @TempDir Path output;

  private void writeInput(String title) throws Exception {
    StringBuilder projects = new StringBuilder("code,programme,title_en,title_zh,summary_en,status,start,end,modality\n");
    StringBuilder participants = new StringBuilder("code,role,org_id,org_type,name_en\n");
    StringBuilder sectors = new StringBuilder("code,theme,share\n");
    StringBuilder countries = new StringBuilder("code,country,share\n");
    for (int i = 0; i < PROJECTS; i++) {
      String code = String.format("ZZ-%05d", i);
      projects.append(code).append(",,").append(title).append(' ').append(i)
          .append(",项目,Employment services and enterprise support.,ACTIVE,2022-01-01,2025-12-31,\n");
      participants.append(code).append(",DONOR,XM-DAC-7,10,Netherlands\n")
          .append(code).append(",PARTNER,XM-DAC-41302,40,International Labour Organization\n");
      sectors.append(code).append(",EMP-YOUTH,100\n");
      countries.append(code).append(",ET,100\n");
    }
    OwnForm.write(input, "projects.csv", projects.toString(), "participants.csv", participants.toString(),
        "sectors.csv", sectors.toString(), "countries.csv", countries.toString());
  }

  /** Every regular file under the output directory but staging directories, with its bytes. */
  private Map<String, byte[]> published() throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(output)) {
      for (Path file : all.filter(Files::isRegularFile).toList()) {
        String name = output.relativize(file).toString();
        if (!name.startsWith(".iatipub-staging-")) {
          files.put(name, Files.readAllBytes(file));
        }
      }
    }
    return files;
  }

  private List<Path> staging() throws Exception {
    try (Stream<Path> all = Files.list(output)) {
      return all.filter(p -> p.getFileName().toString().startsWith(".iatipub-staging-")).toList();
    }
  }

  private static boolean hasFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.findAny().isPresent();
    } catch (Exception e) {
      return false;
    }
  }

  private int publish() {
    java.io.StringWriter out = new java.io.StringWriter();
    int code = Main.run(new java.io.PrintWriter(out), new java.io.PrintWriter(out), "publish", "--input", input.toString(),
        "--output", output.toString());
    if (code != 0) {
      System.out.println(out.toString().lines().limit(20).reduce("", (a, b) -> a + b + "\n"));
    }
    return code;
  }

  @Test
  void aRunKilledHalfWayLeavesThePreviousOutputAsItWas() throws Exception {
    writeInput("Decent work project");
    assertEquals(0, publish());
    Map<String, byte[]> before = published();
    assertTrue(before.containsKey("manifest.json"));

    writeInput("Renamed project"); // the killed run would have changed every activity
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process run = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "publish", "--input", input.toString(), "--output", output.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      boolean caught = false;
      // A child that hangs before writing must fail the test, not hang it.
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (run.isAlive() && !caught && System.nanoTime() < deadline) {
        caught = staging().stream().anyMatch(KilledRunTest::hasFiles);
        Thread.onSpinWait();
      }
      assertTrue(caught, "the run " + (run.isAlive() ? "wrote nothing to its staging directory within 2 minutes"
          : "ended (exit " + run.exitValue() + ") before it was caught writing; make the input bigger"));
      run.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
      assertTrue(run.waitFor(30, TimeUnit.SECONDS));
    } finally {
      run.destroyForcibly();
    }

    Map<String, byte[]> after = published();
    assertEquals(before.keySet(), after.keySet(), "no file appeared or went");
    before.forEach((name, bytes) -> assertTrue(Arrays.equals(bytes, after.get(name)), name + " changed"));
    assertFalse(staging().isEmpty(), "the killed run's staging directory is still there");

    assertEquals(0, publish());
    assertEquals(List.of(), staging(), "the next run deleted the stale staging directory");
    String xml = Files.readString(output.resolve("ilo-" + input.getFileName() + ".xml"));
    assertTrue(xml.contains("Renamed project " + (PROJECTS - 1)));
    assertFalse(Files.exists(output.resolve(".iatipub-commit.json")));
    assertTrue(Files.readString(output.resolve("manifest.json")).contains("\"activities\" : " + PROJECTS));
  }
}
