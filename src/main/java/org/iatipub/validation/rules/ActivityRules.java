package org.iatipub.validation.rules;

import org.iatipub.validation.Check;
import org.iatipub.validation.Node;
import org.iatipub.validation.Reporter;

/**
 * A family of rules about activities only, some of which depend on the IATI version the file
 * declares. Organisation records pass through untouched.
 */
abstract class ActivityRules implements Check {
  private String version = Versions.CURRENT;

  @Override
  public final void root(Node root, Reporter reporter) {
    version = Versions.of(root);
  }

  @Override
  public final void record(Node record, Reporter reporter) {
    if (record.name().equals("iati-activity")) {
      activity(record, reporter);
    }
  }

  /** Checks one {@code iati-activity}. */
  abstract void activity(Node activity, Reporter reporter);

  /** The version the file's root declares, {@link Versions#CURRENT} when it declares none. */
  final String version() {
    return version;
  }
}
