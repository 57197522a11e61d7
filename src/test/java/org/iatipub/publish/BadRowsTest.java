package org.iatipub.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input never publishes a broken file and never disappears: each bad row gets a finding that
 * names file, row and column, the activity it belongs to is withheld (or the row rejected), the
 * other activities are published, and every row read is counted as published, withheld or rejected.
 */
class BadRowsTest {
  @TempDir Path input;
  @TempDir Path output;

  private static final String ETHIOPIA = "ET-22-01-NLD";

  private PublishRun publish() throws Exception {
    return PublishRun.of(input, output);
  }

  private void assertOnlyCambodiaPublished(PublishRun run) throws Exception {
    run.assertEveryRowAccountedFor();
    SetOutcome set = run.report().sets().get(0);
    assertEquals(1, set.published(), run.printed());
    assertEquals(List.of("ilo-" + input.getFileName() + ".xml"), run.outputFiles());
    run.assertXml(run.outputFiles().get(0), "//iati-identifier", "<iati-identifier>XM-DAC-41302-KH-23-02-SWE</iati-identifier>");
    assertFalse(run.report().everythingPublished());
  }

  private String at(String file, int row, String column) {
    return input + "/" + file + ":" + row + ":" + column + ": error: ";
  }

  @Test
  void aTransactionAfterTheRunsDayIsInTheFutureByTheRunsClockNotTheMachines() throws Exception {
    // PublishRun's clock says 2025-07-01: a spend on 2025-12-31 has not happened yet that day,
    // whatever today is on the machine running the test.
    OwnForm.write(input, "transactions.csv", """
        code,reference,kind,date,amount,currency,from_id,from_name,to_id,to_name
        ET-22-01-NLD,ET-E1,SPEND,2025-12-31,1000.00,,XM-DAC-41302,International Labour Organization,,
        KH-23-02-SWE,KH-E1,SPEND,2025-06-30,1000.00,,XM-DAC-41302,International Labour Organization,,
        """);

    PublishRun run = publish();

    assertEquals(List.of(
        input + "/transactions.csv:2:date: error: activity 'XM-DAC-41302-ET-22-01-NLD': the transaction date 2025-12-31 is in the future; report transactions once they have happened (future money goes in planned-disbursement) [11.2.1]",
        // The value date is the transaction date unless the row gives one, so it points at the amount.
        input + "/transactions.csv:2:amount: error: activity 'XM-DAC-41302-ET-22-01-NLD': the transaction value-date 2025-12-31 is in the future; use the date the money was converted or moved [11.2.2]"),
        run.findings().stream().filter(f -> f.rule().startsWith("11.")).map(Object::toString).toList());
    assertOnlyCambodiaPublished(run);
  }

  @Test
  void aLocalCodeWithoutCrosswalkEntryWithholdsItsActivity() throws Exception {
    OwnForm.write(input, "sectors.csv", """
        code,theme,share
        ET-22-01-NLD,EMP-YUOTH,100
        KH-23-02-SWE,SOCPRO,100
        """);
    PublishRun run = publish();

    assertTrue(run.printed().contains(at("sectors.csv", 2, "theme")
        + "the local code 'EMP-YUOTH' has no entry in the crosswalk 'purpose'"), run.printed());
    assertTrue(run.printed().contains("activity 'XM-DAC-41302-" + ETHIOPIA + "' is withheld"), run.printed());
    assertEquals(new FileTally(input + "/sectors.csv", 2, 1, 1, 0), run.tally("sectors.csv"));
    assertOnlyCambodiaPublished(run);
  }

