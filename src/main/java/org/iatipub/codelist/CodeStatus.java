package org.iatipub.codelist;

import java.util.Locale;

/** Whether a code may still be used: withdrawn codes stay listed so old data can be read. */
public enum CodeStatus {
  ACTIVE,
  WITHDRAWN;

  /** The word used in the snapshot and in the official files. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static CodeStatus ofWord(String word) {
    for (CodeStatus status : values()) {
      if (status.word().equals(word)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown code status '" + word + "' (expected active or withdrawn)");
  }
}
