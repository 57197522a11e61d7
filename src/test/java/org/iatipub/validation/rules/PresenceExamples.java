package org.iatipub.validation.rules;

import static org.iatipub.validation.rules.ExampleFiles.activity;
import static org.iatipub.validation.rules.ExampleFiles.organisation;

import java.util.List;

/**
 * Examples of what must be there: a status, document formats, a name or identifier for every
 * organisation cited (6.x); a language and text for every narrative, names for a publisher's own
 * codes (4.x, 2.2.1, 6.13.1); a currency for every amount (7.8.x).
 */
final class PresenceExamples {
  private PresenceExamples() {}

  static List<RuleExample> examples() {
    return new ExampleList()
        .breaks("6.10.1", activity("""
            <participating-org role="1" ref="XM-DAC-41302"/>
            <participating-org role="2" type="10"/> <!-- error 6.10.1 -->
            """),
            "this participating organisation has neither @ref nor a narrative; add its organisation identifier or its name")
        .keeps("6.10.1", activity("""
            <participating-org role="1" ref="XM-DAC-41302"/>
            <participating-org role="2" type="10"><narrative>Ministry of Labour</narrative></participating-org>
            """))
        .breaks("6.8.1", activity("""
            <other-identifier type="A1" ref="12345">
              <owner-org/> <!-- error 6.8.1 -->
            </other-identifier>
            """),
            "this owner organisation has neither @ref nor a narrative; add its organisation identifier or its name")
        .keeps("6.8.1", activity("""
            <other-identifier type="A1" ref="12345">
              <owner-org><narrative>Ministry of Labour</narrative></owner-org>
            </other-identifier>
            """))
        .breaks("6.9.1 6.9.2", activity("""
            <planned-disbursement type="1">
              <period-start iso-date="2024-07-01"/>
              <value value-date="2024-07-01">500</value>
              <provider-org type="10"/> <!-- error 6.9.1 -->
              <receiver-org/> <!-- error 6.9.2 -->
            </planned-disbursement>
            <transaction>
              <transaction-type code="3"/>
              <transaction-date iso-date="2022-03-01"/>
              <value value-date="2022-03-01">1000</value>
              <provider-org/> <!-- error 6.9.1 -->
              <receiver-org type="21"/> <!-- error 6.9.2 -->
            </transaction>
            """))
        .keeps("6.9.1 6.9.2", activity("""
            <planned-disbursement type="1">
              <period-start iso-date="2024-07-01"/>
              <value value-date="2024-07-01">500</value>
              <provider-org ref="XM-DAC-41302"/>
              <receiver-org><narrative>Ministry of Labour</narrative></receiver-org>
            </planned-disbursement>
            <transaction>
              <transaction-type code="3"/>
              <transaction-date iso-date="2022-03-01"/>
              <value value-date="2022-03-01">1000</value>
              <provider-org><narrative>Ministry of Labour</narrative></provider-org>
              <receiver-org ref="GB-COH-01234567"/>
            </transaction>
            """))
        .breaks("6.14.1", activity("""
            <policy-marker code="1"/> <!-- error 6.14.1 -->
            <policy-marker vocabulary="1" code="2"/> <!-- error 6.14.1 -->
            """),
            "policy marker '1' (OECD DAC vocabulary) has no significance; add @significance (e.g. 1 for significant objective)",
            "policy marker '2' (OECD DAC vocabulary) has no significance; add @significance (e.g. 1 for significant objective)")
        .keeps("6.14.1", activity("""
            <policy-marker vocabulary="1" code="1" significance="0"/>
            <policy-marker vocabulary="99" vocabulary-uri="https://example.org/markers" code="A1"><narrative>Just transition</narrative></policy-marker>
            """))

        .breaks("4.1.1", activity("""
            <iati-activity default-currency="USD"> <!-- error 4.1.1 -->
            <title><narrative xml:lang="en">Decent work</narrative><narrative>Travail décent</narrative></title>
            """),
            "the activity has no default language and the narrative at line 4 has none either;"
                + " add xml:lang (e.g. xml:lang=\"en\") to <iati-activity> or to every narrative")
        .keeps("4.1.1", activity("""
            <iati-activity default-currency="USD">
            <reporting-org ref="XM-DAC-41302" type="40"><narrative xml:lang="en">ILO</narrative></reporting-org>
            <title><narrative xml:lang="en">Decent work</narrative><narrative xml:lang="fr">Travail décent</narrative></title>
            <description><narrative xml:lang="en">Training for workers in green jobs</narrative></description>
            """))
        .breaks("4.5.1", organisation("""
            <iati-organisation default-currency="USD"> <!-- error 4.5.1 -->
            """),
            "the organisation has no default language and the narrative at line 4 has none either;"
                + " add xml:lang (e.g. xml:lang=\"en\") to <iati-organisation> or to every narrative")
        .keeps("4.5.1", organisation("""
            <iati-organisation default-currency="USD">
            <name><narrative xml:lang="en">ILO</narrative></name>
            <reporting-org ref="XM-DAC-41302" type="40"><narrative xml:lang="en">ILO</narrative></reporting-org>
            """))
        .breaks("4.3.1", activity("""
            <title><narrative> </narrative></title> <!-- error 4.3.1 -->
            <result type="1">
              <title><narrative/></title> <!-- error 4.3.1 -->
              <indicator measure="1">
                <title><narrative>Workers trained</narrative></title>
              </indicator>
            </result>
            """),
            "this title has no narrative text; add <narrative> with the title",
            "this title has no narrative text; add <narrative> with the title")
        .keeps("4.3.1", activity("""
            <result type="1">
              <title><narrative>Skills</narrative></title>
              <indicator measure="1">
                <title><narrative>Workers trained</narrative></title>
              </indicator>
            </result>
            """))
        .breaks("4.4.1", activity("""
            <description type="2"><narrative> </narrative></description> <!-- error 4.4.1 -->
            <transaction>
              <transaction-type code="3"/>
              <transaction-date iso-date="2022-03-01"/>
              <value value-date="2022-03-01">1000</value>
              <description><narrative/></description> <!-- error 4.4.1 -->
            </transaction>
            """),
            "this description has no narrative text; add <narrative> with the description, or remove the empty element",
            "this description has no narrative text; add <narrative> with the description, or remove the empty element")
        .keeps("4.4.1", activity("""
            <description type="2"><narrative>More jobs in renewable energy</narrative></description>
            """))
        .breaks("2.2.1", activity("""
            <sector code="11110" percentage="100"/>
            <sector vocabulary="99" vocabulary-uri="https://example.org/themes" code="GREEN"/> <!-- error 2.2.1 -->
            <sector vocabulary=" 98 " vocabulary-uri="https://example.org/themes" code="B"/> <!-- error 2.2.1; error 9.78.1 -->
            """),
            "sector 'GREEN' is from your own vocabulary 99; add a <narrative> saying what it means",
            "sector 'B' is from your own vocabulary 98; add a <narrative> saying what it means")
        .keeps("2.2.1", activity("""
            <sector code="11110" percentage="100"/>
            <sector vocabulary="99" vocabulary-uri="https://example.org/themes" code="GREEN"><narrative>Green jobs</narrative></sector>
            <sector vocabulary="2" code="111"/>
            """))
        .breaks("6.13.1", activity("""
            <policy-marker vocabulary="99" vocabulary-uri="https://example.org/markers" code="A1"/> <!-- error 6.13.1 -->
            """),
            "policy marker 'A1' is from your own vocabulary 99; add a <narrative> saying what it means")
        .keeps("6.13.1", activity("""
            <policy-marker vocabulary="99" vocabulary-uri="https://example.org/markers" code="A1"><narrative>Just transition</narrative></policy-marker>
            """))

        .breaks("7.8.1", activity("""
            <iati-activity xml:lang="en">
            <budget type="1" status="1">
              <period-start iso-date="2024-01-01"/>
              <period-end iso-date="2024-12-31"/>
              <value value-date="2024-01-01">1000</value> <!-- error 7.8.1 -->
            </budget>
            <crs-add>
              <loan-status year="2023" value-date="2023-12-31"> <!-- error 7.8.1 -->
                <interest-received>10</interest-received>
              </loan-status>
            </crs-add>
            <fss extraction-date="2024-01-01">
              <forecast year="2025" value-date="2024-01-01">5</forecast> <!-- error 7.8.1 -->
            </fss>
            """),
            "this <value> has no currency and the activity has no default-currency; add @currency (e.g. USD) here or default-currency to <iati-activity>",
            "this <loan-status> has no currency and the activity has no default-currency; add @currency (e.g. USD) here or default-currency to <iati-activity>",
            "this <forecast> has no currency and the activity has no default-currency; add @currency (e.g. USD) here or default-currency to <iati-activity>")
        .keeps("7.8.1", activity("""
            <iati-activity xml:lang="en">
            <budget type="1" status="1">
              <period-start iso-date="2024-01-01"/>
              <period-end iso-date="2024-12-31"/>
              <value currency="EUR" value-date="2024-01-01">1000</value>
            </budget>
            """))
        .breaks("7.8.2", organisation("""
            <iati-organisation xml:lang="en">
            <total-budget status="1">
              <period-start iso-date="2024-01-01"/>
              <period-end iso-date="2024-12-31"/>
              <value value-date="2024-01-01">1000</value> <!-- error 7.8.2 -->
            </total-budget>
            """),
            "this <value> has no currency and the organisation has no default-currency; add @currency (e.g. USD) here or default-currency to <iati-organisation>")
        .keeps("7.8.2", organisation("""
            <iati-organisation xml:lang="en">
            <total-budget status="1">
              <period-start iso-date="2024-01-01"/>
              <period-end iso-date="2024-12-31"/>
              <value currency="EUR" value-date="2024-01-01">1000</value>
            </total-budget>
            """))
        .list();
  }
}
