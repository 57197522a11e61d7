package org.iatipub.exports.codes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.iatipub.codelist.Code;
import org.iatipub.codelist.CodeStatus;
import org.iatipub.codelist.Codelist;

/**
 * The snapshot's two files, plain UTF-8 text, one fact a line, so an OECD or CEB update reads as a
 * small diff in review: {@code source.properties} (editions and digest) and {@code codes.tsv}
 * (list, code, status, category, name).
 */
public final class StandardCodesFormat {
  public static final List<String> FILES = List.of("source.properties", "codes.tsv");

  private static final String GENERATED =
      "# Made by `iatipub export codes import` from the OECD-DAC CRS and UN CEB reference files; do not edit by hand.";

  private StandardCodesFormat() {}

  public static void write(StandardCodes codes, Path dir) throws IOException {
    Files.createDirectories(dir);
    StandardCodes.Source source = codes.source();
    Files.writeString(dir.resolve("source.properties"), String.join("\n",
        GENERATED,
        "oecd-edition=" + source.oecdEdition(),
        "ceb-latest-year=" + source.cebLatestYear(),
        "digest=" + source.digest(),
        ""), StandardCharsets.UTF_8);
    StringBuilder lines = new StringBuilder(GENERATED).append("\n# list\tcode\tstatus\tcategory\tname\n");
    for (StandardList list : StandardList.values()) {
      for (Code code : codes.list(list).codes().values()) {
        line(lines, list.key(), code.value(), code.status().word(), code.category(), code.name());
      }
    }
    Files.writeString(dir.resolve("codes.tsv"), lines, StandardCharsets.UTF_8);
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

  /** Reads a snapshot from its files, as {@code open} finds them by name (classpath or directory). */
  public static StandardCodes read(Function<String, Optional<InputStream>> open) throws IOException {
    Map<String, String> source = new LinkedHashMap<>();
    for (String[] line : lines(open, "source.properties", 0)) {
      int equals = line[0].indexOf('=');
      if (equals < 0) {
        throw new IOException("source.properties: expected key=value, found '" + line[0] + "'");
      }
      source.put(line[0].substring(0, equals), line[0].substring(equals + 1));
    }
    Map<StandardList, List<Code>> codes = new EnumMap<>(StandardList.class);
    for (StandardList list : StandardList.values()) {
      codes.put(list, new ArrayList<>());
    }
    for (String[] line : lines(open, "codes.tsv", 5)) {
      StandardList list = StandardList.byKey(line[0])
          .orElseThrow(() -> new IOException("codes.tsv names a list '" + line[0] + "' this version does not know"));
      codes.get(list).add(new Code(line[1], line[4], CodeStatus.ofWord(line[2]), line[3]));
    }
    Map<StandardList, Codelist> lists = new EnumMap<>(StandardList.class);
    codes.forEach((list, values) -> lists.put(list, Codelist.of(list.key(), list.title(), values)));
    return new StandardCodes(new StandardCodes.Source(source.getOrDefault("oecd-edition", ""),
        source.getOrDefault("ceb-latest-year", ""), source.getOrDefault("digest", "")), lists);
  }

  public static StandardCodes read(Path dir) throws IOException {
    return read(file -> {
      Path path = dir.resolve(file);
      try {
        return Files.exists(path) ? Optional.of(Files.newInputStream(path)) : Optional.empty();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static List<String[]> lines(Function<String, Optional<InputStream>> open, String file, int fields) throws IOException {
    InputStream in = open.apply(file).orElseThrow(() -> new IOException("the OECD/CEB code snapshot has no " + file));
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
