package org.iatipub.codelist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The snapshot's files: plain UTF-8 text, one fact a line, tab-separated, so a codelist update
 * reads as a small diff in review.
 *
 * <ul>
 *   <li>{@code source.properties}: the release the snapshot was made from
 *   <li>{@code codelists.tsv}: name, title
 *   <li>{@code codes.tsv}: codelist, code, status, category, name
 *   <li>{@code mappings.tsv}: path, codelist, condition, rule
 * </ul>
 */
public final class SnapshotFormat {
  public static final List<String> FILES = List.of("source.properties", "codelists.tsv", "codes.tsv", "mappings.tsv");

  private static final String GENERATED = "# Made by `iatipub codelists import` from the official IATI codelists; do not edit by hand.";

  private static final String WHAT = "the codelist snapshot";

  private SnapshotFormat() {}

  /** Writes the snapshot's files into {@code dir}, creating it when needed. */
  public static void write(CodelistSnapshot snapshot, Path dir) throws IOException {
    Files.createDirectories(dir);
    SnapshotSource source = snapshot.source();
    Files.writeString(dir.resolve("source.properties"), String.join("\n",
        GENERATED,
        "standard-version=" + source.standardVersion(),
        "latest-change=" + source.latestChange(),
        "digest=" + source.digest(),
        "rule-ids=" + source.ruleIds(),
        ""), StandardCharsets.UTF_8);

    StringBuilder codelists = new StringBuilder(GENERATED).append("\n# name\ttitle\n");
    StringBuilder codes = new StringBuilder(GENERATED).append("\n# codelist\tcode\tstatus\tcategory\tname\n");
    for (Codelist codelist : snapshot.codelists().values()) {
      SnapshotText.line(codelists, codelist.name(), codelist.title());
      for (Code code : codelist.codes().values()) {
        SnapshotText.line(codes, codelist.name(), code.value(), code.status().word(), code.category(), code.name());
      }
    }
    StringBuilder mappings = new StringBuilder(GENERATED).append("\n# path\tcodelist\tcondition\trule\n");
    for (CodelistMapping mapping : snapshot.mappings()) {
      SnapshotText.line(mappings, mapping.path().toString(), mapping.codelist(),
          mapping.condition().map(VocabularyCondition::toString).orElse(""), mapping.rule());
    }
    Files.writeString(dir.resolve("codelists.tsv"), codelists, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("codes.tsv"), codes, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("mappings.tsv"), mappings, StandardCharsets.UTF_8);
  }

  /**
   * Reads a snapshot from its files, as {@code open} finds them by name (on the classpath or in a
   * directory).
   */
  public static CodelistSnapshot read(Function<String, Optional<InputStream>> open) throws IOException {
    SnapshotText text = new SnapshotText(WHAT, open);
    Map<String, String> source = text.properties("source.properties");
    Map<String, String> titles = new LinkedHashMap<>();
    for (String[] line : text.lines("codelists.tsv", 2)) {
      titles.put(line[0], line[1]);
    }
    Map<String, List<Code>> codes = new LinkedHashMap<>();
    titles.keySet().forEach(name -> codes.put(name, new ArrayList<>()));
    for (String[] line : text.lines("codes.tsv", 5)) {
      List<Code> list = codes.get(line[0]);
      if (list == null) {
        throw new IOException("codes.tsv lists a code of " + line[0] + ", which codelists.tsv does not name");
      }
      list.add(new Code(line[1], line[4], CodeStatus.ofWord(line[2]), line[3]));
    }
    Map<String, Codelist> codelists = new LinkedHashMap<>();
    titles.forEach((name, title) -> codelists.put(name, Codelist.of(name, title, codes.get(name))));
    List<CodelistMapping> mappings = new ArrayList<>();
    for (String[] line : text.lines("mappings.tsv", 4)) {
      Optional<VocabularyCondition> condition = line[2].isEmpty() ? Optional.empty() : Optional.of(VocabularyCondition.parse(line[2]));
      mappings.add(new CodelistMapping(CodedPath.parse(line[0]), line[1], condition, line[3]));
    }
    return new CodelistSnapshot(
        new SnapshotSource(
            source.getOrDefault("standard-version", ""),
            source.getOrDefault("latest-change", ""),
            source.getOrDefault("digest", ""),
            source.getOrDefault("rule-ids", "")),
        codelists,
        mappings);
  }

  /** Reads a snapshot from a directory written by {@link #write}. */
  public static CodelistSnapshot read(Path dir) throws IOException {
    return read(SnapshotText.in(dir));
  }
}
