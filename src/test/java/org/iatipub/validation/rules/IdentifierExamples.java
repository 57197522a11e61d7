package org.iatipub.validation.rules;

import static org.iatipub.validation.rules.ExampleFiles.activities;
import static org.iatipub.validation.rules.ExampleFiles.activity;
import static org.iatipub.validation.rules.ExampleFiles.organisation;

import java.util.List;

/**
 * Examples of the identifier rules: how an activity identifier relates to its publisher and to the
 * file's other activities (1.1.x), and the form of every identifier a record cites (1.N.1 no
 * surrounding spaces, 1.N.13 none of / & | ?, 1.N.8 a registered agency prefix).
 */
final class IdentifierExamples {
  private IdentifierExamples() {}

  /** A transaction with room for a provider and a receiver organisation. */
  private static String transaction(String organisations) {
    return """
        <transaction>
          <transaction-type code="3"/>
          <transaction-date iso-date="2022-03-01"/>
          <value value-date="2022-03-01">1000</value>
        """ + organisations.indent(2) + "</transaction>\n";
  }

  /** A planned disbursement with room for a provider and a receiver organisation. */
  private static String plannedDisbursement(String organisations) {
    return """
        <planned-disbursement type="1">
          <period-start iso-date="2024-07-01"/>
          <value value-date="2024-07-01">500</value>
        """ + organisations.indent(2) + "</planned-disbursement>\n";
  }

