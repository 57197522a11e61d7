package org.iatipub.validation.rules;

import static org.iatipub.validation.rules.ExampleFiles.activity;
import static org.iatipub.validation.rules.ExampleFiles.organisation;

import java.util.List;

/**
 * Examples of the rules on dates and periods, "today" being 1 June 2024 ({@link ExampleRun#TODAY}):
 * a start date, start before end, nothing that has happened dated in the future (11.x, 6.11.1),
 * periods in order and budgets of a year at most (8.6.x, 7.5.x), budget lines within their period
 * (11.3.1).
 */
final class DateExamples {
  private DateExamples() {}

  /** A transaction dated {@code date}, its value dated {@code valueDate}, each line ending as given (with a marker, say). */
  private static String transaction(String date, String dateEnd, String valueDate, String valueEnd) {
    return """
        <transaction>
          <transaction-type code="3"/>
          <transaction-date iso-date="%s"/>%s
          <value value-date="%s">1000</value>%s
        </transaction>
        """.formatted(date, dateEnd, valueDate, valueEnd);
  }

  /** A budget for a period. */
  private static String budget(String start, String end) {
    return """
        <budget type="1" status="1">
          <period-start iso-date="%s"/>
          <period-end iso-date="%s"/>
          <value value-date="%1$s">1000</value>
        </budget>
        """.formatted(start, end);
  }

