package org.iatipub.flatten;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.iatipub.validation.DocumentKind;

/**
 * Turns IATI files into path-header sheets that {@code publish} reads back to the same records:
 * each file becomes one set (a directory of CSV files, or a workbook), named after the file. Files
 * are read streaming, one record at a time, and their rows spooled to disk until the sheets'
 * columns are known, so memory does not grow with a file's size. A file that cannot be read to its
 * end gives no sheets at all, and whatever a sheet cannot hold is reported.
 */
public final class Flattener {
  /** How the sheets are written. */
  public enum Format {
    /** A directory per file: {@code main.csv} and a CSV file per other sheet. */
    CSV,
    /** A workbook per file, a sheet per sheet. */
    XLSX
  }

  /**
   * What became of one input file.
   *
   * @param file the file as shown in findings
   * @param kind activities or organisations; null when the file is no IATI file
   * @param records how many records it has (those read, when it could not be read to its end)
   * @param rows rows per sheet, the main sheet first
   * @param target the set written, or null when none was
   */
  public record Result(String file, DocumentKind kind, int records, Map<String, Long> rows, Path target) {}

  private final Format format;
  private final Map<DocumentKind, SheetLayout> layouts = new EnumMap<>(DocumentKind.class);

  public Flattener(Format format) {
    this.format = format;
  }

  /**
   * Flattens every IATI file named (a directory stands for the {@code *.xml} files under it) into
   * {@code output}; findings go to {@code findings} as they are found.
   *
   * @throws IOException when an input cannot be read or the output cannot be written
   */
  public List<Result> flatten(List<Path> inputs, Path output, Consumer<Finding> findings) throws IOException {
    List<Result> results = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Path input : inputs) {
      for (Path file : files(input)) {
        String shown = file.toString();
        String name = setName(file, names);
        results.add(flattenFile(file, shown, output.resolve(format == Format.CSV ? name : name + ".xlsx"), findings));
      }
    }
    return results;
  }

  private Result flattenFile(Path file, String shown, Path target, Consumer<Finding> findings) throws IOException {
    try (OneFile one = new OneFile(shown, findings)) {
      RecordStream.Outcome outcome = RecordStream.read(file, shown, one::start, one::add, findings);
      if (one.spool == null) {
        return new Result(shown, outcome.kind(), 0, Map.of(), null);
      }
      if (!outcome.complete()) {
        findings.accept(Finding.error("flatten/incomplete", new Location.WholeFile(shown), "the file could not be read"
            + " to its end, so no sheets are written for it (" + one.spool.records() + " records were read before the problem)"));
        return new Result(shown, outcome.kind(), one.spool.records(), one.spool.rowCounts(), null);
      }
      try (SheetSink sink = sink(target)) {
        one.spool.writeTo(sink);
        return new Result(shown, outcome.kind(), one.spool.records(), one.spool.rowCounts(), sink.commit());
      } catch (XlsxSheets.TooBig e) {
        findings.accept(Finding.error("flatten/too-big-for-workbook", new Location.WholeFile(shown), e.getMessage()
            + ", so no workbook is written for this file; flatten it with --format csv, which has no such limits"));
        return new Result(shown, outcome.kind(), one.spool.records(), one.spool.rowCounts(), null);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The flattening of one file: its layout and spool, made when the root tells its kind. */
  private final class OneFile implements AutoCloseable {
    private final String shown;
    private final Consumer<Finding> findings;
    private SheetLayout layout;
    private RowMaker rows;
    private SheetSpool spool;

    OneFile(String shown, Consumer<Finding> findings) {
      this.shown = shown;
      this.findings = findings;
    }

    void start(DocumentKind kind) {
      layout = layouts.computeIfAbsent(kind, SheetLayout::of);
      rows = new RowMaker(layout);
      try {
        spool = new SheetSpool(layout);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void add(ElementTree record) {
      try {
        spool.add(record.childText(layout.records().idColumn()), rows.rows(record, shown, findings));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      if (spool != null) {
        spool.close();
      }
    }
  }

  private SheetSink sink(Path target) throws IOException {
    return switch (format) {
      case CSV -> new CsvSheets(target);
      case XLSX -> new XlsxSheets(target);
    };
  }

  /** The set's name: the file's without {@code .xml}, with a number added when another file already gave it. */
  private static String setName(Path file, Set<String> taken) {
    String base = file.getFileName().toString().replaceFirst("(?i)\\.xml$", "");
    String name = base;
    for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
      name = base + "-" + n;
    }
    return name;
  }

  private static List<Path> files(Path input) throws IOException {
    if (!Files.isDirectory(input)) {
      if (!Files.isRegularFile(input)) {
        throw new IOException(input + ": no such file or directory");
      }
      return List.of(input);
    }
    try (Stream<Path> walk = Files.walk(input)) {
      return walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml"))
          .sorted().toList();
    }
  }
}
