package org.iatipub.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spreadsheets with IATI path headers: cells go where their headers say, in schema order whatever
 * the column order, and anything that cannot be published is traced back to its cell.
 */
class PathHeaderFormTest {
  @TempDir Path input;
  @TempDir Path output;

  private static final String HEADER = "iati-identifier,title/narrative,reporting-org/@ref,reporting-org/@type,reporting-org/narrative,"
      + "description/narrative,participating-org/@role,participating-org/@ref,activity-status/@code,"
      + "activity-date/@type,activity-date/@iso-date,@xml:lang,@default-currency";
  private static final String ROW = "XM-DAC-41302-SSTC-ID-TL,Indonesia–Timor-Leste exchange on rural roads,XM-DAC-41302,40,International Labour Organization,"
      + "Labour-based road maintenance methods,4,XM-DAC-41302,2,2,2023-01-15,en,USD";

  /** The activity's sectors and countries, in child sheets unless a test brings its own (IATI rules 6.2.2, 3.7.1). */
  private static final String SECTORS = """
      iati-identifier,sector/0/@vocabulary,sector/0/@code,sector/0/@percentage
      XM-DAC-41302-SSTC-ID-TL,1,16020,100
      """;
  private static final String COUNTRIES = """
      iati-identifier,recipient-country/0/@code
      XM-DAC-41302-SSTC-ID-TL,TL
      """;

  private PublishRun publish(String main, String... sheets) throws Exception {
    PublishRun.file(input, "main.csv", main);
    PublishRun.file(input, "sectors.csv", SECTORS);
    PublishRun.file(input, "countries.csv", COUNTRIES);
    for (int i = 0; i < sheets.length; i += 2) {
      PublishRun.file(input, sheets[i], sheets[i + 1]);
    }
    return PublishRun.of(input, output);
  }

  @Test
  void columnsInAnyOrderAreWrittenInSchemaOrder() throws Exception {
    PublishRun run = publish("budget/0/value,budget/0/value/@value-date,budget/0/period-end/@iso-date,budget/0/period-start/@iso-date,"
        + HEADER + "\n250000,2023-01-01,2023-12-31,2023-01-01," + ROW + "\n");

    assertTrue(run.findings().isEmpty(), run.printed());
    String file = input.getFileName() + ".xml";
    run.assertXml(file, "/iati-activities/iati-activity/*[position() <= 2 or self::budget]", """
        <iati-identifier>XM-DAC-41302-SSTC-ID-TL</iati-identifier>
        <reporting-org ref="XM-DAC-41302" type="40"><narrative>International Labour Organization</narrative></reporting-org>
        <budget>
          <period-start iso-date="2023-01-01"/>
          <period-end iso-date="2023-12-31"/>
          <value value-date="2023-01-01">250000</value>
        </budget>
        """);
  }

  @Test
  void childSheetRowsAddListItemsToTheirActivity() throws Exception {
    PublishRun run = publish(HEADER + "\n" + ROW + "\n", "sectors.csv", """
        iati-identifier,sector/0/@vocabulary,sector/0/@code,sector/0/@percentage
        XM-DAC-41302-SSTC-ID-TL,1,16020,70
        XM-DAC-41302-SSTC-ID-TL,1,15110,30
        XM-DAC-41302-SSTC-XX-YY,1,16020,100
        """);

    run.assertXml(input.getFileName() + ".xml", "//sector",
        "<sector vocabulary=\"1\" code=\"16020\" percentage=\"70\"/><sector vocabulary=\"1\" code=\"15110\" percentage=\"30\"/>");
    assertTrue(run.printed().contains(input + "/sectors.csv:4:iati-identifier: error: no row of " + input
        + "/main.csv has the iati-identifier 'XM-DAC-41302-SSTC-XX-YY'"), run.printed());
    assertEquals(new FileTally(input + "/sectors.csv", 3, 2, 0, 1), run.tally("sectors.csv"));
  }

