package org.iatipub.validation.rules;

import static org.iatipub.finding.Severity.ERROR;

import java.util.List;
import java.util.stream.Stream;
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
    if (!Values.blank(record.attribute("default-currency"))) {
      return;
    }
    boolean organisation = record.name().equals("iati-organisation");
    Stream<Node> amounts = organisation
        ? Tree.descendants(record, "value")
        : record.descendantsAndSelf().filter(n -> n.isIati() && (n.name().equals("value") || n.name().equals("loan-status") || n.name().equals("forecast")));
    String owner = organisation ? "organisation" : "activity";
    amounts.filter(a -> Values.blank(a.attribute("currency"))).forEach(amount ->
        (organisation ? ORGANISATION_CURRENCY : ACTIVITY_CURRENCY).report(reporter, amount, "this <" + amount.name()
            + "> has no currency and the " + owner + " has no default-currency; add @currency (e.g. USD) here or default-currency to <iati-" + owner + ">"));
  }
}
