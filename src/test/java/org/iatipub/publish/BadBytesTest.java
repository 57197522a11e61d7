package org.iatipub.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bytes that are not UTF-8, in any file the run reads (a main sheet, a child sheet, a header row, a
 * crosswalk, the organisation CSV), are reported at their file, row and column. A file that cannot
 * be read to its end stops its own set and nothing else; a file the run's configuration needs (a
 * crosswalk) stops the run, with the same place in the message.
 */
class BadBytesTest {
  @TempDir Path input;
  @TempDir Path output;

  /** Where {@code ¤} stands, the file gets 0xE9 (é in Latin-1), which is not UTF-8 on its own. */
  private static void writeLatin1(Path file, String text) throws Exception {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    byte[] mark = "¤".getBytes(StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < bytes.length; i++) {
      if (i + 1 < bytes.length && bytes[i] == mark[0] && bytes[i + 1] == mark[1]) {
        out.write(0xE9);
        i++;
      } else {
        out.write(bytes[i]);
      }
    }
    Files.createDirectories(file.getParent());
    Files.write(file, out.toByteArray());
  }

  private static final String MAIN = """
      iati-identifier,title/narrative,reporting-org/@ref,reporting-org/@type,activity-status/@code,activity-date/@type,activity-date/@iso-date,sector/@code,recipient-country/@code
      XM-DAC-41302-A,Rural roads,XM-DAC-41302,40,2,2,2023-01-15,16020,TL
      XM-DAC-41302-B,Caf¤ cooperatives,XM-DAC-41302,40,2,2,2023-01-15,16020,TL
      """;

  private String shown(String file) {
    return input + "/" + file;
  }

  @Test
  void badBytesInADataRowOfAPathHeaderMainSheetAreReportedAtTheirCell() throws Exception {
    writeLatin1(input.resolve("main.csv"), MAIN);

    PublishRun run = PublishRun.of(input, output);

    assertEquals(List.of(
        shown("main.csv") + ":3:title/narrative: error: this cell holds bytes that are not UTF-8 text (byte offset 259);"
            + " save the file as UTF-8. Reading stopped here: this row and the rows after it were not read [csv/not-utf8]",
        shown("main.csv") + ": error: this file could not be read to its end, so no activity of " + input
            + " is published: any of them could be missing rows [publish/set-incomplete]"),
        run.findings().stream().map(Object::toString).toList());
    assertEquals(new FileTally(shown("main.csv"), 1, 0, 1, 0), run.tally("main.csv"), "the row before is read, and withheld");
    assertEquals(List.of(), run.outputFiles());
  }

  @Test
  void badBytesInTheHeaderRowOfAPathHeaderSheetAreReportedAtTheirColumn() throws Exception {
    writeLatin1(input.resolve("main.csv"), MAIN.replace("B,Caf¤", "B,Cafe").replace("title/narrative", "title/narr¤tive"));

    PublishRun run = PublishRun.of(input, output);

    assertEquals(List.of(
        shown("main.csv") + ":1:column 2: error: this cell holds bytes that are not UTF-8 text (byte offset 26);"
            + " save the file as UTF-8. Reading stopped here: this row and the rows after it were not read [csv/not-utf8]",
        shown("main.csv") + ": error: this file could not be read to its end, so no activity of " + input
            + " is published: any of them could be missing rows [publish/set-incomplete]"),
        run.findings().stream().map(Object::toString).toList());
  }

  @Test
  void badBytesInAChildSheetOfAPathHeaderSetAreReportedAtTheirCell() throws Exception {
    writeLatin1(input.resolve("main.csv"), MAIN.replace("Caf¤", "Cafe"));
    writeLatin1(input.resolve("transactions.csv"), """
        iati-identifier,transaction/@ref,transaction/description/narrative
        XM-DAC-41302-A,T1,Grant
        XM-DAC-41302-B,T2,Caf¤ grant
        """);

    PublishRun run = PublishRun.of(input, output);

    assertEquals(List.of(
        shown("transactions.csv") + ":3:transaction/description/narrative: error: this cell holds bytes that are not UTF-8 text"
            + " (byte offset 112); save the file as UTF-8. Reading stopped here: this row and the rows after it were not read"
            + " [csv/not-utf8]",
        shown("transactions.csv") + ": error: this file could not be read to its end, so no activity of " + input
            + " is published: any of them could be missing rows [publish/set-incomplete]"),
        run.findings().stream().map(Object::toString).toList());
  }

  @Test
  void aSetWhoseOnlyHeaderCannotBeReadStopsTheRunAtThatCell() throws Exception {
    writeLatin1(input.resolve("main.csv"), MAIN.replace("B,Caf¤", "B,Cafe").replace("iati-identifier,", "iati-identifi¤r,"));

    CannotPublish e = assertThrows(CannotPublish.class, () -> PublishRun.of(input, output));

    assertEquals(List.of(
        input.resolve("mapping.yaml") + ": no mapping file; the own-column form needs one (--mapping FILE), or use IATI"
            + " path headers (an 'iati-identifier' column)",
        shown("main.csv") + ":1:column 1: error: this cell holds bytes that are not UTF-8 text (byte offset 13); save the"
            + " file as UTF-8. Reading stopped here: this row and the rows after it were not read [csv/not-utf8]; so it"
            + " cannot be told whether this header names an 'iati-identifier' column"), e.problems());
  }

