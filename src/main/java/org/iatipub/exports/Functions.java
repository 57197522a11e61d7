package org.iatipub.exports;

import java.util.Locale;
import java.util.Optional;
import org.iatipub.codelist.Code;
import org.iatipub.exports.codes.StandardCodes;
import org.iatipub.exports.codes.StandardList;

/**
 * UN system functions by name. The CEB publishes names, not codes, and IATI has no codelist for
 * sector vocabulary 12, so a function is written in IATI (and in a crosswalk) as its name; case and
 * spacing do not matter.
 */
final class Functions {
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

  private Functions() {}

  /** The current function so named, as the CEB writes it. */
  static Optional<String> named(StandardCodes codes, String name) {
    String wanted = comparable(name);
    for (Code code : codes.list(StandardList.CEB_FUNCTION).codes().values()) {
      if (!code.isWithdrawn() && comparable(code.value()).equals(wanted)) {
        return Optional.of(code.value());
      }
    }
    return Optional.empty();
  }

  private static String comparable(String name) {
    return SPACES.matcher(name.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }
}