  static List<RuleExample> examples() {
    return new ExampleList()
        .keeps("1.1.21", activity("""
            <iati-identifier>GB-COH-01234567-1</iati-identifier>
            <other-identifier type="B1" ref="GB-COH-01234567"/>
            """))
        .breaks("1.1.2", activities("", """
            <iati-identifier>XM-DAC-41302-1</iati-identifier> <!-- error 1.1.2 -->
            """),
            "the activity identifier 'XM-DAC-41302-1' is already used at line 3; give each activity its own identifier")
        .breaks("1.1.2", activities("""
            <iati-identifier> </iati-identifier> <!-- warning 1.3.1; warning 1.1.21 -->
            """, """
            <iati-identifier></iati-identifier> <!-- error 1.1.2; warning 1.1.21 -->
            """),
            "a blank activity identifier is already used at line 3; give each activity its own identifier")
        .keeps("1.1.2", activities("", """
            <iati-identifier>XM-DAC-41302-2</iati-identifier>
            """))
        .breaks("1.1.21", activity("""
            <iati-identifier>XM-DAC-41302_1</iati-identifier> <!-- warning 1.1.21 -->
            """),
            "the activity identifier 'XM-DAC-41302_1' is not the reporting organisation's identifier (XM-DAC-41302)"
                + " followed by a hyphen and the activity's own code, e.g. 'XM-DAC-41302-project1'")
        .breaks("1.1.21", activity("""
            <iati-identifier>XM-DAC-41302-</iati-identifier> <!-- warning 1.1.21 -->
            """))
        .keeps("1.1.21", activity("""
            <iati-activities version="2.02"> <!-- warning iati/version -->
            <iati-identifier>XM-DAC-41302_1</iati-identifier>
            """))
        .breaks("1.1.3", activity("""
            <iati-identifier>XM-DAC-41302</iati-identifier> <!-- error 1.1.3; warning 1.1.21 -->
            """),
            "the activity identifier 'XM-DAC-41302' is the reporting organisation's own identifier;"
                + " add a hyphen and a code for the activity, e.g. 'XM-DAC-41302-1'")
        .keeps("1.1.3", activity("""
            <iati-identifier>XM-DAC-41302-0</iati-identifier>
            """))

        // 1.N.1 and 1.N.13, N naming the identifier: 3 the activity's own.
        .breaks("1.3.1", activity("""
            <iati-identifier>XM-DAC-41302-1\t</iati-identifier> <!-- warning 1.3.1 -->
            """),
            "the activity identifier 'XM-DAC-41302-1\\t' starts or ends with spaces or line breaks;"
                + " remove them, since identifiers are matched exactly")
        .keeps("1.3.1 1.3.13", activity("""
            <iati-identifier>XM-DAC-41302-1 2</iati-identifier>
            """))
        .breaks("1.3.13", activity("""
            <iati-identifier>XM-DAC-41302-1/2</iati-identifier> <!-- warning 1.3.13 -->
            """),
            "the activity identifier 'XM-DAC-41302-1/2' contains / & | or ?; replace those characters (they break look-ups of the identifier)")
        .breaks("1.14.8", activity("""
            <iati-identifier>ZZ-NOPE-41302-1</iati-identifier> 
            <reporting-org ref="ZZ-NOPE-41302" type="40"><narrative>ILO</narrative></reporting-org> <!-- warning 1.14.8 -->
            """))
        .breaks("1.14.8", activity("""
            <iati-identifier>XM-DAC-</iati-identifier> <!-- error 1.1.3; warning 1.1.21 -->
            <reporting-org ref="XM-DAC-" type="40"><narrative>ILO</narrative></reporting-org> <!-- warning 1.14.8 -->
            """))
        .keeps("1.14.8", activity("""
            <iati-identifier>GB-COH-01234567-1</iati-identifier>
            <reporting-org ref="GB-COH-01234567" type="21"><narrative>An NGO</narrative></reporting-org>
            """))
        // 4 and 5: the provider's and receiver's activity identifiers, on transactions and planned disbursements.
        .breaks("1.4.1 1.5.1", activity(transaction("""
            <provider-org ref="XM-DAC-41302" provider-activity-id=" XM-DAC-41302-1"/> <!-- warning 1.4.1 -->
            <receiver-org ref="XM-DAC-41302" receiver-activity-id="XM-DAC-41302-1 "/> <!-- warning 1.5.1 -->
            """)))
        .keeps("1.4.1 1.5.1", activity(transaction("""
            <provider-org ref="XM-DAC-41302" provider-activity-id="XM-DAC-41302-1"/>
            <receiver-org ref="XM-DAC-41302" receiver-activity-id="XM-DAC-41302-1"/>
            """) + plannedDisbursement("""
            <provider-org ref="XM-DAC-41302" provider-activity-id="XM-DAC-41302-1"/>
            <receiver-org ref="XM-DAC-41302" receiver-activity-id="XM-DAC-41302-1"/>
            """)))
        // 6 and 16: earlier activity (A3) and reporting organisation (B1) identifiers; 11 their owners.
        .breaks("1.6.1", activity("""
            <other-identifier type="A3" ref="XM-DAC-41302-OLD-1 "/> <!-- warning 1.6.1 -->
            <other-identifier type="b1" ref="XM-DAC/41302"/> <!-- error 9.39.1 -->
            """))
        .breaks("1.16.1", activity("""
            <other-identifier type="A3" ref="XM-DAC-41302-OLD&amp;1"/> 
            <other-identifier type="B1" ref=" XM-DAC-41302"/> <!-- warning 1.16.1 -->
            """))
        .breaks("1.11.1", activity("""
            <other-identifier type="A1" ref="12345">
              <owner-org ref="XM-DAC-41302 "><narrative>ILO</narrative></owner-org> <!-- warning 1.11.1 -->
            </other-identifier>
            """))
        .breaks("1.11.13", activity("""
            <other-identifier type="A1" ref="12345">
              <owner-org ref="XM-DAC-41302/1"><narrative>ILO</narrative></owner-org> <!-- warning 1.11.13 -->
            </other-identifier>
            """))
        .keeps("1.6.1 1.16.1 1.11.1 1.11.13", activity("""
            <other-identifier type="A3" ref="XM-DAC-41302-OLD-1"/>
            <other-identifier type="B1" ref="XM-DAC-41302"/>
            <other-identifier type="A1" ref="1 2/3">
              <owner-org ref="XM-DAC-41302"><narrative>ILO</narrative></owner-org>
            </other-identifier>
            """))
        // 7: related activities.
        .breaks("1.7.1", activity("""
            <related-activity type="1" ref="XM-DAC-41302-0 "/> <!-- warning 1.7.1; info 1000.0.6 -->
            """))
        .keeps("1.7.1", activity("""
            <related-activity type="1" ref="XM-DAC-41302-1"/>
            """))
        // 8 and 9: participating organisations and their activities.
        .breaks("1.8.1", activity("""
            <participating-org role="1" ref=" XM-DAC-41302" activity-id="XM-DAC-41302-1?"/> <!-- warning 1.8.1; info 1000.0.1 -->
            """))
        .breaks("1.8.13 1.9.1", activity("""
            <participating-org role="1" ref="XM-DAC|41302" activity-id="XM-DAC-41302-1 "/> <!-- warning 1.8.13; warning 1.9.1 -->
            """))
        .keeps("1.8.1 1.8.13 1.9.1", activity("""
            <participating-org role="1" ref="XM-DAC-41302" activity-id="XM-DAC-41302-1"/>
            """))
        // 10 and 15: provider and receiver organisations.
        .breaks("1.10.1 1.15.13", activity(transaction("""
            <provider-org ref="XM-DAC-41302 "/> <!-- warning 1.10.1 -->
            <receiver-org ref="GB-COH-0123/4567"/> <!-- warning 1.15.13 -->
            """)))
        .breaks("1.10.13 1.15.1", activity(plannedDisbursement("""
            <provider-org ref="XM-DAC-41302?"/> <!-- warning 1.10.13 -->
            <receiver-org ref=" GB-COH-01234567"/> <!-- warning 1.15.1 -->
            """)))
        .keeps("1.10.1 1.10.13 1.15.1 1.15.13", activity(transaction("""
            <provider-org ref="XM-DAC-41302"/>
            <receiver-org ref="GB-COH-01234567"/>
            """)))
        // 14: the reporting organisation.
        .breaks("1.14.1", activity("""
            <iati-identifier>XM-DAC-41302-1</iati-identifier> <!-- warning 1.1.21 -->
            <reporting-org ref="XM-DAC-41302 " type="40"><narrative>ILO</narrative></reporting-org> <!-- warning 1.14.1 -->
            """))
        .breaks("1.14.13", activity("""
            <iati-identifier>XM-DAC-41302-1</iati-identifier> <!-- warning 1.1.21 -->
            <reporting-org ref="XM-DAC-41302&amp;" type="40"><narrative>ILO</narrative></reporting-org> <!-- warning 1.14.13 -->
            """))
        .keeps("1.14.1 1.14.13", activity(""))
        // Organisation files: 12 the organisation, 17 recipient organisations, 18 the reporting organisation.
        .breaks("1.12.1 1.18.13", organisation("""
            <organisation-identifier>XM-DAC-41302\t</organisation-identifier> <!-- warning 1.12.1 -->
            <reporting-org ref="XM-DAC-41302/" type="40"><narrative>ILO</narrative></reporting-org> <!-- warning 1.18.13 -->
            """))
        .breaks("1.12.13 1.18.1 1.18.8", organisation("""
            <organisation-identifier>XM-DAC-41302&amp;</organisation-identifier> <!-- warning 1.12.13 -->
            <reporting-org ref=" ZZ-NOPE-41302" type="40"><narrative>ILO</narrative></reporting-org> <!-- warning 1.18.1; warning 1.18.8 -->
            """))
        .breaks("1.17.1", organisation("""
            <recipient-org-budget status="1">
              <recipient-org ref="GB-COH-01234567 "><narrative>An NGO</narrative></recipient-org> <!-- warning 1.17.1 -->
              <period-start iso-date="2024-01-01"/>
              <period-end iso-date="2024-12-31"/>
              <value value-date="2024-01-01">1000</value>
            </recipient-org-budget>
            """))
        .keeps("1.12.1 1.12.13 1.17.1 1.18.1 1.18.13 1.18.8", organisation("""
            <recipient-org-budget status="1">
              <recipient-org ref="GB-COH-01234567"><narrative>An NGO</narrative></recipient-org>
              <period-start iso-date="2024-01-01"/>
              <period-end iso-date="2024-12-31"/>
              <value value-date="2024-01-01">1000</value>
            </recipient-org-budget>
            """))
        .list();
  }
}
