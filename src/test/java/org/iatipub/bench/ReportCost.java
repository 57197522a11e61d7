package org.iatipub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.iatipub.Chromium;
import org.iatipub.cli.Main;

/**
 * What the validation reports cost on a big file: generates an IATI file of N activities (about
 * 4 KB each, so 50,000 make about 200 MB) with two findings each (a DAC sector code that does not
 * exist, an error, and a withdrawn one, a warning), then times {@code validate --format html} and
 * {@code --format csv} on it in this JVM, twice each in turn (wall and CPU time), and headless
 * Chromium loading the HTML report (navigation to the load event, the page's filter script
 * included, with the browser already started). Prints sizes, times and the heap's peak use.
 *
 * <p>Usage: {@code java -cp target/test-classes:target/iatipub.jar org.iatipub.bench.ReportCost [ACTIVITIES] [DIR]}
 * (defaults: 50000, target/bench-report).
 */
public final class ReportCost {
  private ReportCost() {}

  public static void main(String[] args) throws Exception {
    int activities = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    Path dir = Path.of(args.length > 1 ? args[1] : "target/bench-report");
    Files.createDirectories(dir);
    Path xml = dir.resolve("activities.xml");
    long start = System.nanoTime();
    generate(xml, activities);
    System.out.printf(Locale.ROOT, "generated %s: %,d activities, %.1f MB in %.1f s%n", xml, activities, mb(Files.size(xml)), seconds(start));

    Path html = dir.resolve("report.html");
    Path csv = dir.resolve("findings.csv");
    // Twice each, in turn: the first rounds include compiling the code (JIT), as a single command run would.
    for (int round = 1; round <= 2; round++) {
      for (String format : List.of("html", "csv")) {
        Path report = format.equals("html") ? html : csv;
        resetPeaks();
        long cpu = processCpu();
        start = System.nanoTime();
        int exit = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(System.err, true), "validate", "--format", format,
            "--output", report.toString(), xml.toString());
        System.out.printf(Locale.ROOT, "round %d, validate --format %s: %.1f s, %.1f s of CPU (exit %d), report %.2f MB, peak heap used %.0f MB%n",
            round, format, seconds(start), (processCpu() - cpu) / 1e9, exit, mb(Files.size(report)), mb(peakHeap()));
      }
    }
    try (var lines = Files.lines(csv)) {
      System.out.printf(Locale.ROOT, "the CSV report has %,d lines%n", lines.count());
    }

    Path blank = dir.resolve("blank.html");
    Files.writeString(blank, "<!DOCTYPE html><title>blank</title>");
    try (Chromium browser = Chromium.open(blank, dir)) {
      for (int round = 1; round <= 3; round++) {
        start = System.nanoTime();
        browser.navigate(html);
        double loaded = seconds(start);
        JsonNode timing = browser.evaluate("(function(){var n=performance.getEntriesByType('navigation')[0];"
            + "return {interactive:n.domInteractive,loaded:n.loadEventEnd,nodes:document.getElementsByTagName('*').length,"
            + "findings:document.querySelectorAll('.f').length};})()");
        System.out.printf(Locale.ROOT, "chromium, round %d: loaded in %.2f s (DOM interactive at %.0f ms, load event done at %.0f ms),"
            + " %,d elements, %d findings shown%n", round, loaded, timing.get("interactive").asDouble(), timing.get("loaded").asDouble(),
            timing.get("nodes").asInt(), timing.get("findings").asInt());
      }
    }
  }

  /** N activities, each about 4 KB, each with a sector code that does not exist and a withdrawn one. */
  static void generate(Path file, int activities) throws IOException {
    String words = "Decent work and social protection for workers in the informal economy, with employment services, skills"
        + " training and support to small enterprises, so that young women and men find jobs and keep them. ";
    try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20)) {
      out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<iati-activities version=\"2.03\" generated-datetime=\"2024-05-01T00:00:00Z\">\n");
      for (int i = 1; i <= activities; i++) {
        out.write("  <iati-activity xml:lang=\"en\" default-currency=\"USD\" last-updated-datetime=\"2024-05-01T00:00:00Z\">\n");
        out.write("    <iati-identifier>XM-DAC-41302-" + i + "</iati-identifier>\n");
        out.write("    <reporting-org ref=\"XM-DAC-41302\" type=\"40\"><narrative>International Labour Organization</narrative></reporting-org>\n");
        out.write("    <title><narrative>Activity " + i + ": " + words.substring(0, 80) + "</narrative></title>\n");
        out.write("    <description><narrative>" + words.repeat(5) + "</narrative></description>\n");
        out.write("    <description type=\"2\"><narrative>" + words.repeat(5) + "</narrative></description>\n");
        out.write("    <participating-org role=\"1\" ref=\"XM-DAC-7\" type=\"10\"><narrative>Ministry of Foreign Affairs</narrative></participating-org>\n");
        out.write("    <participating-org role=\"4\" ref=\"XM-DAC-41302\" type=\"40\"><narrative>International Labour Organization</narrative></participating-org>\n");
        out.write("    <activity-status code=\"2\"/>\n");
        out.write("    <activity-date type=\"1\" iso-date=\"2021-01-01\"/>\n");
        out.write("    <activity-date type=\"3\" iso-date=\"2023-12-31\"/>\n");
        out.write("    <recipient-country code=\"KE\" percentage=\"100\"/>\n");
        out.write("    <sector code=\"99999\" percentage=\"50\"/>\n");
        out.write("    <sector code=\"11321\" percentage=\"50\"/>\n");
        for (int t = 1; t <= 4; t++) {
          out.write("    <transaction><transaction-type code=\"3\"/><transaction-date iso-date=\"2022-0" + t + "-15\"/>"
              + "<value value-date=\"2022-0" + t + "-15\">" + (1000 * t + i % 997) + ".50</value>"
              + "<description><narrative>Payment " + t + " of activity " + i + "</narrative></description></transaction>\n");
        }
        out.write("  </iati-activity>\n");
      }
      out.write("</iati-activities>\n");
    }
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  /** The heap's peak use since the last reset: the sum of the heap pools' peaks (an upper bound on live data). */
  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  /** CPU time of the whole process, every thread (the JIT's included), in nanoseconds. */
  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static double mb(long bytes) {
    return bytes / 1e6;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
