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
  /** "Now", taken once per file at its first record: one file is checked against one moment. */
  private OffsetDateTime now;
  private LocalDate today;
  /** The last last-updated-datetime read and its value: a file's records mostly share one. */
  private String updatedWritten;
  private Optional<OffsetDateTime> updatedRead;

  DateRules(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void record(Node record, Reporter reporter) {
    if (now == null) {
      now = OffsetDateTime.now(clock);
      today = now.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    }
    if (record.name().equals("iati-organisation")) {
      updated(record, ORGANISATION_UPDATED_NOT_FUTURE, "organisation", reporter);
      return;
    }
    updated(record, ACTIVITY_UPDATED_NOT_FUTURE, "activity", reporter);
    Node plannedStart = null;
    Node actualStart = null;
    Node plannedEnd = null;
    Node actualEnd = null;
    for (Node date : record.children()) {
      if (!Tree.named(date, "activity-date")) {
        continue;
      }
      String type = date.attributes().get("type");
      if (type == null) {
        continue;
      }
      switch (type) {
        case "1" -> plannedStart = plannedStart == null ? date : plannedStart;
        case "2" -> actualStart = actualStart == null ? date : actualStart;
        case "3" -> plannedEnd = plannedEnd == null ? date : plannedEnd;
        case "4" -> actualEnd = actualEnd == null ? date : actualEnd;
        default -> { }
      }
    }
    if (plannedStart == null && actualStart == null) {
      HAS_START_DATE.report(reporter, record, "the activity has no start date; add <activity-date type=\"1\"> (planned start) or type=\"2\" (actual start)");
    }
    order(plannedStart, plannedEnd, PLANNED_ORDER, "planned", reporter);
    order(actualStart, actualEnd, ACTUAL_ORDER, "actual", reporter);
    notFuture(actualStart, ACTUAL_START_NOT_FUTURE,
        "the actual start date %s is in the future; an activity that has not started yet has a planned start date (type 1) instead", reporter);
    notFuture(actualEnd, ACTUAL_END_NOT_FUTURE,
        "the actual end date %s is in the future; use a planned end date (type 3) until the activity has ended", reporter);
    for (Node transaction : record.children()) {
      if (!Tree.named(transaction, "transaction")) {
        continue;
      }
      notFuture(Tree.firstChild(transaction, "transaction-date"), TRANSACTION_DATE_NOT_FUTURE,
          "the transaction date %s is in the future; report transactions once they have happened (future money goes in planned-disbursement)", reporter);
      Node value = Tree.firstChild(transaction, "value");
      LocalDate date = value == null ? null : Values.dateOrNull(value.attributes().get("value-date"));
      if (date != null && date.isAfter(today)) {
        VALUE_DATE_NOT_FUTURE.report(reporter, value, "the transaction value-date " + date
            + " is in the future; use the date the money was converted or moved");
      }
    }
  }

  private void updated(Node record, Rule rule, String what, Reporter reporter) {
    String written = record.attributes().get("last-updated-datetime");
    if (written == null) {
      return;
    }
    if (!written.equals(updatedWritten)) {
      updatedWritten = written;
      updatedRead = Values.dateTime(written);
    }
    if (updatedRead.isPresent() && updatedRead.get().isAfter(now)) {
      rule.report(reporter, record, "the " + what + "'s last-updated-datetime " + written.strip()
          + " is in the future; set it to when the " + what + " was last changed");
    }
  }

  private static void order(Node start, Node end, Rule rule, String which, Reporter reporter) {
    if (start == null || end == null) {
      return;
    }
    LocalDate from = Values.dateOrNull(start.attributes().get("iso-date"));
    LocalDate to = Values.dateOrNull(end.attributes().get("iso-date"));
    if (from != null && to != null && from.isAfter(to)) {
      rule.report(reporter, start, "the " + which + " start date " + from + " is after the " + which + " end date "
          + to + " (" + Tree.where(end) + "); correct whichever is wrong");
    }
  }

  private void notFuture(Node dated, Rule rule, String message, Reporter reporter) {
    if (dated == null) {
      return;
    }
    LocalDate date = Values.dateOrNull(dated.attributes().get("iso-date"));
    if (date != null && date.isAfter(today)) {
      rule.report(reporter, dated, String.format(message, date));
    }
  }
}