  static List<RuleExample> examples() {
    return new ExampleList()
        .breaks("6.11.1", activity("""
            <iati-activity xml:lang="en" default-currency="USD"> <!-- error 6.11.1 -->
            <activity-date type="3" iso-date="2025-12-31"/>
            """),
            "the activity has no start date; add <activity-date type=\"1\"> (planned start) or type=\"2\" (actual start)")
        .keeps("6.11.1", activity("""
            <activity-date type="2" iso-date="2021-02-01"/>
            """))
        .breaks("11.1.1", activity("""
            <iati-activity xml:lang="en" default-currency="USD" last-updated-datetime="2024-06-01T12:00:01Z"> <!-- error 11.1.1 -->
            """),
            "the activity's last-updated-datetime 2024-06-01T12:00:01Z is in the future; set it to when the activity was last changed")
        .breaks("11.1.1", activity("""
            <iati-activity xml:lang="en" default-currency="USD" last-updated-datetime="2024-06-01T14:00:00+01:00"> <!-- error 11.1.1 -->
            """))
        .keeps("11.1.1", activity("""
            <iati-activity xml:lang="en" default-currency="USD" last-updated-datetime="2024-06-01T12:00:00Z">
            """))
        .breaks("11.4.1", organisation("""
            <iati-organisation xml:lang="en" default-currency="USD" last-updated-datetime="2024-06-02T00:00:00"> <!-- error 11.4.1 -->
            """),
            "the organisation's last-updated-datetime 2024-06-02T00:00:00 is in the future; set it to when the organisation was last changed")
        .keeps("11.4.1", organisation("""
            <iati-organisation xml:lang="en" default-currency="USD" last-updated-datetime="2024-05-31T23:59:59">
            """))
        .breaks("11.1.2", activity("""
            <activity-date type="1" iso-date="2022-01-01"/> <!-- error 11.1.2 -->
            <activity-date type="3" iso-date="2021-12-31"/>
            """),
            "the planned start date 2022-01-01 is after the planned end date 2021-12-31 (line 10); correct whichever is wrong")
        .keeps("11.1.2", activity("""
            <activity-date type="1" iso-date="2022-01-01"/>
            <activity-date type="3" iso-date="2022-01-01"/>
            """))
        .breaks("11.1.3", activity("""
            <activity-date type="2" iso-date="2023-05-02"/> <!-- error 11.1.3 -->
            <activity-date type="4" iso-date="2023-05-01"/>
            """),
            "the actual start date 2023-05-02 is after the actual end date 2023-05-01 (line 10); correct whichever is wrong")
        .keeps("11.1.3", activity("""
            <activity-date type="1" iso-date="2023-05-02"/>
            <activity-date type="4" iso-date="2023-05-01"/>
            <activity-date type="2" iso-date="2023-04-01"/>
            """))
        .breaks("11.1.4", activity("""
            <activity-date type="2" iso-date="2024-06-02"/> <!-- error 11.1.4 -->
            """),
            "the actual start date 2024-06-02 is in the future; an activity that has not started yet has a planned start date (type 1) instead")
        .keeps("11.1.4", activity("""
            <activity-date type="2" iso-date="2024-06-01"/>
            <activity-date type="1" iso-date="2024-06-02"/>
            """))
        .breaks("11.1.5", activity("""
            <activity-date type="1" iso-date="2021-01-01"/>
            <activity-date type="4" iso-date="2024-06-02Z"/> <!-- error 11.1.5 -->
            """),
            "the actual end date 2024-06-02 is in the future; use a planned end date (type 3) until the activity has ended")
        .keeps("11.1.5", activity("""
            <activity-date type="1" iso-date="2021-01-01"/>
            <activity-date type="3" iso-date="2024-06-02"/>
            <activity-date type="4" iso-date="2024-06-01"/>
            """))
        .breaks("11.2.1", activity(transaction("2024-06-02", " <!-- error 11.2.1 -->", "2024-05-01", "")),
            "the transaction date 2024-06-02 is in the future; report transactions once they have happened (future money goes in planned-disbursement)")
        .keeps("11.2.1", activity(transaction("2024-06-01", "", "2024-06-01", "")))
        .breaks("11.2.2", activity(transaction("2024-05-01", "", "2024-06-02", " <!-- error 11.2.2 -->")),
            "the transaction value-date 2024-06-02 is in the future; use the date the money was converted or moved")
        .keeps("11.2.2", activity(transaction("2024-05-01", "", "2024-06-01", "")))

        .breaks("8.6.1", activity("""
            <result type="1">
              <title><narrative>Skills</narrative></title>
              <indicator measure="5">
                <title><narrative>Training offered</narrative></title>
                <period>
                  <period-start iso-date="2022-01-01"/> <!-- error 8.6.1 -->
                  <period-end iso-date="2021-12-31"/>
                </period>
              </indicator>
            </result>
            """),
            "the period period starts on 2022-01-01, after it ends on 2021-12-31 (line 18); swap or correct the dates")
        .keeps("8.6.1", activity("""
            <result type="1">
              <title><narrative>Skills</narrative></title>
              <indicator measure="5">
                <title><narrative>Training offered</narrative></title>
                <period>
                  <period-start iso-date="2021-01-01"/>
                  <period-end iso-date="2021-12-31"/>
                </period>
              </indicator>
            </result>
            """))
        .breaks("8.6.3", activity("""
            <budget type="1" status="1">
              <period-start iso-date="2024-12-31"/> <!-- error 8.6.3 -->
              <period-end iso-date="2024-01-01"/>
              <value value-date="2024-12-31">1000</value>
            </budget>
            <planned-disbursement type="1">
              <period-start iso-date="2024-09-30"/> <!-- error 8.6.3 -->
              <period-end iso-date="2024-07-01"/>
              <value value-date="2024-07-01">500</value>
            </planned-disbursement>
            """),
            "the budget period starts on 2024-12-31, after it ends on 2024-01-01 (line 14); swap or correct the dates",
            "the planned-disbursement period starts on 2024-09-30, after it ends on 2024-07-01 (line 19); swap or correct the dates")
        .breaks("8.6.3 7.5.3", organisation("""
            <total-budget status="1"> <!-- error 7.5.3 -->
              <period-start iso-date="2024-01-01"/>
              <period-end iso-date="2025-06-30"/>
              <value value-date="2024-01-01">1000</value>
            </total-budget>
            <total-expenditure>
              <period-start iso-date="2023-12-31"/> <!-- error 8.6.3 -->
              <period-end iso-date="2023-01-01"/>
              <value value-date="2023-01-01">900</value>
            </total-expenditure>
            """))
        .keeps("8.6.3 7.5.3", activity(budget("2024-01-01", "2024-12-31")))
        .keeps("8.6.3 7.5.3", organisation("""
            <total-budget status="1">
              <period-start iso-date="2024-01-01"/>
              <period-end iso-date="2025-01-01"/>
              <value value-date="2024-01-01">1000</value>
            </total-budget>
            """))
        .breaks("7.5.3", activity("""
            <budget type="1" status="1"> <!-- error 7.5.3 -->
              <period-start iso-date="2024-01-01"/>
              <period-end iso-date="2025-01-02"/>
              <value value-date="2024-01-01">1000</value>
            </budget>
            """),
            "the budget period 2024-01-01 to 2025-01-02 is longer than a year; split it into periods of a year or less")
        .breaks("11.3.1", organisation("""
            <recipient-country-budget status="1">
              <recipient-country code="KE"/>
              <period-start iso-date="2024-01-01"/>
              <period-end iso-date="2024-12-31"/>
              <value value-date="2024-01-01">1000</value>
              <budget-line ref="1">
                <value value-date="2024-01-01">600</value>
                <narrative>Training</narrative>
              </budget-line>
              <budget-line ref="2">
                <value value-date="2025-01-01">400</value> <!-- error 11.3.1 -->
                <narrative>Equipment</narrative>
              </budget-line>
              <budget-line ref="3">
                <value value-date="2023-12-31">400</value> <!-- error 11.3.1 -->
                <narrative>Travel</narrative>
              </budget-line>
            </recipient-country-budget>
            """),
            "the budget line's value-date 2025-01-01 is outside the budget period 2024-01-01 to 2024-12-31; use a date within the period",
            "the budget line's value-date 2023-12-31 is outside the budget period 2024-01-01 to 2024-12-31; use a date within the period")
        .keeps("11.3.1", organisation("""
            <recipient-country-budget status="1">
              <recipient-country code="KE"/>
              <period-start iso-date="2024-01-01"/>
              <period-end iso-date="2024-12-31"/>
              <value value-date="2024-01-01">1000</value>
              <budget-line ref="1">
                <value value-date="2024-12-31">600</value>
                <narrative>Training</narrative>
              </budget-line>
            </recipient-country-budget>
            """))
        .list();
  }
}
