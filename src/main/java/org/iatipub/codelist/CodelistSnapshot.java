package org.iatipub.codelist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The project's copy of the standard's codelist facts: every codelist, and which codelist governs
 * which path under which vocabulary. Made by {@code iatipub codelists import}, shipped in the jar,
 * read once and shared by every check.
 *
 * @param source the codelist release it was made from
 * @param codelists every codelist by name, in name order
 * @param mappings which codelist governs which path, in the official order
 */
public record CodelistSnapshot(SnapshotSource source, Map<String, Codelist> codelists, List<CodelistMapping> mappings) {
  /** Where the bundled snapshot lives on the classpath (and under src/main/resources). */
  public static final String RESOURCE_DIR = "org/iatipub/codelist/";

  public CodelistSnapshot {
    Objects.requireNonNull(source, "source");
    codelists = Collections.unmodifiableMap(new LinkedHashMap<>(codelists));
    mappings = List.copyOf(mappings);
    for (CodelistMapping mapping : mappings) {
      if (!codelists.containsKey(mapping.codelist())) {
        throw new IllegalArgumentException(mapping.path() + " refers to codelist " + mapping.codelist() + ", which is not in the snapshot");
      }
    }
  }

  public Optional<Codelist> codelist(String name) {
    return Optional.ofNullable(codelists.get(name));
  }

  /** The snapshot that ships with iatipub, read from the classpath on first use. */
  public static CodelistSnapshot bundled() {
    return Bundled.SNAPSHOT;
  }

  /** Loaded once per JVM: publish checks tens of thousands of activities against the same lists. */
  private static final class Bundled {
    static final CodelistSnapshot SNAPSHOT = load();

    private static CodelistSnapshot load() {
      ClassLoader loader = CodelistSnapshot.class.getClassLoader();
      try {
        return SnapshotFormat.read(file -> Optional.ofNullable(loader.getResourceAsStream(RESOURCE_DIR + file)));
      } catch (IOException e) {
        throw new UncheckedIOException("the bundled codelist snapshot cannot be read: " + e.getMessage(), e);
      }
    }
  }
}
