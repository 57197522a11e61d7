package org.iatipub.exports.codes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.iatipub.codelist.Code;
import org.iatipub.codelist.Codelist;

/**
 * The project's copy of the OECD-DAC CRS and UN CEB code lists the exports need: made by
 * {@code iatipub export codes import} from the reference files, shipped in the jar, read once.
 *
 * @param source which editions it was made from
 * @param lists every list, each a {@link Codelist} named by its {@link StandardList#key()}
 */
public record StandardCodes(Source source, Map<StandardList, Codelist> lists) {
  /** Where the bundled snapshot lives on the classpath (and under src/main/resources). */
  public static final String RESOURCE_DIR = "org/iatipub/exports/codes/";

  /**
   * What the snapshot was made from.
   *
   * @param oecdEdition the date the OECD code lists were last modified ({@code 2024-04-23})
   * @param cebLatestYear the latest calendar year in CEB's published data: instruments still
   *     published then are active, older ones withdrawn
   * @param digest SHA-256 over the files read, names and bytes
   */
  public record Source(String oecdEdition, String cebLatestYear, String digest) {}

  public StandardCodes {
    Objects.requireNonNull(source, "source");
    lists = new EnumMap<>(lists);
    for (StandardList list : StandardList.values()) {
      if (!lists.containsKey(list)) {
        throw new IllegalArgumentException("the snapshot has no list " + list.key());
      }
    }
  }

  public Codelist list(StandardList list) {
    return lists.get(list);
  }

  public Optional<Code> code(StandardList list, String value) {
    return lists.get(list).code(value);
  }

  public boolean contains(StandardList list, String value) {
    return lists.get(list).contains(value);
  }

  /** The snapshot that ships with iatipub, read from the classpath on first use. */
  public static StandardCodes bundled() {
    return Bundled.CODES;
  }

  private static final class Bundled {
    static final StandardCodes CODES = load();

    private static StandardCodes load() {
      ClassLoader loader = StandardCodes.class.getClassLoader();
      try {
        return StandardCodesFormat.read(file -> Optional.ofNullable(loader.getResourceAsStream(RESOURCE_DIR + file)));
      } catch (IOException e) {
        throw new UncheckedIOException("the bundled OECD/CEB code snapshot cannot be read: " + e.getMessage(), e);
      }
    }
  }
}
