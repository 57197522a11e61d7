package org.iatipub.finding;

import java.util.Locale;

/** How much a finding matters: errors block publication, warnings and notes do not. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /** The lower-case word used in reports ({@code error}, {@code warning}, {@code info}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
