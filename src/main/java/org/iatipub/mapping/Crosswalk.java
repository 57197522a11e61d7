package org.iatipub.mapping;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iatipub.finding.Finding;
import org.iatipub.source.CsvTable;
import org.iatipub.source.SourceRow;

/**
 * A table translating an organisation's own codes into IATI / OECD-DAC codes: for instance the
 * local sector "EMP-YOUTH" to DAC purpose code 16020 (vocabulary 1). Read from a CSV file with the
 * columns {@code local_code}, {@code iati_code} and optionally {@code vocabulary} and {@code
 * label} (a note for people, ignored here).
 *
 * @param name the name the mapping file gives it, e.g. {@code purpose}
 * @param file where it was read from, for findings
 * @param entries local code (as written, trimmed) to IATI code
 */
public record Crosswalk(String name, String file, Map<String, Code> entries) {
  /** An IATI code and, for codes that come in several vocabularies, which one. */
  public record Code(String code, String vocabulary) {}

  public Crosswalk {
    entries = Map.copyOf(entries);
  }

  public Optional<Code> translate(String local) {
    return Optional.ofNullable(entries.get(local.strip()));
  }

  /** Reads a crosswalk file; problems in it are added to {@code findings}. */
  public static Crosswalk read(String name, Path path, String shown, char delimiter, List<Finding> findings) throws IOException {
    CsvTable table = CsvTable.read(path, shown, delimiter);
    findings.addAll(table.findings());
    for (String required : List.of("local_code", "iati_code")) {
      if (table.complete() && !table.header().contains(required)) {
        findings.add(Finding.error("crosswalk/column-missing", new org.iatipub.finding.Location.Cell(shown, 1, required),
            "crosswalk '" + name + "' needs a column '" + required + "' (columns: local_code, iati_code, vocabulary, label)"));
      }
    }
    Map<String, Code> entries = new LinkedHashMap<>();
    Map<String, Long> firstRow = new LinkedHashMap<>();
    for (SourceRow row : table.rows()) {
      String local = row.get("local_code");
      String code = row.get("iati_code");
      if (local.isEmpty() || code.isEmpty()) {
        findings.add(Finding.error("crosswalk/incomplete-entry", row.cell(local.isEmpty() ? "local_code" : "iati_code"),
            "crosswalk '" + name + "': every entry needs both a local_code and an iati_code"));
        continue;
      }
      Code translated = new Code(code, row.get("vocabulary").isEmpty() ? null : row.get("vocabulary"));
      Code earlier = entries.putIfAbsent(local, translated);
      if (earlier != null && !earlier.equals(translated)) {
        findings.add(Finding.error("crosswalk/conflicting-entry", row.cell("local_code"),
            "crosswalk '" + name + "': local code '" + local + "' is already translated to " + earlier.code()
                + " in row " + firstRow.get(local) + "; one local code needs one translation"));
      }
      firstRow.putIfAbsent(local, row.row());
    }
    return new Crosswalk(name, shown, entries);
  }
}
