package org.iatipub.validation.rules;

import static org.iatipub.finding.Severity.ERROR;
import static org.iatipub.finding.Severity.WARNING;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iatipub.validation.Node;
import org.iatipub.validation.Reporter;

/**
 * How an activity is split across sectors, places and budget items: within one vocabulary the
 * shares each have a percentage and add up to 100, and a single item has 100 or none.
 */
final class PercentageSplitRules extends ActivityRules {
  static final Rule SECTOR_EACH = Rule.activity("2.1.1", ERROR,
      "when an activity has several sectors in one vocabulary, each has a percentage");
  static final Rule SECTOR_SUM = Rule.activity("2.1.2", ERROR,
      "the percentages of an activity's sectors in one vocabulary add up to 100");
  static final Rule SECTOR_SINGLE = Rule.activity("2.1.4", ERROR,
      "an activity's only sector in a vocabulary has percentage 100 or none");
  static final Rule COUNTRY_EACH = Rule.activity("3.1.1", ERROR,
      "when an activity has several recipient countries (and no region), each has a percentage");
  static final Rule COUNTRY_SUM = Rule.activity("3.1.2", ERROR,
      "the percentages of an activity's recipient countries (with no region) add up to 100");
  static final Rule COUNTRY_SINGLE = Rule.activity("3.1.4", ERROR,
      "an activity's only recipient country (with no region) has percentage 100 or none");
  static final Rule REGION_EACH = Rule.activity("3.4.1", ERROR,
      "when an activity has several recipient countries and regions (per region vocabulary), each has a percentage");
  static final Rule REGION_SUM = Rule.activity("3.4.2", ERROR,
      "the percentages of recipient countries plus the regions of each region vocabulary add up to 100");
  static final Rule REGION_SINGLE = Rule.activity("3.4.4", ERROR,
      "an activity's only recipient region (no country, per vocabulary) has percentage 100 or none");
  static final Rule BUDGET_ITEM_EACH = Rule.activity("7.9.1", WARNING,
      "when an activity has several country budget items in one vocabulary, each has a percentage (2.03)");
  static final Rule BUDGET_ITEM_SUM = Rule.activity("7.9.2", WARNING,
      "the percentages of country budget items in one vocabulary add up to 100 (2.03)");
  static final Rule BUDGET_ITEM_SINGLE = Rule.activity("7.9.4", WARNING,
      "an activity's only country budget item in a vocabulary has percentage 100 or none (2.03)");
  static final List<Rule> RULES = List.of(SECTOR_EACH, SECTOR_SUM, SECTOR_SINGLE, COUNTRY_EACH, COUNTRY_SUM, COUNTRY_SINGLE,
      REGION_EACH, REGION_SUM, REGION_SINGLE, BUDGET_ITEM_EACH, BUDGET_ITEM_SUM, BUDGET_ITEM_SINGLE);

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  /** The official rules accept sums within this distance of 100, so rounded shares pass. */
  private static final BigDecimal TOLERANCE = new BigDecimal("0.0101");

  /** The three rules that judge one kind of split. */
  private record SplitRules(Rule each, Rule sum, Rule single) {}

  private static final SplitRules SECTORS = new SplitRules(SECTOR_EACH, SECTOR_SUM, SECTOR_SINGLE);
  private static final SplitRules COUNTRIES = new SplitRules(COUNTRY_EACH, COUNTRY_SUM, COUNTRY_SINGLE);
  private static final SplitRules REGIONS = new SplitRules(REGION_EACH, REGION_SUM, REGION_SINGLE);
  private static final SplitRules BUDGET_ITEMS = new SplitRules(BUDGET_ITEM_EACH, BUDGET_ITEM_SUM, BUDGET_ITEM_SINGLE);

  @Override
  void activity(Node activity, Reporter reporter) {
    byVocabulary(Tree.children(activity, "sector")).forEach((vocabulary, sectors) ->
        split(sectors, SECTORS, "sectors in vocabulary " + vocabulary, reporter));
    List<Node> countries = Tree.children(activity, "recipient-country");
    List<Node> regions = Tree.children(activity, "recipient-region");
    if (regions.isEmpty()) {
      split(countries, COUNTRIES, "recipient countries", reporter);
    } else {
      byVocabulary(regions).forEach((vocabulary, inVocabulary) -> {
        List<Node> shares = new ArrayList<>(countries);
        shares.addAll(inVocabulary);
        split(shares, REGIONS, "recipient countries and regions in region vocabulary " + vocabulary, reporter);
      });
    }
    if (Versions.is203(version())) {
      Map<String, List<Node>> items = new LinkedHashMap<>();
      for (Node budgetItems : Tree.children(activity, "country-budget-items")) {
        items.computeIfAbsent(Tree.vocabulary(budgetItems), v -> new ArrayList<>()).addAll(Tree.children(budgetItems, "budget-item"));
      }
      items.forEach((vocabulary, inVocabulary) ->
          split(inVocabulary, BUDGET_ITEMS, "country budget items in vocabulary " + vocabulary, reporter));
    }
  }

  /** The nodes by vocabulary, vocabularies in the order they first appear. */
  private static Map<String, List<Node>> byVocabulary(List<Node> nodes) {
    Map<String, List<Node>> byVocabulary = new LinkedHashMap<>();
    for (Node node : nodes) {
      byVocabulary.computeIfAbsent(Tree.vocabulary(node), v -> new ArrayList<>()).add(node);
    }
    return byVocabulary;
  }

  private static void split(List<Node> items, SplitRules rules, String what, Reporter reporter) {
    if (items.isEmpty()) {
      return;
    }
    if (items.size() == 1) {
      Node only = items.get(0);
      Optional<BigDecimal> percentage = Values.decimal(only.attributes().get("percentage"));
      if (percentage.isPresent() && percentage.get().compareTo(HUNDRED) != 0) {
        rules.single().report(reporter, only, "this <" + only.name() + "> is the only one of the activity's " + what
            + " but has percentage " + percentage.get().toPlainString() + "; set it to 100 or leave the percentage out");
      }
      return;
    }
    BigDecimal sum = BigDecimal.ZERO;
    Node missing = null;
    for (Node item : items) {
      String written = item.attributes().get("percentage");
      if (written == null) {
        missing = missing == null ? item : missing;
      } else {
        Optional<BigDecimal> percentage = Values.decimal(written);
        if (percentage.isPresent()) {
          sum = sum.add(percentage.get());
        }
      }
    }
    if (missing != null) {
      rules.each().report(reporter, missing, "the activity has " + items.size() + " " + what
          + " but this <" + missing.name() + "> has no percentage; give each one its share");
    }
    if (sum.subtract(HUNDRED).abs().compareTo(TOLERANCE) > 0) {
      rules.sum().report(reporter, items.get(0), "the percentages of the " + what + " add up to " + sum.stripTrailingZeros().toPlainString()
          + ", not 100; adjust them so they do");
    }
  }
}
