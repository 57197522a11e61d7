package org.iatipub.validation.rules;

import static org.iatipub.validation.rules.ExampleFiles.activity;

import java.util.List;

/**
 * Examples of where classifications go: sectors and recipient countries or regions on the activity
 * or on every transaction, never both (6.x.2, 3.6.2, 3.7.x); other vocabularies beside the OECD DAC
 * one, and one aid type per vocabulary (102.1.1, 107.x).
 */
final class PlacementExamples {
  private PlacementExamples() {}

  /** A transaction with the classifications given. */
  private static String transaction(String classifications) {
    return transaction("", classifications);
  }

  /** A transaction whose start tag's line ends with {@code marker}. */
  private static String transaction(String marker, String classifications) {
    return "<transaction>" + marker + """

          <transaction-type code="3"/>
          <transaction-date iso-date="2022-03-01"/>
          <value value-date="2022-03-01">1000</value>
        """ + classifications.indent(2) + "</transaction>\n";
  }

  static List<RuleExample> examples() {
    return new ExampleList()
        .breaks("6.2.2", activity("""
            <iati-activity xml:lang="en" default-currency="USD"> <!-- error 6.2.2 -->
            <!-- no sector -->
            """),
            "the activity has no sector; add <sector> to the activity (or to every transaction)")
        .keeps("6.2.2 6.6.2 6.7.2", activity("""
            <!-- no sector -->
            """ + transaction("""
            <sector code="11110"/>
            """)))
        .breaks("6.6.2", activity(transaction("""
            <sector code="11110"/> <!-- error 6.6.2 -->
            """) + transaction("""
            <sector code="11220"/>
            """)),
            "this transaction has a sector while the activity has sectors too; keep them at one level only")
        .breaks("6.7.2", activity("""
            <!-- no sector -->
            """ + transaction("""
            <sector code="11110"/>
            """) + transaction(" <!-- error 6.7.2 -->", "")),
            "this transaction has no sector and the activity has none; give every transaction a sector, or give the activity its sectors")
        .breaks("3.6.2", activity(transaction(" <!-- error 3.6.2 -->", """
            <recipient-region code="289"/>
            """)),
            "this transaction has a recipient country or region while the activity has one too; keep them at one level only")
        .keeps("3.6.2 3.7.1 3.7.2", activity("""
            <!-- no recipient-country -->
            """ + transaction("""
            <recipient-country code="KE"/>
            """) + transaction("""
            <recipient-region code="289"/>
            """)))
        .breaks("3.7.1", activity("""
            <iati-activity xml:lang="en" default-currency="USD"> <!-- warning 3.7.1 -->
            <!-- no recipient-country -->
            """),
            "the activity has no recipient country or region; add one to the activity (or to every transaction)")
        .breaks("3.7.2", activity("""
            <!-- no recipient-country -->
            """ + transaction("""
            <recipient-country code="KE"/>
            """) + transaction(" <!-- error 3.7.2 -->", "")),
            "this transaction has no recipient country or region and the activity has none;"
                + " give every transaction one, or give the activity its countries or regions")

        .breaks("102.1.1", activity("""
            <sector vocabulary="2" code="111"/> <!-- warning 102.1.1 -->
            <sector vocabulary="99" vocabulary-uri="https://example.org/themes" code="GREEN"><narrative>Green jobs</narrative></sector>
            """),
            "the iati-activity's sectors are all from other vocabularies; add the matching OECD DAC sector (vocabulary 1)"
                + " so the data compares with other publishers'")
        .breaks("102.1.1", activity("""
            <!-- no sector -->
            """ + transaction("""
            <sector vocabulary="2" code="111"/> <!-- warning 102.1.1 -->
            """)),
            "the transaction's sectors are all from other vocabularies; add the matching OECD DAC sector (vocabulary 1)"
                + " so the data compares with other publishers'")
        .keeps("102.1.1", activity("""
            <sector vocabulary="2" code="111"/>
            <sector vocabulary="" code="11110"/> <!-- error 9.78.1 -->
            """))
        .breaks("107.1.1", activity("""
            <default-aid-type vocabulary="2" code="1"/> <!-- warning 107.1.1 -->
            """),
            "the iati-activity's aid types are all from other vocabularies; add the matching OECD DAC aid type (vocabulary 1)")
        .keeps("107.1.1 107.1.2", activity("""
            <default-aid-type vocabulary="2" code="1"/>
            <default-aid-type code="C01"/>
            """))
        .breaks("107.1.2", activity("""
            <default-aid-type vocabulary="1" code="C01"/>
            <default-aid-type code="B01"/> <!-- warning 107.1.2 -->
            <default-aid-type vocabulary="2" code="1"/>
            """),
            "the iati-activity has 2 aid types in vocabulary 1; keep one per vocabulary (split the activity or its transactions if several apply)")
        .keeps("107.1.1 107.1.2 107.2.1 107.2.2", activity("""
            <iati-activities version="2.02"> <!-- warning iati/version -->
            <default-aid-type vocabulary="2" code="1"/>
            <default-aid-type vocabulary="2" code="2"/>
            """ + transaction("""
            <aid-type vocabulary="2" code="1"/>
            <aid-type vocabulary="2" code="2"/>
            """)))
        .breaks("107.2.1 107.2.2", activity(transaction("""
            <aid-type vocabulary="2" code="1"/> <!-- warning 107.2.1 -->
            <aid-type vocabulary="2" code="2"/> <!-- warning 107.2.2 -->
            """)))
        .keeps("107.2.1 107.2.2", activity(transaction("""
            <aid-type code="C01"/>
            <aid-type vocabulary="2" code="1"/>
            """)))
        .list();
  }
}
