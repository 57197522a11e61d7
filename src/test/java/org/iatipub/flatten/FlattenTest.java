package org.iatipub.flatten;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What flatten writes for a file: a main sheet with a row per record, a sheet per list of the
 * record (transactions, results) with a row per item, nested lists as numbered columns of their
 * parent's row unless their items hold lists of lists (a result's indicators and their periods),
 * whose rows then name their parent items by key. Positions no row needs are left out of headers.
 */
class FlattenTest {
  @TempDir Path work;
  private final List<Finding> findings = new ArrayList<>();

  /** Flattens {@code xml} as file {@code name}; the sheets of its set, by file name. */
  private Map<String, String> flatten(String name, String xml) throws Exception {
    Path file = work.resolve(name);
    Files.writeString(file, xml, StandardCharsets.UTF_8);
    List<Flattener.Result> results = new Flattener(Flattener.Format.CSV).flatten(List.of(file), work.resolve("sheets"), findings::add);
    Map<String, String> sheets = new TreeMap<>();
    if (results.get(0).target() != null) {
      try (Stream<Path> files = Files.list(results.get(0).target())) {
        for (Path sheet : files.toList()) {
          sheets.put(sheet.getFileName().toString(), Files.readString(sheet, StandardCharsets.UTF_8));
        }
      }
    }
    return sheets;
  }

  @Test
  void listsOfTheActivityGetSheetsAndNestedListsNumberedColumnsOrKeys() throws Exception {
    Map<String, String> sheets = flatten("roads.xml", """
        <iati-activities version="2.03" generated-datetime="2025-01-01T00:00:00Z">
          <iati-activity last-updated-datetime="2025-01-01T00:00:00Z" xml:lang="en">
            <iati-identifier>XM-EX-1</iati-identifier>
            <title><narrative>Roads</narrative><narrative xml:lang="fr">Routes</narrative></title>
            <transaction>
              <transaction-type code="2"/>
              <value value-date="2024-01-01">100</value>
              <aid-type code="C01" vocabulary="1"/><aid-type code="1" vocabulary="2"/>
            </transaction>
            <transaction><transaction-type code="3"/><value value-date="2024-02-01">40</value></transaction>
            <result type="1">
              <title><narrative>Outputs</narrative></title>
              <indicator measure="1">
                <title><narrative>Kilometres</narrative></title>
                <period><period-start iso-date="2024-01-01"/><period-end iso-date="2024-12-31"/></period>
              </indicator>
            </result>
          </iati-activity>
        </iati-activities>
        """);

    assertEquals(Map.of(
        "main.csv", """
            iati-identifier,@last-updated-datetime,@xml:lang,title/narrative/0,title/narrative/1,title/narrative/1/@xml:lang
            XM-EX-1,2025-01-01T00:00:00Z,en,Roads,Routes,fr
            """,
        "transaction.csv", """
            iati-identifier,transaction/0/transaction-type/@code,transaction/0/value,transaction/0/value/@value-date,transaction/0/aid-type/0/@vocabulary,transaction/0/aid-type/0/@code,transaction/0/aid-type/1/@vocabulary,transaction/0/aid-type/1/@code
            XM-EX-1,2,100,2024-01-01,1,C01,2,1
            XM-EX-1,3,40,2024-02-01,,,,
            """,
        "result.csv", """
            iati-identifier,"#result",result/0/@type,result/0/title/narrative
            XM-EX-1,1,1,Outputs
            """,
        "result_indicator.csv", """
            iati-identifier,"#result","#result/indicator",result/0/indicator/0/@measure,result/0/indicator/0/title/narrative
            XM-EX-1,1,1,1,Kilometres
            """,
        "result_indicator_period.csv", """
            iati-identifier,"#result","#result/indicator",result/0/indicator/0/period/0/period-start/@iso-date,result/0/indicator/0/period/0/period-end/@iso-date
            XM-EX-1,1,1,2024-01-01,2024-12-31
            """), sheets);
    assertEquals(List.of(), findings);
  }

  @Test
  void recordsWhoseIdentifiersCannotLinkRowsAreNumberedAndWhatIsEmptyIsListed() throws Exception {
    Map<String, String> sheets = flatten("tests.xml", """
        <iati-activities version="2.03">
          <iati-activity><iati-identifier></iati-identifier><sector code="1"/></iati-activity>
          <iati-activity><iati-identifier>XM-EX-1</iati-identifier><other-identifier ref="" type="A1"/></iati-activity>
          <iati-activity><iati-identifier>XM-EX-1</iati-identifier><crs-add/></iati-activity>
        </iati-activities>
        """);

    assertEquals(Map.of(
        "main.csv", """
            "#iati-activity",iati-identifier,"#empty"
            1,,iati-identifier
            2,XM-EX-1,
            3,XM-EX-1,crs-add
            """,
        "other-identifier.csv", """
            "#iati-activity",other-identifier/0/@type,"#empty"
            2,A1,other-identifier/0/@ref
            """,
        "sector.csv", """
            "#iati-activity",sector/0/@code
            1,1
            """), sheets);
  }

