package org.iatipub.exports;

import java.util.Optional;

/**
 * The crosswalks the user supplies for what IATI cannot say: each translates one IATI value of the
 * published file (its local code) into a code of the CEB's lists. They are the publisher's own
 * choices, never guessed; an extension attribute on the element itself goes before them.
 */
public enum ExportCrosswalk {
  /** Incoming funds' aid type (vocabulary 1: the transaction's, else the activity's default) to a financing instrument, R01 … R04C. */
  FINANCING_INSTRUMENT("financing-instrument", "aid type"),
  /** A provider organisation's identifier to its contributor type, C01 … C09; before the type's crosswalk. */
  CONTRIBUTOR("contributor", "organisation identifier"),
  /** A provider organisation's type (IATI OrganisationType) to its contributor type. */
  CONTRIBUTOR_TYPE("contributor-type", "organisation type"),
  /** A government provider's identifier to its country (ISO 3166), where the identifier does not say it. */
  CONTRIBUTOR_COUNTRY("contributor-country", "organisation identifier"),
  /** A DAC 5-digit purpose code to a UN system function, for activities without sector vocabulary 12. */
  UN_SYSTEM_FUNCTION("un-system-function", "DAC purpose code");

  private final String key;
  private final String from;

  ExportCrosswalk(String key, String from) {
    this.key = key;
    this.from = from;
  }

  /** Its name under {@code crosswalks:} in the settings. */
  public String key() {
    return key;
  }

  /** What its local codes are, for messages. */
  public String from() {
    return from;
  }

  public static Optional<ExportCrosswalk> byKey(String key) {
    for (ExportCrosswalk crosswalk : values()) {
      if (crosswalk.key.equals(key)) {
        return Optional.of(crosswalk);
      }
    }
    return Optional.empty();
  }
}