  @Test
  void aFileTwoEntriesReadCountsEachOfItsRowsOnce() throws Exception {
    // sectors.csv feeds the sectors and, through a second entry, each activity's location name;
    // Ethiopia has 5 rows in all (its project, participants, sector and transaction rows), not 6.
    OwnForm.write(input, "sectors.csv", """
        code,theme,share
        ET-22-01-NLD,EMP-YUOTH,100
        KH-23-02-SWE,SOCPRO,100
        """);
    PublishRun.file(input, "mapping.yaml", OwnForm.mapping("""
        files:
          places:
            file: sectors.csv
            element: location
            columns: {project: code}
            paths: {name/narrative: theme}
            ignore: [share]
        """));
    PublishRun run = publish();

    assertEquals(new FileTally(input + "/sectors.csv", 2, 1, 1, 0), run.tally("sectors.csv"));
    assertTrue(run.printed().contains("activity 'XM-DAC-41302-" + ETHIOPIA + "' is withheld because of the errors above; its 5 rows"),
        run.printed());
    assertOnlyCambodiaPublished(run);
  }

  @Test
  void aBadDateNamesItsCell() throws Exception {
    OwnForm.write(input, "projects.csv", OwnForm.PROJECTS.replace("2022-01-01", "31/12/2021"));
    PublishRun run = publish();

    assertTrue(run.printed().contains(at("projects.csv", 2, "start") + "'31/12/2021' is not a date"), run.printed());
    assertOnlyCambodiaPublished(run);
  }

  @Test
  void aBadNumberNamesItsCell() throws Exception {
    OwnForm.write(input, "transactions.csv", """
        code,reference,kind,date,amount,currency,from_id,from_name,to_id,to_name
        ET-22-01-NLD,ET-FA,AGREEMENT,2021-11-15,"1,200,000.00",,XM-DAC-7,Netherlands,XM-DAC-41302,ILO
        KH-23-02-SWE,KH-FA,AGREEMENT,2023-02-01,850000.00,,SE-0,Sida,XM-DAC-41302,ILO
        """);
    PublishRun run = publish();

    assertTrue(run.printed().contains(at("transactions.csv", 2, "amount") + "'1,200,000.00' is not a plain number"), run.printed());
    assertEquals(new FileTally(input + "/transactions.csv", 2, 1, 1, 0), run.tally("transactions.csv"));
    assertOnlyCambodiaPublished(run);
  }

  @Test
  void aRowWithoutIdIsRejected() throws Exception {
    OwnForm.write(input, "projects.csv", OwnForm.PROJECTS + ",,Skills for employment in Nepal,尼泊尔就业技能,Vocational training reform.,ACTIVE,2022-01-01,2024-12-31,\n");
    PublishRun run = publish();

    assertTrue(run.printed().contains(at("projects.csv", 4, "code") + "the project id is empty"), run.printed());
    assertEquals(new FileTally(input + "/projects.csv", 3, 2, 0, 1), run.tally("projects.csv"));
    run.assertEveryRowAccountedFor();
  }

  @Test
  void aDuplicateIdPublishesNeitherRow() throws Exception {
    OwnForm.write(input, "projects.csv",
        OwnForm.PROJECTS + "ET-22-01-NLD,,Decent jobs for youth in Ethiopia (phase II),埃塞俄比亚青年体面就业（第二期）,Second phase.,ACTIVE,2025-01-01,2027-12-31,\n");
    PublishRun run = publish();

    assertTrue(run.printed().contains(at("projects.csv", 4, "code") + "the project id 'ET-22-01-NLD' is also in row 2"), run.printed());
    assertTrue(run.printed().contains(at("projects.csv", 2, "code") + "the project id 'ET-22-01-NLD' appears again in row 4"), run.printed());
    assertEquals(new FileTally(input + "/projects.csv", 3, 1, 1, 1), run.tally("projects.csv"));
    assertOnlyCambodiaPublished(run);
  }

  @Test
  void aRaggedRowIsRejected() throws Exception {
    OwnForm.write(input, "projects.csv", OwnForm.PROJECTS.replace("2022-01-01,2025-12-31,", "2022-01-01,2025-12-31"));
    PublishRun run = publish();

    assertTrue(run.printed().contains(at("projects.csv", 2, "modality") + "the row has 8 cells but the header names 9 columns"),
        run.printed());
    assertTrue(run.printed().contains(at("participants.csv", 2, "code") + "no row of " + input + "/projects.csv has the project id 'ET-22-01-NLD'"),
        run.printed());
    assertEquals(new FileTally(input + "/projects.csv", 2, 1, 0, 1), run.tally("projects.csv"));
    assertOnlyCambodiaPublished(run);
  }

