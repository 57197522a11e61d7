package org.iatipub.codelist;

import java.util.Objects;

/**
 * One code of a codelist.
 *
 * @param value the code as it is written in IATI data
 * @param name its English name, empty when the codelist gives none (the Version codelist, say)
 * @param status whether publishers may still use it
 * @param category the code of its group in the codelist's category codelist, empty when none
 */
public record Code(String value, String name, CodeStatus status, String category) {
  public Code {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(category, "category");
  }

  public boolean isWithdrawn() {
    return status == CodeStatus.WITHDRAWN;
  }
}
