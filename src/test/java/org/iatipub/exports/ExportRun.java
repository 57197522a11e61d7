package org.iatipub.exports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iatipub.finding.Finding;

/** Runs the exports over hand-made activity files in a test's directory and keeps what they wrote and found. */
final class ExportRun {
  final Exports.Outcome outcome;
  final List<String> findings;
  private final Path out;

  private ExportRun(Exports.Outcome outcome, List<String> findings, Path out) {
    this.outcome = outcome;
    this.findings = findings;
    this.out = out;
  }

  /** Exports {@code activities} (the inside of an iati-activities element) for {@code year}. */
  static ExportRun of(Path dir, ExportSettings settings, List<ExportKind> kinds, int year, String activities) throws IOException {
    Path file = dir.resolve("activities.xml");
    Files.writeString(file, "<iati-activities version=\"2.03\" xmlns:iatipub=\"" + Extension.NAMESPACE + "\">\n"
        + activities + "</iati-activities>\n", StandardCharsets.UTF_8);
    List<String> findings = new ArrayList<>();
    Path out = dir.resolve("out");
    Exports.Outcome outcome = new Exports(settings, kinds, year).run(List.of(new Exports.Input(file, "activities.xml")), out,
        (Finding f) -> findings.add(f.toString()));
    return new ExportRun(outcome, findings, out);
  }

  String file(String name) throws IOException {
    return Files.readString(out.resolve(name), StandardCharsets.UTF_8);
  }

  String table(int year, String table) throws IOException {
    return file("datacube-" + year + "-" + table + ".csv");
  }

  static ExportSettings settings(Map<ExportCrosswalk, Map<String, String>> crosswalks, Rates rates, ExportSettings.Crs crs) {
    return new ExportSettings(List.of(), null, "ILO", rates, crosswalks, crs);
  }
}
