package org.iatipub.validation.rules;

import static org.iatipub.validation.rules.ExampleFiles.activity;
import static org.iatipub.validation.rules.ExampleFiles.organisation;

import java.util.List;

/**
 * Examples of the rules on percentages: each a number between 0 and 100, or (before 2.03) not
 * negative (12.x); and how an activity is split across sectors (2.1.x), countries and regions
 * (3.1.x, 3.4.x) and country budget items (7.9.x): within a vocabulary each share given and adding
 * up to 100, a single item 100 or none.
 */
final class PercentageExamples {
  private PercentageExamples() {}

  private static final String VERSION_2_02 = """
      <iati-activities version="2.02"> <!-- warning iati/version -->
      """;

  static List<RuleExample> examples() {
    return new ExampleList()
        .breaks("12.1.1", activity("""
            <recipient-country code="KE" percentage="101"/> <!-- error 12.1.1; error 3.1.4 -->
            """),
            "the recipient-country percentage 101 is outside 0 to 100; give this item's share of the activity as a percentage")
        .breaks("12.1.1", activity("""
            <recipient-region code="289" percentage="-1"/> <!-- error 12.1.1; error 3.4.4 -->
            <!-- no recipient-country -->
            """))
        .keeps("12.1.1 12.1.2", activity("""
            <recipient-country code="KE" percentage="100"/>
            """))
        .breaks("12.1.2", activity(VERSION_2_02 + """
            <recipient-country code="KE" percentage="-5"/> <!-- error 12.1.2; error 3.1.4 -->
            """),
            "the recipient-country percentage -5 is negative; give this item's share as 0 or more")
        .keeps("12.1.2", activity(VERSION_2_02 + """
            <recipient-country code="KE" percentage="0"/> <!-- error 3.1.4 -->
            """))
        .breaks("12.2.1", activity("""
            <country-budget-items vocabulary="4">
              <budget-item code="1.1.1" percentage="100.5"> <!-- error 12.2.1; warning 7.9.4 -->
                <description><narrative>Labour</narrative></description>
              </budget-item>
            </country-budget-items>
            <capital-spend percentage="-0.5"/> <!-- error 12.2.1 -->
            """),
            "the budget-item percentage 100.5 is outside 0 to 100; give this item's share of the activity as a percentage",
            "the capital-spend percentage -0.5 is outside 0 to 100; give this item's share of the activity as a percentage")
        .keeps("12.2.1 12.2.2", activity("""
            <capital-spend percentage="0"/>
            """))
        .breaks("12.2.2", activity(VERSION_2_02 + """
            <capital-spend percentage="-0.5"/> <!-- error 12.2.2 -->
            """),
            "the capital-spend percentage -0.5 is negative; give this item's share as 0 or more")
        .keeps("12.2.2", activity(VERSION_2_02 + """
            <capital-spend percentage="150"/>
            """))
        .breaks("12.3.1", activity("""
            <sector code="11110" percentage="100.01"/> <!-- error 12.3.1; error 2.1.4 -->
            """),
            "the sector percentage 100.01 is outside 0 to 100; give this item's share of the activity as a percentage")
        .keeps("12.3.1 12.3.2", activity("""
            <sector code="11110" percentage="60"/>
            <sector code="11220" percentage="40"/>
            """))
        .breaks("12.3.2", activity(VERSION_2_02 + """
            <sector code="11110" percentage="-10"/> <!-- error 12.3.2; error 2.1.4 -->
            """),
            "the sector percentage -10 is negative; give this item's share as 0 or more")
        .keeps("12.3.2", activity(VERSION_2_02 + """
            <sector code="11110" percentage="+100"/>
            """))

        .breaks("2.1.1", activity("""
            <sector code="11110" percentage="100"/>
            <sector code="11220"/> <!-- error 2.1.1 -->
            """),
            "the activity has 2 sectors in vocabulary 1 but this <sector> has no percentage; give each one its share")
        .keeps("2.1.1", activity("""
            <sector code="11110" percentage="100"/>
            <sector vocabulary="2" code="111"/>
            """))
        .breaks("2.1.2", activity("""
            <sector code="11110" percentage="60"/> <!-- error 2.1.2 -->
            <sector code="11220" percentage="30"/>
            <sector vocabulary="2" code="111"/>
            """),
            "the percentages of the sectors in vocabulary 1 add up to 90, not 100; adjust them so they do")
        .breaks("2.1.2", activity("""
            <sector code="11110" percentage="60.0102"/> <!-- error 2.1.2 -->
            <sector code="11220" percentage="40"/>
            """))
        .breaks("2.1.2", activity("""
            <sector code="11110" percentage="33.33"/> <!-- error 2.1.2 -->
            <sector code="11220" percentage="33.33"/>
            <sector code="11230" percentage="33.32"/>
            """))
        // Sums within 0.0101 of 100 pass, as the official rules let rounded shares pass.
        .keeps("2.1.2", activity("""
            <sector code="11110" percentage="59.9899"/>
            <sector code="11220" percentage="40"/>
            """))
        .keeps("2.1.2", activity("""
            <sector code="11110" percentage="33.33"/>
            <sector code="11220" percentage="33.33"/>
            <sector code="11230" percentage="33.33"/>
            """))
        .breaks("2.1.4", activity("""
            <sector code="11110" percentage="100"/>
            <sector vocabulary="2" code="111" percentage="50"/> <!-- error 2.1.4 -->
            """),
            "this <sector> is the only one of the activity's sectors in vocabulary 2 but has percentage 50; set it to 100 or leave the percentage out")
        .keeps("2.1.4", activity("""
            <sector code="11110" percentage="100.00"/>
            """))

        .breaks("3.1.1", activity("""
            <recipient-country code="KE" percentage="100"/>
            <recipient-country code="GH"/> <!-- error 3.1.1 -->
            """),
            "the activity has 2 recipient countries but this <recipient-country> has no percentage; give each one its share")
        .keeps("3.1.1 3.1.2 3.1.4", activity("""
            <recipient-country code="KE" percentage="50"/>
            <recipient-country code="GH" percentage="50"/>
            """))
        .breaks("3.1.2", activity("""
            <recipient-country code="KE" percentage="50"/> <!-- error 3.1.2 -->
            <recipient-country code="GH" percentage="51"/>
            """),
            "the percentages of the recipient countries add up to 101, not 100; adjust them so they do")
        .breaks("3.1.4", activity("""
            <recipient-country code="KE" percentage="99"/> <!-- error 3.1.4 -->
            """),
            "this <recipient-country> is the only one of the activity's recipient countries but has percentage 99; set it to 100 or leave the percentage out")
        .breaks("3.4.1", activity("""
            <recipient-country code="KE" percentage="50"/> <!-- error 3.4.2 -->
            <recipient-region code="289"/> <!-- error 3.4.1 -->
            """),
            "the activity has 2 recipient countries and regions in region vocabulary 1 but this <recipient-region> has no percentage; give each one its share")
        .keeps("3.4.1 3.4.2 3.4.4", activity("""
            <recipient-country code="KE" percentage="50"/>
            <recipient-region code="289" percentage="50"/>
            <recipient-region vocabulary="99" vocabulary-uri="https://example.org/regions" code="EAST" percentage="50"/>
            """))
        .breaks("3.4.2", activity("""
            <recipient-country code="KE" percentage="50"/> <!-- error 3.4.2 -->
            <recipient-region code="289" vocabulary="1" percentage="50"/>
            <recipient-region vocabulary="99" vocabulary-uri="https://example.org/regions" code="EAST" percentage="60"/>
            """),
            "the percentages of the recipient countries and regions in region vocabulary 99 add up to 110, not 100; adjust them so they do")
        .breaks("3.4.4", activity("""
            <recipient-region code="289" percentage="80"/> <!-- error 3.4.4 -->
            <!-- no recipient-country -->
            """),
            "this <recipient-region> is the only one of the activity's recipient countries and regions in region vocabulary 1"
                + " but has percentage 80; set it to 100 or leave the percentage out")

        .breaks("7.9.1", activity("""
            <country-budget-items vocabulary="4">
              <budget-item code="1.1.1" percentage="100">
                <description><narrative>Labour</narrative></description>
              </budget-item>
              <budget-item code="1.1.2"> <!-- warning 7.9.1 -->
                <description><narrative>Employment</narrative></description>
              </budget-item>
            </country-budget-items>
            """),
            "the activity has 2 country budget items in vocabulary 4 but this <budget-item> has no percentage; give each one its share")
        .keeps("7.9.1 7.9.2 7.9.4", activity(VERSION_2_02 + """
            <country-budget-items vocabulary="4">
              <budget-item code="1.1.1" percentage="60">
                <description><narrative>Labour</narrative></description>
              </budget-item>
              <budget-item code="1.1.2">
                <description><narrative>Employment</narrative></description>
              </budget-item>
            </country-budget-items>
            """))
        .breaks("7.9.2", activity("""
            <country-budget-items vocabulary="4">
              <budget-item code="1.1.1" percentage="60"> <!-- warning 7.9.2 -->
                <description><narrative>Labour</narrative></description>
              </budget-item>
              <budget-item code="1.1.2" percentage="30">
                <description><narrative>Employment</narrative></description>
              </budget-item>
            </country-budget-items>
            """),
            "the percentages of the country budget items in vocabulary 4 add up to 90, not 100; adjust them so they do")
        .keeps("7.9.2", activity("""
            <country-budget-items vocabulary="4">
              <budget-item code="1.1.1" percentage="60">
                <description><narrative>Labour</narrative></description>
              </budget-item>
              <budget-item code="1.1.2" percentage="40">
                <description><narrative>Employment</narrative></description>
              </budget-item>
            </country-budget-items>
            """))
        .breaks("7.9.4", activity("""
            <country-budget-items vocabulary="4">
              <budget-item code="1.1.1" percentage="60"> <!-- warning 7.9.4 -->
                <description><narrative>Labour</narrative></description>
              </budget-item>
            </country-budget-items>
            """),
            "this <budget-item> is the only one of the activity's country budget items in vocabulary 4 but has percentage 60;"
                + " set it to 100 or leave the percentage out")
        .list();
  }
}
