package org.iatipub.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.iatipub.finding.Finding;
import org.iatipub.flatten.Flattener;

/**
 * What {@code flatten} costs on a big file: generates an activity file of N activities with K
 * transactions each (and a result with an indicator and a period, narratives in two languages)
 * unless it is there, flattens it in this JVM, and prints the time, activities per second, MB of
 * XML per second and the peak live heap: the heap left after a full collection, forced every
 * second while flatten runs. Run it with a small heap ({@code -Xmx64m}) to see that memory does
 * not grow with the file.
 *
 * <p>Usage: {@code FlattenCost N K DIR [csv|xlsx]}; the file is {@code DIR/activities-N-K.xml},
 * the sheets go to {@code DIR/sheets}.
 */
public final class FlattenCost {
  public static void main(String[] args) throws Exception {
    if (args.length < 3 || args.length > 4) {
      System.err.println("usage: FlattenCost N K DIR [csv|xlsx]");
      System.exit(2);
    }
    int activities = Integer.parseInt(args[0]);
    int transactions = Integer.parseInt(args[1]);
    Path dir = Files.createDirectories(Path.of(args[2]));
    Flattener.Format format = args.length > 3 && args[3].equals("xlsx") ? Flattener.Format.XLSX : Flattener.Format.CSV;
    Path file = dir.resolve("activities-" + activities + "-" + transactions + ".xml");
    if (!Files.exists(file)) {
      write(file, activities, transactions);
    }
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    List<Finding> findings = new ArrayList<>();
    AtomicReference<Throwable> failed = new AtomicReference<>();
    Thread run = new Thread(() -> {
      try {
        new Flattener(format).flatten(List.of(file), dir.resolve("sheets"), findings::add);
      } catch (IOException | RuntimeException e) {
        failed.set(e);
      }
    });
    long start = System.nanoTime();
    run.start();
    long peak = 0;
    while (run.isAlive()) {
      run.join(1000);
      memory.gc();
      peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (failed.get() != null) {
      throw new IllegalStateException(failed.get());
    }
    double megabytes = Files.size(file) / 1e6;
    System.out.printf(Locale.ROOT, "%s: %d activities x %d transactions, %.1f MB of XML, %s: %.1f s, %.0f activities/s,"
            + " %.1f MB/s, peak live heap %.1f MB (max heap %.0f MB), %d findings%n", file, activities, transactions,
        megabytes, format, seconds, activities / seconds, megabytes / seconds, peak / 1e6,
        Runtime.getRuntime().maxMemory() / 1e6, findings.size());
  }

  private static void write(Path file, int activities, int transactions) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("<iati-activities version=\"2.03\" generated-datetime=\"2025-01-01T00:00:00Z\">\n");
      for (int a = 0; a < activities; a++) {
        String id = "XM-EX-" + a;
        out.write("<iati-activity last-updated-datetime=\"2025-01-01T00:00:00Z\" xml:lang=\"en\" default-currency=\"USD\">"
            + "<iati-identifier>" + id + "</iati-identifier>"
            + "<reporting-org ref=\"XM-EX\" type=\"10\"><narrative>Example Ministry</narrative></reporting-org>"
            + "<title><narrative>Project " + a + "</narrative><narrative xml:lang=\"fr\">Projet " + a + "</narrative></title>"
            + "<description><narrative>What project " + a + " does, in a sentence or two.</narrative></description>"
            + "<participating-org role=\"1\" ref=\"XM-EX\"/><activity-status code=\"2\"/>"
            + "<activity-date type=\"1\" iso-date=\"2024-01-01\"/><recipient-country code=\"KE\" percentage=\"100\"/>"
            + "<sector code=\"11110\" percentage=\"100\"/>"
            + "<budget type=\"1\" status=\"1\"><period-start iso-date=\"2024-01-01\"/><period-end iso-date=\"2024-12-31\"/>"
            + "<value value-date=\"2024-01-01\">100000</value></budget>");
        for (int t = 0; t < transactions; t++) {
          out.write("<transaction><transaction-type code=\"" + (t == 0 ? 2 : 4) + "\"/>"
              + "<transaction-date iso-date=\"2024-02-01\"/><value value-date=\"2024-02-01\">" + (1000 + t)
              + "</value><aid-type code=\"C01\" vocabulary=\"1\"/></transaction>");
        }
        out.write("<result type=\"1\"><title><narrative>Output " + a + "</narrative></title>"
            + "<indicator measure=\"1\"><title><narrative>People trained</narrative></title>"
            + "<period><period-start iso-date=\"2024-01-01\"/><period-end iso-date=\"2024-12-31\"/>"
            + "<target value=\"100\"/><actual value=\"80\"/></period></indicator></result>");
        out.write("</iati-activity>\n");
      }
      out.write("</iati-activities>\n");
    }
  }
}
