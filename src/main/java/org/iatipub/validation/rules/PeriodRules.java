package org.iatipub.validation.rules;

import static org.iatipub.finding.Severity.ERROR;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.iatipub.validation.Check;
import org.iatipub.validation.Node;
import org.iatipub.validation.Reporter;

/**
 * Budget, disbursement and indicator periods: in order, at most a year for budgets, value dates
 * inside. (A budget value's value-date, 7.5.2, is the schema's to require: the official validator
 * no longer runs that rule.)
 */
final class PeriodRules implements Check {
  static final Rule INDICATOR_PERIOD_ORDER = Rule.activity("8.6.1", ERROR,
      "an indicator period's start is not after its end");
  static final Rule PERIOD_ORDER = Rule.both("8.6.3", ERROR,
      "a budget's, planned disbursement's or expenditure's period start is not after its end");
  static final Rule AT_MOST_A_YEAR = Rule.both("7.5.3", ERROR,
      "a budget or expenditure period is not longer than one year");
  static final Rule BUDGET_LINE_IN_PERIOD = Rule.organisation("11.3.1", ERROR,
      "a recipient-country budget line's value-date falls within the budget's period");
  static final List<Rule> RULES = List.of(INDICATOR_PERIOD_ORDER, PERIOD_ORDER, AT_MOST_A_YEAR, BUDGET_LINE_IN_PERIOD);

  private static final Set<String> ORGANISATION_BUDGETS =
      Set.of("total-budget", "total-expenditure", "recipient-org-budget", "recipient-country-budget", "recipient-region-budget");

  /**
   * A period as written: start and end nodes, each known only when there is exactly one and it has
   * an iso-date, and their dates when those are valid (all read once, as several rules ask).
   */
  private record Period(Node owner, Node start, Node end, LocalDate from, LocalDate to) {
    static Period of(Node owner) {
      Node start = only(owner, "period-start");
      Node end = only(owner, "period-end");
      return new Period(owner, start, end, date(start), date(end));
    }

    private static Node only(Node owner, String name) {
      Node found = null;
      for (Node child : owner.children()) {
        if (Tree.named(child, name)) {
          if (found != null) {
            return null;
          }
          found = child;
        }
      }
      return found != null && found.attributes().containsKey("iso-date") ? found : null;
    }

    private static LocalDate date(Node node) {
      return node == null ? null : Values.dateOrNull(node.attributes().get("iso-date"));
    }

    boolean dated() {
      return from != null && to != null;
    }

    boolean reversed() {
      return dated() && from.isAfter(to);
    }
  }

  @Override
  public void record(Node record, Reporter reporter) {
    if (record.name().equals("iati-organisation")) {
      for (Node budget : record.children()) {
        if (!budget.isIati() || !ORGANISATION_BUDGETS.contains(budget.name())) {
          continue;
        }
        Period period = Period.of(budget);
        order(period, PERIOD_ORDER, reporter);
        atMostAYear(period, reporter);
        if (budget.name().equals("recipient-country-budget")) {
          budgetLines(budget, period, reporter);
        }
      }
      return;
    }
    for (Node budget : Tree.children(record, "budget")) {
      Period period = Period.of(budget);
      order(period, PERIOD_ORDER, reporter);
      atMostAYear(period, reporter);
    }
    for (Node disbursement : Tree.children(record, "planned-disbursement")) {
      order(Period.of(disbursement), PERIOD_ORDER, reporter);
    }
    for (Node period : Tree.path(record, "result", "indicator", "period")) {
      order(Period.of(period), INDICATOR_PERIOD_ORDER, reporter);
    }
  }

  private static void order(Period period, Rule rule, Reporter reporter) {
    if (period.reversed()) {
      rule.report(reporter, period.start(), "the " + period.owner().name() + " period starts on " + period.from()
          + ", after it ends on " + period.to() + " (" + Tree.where(period.end()) + "); swap or correct the dates");
    }
  }

  private static void atMostAYear(Period period, Reporter reporter) {
    if (period.dated() && period.from().plusYears(1).isBefore(period.to())) {
      AT_MOST_A_YEAR.report(reporter, period.owner(), "the " + period.owner().name() + " period " + period.from() + " to "
          + period.to() + " is longer than a year; split it into periods of a year or less");
    }
  }

  private static void budgetLines(Node budget, Period period, Reporter reporter) {
    if (!period.dated()) {
      return;
    }
    for (Node value : Tree.path(budget, "budget-line", "value")) {
      LocalDate date = Values.dateOrNull(value.attributes().get("value-date"));
      if (date != null && (date.isBefore(period.from()) || date.isAfter(period.to()))) {
        BUDGET_LINE_IN_PERIOD.report(reporter, value, "the budget line's value-date " + date + " is outside the budget period "
            + period.from() + " to " + period.to() + "; use a date within the period");
      }
    }
  }
}
