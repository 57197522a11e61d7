package org.iatipub.validation.rules;

import static org.iatipub.finding.Severity.ERROR;

import java.util.List;
import org.iatipub.validation.Check;
import org.iatipub.validation.Node;
import org.iatipub.validation.Reporter;

/** Version 1 of the standard is retired: such files are no longer accepted by IATI. */
final class VersionRules implements Check {
  static final Rule VERSION_1_RETIRED = Rule.both("0.6.1", ERROR,
      "the file does not declare a retired version 1.x of the IATI Standard");
  static final List<Rule> RULES = List.of(VERSION_1_RETIRED);

  @Override
  public void root(Node root, Reporter reporter) {
    root.attribute("version").map(String::strip).filter(v -> v.startsWith("1.")).ifPresent(v ->
        VERSION_1_RETIRED.report(reporter, root, "the file declares IATI version " + v
            + ", which is no longer supported; publish it as version 2.03"));
  }

  @Override
  public void record(Node record, Reporter reporter) {}
}