  @Test
  void aDirectoryOfSetsReportsASubdirectoryWhoseHeaderCannotBeRead() throws Exception {
    writeLatin1(input.resolve("roads/main.csv"), MAIN.replace("Caf¤", "Cafe"));
    writeLatin1(input.resolve("coops/main.csv"), MAIN.replace("B,Caf¤", "B,Cafe").replace("iati-identifier,", "iati-identifi¤r,"));

    CannotPublish e = assertThrows(CannotPublish.class, () -> PublishRun.of(input, output));

    assertEquals(List.of(shown("coops/main.csv") + ":1:column 1: error: this cell holds bytes that are not UTF-8 text"
        + " (byte offset 13); save the file as UTF-8. Reading stopped here: this row and the rows after it were not read"
        + " [csv/not-utf8]; so it cannot be told whether " + input.resolve("coops")
        + " is a set of sheets with IATI path headers"), e.problems());
  }

  @Test
  void badBytesInOwnColumnsAreReportedAtTheirCellInAnyFile() throws Exception {
    OwnForm.write(input);
    writeLatin1(input.resolve("sectors.csv"), "code,theme,share\nET-22-01-NLD,EMP-YOUTH,100\nKH-23-02-SWE,SOC¤PRO,100\n");

    PublishRun run = PublishRun.of(input, output);

    assertEquals(List.of(
        shown("sectors.csv") + ":3:theme: error: this cell holds bytes that are not UTF-8 text (byte offset 60);"
            + " save the file as UTF-8. Reading stopped here: this row and the rows after it were not read [csv/not-utf8]",
        shown("sectors.csv") + ": error: this file could not be read to its end, so no activity of " + input
            + " is published: any of them could be missing rows [publish/set-incomplete]"),
        run.findings().stream().map(Object::toString).toList());
  }

  @Test
  void badBytesInTheHeaderOfAnOwnColumnFileAreReportedThereNotAsAMissingColumn() throws Exception {
    OwnForm.write(input);
    writeLatin1(input.resolve("sectors.csv"), "code,th¤me,share\nET-22-01-NLD,EMP-YOUTH,100\nKH-23-02-SWE,SOCPRO,100\n");

    PublishRun run = PublishRun.of(input, output);

    assertEquals(List.of(
        shown("sectors.csv") + ":1:column 2: error: this cell holds bytes that are not UTF-8 text (byte offset 7);"
            + " save the file as UTF-8. Reading stopped here: this row and the rows after it were not read [csv/not-utf8]",
        shown("sectors.csv") + ": error: this file could not be read to its end, so no activity of " + input
            + " is published: any of them could be missing rows [publish/set-incomplete]"),
        run.findings().stream().map(Object::toString).toList());
  }

  @Test
  void badBytesInACrosswalkStopTheRunAtTheirCell() throws Exception {
    OwnForm.write(input);
    Path purpose = input.resolve("crosswalks/purpose.csv");
    writeLatin1(purpose, "local_code,iati_code,vocabulary,label\nEMP-YOUTH,16020,1,Employment\nSOCPRO,16010,1,Protecci¤n\n");
    Path status = input.resolve("crosswalks/status.csv");
    writeLatin1(status, "local_code,iati_c¤de\nACTIVE,2\n");

    CannotPublish e = assertThrows(CannotPublish.class, () -> PublishRun.of(input, output));

    // Sorted: the mapping file's crosswalks are read in no fixed order.
    assertEquals(List.of(
        status + ":1:column 2: error: this cell holds bytes that are not UTF-8 text (byte offset 17); save the file as"
            + " UTF-8. Reading stopped here: this row and the rows after it were not read [csv/not-utf8]",
        purpose + ":3:label: error: this cell holds bytes that are not UTF-8 text (byte offset 90); save the file as"
            + " UTF-8. Reading stopped here: this row and the rows after it were not read [csv/not-utf8]"),
        e.problems().stream().sorted(java.util.Comparator.reverseOrder()).toList());
  }

  @Test
  void badBytesInTheOrganisationCsvWithholdOnlyTheOrganisationFile() throws Exception {
    OwnForm.write(input);
    writeLatin1(input.resolve("organisation.csv"), "item,ref,type,name,language,currency\n"
        + "organisation,XM-DAC-41302,40,Organisation internationale du Travail,fr,USD\n"
        + "total-budget,,,Budg¤t,,\n");

    PublishRun run = PublishRun.of(input, output);

    assertEquals(List.of(
        shown("organisation.csv") + ":3:name: error: this cell holds bytes that are not UTF-8 text (byte offset 131);"
            + " save the file as UTF-8. Reading stopped here: this row and the rows after it were not read [csv/not-utf8]",
        shown("organisation.csv") + ": error: this file could not be read to its end, so the organisation file is not"
            + " published: any row could be missing [publish/set-incomplete]"),
        run.findings().stream().map(Object::toString).toList());
    assertEquals(List.of("ilo-" + input.getFileName() + ".xml"), run.outputFiles(), "the activities are published");
    assertEquals(new FileTally(shown("organisation.csv"), 1, 0, 1, 0), run.tally("organisation.csv"));
  }
}
