package org.iatipub.codelist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
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
      line(codelists, codelist.name(), codelist.title());
      for (Code code : codelist.codes().values()) {
        line(codes, codelist.name(), code.value(), code.status().word(), code.category(), code.name());
      }
    }
    StringBuilder mappings = new StringBuilder(GENERATED).append("\n# path\tcodelist\tcondition\trule\n");
    for (CodelistMapping mapping : snapshot.mappings()) {
      line(mappings, mapping.path().toString(), mapping.codelist(),
          mapping.condition().map(VocabularyCondition::toString).orElse(""), mapping.rule());
    }
    Files.writeString(dir.resolve("codelists.tsv"), codelists, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("codes.tsv"), codes, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("mappings.tsv"), mappings, StandardCharsets.UTF_8);
  }

  private static void line(StringBuilder out, String... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].indexOf('\t') >= 0 || fields[i].indexOf('\n') >= 0 || fields[i].indexOf('\r') >= 0) {
        throw new IllegalArgumentException("a tab or line break in '" + fields[i] + "' would break the snapshot's format");
      }
      out.append(i == 0 ? "" : "\t").append(fields[i]);
    }
    out.append('\n');
  }

  /**
   * Reads a snapshot from its files, as {@code open} finds them by name (on the classpath or in a
   * directory).
   */
  public static CodelistSnapshot read(Function<String, Optional<InputStream>> open) throws IOException {
    Map<String, String> source = new LinkedHashMap<>();
    for (String[] line : lines(open, "source.properties", 0)) {
      int equals = line[0].indexOf('=');
      if (equals < 0) {
        throw new IOException("source.properties: expected key=value, found '" + line[0] + "'");
      }
      source.put(line[0].substring(0, equals), line[0].substring(equals + 1));
    }
    Map<String, String> titles = new LinkedHashMap<>();
    for (String[] line : lines(open, "codelists.tsv", 2)) {
      titles.put(line[0], line[1]);
    }
    Map<String, List<Code>> codes = new LinkedHashMap<>();
    titles.keySet().forEach(name -> codes.put(name, new ArrayList<>()));
    for (String[] line : lines(open, "codes.tsv", 5)) {
      List<Code> list = codes.get(line[0]);
      if (list == null) {
        throw new IOException("codes.tsv lists a code of " + line[0] + ", which codelists.tsv does not name");
      }
      list.add(new Code(line[1], line[4], CodeStatus.ofWord(line[2]), line[3]));
    }
    Map<String, Codelist> codelists = new LinkedHashMap<>();
    titles.forEach((name, title) -> codelists.put(name, Codelist.of(name, title, codes.get(name))));
    List<CodelistMapping> mappings = new ArrayList<>();
    for (String[] line : lines(open, "mappings.tsv", 4)) {
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
    return read(file -> {
      Path path = dir.resolve(file);
      try {
        return Files.exists(path) ? Optional.of(Files.newInputStream(path)) : Optional.empty();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The file's lines that are not comments, split at tabs; each must have {@code fields} fields (0: any). */
  private static List<String[]> lines(Function<String, Optional<InputStream>> open, String file, int fields) throws IOException {
    InputStream in = open.apply(file).orElseThrow(() -> new IOException("the codelist snapshot has no " + file));
    List<String[]> lines = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] split = line.split("\t", -1);
        if (fields > 0 && split.length != fields) {
          throw new IOException(file + ":" + number + ": expected " + fields + " tab-separated fields, found " + split.length);
        }
        lines.add(split);
      }
    }
    return lines;
  }
}
