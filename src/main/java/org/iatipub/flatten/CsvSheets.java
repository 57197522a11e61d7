package org.iatipub.flatten;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Sheets as a directory of CSV files, {@code main.csv} and one file per other sheet: the set
 * {@code publish --input} reads. Written in a hidden directory beside the target, which takes its
 * place at the commit.
 */
final class CsvSheets implements SheetSink {
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

  private final Path target;
  private final Path building;
  private CSVPrinter printer;

  CsvSheets(Path target) throws IOException {
    this.target = target;
    Files.createDirectories(target.toAbsolutePath().getParent());
    this.building = beside(target, ".flatten-");
    Files.createDirectory(building);
  }

  @Override
  public void startSheet(String name, List<String> header) throws IOException {
    finishSheet();
    BufferedWriter out = Files.newBufferedWriter(building.resolve(name + ".csv"), StandardCharsets.UTF_8);
    printer = new CSVPrinter(out, FORMAT);
    printer.printRecord(header);
  }

  @Override
  public void row(List<String> values) throws IOException {
    printer.printRecord(values);
  }

  private void finishSheet() throws IOException {
    if (printer != null) {
      printer.close(true);
      printer = null;
    }
  }

  @Override
  public Path commit() throws IOException {
    finishSheet();
    Path old = null;
    if (Files.exists(target)) {
      old = beside(target, ".old-");
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(building, target, StandardCopyOption.ATOMIC_MOVE);
    if (old != null) {
      delete(old);
    }
    return target;
  }

  @Override
  public void close() throws IOException {
    try {
      finishSheet();
    } finally {
      if (Files.exists(building)) {
        delete(building);
      }
    }
  }

  /** A hidden name beside {@code target} that nothing has (a temporary directory's own would be private to its owner). */
  private static Path beside(Path target, String kind) {
    Path parent = target.toAbsolutePath().getParent();
    String base = "." + target.getFileName() + kind + ProcessHandle.current().pid() + "-";
    for (int n = 0; ; n++) {
      Path candidate = parent.resolve(base + n);
      if (!Files.exists(candidate)) {
        return candidate;
      }
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
