package org.iatipub.bench;

import jakarta.xml.bind.JAXBElement;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.namespace.QName;
import javax.xml.validation.ValidatorHandler;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.iatipub.mapping.ActivityBinder;
import org.iatipub.mapping.ActivityDraft;
import org.iatipub.mapping.XmlElement;
import org.iatipub.model.ModelEvents;
import org.iatipub.model.iati.IatiActivityType;
import org.iatipub.source.ActivityRows;
import org.iatipub.source.SourceRow;
import org.iatipub.validation.SchemaSet;
import org.iatipub.xml.SafeXml;
import org.xml.sax.Attributes;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What the libraries the pipeline is built on cost by themselves, on a benchmark's input and
 * output: reading every CSV cell with Commons CSV, and the JDK's schema validator taking every
 * published activity. The validator is fed by {@link ModelEvents}, as in publish; what that costs
 * is shown beside it (writing the model's events into a handler that does nothing) and left out
 * of the floor. No mapping, no checks, no writing: this is the floor under {@code publish}'s time,
 * to set against {@code xmllint --schema} on the same output. Each part is run a few times: its first
 * round is timed in the whole process's CPU, so that it includes what the JIT compiler spends on
 * code seen for the first time (a nightly run pays that every night); its best round in this
 * thread's CPU (the machine is shared). The wall floor assumes every core busy all along.
 *
 * <p>Usage: {@code LibraryFloor WORK_DIR [ROUNDS]}, WORK_DIR holding {@code input/} and {@code
 * output/} of a benchmark run (e.g. {@code target/bench-20000-20/own}).
 */
public final class LibraryFloor {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: LibraryFloor WORK_DIR [ROUNDS]");
      System.exit(2);
    }
    Path work = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<Path> csv = files(work.resolve("input"), ".csv");
    List<Path> xml = files(work.resolve("output"), ".xml");
    if (csv.isEmpty() || xml.isEmpty()) {
      System.err.println(work + ": no input/*.csv or output/*.xml (run tools/benchmark.sh first)");
      System.exit(1);
    }
    Cost csvCost = cost(rounds, () -> readCsv(csv));

    // One file's activities are read into the model at a time (untimed), so that only
    // writing is timed and memory stays that of one file. Once the first file is read, a pause
    // lets the JIT compiler finish what reading gave it before the first (cold) round of writing.
    ActivityBinder binder = ActivityBinder.create();
    ModelEvents events = new ModelEvents(IatiActivityType.class);
    ValidatorHandler validator = SchemaSet.bundled().activities().newValidatorHandler();
    AttributesImpl root = new AttributesImpl();
    root.addAttribute("", "version", "version", "CDATA", "2.03");
    Cost written = new Cost(0, 0);
    Cost validated = new Cost(0, 0);
    long activities = 0;
    for (Path file : xml) {
      List<JAXBElement<IatiActivityType>> bound = bind(binder, file);
      if (activities == 0) {
        Thread.sleep(3000);
      }
      activities += bound.size();
      written = written.plus(cost(rounds, () -> {
        for (JAXBElement<IatiActivityType> activity : bound) {
          events.write(activity, new DefaultHandler());
        }
      }));
      validated = validated.plus(cost(rounds, () -> {
        for (JAXBElement<IatiActivityType> activity : bound) {
          validator.startDocument();
          validator.startElement("", "iati-activities", "iati-activities", root);
          events.write(activity, validator);
          validator.endElement("", "iati-activities", "iati-activities");
          validator.endDocument();
        }
      }));
    }
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(Locale.ROOT, "CPU seconds, first round (cold: JIT compiling included) / best of %d (warm):%n", rounds);
    show("Commons CSV, every cell of " + csv.size() + " files", csvCost);
    show("the model's events for " + activities + " activities (ours)", written);
    show("schema validator fed by those events", validated.minus(written));
    Cost floor = csvCost.plus(validated.minus(written));
    System.out.printf(Locale.ROOT, "floor: %.2f s wall cold, %.2f s wall warm, if all %d cores were busy all along%n",
        floor.cold() / cores, floor.warm() / cores, cores);
  }

  private static void show(String what, Cost cost) {
    System.out.printf(Locale.ROOT, "  %-50s %6.2f cold %6.2f warm%n", what, cost.cold(), cost.warm());
  }

  private interface Work {
    void run() throws Exception;
  }

  /** CPU seconds of one piece of work: its first round (cold, JIT compiling included) and its best. */
  private record Cost(double cold, double warm) {
    Cost plus(Cost other) {
      return new Cost(cold + other.cold, warm + other.warm);
    }

    Cost minus(Cost other) {
      return new Cost(cold - other.cold, warm - other.warm);
    }
  }

  /**
   * Runs {@code work} {@code rounds} times. The first round counts the whole process's CPU, so the
   * JIT compiler's work on code seen for the first time is in it; the best round counts this thread's.
   */
  private static Cost cost(int rounds, Work work) throws Exception {
    double cold = 0;
    double warm = Double.MAX_VALUE;
    for (int i = 0; i < rounds; i++) {
      long process = PROCESS.getProcessCpuTime();
      long start = CPU.getCurrentThreadCpuTime();
      work.run();
      warm = Math.min(warm, (CPU.getCurrentThreadCpuTime() - start) / 1e9);
      if (i == 0) {
        cold = (PROCESS.getProcessCpuTime() - process) / 1e9;
      }
    }
    return new Cost(cold, warm);
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  /** Every cell of every file, as publish's reading does it (same format), each value touched. */
  private static void readCsv(List<Path> files) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
    long length = 0;
    for (Path file : files) {
      try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
          CSVParser parser = CSVParser.parse(reader, format)) {
        for (CSVRecord record : parser) {
          for (String value : record.values()) {
            length += value.length();
          }
        }
      }
    }
    if (length < 0) {
      throw new AssertionError(); // keeps the values used
    }
  }

  /**
   * The activities of one published file, read back into the model as publish binds them: each
   * activity's elements as a draft, then {@link ActivityBinder}.
   */
  private static List<JAXBElement<IatiActivityType>> bind(ActivityBinder binder, Path file) throws Exception {
    List<JAXBElement<IatiActivityType>> bound = new ArrayList<>();
    XMLReader reader = SafeXml.newReader();
    reader.setContentHandler(new DefaultHandler() {
      private final Deque<XmlElement.Builder> open = new ArrayDeque<>();
      private final StringBuilder text = new StringBuilder();
      private long count;

      @Override
      public void startElement(String uri, String localName, String qName, Attributes atts) {
        text.setLength(0);
        if (open.isEmpty() && !localName.equals("iati-activity")) {
          return; // the file's root
        }
        XmlElement.Builder element = XmlElement.element(new QName(uri, localName, prefix(qName)));
        for (int i = 0; i < atts.getLength(); i++) {
          element.attribute(new QName(atts.getURI(i), atts.getLocalName(i), prefix(atts.getQName(i))), atts.getValue(i), null);
        }
        if (!open.isEmpty()) {
          open.peek().child(element);
        }
        open.push(element);
      }

      @Override
      public void characters(char[] ch, int start, int length) {
        text.append(ch, start, length);
      }

      @Override
      public void endElement(String uri, String localName, String qName) {
        if (open.isEmpty()) {
          return;
        }
        XmlElement.Builder element = open.pop();
        element.text(text.toString(), null);
        text.setLength(0);
        if (open.isEmpty()) {
          SourceRow row = new SourceRow(file.toString(), ++count, Map.of());
          ActivityBinder.Bound activity = binder.bind(new ActivityDraft("", new ActivityRows("", row, Map.of(), List.of()),
              element.build(), List.of()));
          if (!activity.ok()) {
            throw new IllegalStateException(file + ": activity " + count + " does not bind: " + activity.findings());
          }
          bound.add(activity.activity());
        }
      }

      private String prefix(String qName) {
        int colon = qName.indexOf(':');
        return colon < 0 ? "" : qName.substring(0, colon);
      }
    });
    reader.parse(file.toUri().toString());
    return bound;
  }
}