  @Test
  void brokenQuotingStopsTheSetWithItsPlace() throws Exception {
    OwnForm.write(input, "projects.csv", OwnForm.PROJECTS.replace("Building a social", "\"Building a social"));
    PublishRun run = publish();

    assertTrue(run.printed().contains(at("projects.csv", 3, "title_en") + "a quoted cell is never closed"), run.printed());
    assertEquals(List.of(), run.outputFiles(), "a set with an unreadable file publishes nothing");
    run.assertEveryRowAccountedFor();
  }

  @Test
  void textAfterAClosingQuoteIsReportedWhereItIs() throws Exception {
    OwnForm.write(input, "projects.csv", OwnForm.PROJECTS.replace("Building a social protection floor in Cambodia",
        "\"Building a social protection floor\" in Cambodia"));
    PublishRun run = publish();

    assertTrue(run.printed().contains(at("projects.csv", 3, "title_en") + "text follows the closing quote"), run.printed());
    assertEquals(List.of(), run.outputFiles());
  }

  @Test
  void bytesThatAreNotUtf8AreReportedAtTheirCell() throws Exception {
    OwnForm.write(input);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(OwnForm.PROJECTS.replace("Cambodia", "Cambodia @").getBytes(StandardCharsets.UTF_8));
    byte[] latin1 = bytes.toByteArray();
    int at = new String(latin1, StandardCharsets.UTF_8).indexOf('@');
    latin1[new String(latin1, StandardCharsets.UTF_8).substring(0, at).getBytes(StandardCharsets.UTF_8).length] = (byte) 0xE9; // é in Latin-1
    Files.write(input.resolve("projects.csv"), latin1);
    PublishRun run = publish();

    assertTrue(run.printed().contains(at("projects.csv", 3, "title_en") + "this cell holds bytes that are not UTF-8"), run.printed());
    assertEquals(List.of(), run.outputFiles());
    run.assertEveryRowAccountedFor();
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheFirstColumnName() throws Exception {
    OwnForm.write(input, "projects.csv", "\uFEFF" + OwnForm.PROJECTS);
    PublishRun run = publish();

    assertTrue(run.findings().isEmpty(), run.printed());
    assertEquals(2, run.report().sets().get(0).published());
    assertTrue(run.report().everythingPublished());
  }

  @Test
  void strictModePublishesNothingWhenAnythingFails() throws Exception {
    OwnForm.write(input, "sectors.csv", "code,theme,share\nET-22-01-NLD,EMP-YUOTH,100\n");
    PublishRun run = PublishRun.of(new PublishRequest(input, null, output, ',', null, true));

    assertEquals(List.of(), run.outputFiles());
    assertEquals(0, run.report().sets().get(0).published());
    run.assertEveryRowAccountedFor();
  }

  @Test
  void aFailedRunLeavesThePreviousFileAndNoPartialFile() throws Exception {
    OwnForm.write(input);
    PublishRun first = publish();
    String name = first.outputFiles().get(0);
    byte[] published = Files.readAllBytes(output.resolve(name));

    Files.writeString(input.resolve("projects.csv"), OwnForm.PROJECTS + "\"NP-24-01-FIN,unclosed\n");
    PublishRun second = publish();

    assertEquals(List.of(".iatipub.lock", "iatipub-portfolio.json", "iatipub-state.json", name, "manifest.json"), PublishRun.allFilesIn(output),
        "no temporary file or staging directory is left behind");
    assertEquals(new String(published, StandardCharsets.UTF_8), Files.readString(output.resolve(name)));
  }

  @Test
  void aMappedColumnMissingFromItsFileStopsTheRun() throws Exception {
    OwnForm.write(input, "budgets.csv", "code,from,until,amount\n");
    CannotPublish e = assertThrows(CannotPublish.class, this::publish);

    assertTrue(e.getMessage().contains(input + "/budgets.csv:1:to: no such column"), e.getMessage());
    assertEquals(List.of(), PublishRun.outputFilesIn(output), "nothing is published when the run cannot start");
  }
}
