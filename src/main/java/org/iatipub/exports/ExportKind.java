package org.iatipub.exports;

import java.util.Locale;
import java.util.Optional;

/** The exports iatipub makes from published IATI files. */
public enum ExportKind {
  /** The UN Data Cube: the CEB's expense and revenue tables, one CSV per dimension. */
  DATACUBE,
  /** The OECD-DAC CRS report a multilateral reporter sends. */
  CRS;

  /** The name on the command line and in settings: {@code datacube}, {@code crs}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ExportKind> ofWord(String word) {
    for (ExportKind kind : values()) {
      if (kind.word().equals(word.strip())) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
