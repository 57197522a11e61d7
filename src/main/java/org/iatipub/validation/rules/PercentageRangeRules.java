package org.iatipub.validation.rules;

import static org.iatipub.finding.Severity.ERROR;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.iatipub.validation.Check;
import org.iatipub.validation.Node;
import org.iatipub.validation.Reporter;

/**
 * Each single percentage from 2.03 on between 0 and 100 (earlier versions only forbid negatives,
 * so a file's declared version picks the rule). That it is a number is the schema's to say (the
 * official validator no longer runs 12.4.1, which said it again).
 */
final class PercentageRangeRules implements Check {
  static final Rule LOCATION_RANGE = Rule.activity("12.1.1", ERROR,
      "a recipient country's or region's percentage is between 0 and 100 (2.03)");
  static final Rule LOCATION_NOT_NEGATIVE = Rule.activity("12.1.2", ERROR,
      "a recipient country's or region's percentage is not negative (versions before 2.03)");
  static final Rule ITEM_RANGE = Rule.activity("12.2.1", ERROR,
      "a capital-spend or budget-item percentage is between 0 and 100 (2.03)");
  static final Rule ITEM_NOT_NEGATIVE = Rule.activity("12.2.2", ERROR,
      "a capital-spend or budget-item percentage is not negative (versions before 2.03)");
  static final Rule SECTOR_RANGE = Rule.activity("12.3.1", ERROR,
      "a sector's percentage is between 0 and 100 (2.03)");
  static final Rule SECTOR_NOT_NEGATIVE = Rule.activity("12.3.2", ERROR,
      "a sector's percentage is not negative (versions before 2.03)");
  static final List<Rule> RULES = List.of(LOCATION_RANGE, LOCATION_NOT_NEGATIVE, ITEM_RANGE, ITEM_NOT_NEGATIVE,
      SECTOR_RANGE, SECTOR_NOT_NEGATIVE);

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private String version = Versions.CURRENT;

  @Override
  public void root(Node root, Reporter reporter) {
    version = Versions.of(root);
  }

  @Override
  public void record(Node record, Reporter reporter) {
    check(record, Versions.is203(version), reporter);
  }

  /** The node and everything below it, in document order. */
  private static void check(Node node, boolean v203, Reporter reporter) {
    String written = node.isIati() ? node.attributes().get("percentage") : null;
    if (written != null) {
      percentage(node, written, v203, reporter);
    }
    for (Node child : node.children()) {
      check(child, v203, reporter);
    }
  }

  private static void percentage(Node node, String written, boolean v203, Reporter reporter) {
    Optional<BigDecimal> percentage = Values.decimal(written);
    if (percentage.isEmpty()) {
      return; // not a number: the schema's finding
    }
    BigDecimal value = percentage.get();
    switch (node.name()) {
      case "recipient-country", "recipient-region" -> range(node, value, v203, LOCATION_RANGE, LOCATION_NOT_NEGATIVE, reporter);
      case "capital-spend", "budget-item" -> range(node, value, v203, ITEM_RANGE, ITEM_NOT_NEGATIVE, reporter);
      case "sector" -> range(node, value, v203, SECTOR_RANGE, SECTOR_NOT_NEGATIVE, reporter);
      default -> { }
    }
  }

  private static void range(Node node, BigDecimal value, boolean v203, Rule range, Rule notNegative, Reporter reporter) {
    if (v203 && (value.signum() < 0 || value.compareTo(HUNDRED) > 0)) {
      range.report(reporter, node, "the " + node.name() + " percentage " + value.toPlainString()
          + " is outside 0 to 100; give this item's share of the activity as a percentage");
    } else if (!v203 && value.signum() < 0) {
      notNegative.report(reporter, node, "the " + node.name() + " percentage " + value.toPlainString()
          + " is negative; give this item's share as 0 or more");
    }
  }
}
