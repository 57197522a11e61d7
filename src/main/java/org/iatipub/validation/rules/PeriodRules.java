package org.iatipub.validation.rules;

import static org.iatipub.finding.Severity.ERROR;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.iatipub.validation.Check;
import org.iatipub.validation.Node;
import org.iatipub.validation.Reporter;

/** Budget, disbursement and indicator periods: in order, at most a year for budgets, value dates inside. */
final class PeriodRules implements Check {
  static final Rule INDICATOR_PERIOD_ORDER = Rule.activity("8.6.1", ERROR,
      "an indicator period's start is not after its end");
  static final Rule PERIOD_ORDER = Rule.both("8.6.3", ERROR,
      "a budget's, planned disbursement's or expenditure's period start is not after its end");
  static final Rule AT_MOST_A_YEAR = Rule.both("7.5.3", ERROR,
      "a budget or expenditure period is not longer than one year");
  static final Rule BUDGET_LINE_IN_PERIOD = Rule.organisation("11.3.1", ERROR,
      "a recipient-country budget line's value-date falls within the budget's period");
  static final Rule BUDGET_VALUE_DATE = Rule.activity("7.5.2", ERROR,
      "a budget's value has a value-date");
  static final List<Rule> RULES = List.of(INDICATOR_PERIOD_ORDER, PERIOD_ORDER, AT_MOST_A_YEAR, BUDGET_LINE_IN_PERIOD, BUDGET_VALUE_DATE);

  private static final Set<String> ORGANISATION_BUDGETS =
      Set.of("total-budget", "total-expenditure", "recipient-org-budget", "recipient-country-budget", "recipient-region-budget");

  /** A period as written: start and end nodes, each present only when there is exactly one. */
  private record Period(Node owner, Optional<Node> start, Optional<Node> end) {
    static Period of(Node owner) {
      return new Period(owner, only(owner, "period-start"), only(owner, "period-end"));
    }

    private static Optional<Node> only(Node owner, String name) {
      List<Node> found = owner.children(name).toList();
      return found.size() == 1 ? found.get(0).attribute("iso-date").map(d -> found.get(0)) : Optional.empty();
    }

    Optional<LocalDate> from() {
      return start.flatMap(s -> Values.date(s.attribute("iso-date")));
    }

    Optional<LocalDate> to() {
      return end.flatMap(e -> Values.date(e.attribute("iso-date")));
    }

    boolean reversed() {
      return from().isPresent() && to().isPresent() && from().get().isAfter(to().get());
    }
  }

  @Override
  public void record(Node record, Reporter reporter) {
    if (record.name().equals("iati-organisation")) {
      record.children().stream().filter(n -> n.isIati() && ORGANISATION_BUDGETS.contains(n.name())).forEach(budget -> {
        Period period = Period.of(budget);
        order(period, PERIOD_ORDER, reporter);
        atMostAYear(period, reporter);
        if (budget.name().equals("recipient-country-budget")) {
          budgetLines(budget, period, reporter);
        }
      });
      return;
    }
    record.children("budget").forEach(budget -> {
      Period period = Period.of(budget);
      order(period, PERIOD_ORDER, reporter);
      atMostAYear(period, reporter);
      budget.child("value").filter(v -> v.attribute("value-date").isEmpty()).ifPresent(value ->
          BUDGET_VALUE_DATE.report(reporter, value, "the budget value has no value-date; add the date used for its currency conversion (usually the period start)"));
    });
    record.children("planned-disbursement").forEach(disbursement -> order(Period.of(disbursement), PERIOD_ORDER, reporter));
    Tree.path(record, "result", "indicator", "period").forEach(period -> order(Period.of(period), INDICATOR_PERIOD_ORDER, reporter));
  }

  private static void order(Period period, Rule rule, Reporter reporter) {
    if (period.reversed()) {
      rule.report(reporter, period.start().get(), "the " + period.owner().name() + " period starts on " + period.from().get()
          + ", after it ends on " + period.to().get() + " (" + Tree.where(period.end().get()) + "); swap or correct the dates");
    }
  }

  private static void atMostAYear(Period period, Reporter reporter) {
    if (period.from().isPresent() && period.to().isPresent() && period.from().get().plusYears(1).isBefore(period.to().get())) {
      AT_MOST_A_YEAR.report(reporter, period.owner(), "the " + period.owner().name() + " period " + period.from().get() + " to "
          + period.to().get() + " is longer than a year; split it into periods of a year or less");
    }
  }

  private static void budgetLines(Node budget, Period period, Reporter reporter) {
    if (period.from().isEmpty() || period.to().isEmpty()) {
      return;
    }
    Stream<Node> values = Tree.path(budget, "budget-line", "value");
    values.forEach(value -> Values.date(value.attribute("value-date")).ifPresent(date -> {
      if (date.isBefore(period.from().get()) || date.isAfter(period.to().get())) {
        BUDGET_LINE_IN_PERIOD.report(reporter, value, "the budget line's value-date " + date + " is outside the budget period "
            + period.from().get() + " to " + period.to().get() + "; use a date within the period");
      }
    }));
  }
}