  @Test
  void aMissingRequiredAttributeIsTracedToTheCellThatMadeTheElement() throws Exception {
    PublishRun run = publish(HEADER + "\n" + ROW.replace(",2,2,2023-01-15", ",2,,2023-01-15") + "\n");

    assertTrue(run.printed().contains(input + "/main.csv:2:activity-date/@iso-date: error: activity 'XM-DAC-41302-SSTC-ID-TL',"
        + " activity-date: Attribute 'type' must appear on element 'activity-date' (schema constraint cvc-complex-type.4) [0.3.1]"), run.printed());
    assertEquals(0, run.report().sets().get(0).published());
    run.assertEveryRowAccountedFor();
  }

  @Test
  void aValueTheModelCannotHoldNamesItsCell() throws Exception {
    PublishRun run = publish(HEADER + ",recipient-country/@code,recipient-country/@percentage\n" + ROW + ",TL,100%\n");

    assertTrue(run.printed().contains(input + "/main.csv:2:recipient-country/@percentage: error: '100%'"), run.printed());
    assertTrue(run.printed().contains("[model/bad-value]"), run.printed());
    assertEquals(0, run.report().sets().get(0).published());
  }

  @Test
  void anElementTheSchemaDoesNotKnowIsTracedToItsColumn() throws Exception {
    PublishRun run = publish(HEADER + ",transaction/0/transaction-type/@code,transaction/0/valeu\n" + ROW + ",4,241800\n");

    assertTrue(run.printed().contains(input + "/main.csv:2:transaction/0/valeu: error: activity 'XM-DAC-41302-SSTC-ID-TL',"
        + " transaction/valeu: Invalid content was found starting with element 'valeu'."), run.printed());
    assertEquals(0, run.report().sets().get(0).published());
  }

  @Test
  void textWhereIatiHasNoneIsReportedNotDropped() throws Exception {
    PublishRun run = publish(HEADER.replace("activity-status/@code", "activity-status") + "\n" + ROW + "\n");

    assertTrue(run.printed().contains(input + "/main.csv:2:activity-status: error: activity 'XM-DAC-41302-SSTC-ID-TL':"
        + " IATI 2.03 has no place for text in 'activity-status'"), run.printed());
    assertEquals(0, run.report().sets().get(0).published());
  }

  @Test
  void anAttributeIatiDoesNotHaveIsTracedToItsOwnColumn() throws Exception {
    PublishRun run = publish(HEADER + ",activity-status/@kode\n" + ROW + ",2\n");

    assertTrue(run.printed().contains(input + "/main.csv:2:activity-status/@kode: error: activity 'XM-DAC-41302-SSTC-ID-TL',"
        + " activity-status: Attribute 'kode' is not allowed to appear in element 'activity-status' (schema constraint"), run.printed());
    assertEquals(0, run.report().sets().get(0).published());
  }

  @Test
  void anExtensionElementNeedsItsNamespaceDeclared() throws Exception {
    PublishRun run = publish(HEADER + ",dwcp:outcome\n" + ROW + ",TLS 102\n");

    assertTrue(run.printed().contains(input + "/main.csv:2:dwcp:outcome: error: 'dwcp:outcome' uses the namespace prefix 'dwcp',"
        + " but this row declares no namespace for it; add a column '@xmlns:dwcp'"), run.printed());
  }

  @Test
  void aDeclaredExtensionElementIsPublished() throws Exception {
    PublishRun run = publish(HEADER + ",@xmlns:dwcp,dwcp:outcome\n" + ROW + ",http://iatipub.org/ns/ilo-dwcp,TLS 102\n");

    assertTrue(run.findings().isEmpty(), run.printed());
    run.assertXml(input.getFileName() + ".xml", "//*[local-name()='outcome']",
        "<dwcp:outcome xmlns:dwcp=\"http://iatipub.org/ns/ilo-dwcp\">TLS 102</dwcp:outcome>");
  }
}
