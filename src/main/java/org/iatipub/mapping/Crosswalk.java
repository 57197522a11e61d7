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
 * columns {@code local_code}, {@code iati_code} and optionally {@code vocabulary}, {@code
 * vocabulary_uri} and {@code label} (what the code means: published as a narrative only where the
 * mapping file asks for it, otherwise a note for people).
 *
 * @param name the name the mapping file gives it, e.g. {@code purpose}
 * @param file where it was read from, for findings
 * @param entries local code (as written, trimmed) to IATI code
 */
public record Crosswalk(String name, String file, Map<String, Code> entries) {
  /**
   * An IATI code and, for codes that come in several vocabularies, which one.
   *
   * @param vocabulary the vocabulary, or null when the crosswalk gives none
   * @param vocabularyUri where the vocabulary is published, or null
   * @param label what the code means, or null
   */
  public record Code(String code, String vocabulary, String vocabularyUri, String label) {
    public Code(String code, String vocabulary) {
      this(code, vocabulary, null, null);
    }
  }

  public Crosswalk {
    entries = Map.copyOf(entries);
  }

  /** True when some entry gives a vocabulary: only a field whose element has one may use it. */
  public boolean givesVocabularies() {
    return entries.values().stream().anyMatch(c -> c.vocabulary() != null);
  }

  /** True when some entry gives a vocabulary URI. */
  public boolean givesVocabularyUris() {
    return entries.values().stream().anyMatch(c -> c.vocabularyUri() != null);
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
            "crosswalk '" + name + "' needs a column '" + required + "' (columns: local_code, iati_code, vocabulary,"
                + " vocabulary_uri, label)"));
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
      Code translated = new Code(code, orNull(row.get("vocabulary")), orNull(row.get("vocabulary_uri")), orNull(row.get("label")));
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

  private static String orNull(String cell) {
    return cell.isEmpty() ? null : cell;
  }
}
