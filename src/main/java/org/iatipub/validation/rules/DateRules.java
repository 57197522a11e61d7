package org.iatipub.validation.rules;

import static org.iatipub.finding.Severity.ERROR;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.iatipub.validation.Check;
import org.iatipub.validation.Node;
import org.iatipub.validation.Reporter;

/**
 * Activity and transaction dates: start before end, and no date in the future where it records
 * something that has already happened. "Today" is the UTC day of the clock given, so tests can
 * fix it.
 */
final class DateRules implements Check {
  static final Rule ACTIVITY_UPDATED_NOT_FUTURE = Rule.activity("11.1.1", ERROR,
      "the activity's last-updated-datetime is not in the future");
  static final Rule PLANNED_ORDER = Rule.activity("11.1.2", ERROR,
      "the planned start date (activity-date type 1) is not after the planned end date (type 3)");
  static final Rule ACTUAL_ORDER = Rule.activity("11.1.3", ERROR,
      "the actual start date (activity-date type 2) is not after the actual end date (type 4)");
  static final Rule ACTUAL_START_NOT_FUTURE = Rule.activity("11.1.4", ERROR,
      "the actual start date (activity-date type 2) is not in the future");
  static final Rule ACTUAL_END_NOT_FUTURE = Rule.activity("11.1.5", ERROR,
      "the actual end date (activity-date type 4) is not in the future");
  static final Rule TRANSACTION_DATE_NOT_FUTURE = Rule.activity("11.2.1", ERROR,
      "a transaction's date is not in the future");
  static final Rule VALUE_DATE_NOT_FUTURE = Rule.activity("11.2.2", ERROR,
      "a transaction value's value-date is not in the future");
  static final Rule ORGANISATION_UPDATED_NOT_FUTURE = Rule.organisation("11.4.1", ERROR,
      "the organisation's last-updated-datetime is not in the future");
  static final Rule HAS_START_DATE = Rule.activity("6.11.1", ERROR,
      "the activity has a planned or an actual start date (activity-date type 1 or 2)");
  static final List<Rule> RULES = List.of(ACTIVITY_UPDATED_NOT_FUTURE, PLANNED_ORDER, ACTUAL_ORDER,
      ACTUAL_START_NOT_FUTURE, ACTUAL_END_NOT_FUTURE, TRANSACTION_DATE_NOT_FUTURE, VALUE_DATE_NOT_FUTURE,
      ORGANISATION_UPDATED_NOT_FUTURE, HAS_START_DATE);

  private final Clock clock;

  DateRules(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void record(Node record, Reporter reporter) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    LocalDate today = now.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    if (record.name().equals("iati-organisation")) {
      updated(record, now, ORGANISATION_UPDATED_NOT_FUTURE, "organisation", reporter);
      return;
    }
    updated(record, now, ACTIVITY_UPDATED_NOT_FUTURE, "activity", reporter);
    Optional<Node> plannedStart = activityDate(record, "1");
    Optional<Node> actualStart = activityDate(record, "2");
    Optional<Node> plannedEnd = activityDate(record, "3");
    Optional<Node> actualEnd = activityDate(record, "4");
    if (record.children("activity-date").noneMatch(d -> d.attribute("type").map(t -> t.equals("1") || t.equals("2")).orElse(false))) {
      HAS_START_DATE.report(reporter, record, "the activity has no start date; add <activity-date type=\"1\"> (planned start) or type=\"2\" (actual start)");
    }
    order(plannedStart, plannedEnd, PLANNED_ORDER, "planned", reporter);
    order(actualStart, actualEnd, ACTUAL_ORDER, "actual", reporter);
    notFuture(actualStart, today, ACTUAL_START_NOT_FUTURE,
        "the actual start date %s is in the future; an activity that has not started yet has a planned start date (type 1) instead", reporter);
    notFuture(actualEnd, today, ACTUAL_END_NOT_FUTURE,
        "the actual end date %s is in the future; use a planned end date (type 3) until the activity has ended", reporter);
    record.children("transaction").forEach(transaction -> {
      notFuture(transaction.child("transaction-date"), today, TRANSACTION_DATE_NOT_FUTURE,
          "the transaction date %s is in the future; report transactions once they have happened (future money goes in planned-disbursement)", reporter);
      transaction.child("value").filter(v -> v.attribute("value-date").isPresent()).ifPresent(value -> {
        Optional<LocalDate> date = Values.date(value.attribute("value-date"));
        if (date.isPresent() && date.get().isAfter(today)) {
          VALUE_DATE_NOT_FUTURE.report(reporter, value, "the transaction value-date " + date.get()
              + " is in the future; use the date the money was converted or moved");
        }
      });
    });
  }

  private static Optional<Node> activityDate(Node activity, String type) {
    return activity.children("activity-date").filter(d -> d.attribute("type").map(type::equals).orElse(false)).findFirst();
  }

  private static void updated(Node record, OffsetDateTime now, Rule rule, String what, Reporter reporter) {
    Optional<OffsetDateTime> updated = record.attribute("last-updated-datetime").flatMap(Values::dateTime);
    if (updated.isPresent() && updated.get().isAfter(now)) {
      rule.report(reporter, record, "the " + what + "'s last-updated-datetime " + record.attribute("last-updated-datetime").get().strip()
          + " is in the future; set it to when the " + what + " was last changed");
    }
  }

  private static void order(Optional<Node> start, Optional<Node> end, Rule rule, String which, Reporter reporter) {
    Optional<LocalDate> from = start.flatMap(s -> Values.date(s.attribute("iso-date")));
    Optional<LocalDate> to = end.flatMap(e -> Values.date(e.attribute("iso-date")));
    if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
      rule.report(reporter, start.get(), "the " + which + " start date " + from.get() + " is after the " + which + " end date "
          + to.get() + " (" + Tree.where(end.get()) + "); correct whichever is wrong");
    }
  }

  private static void notFuture(Optional<Node> dated, LocalDate today, Rule rule, String message, Reporter reporter) {
    dated.ifPresent(node -> Values.date(node.attribute("iso-date")).filter(d -> d.isAfter(today))
        .ifPresent(d -> rule.report(reporter, node, String.format(message, d))));
  }
}
