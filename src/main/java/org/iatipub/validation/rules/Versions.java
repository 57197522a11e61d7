package org.iatipub.validation.rules;

import org.iatipub.validation.Node;

/** The IATI version a file declares, which decides a few version-specific rules. */
final class Versions {
  /** Assumed when no root was seen (a record checked on its own, as publish does). */
  static final String CURRENT = "2.03";

  private Versions() {}

  static String of(Node root) {
    return root.attribute("version").map(String::strip).orElse(CURRENT);
  }

  static boolean is203(String version) {
    return CURRENT.equals(version);
  }
}
