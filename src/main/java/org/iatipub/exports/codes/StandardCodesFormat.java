package org.iatipub.exports.codes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.iatipub.codelist.Code;
import org.iatipub.codelist.CodeStatus;
import org.iatipub.codelist.Codelist;
import org.iatipub.codelist.SnapshotText;

/**
 * The snapshot's two files, plain UTF-8 text, one fact a line, so an OECD or CEB update reads as a
 * small diff in review: {@code source.properties} (editions and digest) and {@code codes.tsv}
 * (list, code, status, category, name).
 */
public final class StandardCodesFormat {
  public static final List<String> FILES = List.of("source.properties", "codes.tsv");

  private static final String GENERATED =
      "# Made by `iatipub export codes import` from the OECD-DAC CRS and UN CEB reference files; do not edit by hand.";

  private static final String WHAT = "the OECD/CEB code snapshot";

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
        SnapshotText.line(lines, list.key(), code.value(), code.status().word(), code.category(), code.name());
      }
    }
    Files.writeString(dir.resolve("codes.tsv"), lines, StandardCharsets.UTF_8);
  }

  /** Reads a snapshot from its files, as {@code open} finds them by name (classpath or directory). */
  public static StandardCodes read(Function<String, Optional<InputStream>> open) throws IOException {
    SnapshotText text = new SnapshotText(WHAT, open);
    Map<String, String> source = text.properties("source.properties");
    Map<StandardList, List<Code>> codes = new EnumMap<>(StandardList.class);
    for (StandardList list : StandardList.values()) {
      codes.put(list, new ArrayList<>());
    }
    for (String[] line : text.lines("codes.tsv", 5)) {
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
    return read(SnapshotText.in(dir));
  }
}
