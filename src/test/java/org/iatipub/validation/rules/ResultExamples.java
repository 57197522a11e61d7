package org.iatipub.validation.rules;

import static org.iatipub.validation.rules.ExampleFiles.activities;
import static org.iatipub.validation.rules.ExampleFiles.activity;

import java.util.List;

/**
 * Examples of the rules on results (8.8.x to 8.11.1), on cited activities (1000.0.x, notes) and on
 * the version (0.6.1).
 */
final class ResultExamples {
  private ResultExamples() {}

  /** A result with one indicator of this measure, holding {@code values} (baseline and periods). */
  private static String indicator(String measure, String values) {
    return """
        <result type="1">
          <title><narrative>Skills</narrative></title>
          <indicator measure="%s">
            <title><narrative>Workers trained</narrative></title>
        """.formatted(measure) + values.indent(4) + """
          </indicator>
        </result>
        """;
  }

  private static String period(String target, String actual) {
    return """
        <period>
          <period-start iso-date="2023-01-01"/>
          <period-end iso-date="2023-12-31"/>
        """ + target.indent(2) + actual.indent(2) + "</period>\n";
  }

  static List<RuleExample> examples() {
    return new ExampleList()
        .breaks("8.8.1", activity(indicator("1", """
            <baseline year="2020"/> <!-- error 8.8.1 -->
            """)),
            "this baseline of a quantitative indicator (measure 1) has no value; add @value with the number")
        .breaks("8.8.2", activity(indicator("2", """
            <baseline year="2020" value="ten"/> <!-- warning 8.8.2 -->
            """)),
            "this baseline's value 'ten' is not a number, but the indicator is quantitative (measure 2);"
                + " write a number, or make the indicator qualitative (measure 5)")
        .keeps("8.8.1 8.8.2 8.8.3", activity(indicator("3", """
            <baseline year="2020" value="10"/>
            """)))
        .breaks("8.8.3", activity(indicator("5", """
            <baseline year="2020" value="10"/> <!-- warning 8.8.3 -->
            """)),
            "this baseline of a qualitative indicator (measure 5) has a value; leave @value out and describe the result in a comment")
        .keeps("8.8.3", activity(indicator("5", """
            <baseline year="2020"/>
            """)))
        .breaks("8.9.1 8.10.1", activity(indicator("4", period("""
            <target/> <!-- error 8.9.1 -->
            """, """
            <actual/> <!-- error 8.10.1 -->
            """))))
        .breaks("8.9.2 8.10.2", activity(indicator("1", period("""
            <target value="many"/> <!-- warning 8.9.2 -->
            """, """
            <actual value="1 000"/> <!-- warning 8.10.2 -->
            """))))
        .keeps("8.9.1 8.9.2 8.10.1 8.10.2 8.9.3 8.10.3", activity(indicator("1", period("""
            <target value="5"/>
            """, """
            <actual value="4.5"/>
            """))))
        .breaks("8.9.3 8.10.3", activity(indicator("5", period("""
            <target value="5"/> <!-- warning 8.9.3 -->
            """, """
            <actual value=""/> <!-- warning 8.10.3 -->
            """))))
        .keeps("8.8.1 8.9.1 8.10.1 8.9.3 8.10.3", activity(indicator("5", period("""
            <target><comment><narrative>A network in place</narrative></comment></target>
            """, """
            <actual/>
            """))))
        .keeps("8.8.1 8.9.1 8.10.1", activity("""
            <iati-activities version="2.02"> <!-- warning iati/version -->
            """ + indicator("1", """
            <baseline year="2020"/>
            """ + period("<target/>\n", "<actual/>\n"))))
        .breaks("8.11.1", activity("""
            <result type="1">
              <title><narrative>Skills</narrative></title>
              <reference vocabulary="99" code="OUT-1"/>
              <indicator measure="5">
                <title><narrative>Training offered</narrative></title>
                <reference vocabulary="99" code="IND-1"/> <!-- error 8.11.1 -->
              </indicator>
            </result>
            """),
            "this indicator has a reference code while its result has one too; keep the reference at one level only")
        .keeps("8.11.1", activity("""
            <result type="1">
              <title><narrative>Skills</narrative></title>
              <indicator measure="5">
                <title><narrative>Training offered</narrative></title>
                <reference vocabulary="99" code="IND-1"/>
              </indicator>
            </result>
            """))

        .breaks("1000.0.1 1000.0.6", activity("""
            <participating-org role="4" ref="XM-DAC-41302" activity-id="XM-DAC-41302-9"/> <!-- info 1000.0.1 -->
            <related-activity type="2" ref="XM-DAC-41302-2"/> <!-- info 1000.0.6 -->
            """))
        .breaks("1000.0.2 1000.0.3", activity("""
            <planned-disbursement type="1">
              <period-start iso-date="2024-07-01"/>
              <value value-date="2024-07-01">500</value>
              <provider-org ref="XM-DAC-41302" provider-activity-id="XM-DAC-41302-0"/> <!-- info 1000.0.2 -->
              <receiver-org ref="XM-DAC-41302" receiver-activity-id="XM-DAC-41302-2"/> <!-- info 1000.0.3 -->
            </planned-disbursement>
            """))
        .breaks("1000.0.4 1000.0.5", activity("""
            <transaction>
              <transaction-type code="1"/>
              <transaction-date iso-date="2022-03-01"/>
              <value value-date="2022-03-01">1000</value>
              <provider-org ref="GB-GOV-1" provider-activity-id="GB-GOV-1-300"/> <!-- info 1000.0.4 -->
              <receiver-org ref="XM-DAC-41302" receiver-activity-id="XM-DAC-41302-2"/> <!-- info 1000.0.5 -->
            </transaction>
            """))
        .breaks("1000.0.6", activity("""
            <related-activity type="2" ref=" XM-DAC-41302-2"/> <!-- info 1000.0.6; warning 1.7.1 -->
            """),
            "the related activity 'XM-DAC-41302-2' is not an activity in this file; iatipub cannot search the IATI Datastore,"
                + " so check that it is published (and spelled exactly)")
        // Cited before it comes in the file, and cited again after.
        .keeps("1000.0.1 1000.0.2 1000.0.3 1000.0.4 1000.0.5 1000.0.6", activities("""
            <participating-org role="4" ref="XM-DAC-41302" activity-id="XM-DAC-41302-2"/>
            <planned-disbursement type="1">
              <period-start iso-date="2024-07-01"/>
              <value value-date="2024-07-01">500</value>
              <provider-org ref="XM-DAC-41302" provider-activity-id="XM-DAC-41302-2"/>
              <receiver-org ref="XM-DAC-41302" receiver-activity-id="XM-DAC-41302-2"/>
            </planned-disbursement>
            <transaction>
              <transaction-type code="1"/>
              <transaction-date iso-date="2022-03-01"/>
              <value value-date="2022-03-01">1000</value>
              <provider-org ref="XM-DAC-41302" provider-activity-id="XM-DAC-41302-2"/>
              <receiver-org ref="XM-DAC-41302" receiver-activity-id="XM-DAC-41302-2"/>
            </transaction>
            <related-activity type="2" ref="XM-DAC-41302-2"/>
            """, """
            <iati-identifier>XM-DAC-41302-2</iati-identifier>
            <related-activity type="1" ref="XM-DAC-41302-1"/>
            """))

        .breaks("0.6.1", activity("""
            <iati-activities version="1.05"> <!-- error 0.6.1 -->
            """),
            "the file declares IATI version 1.05, which is retired; publish it as version 2.03"
                + " (<iati-activities version=\"2.03\">); nothing else in it was checked")
        .keeps("0.6.1", activity("""
            <iati-activities version="2.01"> <!-- warning iati/version -->
            """))
        .list();
  }
}
