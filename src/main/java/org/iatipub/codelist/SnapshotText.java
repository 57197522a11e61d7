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
 * The text every bundled snapshot is kept in (the IATI codelists, the OECD and CEB lists): UTF-8,
 * one fact a line, tab-separated fields, {@code #} comments, and a {@code source.properties} of
 * {@code key=value} lines, so an update reads as a small diff in review.
 *
 * <p>Files are found by name through an opener ({@code name -> stream, or empty}), so a snapshot
 * reads the same from the class path as from a directory.
 */
public final class SnapshotText {
  private final String what;
  private final Function<String, Optional<InputStream>> open;

  /**
   * @param what the snapshot as messages name it ("the codelist snapshot")
   * @param open finds a file by name
   */
  public SnapshotText(String what, Function<String, Optional<InputStream>> open) {
    this.what = what;
    this.open = open;
  }

  /** The opener of the files in {@code dir}. */
  public static Function<String, Optional<InputStream>> in(Path dir) {
    return file -> {
      Path path = dir.resolve(file);
      try {
        return Files.exists(path) ? Optional.of(Files.newInputStream(path)) : Optional.empty();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /** The {@code key=value} lines of {@code file}, in order. */
  public Map<String, String> properties(String file) throws IOException {
    Map<String, String> properties = new LinkedHashMap<>();
    for (String[] line : lines(file, 0)) {
      int equals = line[0].indexOf('=');
      if (equals < 0) {
        throw new IOException(file + ": expected key=value, found '" + line[0] + "'");
      }
      properties.put(line[0].substring(0, equals), line[0].substring(equals + 1));
    }
    return properties;
  }

  /** The file's lines that are not comments, split at tabs; each must have {@code fields} fields (0: any). */
  public List<String[]> lines(String file, int fields) throws IOException {
    InputStream in = open.apply(file).orElseThrow(() -> new IOException(what + " has no " + file));
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

  /** Appends one line of {@code fields}; a field holding a tab or line break is refused, as it could not be read back. */
  public static void line(StringBuilder out, String... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].indexOf('\t') >= 0 || fields[i].indexOf('\n') >= 0 || fields[i].indexOf('\r') >= 0) {
        throw new IllegalArgumentException("a tab or line break in '" + fields[i] + "' would break the snapshot's format");
      }
      out.append(i == 0 ? "" : "\t").append(fields[i]);
    }
    out.append('\n');
  }
}
