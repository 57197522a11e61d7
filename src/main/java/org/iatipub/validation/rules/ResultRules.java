package org.iatipub.validation.rules;

import static org.iatipub.finding.Severity.ERROR;
import static org.iatipub.finding.Severity.WARNING;

import java.util.List;
import java.util.Set;
import org.iatipub.validation.Node;
import org.iatipub.validation.Reporter;

/**
 * Results and indicators agree with their measure: quantitative indicators (measures 1 to 4)
 * give numbers for baseline, target and actual, qualitative ones (measure 5) give none; and a
 * reference code sits on the result or on its indicators, not both.
 */
final class ResultRules extends ActivityRules {
  static final Rule BASELINE_VALUE = Rule.activity("8.8.1", ERROR,
      "a quantitative indicator's baseline has a value (2.03)");
  static final Rule BASELINE_NUMBER = Rule.activity("8.8.2", WARNING,
      "a quantitative indicator's baseline value is a number (2.03)");
  static final Rule BASELINE_QUALITATIVE = Rule.activity("8.8.3", WARNING,
      "a qualitative indicator's baseline has no value (2.03)");
  static final Rule TARGET_VALUE = Rule.activity("8.9.1", ERROR,
      "a quantitative indicator's period target has a value (2.03)");
  static final Rule TARGET_NUMBER = Rule.activity("8.9.2", WARNING,
      "a quantitative indicator's period target value is a number (2.03)");
  static final Rule TARGET_QUALITATIVE = Rule.activity("8.9.3", WARNING,
      "a qualitative indicator's period target has no value (2.03)");
  static final Rule ACTUAL_VALUE = Rule.activity("8.10.1", ERROR,
      "a quantitative indicator's period actual has a value (2.03)");
  static final Rule ACTUAL_NUMBER = Rule.activity("8.10.2", WARNING,
      "a quantitative indicator's period actual value is a number (2.03)");
  static final Rule ACTUAL_QUALITATIVE = Rule.activity("8.10.3", WARNING,
      "a qualitative indicator's period actual has no value (2.03)");
  static final Rule REFERENCE_ONE_LEVEL = Rule.activity("8.11.1", ERROR,
      "a reference code is given on a result or on its indicators, not both");
  static final List<Rule> RULES = List.of(BASELINE_VALUE, BASELINE_NUMBER, BASELINE_QUALITATIVE, TARGET_VALUE, TARGET_NUMBER,
      TARGET_QUALITATIVE, ACTUAL_VALUE, ACTUAL_NUMBER, ACTUAL_QUALITATIVE, REFERENCE_ONE_LEVEL);

  private static final Set<String> QUANTITATIVE = Set.of("1", "2", "3", "4");
  private static final String QUALITATIVE = "5";

  /** The three rules for one kind of indicator value. */
  private record ValueRules(Rule value, Rule number, Rule qualitative) {}

  private static final ValueRules BASELINE = new ValueRules(BASELINE_VALUE, BASELINE_NUMBER, BASELINE_QUALITATIVE);
  private static final ValueRules TARGET = new ValueRules(TARGET_VALUE, TARGET_NUMBER, TARGET_QUALITATIVE);
  private static final ValueRules ACTUAL = new ValueRules(ACTUAL_VALUE, ACTUAL_NUMBER, ACTUAL_QUALITATIVE);

  @Override
  void activity(Node activity, Reporter reporter) {
    boolean v203 = Versions.is203(version());
    for (Node result : Tree.children(activity, "result")) {
      boolean resultReferenced = Tree.hasChild(result, "reference");
      for (Node indicator : Tree.children(result, "indicator")) {
        Node reference = resultReferenced ? Tree.firstChild(indicator, "reference") : null;
        if (reference != null) {
          REFERENCE_ONE_LEVEL.report(reporter, reference,
              "this indicator has a reference code while its result has one too; keep the reference at one level only");
        }
        if (v203) {
          values(indicator, reporter);
        }
      }
    }
  }

  private static void values(Node indicator, Reporter reporter) {
    String measure = indicator.attribute("measure").map(String::strip).orElse("");
    for (Node baseline : Tree.children(indicator, "baseline")) {
      value(baseline, measure, BASELINE, reporter);
    }
    for (Node period : Tree.children(indicator, "period")) {
      for (Node target : Tree.children(period, "target")) {
        value(target, measure, TARGET, reporter);
      }
      for (Node actual : Tree.children(period, "actual")) {
        value(actual, measure, ACTUAL, reporter);
      }
    }
  }

  private static void value(Node node, String measure, ValueRules rules, Reporter reporter) {
    if (QUANTITATIVE.contains(measure)) {
      if (node.attribute("value").isEmpty()) {
        rules.value().report(reporter, node, "this " + node.name() + " of a quantitative indicator (measure " + measure
            + ") has no value; add @value with the number");
      } else if (Values.decimal(node.attribute("value")).isEmpty()) {
        rules.number().report(reporter, node, "this " + node.name() + "'s value '" + node.attribute("value").get()
            + "' is not a number, but the indicator is quantitative (measure " + measure + "); write a number, or make the indicator qualitative (measure 5)");
      }
    } else if (QUALITATIVE.equals(measure) && node.attribute("value").isPresent()) {
      rules.qualitative().report(reporter, node, "this " + node.name() + " of a qualitative indicator (measure 5) has a value;"
          + " leave @value out and describe the result in a comment");
    }
  }
}