  @Test
  void extensionsKeepTheirNamespacesAndWhatSheetsCannotHoldIsReported() throws Exception {
    Map<String, String> sheets = flatten("ext.xml", """
        <iati-activities version="2.03" linked-data-default="http://example.org/" xmlns:x="http://example.org/x">
          <iati-activity x:rank="1">
            <iati-identifier>XM-EX-1</iati-identifier>
            <x:note>first</x:note><x:tag>a</x:tag><x:note>second</x:note>
          </iati-activity>
        </iati-activities>
        """);

    assertEquals(Map.of("main.csv", """
        iati-identifier,@xmlns:x,@x:rank,x:note/0,x:tag,x:note/1
        XM-EX-1,http://example.org/x,1,first,a,second
        """), sheets);
    assertEquals(List.of(Finding.warning("flatten/not-kept", new Location.XmlPosition(work.resolve("ext.xml").toString(), 1, 106),
        "the root's attribute linked-data-default=\"http://example.org/\" is not kept: sheets hold records, and publish writes"
            + " the root itself (with version 2.03 and its own generated-datetime)")), findings);
  }

  @Test
  void aFileThatCannotBeReadToItsEndGivesNoSheets() throws Exception {
    Map<String, String> sheets = flatten("broken.xml", """
        <iati-activities version="2.03">
          <iati-activity><iati-identifier>XM-EX-1</iati-identifier></iati-activity>
          <iati-activity><iati-identifier>XM-EX-2</iati-identifier>
        """);

    assertEquals(Map.of(), sheets);
    assertFalse(Files.exists(work.resolve("sheets").resolve("broken")));
    String shown = work.resolve("broken.xml").toString();
    assertEquals(List.of("0.1.1", "flatten/incomplete"), findings.stream().map(Finding::rule).toList());
    assertEquals(Finding.error("flatten/incomplete", new Location.WholeFile(shown), "the file could not be read to its end,"
        + " so no sheets are written for it (1 records were read before the problem)"), findings.get(1));
  }

  @Test
  void aFileWithADoctypeIsRefusedBeforeAnythingIsRead() throws Exception {
    Map<String, String> sheets = flatten("xxe.xml", """
        <?xml version="1.0"?>
        <!DOCTYPE iati-activities [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <iati-activities version="2.03"><iati-activity><iati-identifier>&secret;</iati-identifier></iati-activity></iati-activities>
        """);

    assertEquals(Map.of(), sheets);
    assertEquals(List.of("0.1.1"), findings.stream().map(Finding::rule).toList());
  }

  @Test
  void aCellTooLongForAWorkbookIsReportedAndTheFileGetsNoWorkbook() throws Exception {
    Path file = work.resolve("long.xml");
    Files.writeString(file, "<iati-activities version=\"2.03\"><iati-activity><iati-identifier>XM-EX-1</iati-identifier>"
        + "<description><narrative>" + "x".repeat(40_000) + "</narrative></description></iati-activity></iati-activities>");

    List<Flattener.Result> results = new Flattener(Flattener.Format.XLSX).flatten(List.of(file), work.resolve("books"), findings::add);

    assertNull(results.get(0).target());
    assertFalse(Files.exists(work.resolve("books").resolve("long.xlsx")));
    assertEquals(List.of(Finding.error("flatten/too-big-for-workbook", new Location.WholeFile(file.toString()),
        "a cell of the description sheet (row 2) holds 40000 characters, more than the 32767 a workbook cell can hold,"
            + " so no workbook is written for this file; flatten it with --format csv, which has no such limits")), findings);
  }

  @Test
  void everySheetNameFitsAWorkbook() {
    for (var kind : org.iatipub.validation.DocumentKind.values()) {
      for (String name : SheetLayout.of(kind).sheetNames()) {
        assertFalse(name.length() > 31, name + " is longer than the 31 characters a workbook's sheet name may have");
      }
    }
    assertNull(SheetLayout.of(org.iatipub.validation.DocumentKind.ACTIVITIES).sheet(List.of("title", "narrative")));
  }
}
