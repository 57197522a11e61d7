package org.iatipub.validation.rules;

import static org.iatipub.finding.Severity.ERROR;

import java.util.List;
import org.iatipub.validation.Check;
import org.iatipub.validation.Node;
import org.iatipub.validation.Reporter;

/** Every amount has a currency, its own or the record's default. */
final class CurrencyRules implements Check {
  static final Rule ACTIVITY_CURRENCY = Rule.activity("7.8.1", ERROR,
      "every value, loan-status and forecast has a currency, or the activity declares a default-currency");
  static final Rule ORGANISATION_CURRENCY = Rule.organisation("7.8.2", ERROR,
      "every value has a currency, or the organisation declares a default-currency");
  static final List<Rule> RULES = List.of(ACTIVITY_CURRENCY, ORGANISATION_CURRENCY);

  @Override
  public void record(Node record, Reporter reporter) {
    if (!Values.blank(record.attributes().get("default-currency"))) {
      return;
    }
    boolean organisation = record.name().equals("iati-organisation");
    amounts(record, organisation, organisation ? ORGANISATION_CURRENCY : ACTIVITY_CURRENCY, organisation ? "organisation" : "activity", reporter);
  }

  /** Every amount below the node without a currency, in document order. */
  private static void amounts(Node node, boolean organisation, Rule rule, String owner, Reporter reporter) {
    for (Node child : node.children()) {
      if (child.isIati() && isAmount(child.name(), organisation) && Values.blank(child.attributes().get("currency"))) {
        rule.report(reporter, child, "this <" + child.name() + "> has no currency and the " + owner
            + " has no default-currency; add @currency (e.g. USD) here or default-currency to <iati-" + owner + ">");
      }
      amounts(child, organisation, rule, owner, reporter);
    }
  }

  private static boolean isAmount(String name, boolean organisation) {
    return name.equals("value") || !organisation && (name.equals("loan-status") || name.equals("forecast"));
  }
}
