package org.iatipub.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The path-header columns that are no paths ({@code #…}): a row of one sheet goes into the list
 * item its keys name, whichever sheet made it; {@code #empty} gives what is there with no value;
 * {@code #iati-activity} links rows where identifiers cannot; and a main sheet of organisations is
 * an organisation file. Anything they cannot place is an error at its cell.
 */
class SheetKeysTest {
  @TempDir Path input;
  @TempDir Path output;

  private static final String MAIN = """
      iati-identifier,reporting-org/@ref,reporting-org/@type,reporting-org/narrative,title/narrative,description/narrative,participating-org/@role,participating-org/@ref,activity-status/@code,activity-date/@type,activity-date/@iso-date
      XM-EX-1,XM-EX,10,Example Ministry,Roads,Rural roads,1,XM-EX,2,1,2024-01-01
      """;
  private static final String RESULTS = """
      iati-identifier,#result,result/0/@type,result/0/title/narrative
      XM-EX-1,r1,1,Outputs
      XM-EX-1,r2,2,Outcomes
      """;

  private PublishRun publish(String... sheets) throws Exception {
    for (int i = 0; i < sheets.length; i += 2) {
      PublishRun.file(input, sheets[i], sheets[i + 1]);
    }
    return PublishRun.schemaOnly(new PublishRequest(input, null, output, ',', null, false));
  }

  private String published() {
    return input.getFileName() + ".xml";
  }

  @Test
  void aRowOfANestedSheetGoesIntoTheItemItsKeysName() throws Exception {
    // The indicators' sheet comes first by name: the keys, not the file order, place its rows.
    PublishRun run = publish("main.csv", MAIN, "b-results.csv", RESULTS, "a-indicators.csv", """
        iati-identifier,#result,#result/indicator,result/0/indicator/0/@measure,result/0/indicator/0/title/narrative
        XM-EX-1,r2,1,1,Jobs
        XM-EX-1,r1,1,1,Kilometres
        XM-EX-1,r1,2,1,Bridges
        """);

    assertEquals(List.of(), run.findings(), run.printed());
    run.assertXml(published(), "//result", """
        <result type="1"><title><narrative>Outputs</narrative></title>
          <indicator measure="1"><title><narrative>Kilometres</narrative></title></indicator>
          <indicator measure="1"><title><narrative>Bridges</narrative></title></indicator>
        </result>
        <result type="2"><title><narrative>Outcomes</narrative></title>
          <indicator measure="1"><title><narrative>Jobs</narrative></title></indicator>
        </result>
        """);
    run.assertEveryRowAccountedFor();
  }

  @Test
  void listItemsKeepTheOrderTheirPositionsSayWhateverTheColumnOrder() throws Exception {
    PublishRun run = publish("main.csv", MAIN.replace("title/narrative,", "title/narrative/1,title/narrative/1/@xml:lang,title/narrative/0,")
        .replace(",Roads,", ",Routes,fr,Roads,"));

    assertEquals(List.of(), run.findings(), run.printed());
    run.assertXml(published(), "//title/narrative", "<narrative>Roads</narrative><narrative xml:lang=\"fr\">Routes</narrative>");
  }

  @Test
  void emptyNamesWhatIsThereWithNoValue() throws Exception {
    PublishRun run = publish("main.csv", """
        #iati-activity,#empty,reporting-org/@ref,reporting-org/@type,reporting-org/narrative,title/narrative,description/narrative,participating-org/@role,other-identifier/@type,activity-status/@code,activity-date/@type,activity-date/@iso-date
        1,iati-identifier other-identifier/@ref,XM-EX,10,Example Ministry,Roads,Rural roads,1,A1,2,1,2024-01-01
        """, "results.csv", """
        #iati-activity,#result,#empty,result/0/@type,result/0/title/narrative,result/0/indicator/@measure,result/0/indicator/title/narrative,result/0/indicator/period/period-start/@iso-date,result/0/indicator/period/period-end/@iso-date
        1,1,result/0/indicator/period/actual,1,Outputs,1,Kilometres,2024-01-01,2024-12-31
        """);

    assertEquals(List.of(), run.findings(), run.printed());
    run.assertXml(published(), "//iati-identifier | //other-identifier | //period", """
        <iati-identifier/>
        <other-identifier ref="" type="A1"/>
        <period><period-start iso-date="2024-01-01"/><period-end iso-date="2024-12-31"/><actual/></period>
        """);
  }

  @Test
  void aValueGivenTwiceForOneItemWithholdsTheActivity() throws Exception {
    PublishRun run = publish("main.csv", MAIN, "results.csv", RESULTS.replace("XM-EX-1,r2,2,", "XM-EX-1,r1,2,"));

    assertEquals(List.of(Finding.error("path-header/given-twice", new Location.Cell(input + "/results.csv", 3, "result/0/@type").withValue("2"),
        "'result/0/@type' was already given for this item by " + input + "/results.csv row 2; rows with the same keys add"
            + " to one item, so each value may be given once (give this row keys of its own if it is another item)"),
        Finding.error("publish/withheld", new Location.Cell(input + "/main.csv", 2, ""), "activity 'XM-EX-1' is withheld"
            + " because of the errors above; its 3 rows (this one and the rows linked to it) are not published")),
        run.findings());
  }

  @Test
  void aKeyInsideAnItemNeedsTheKeyOfThatItem() throws Exception {
    PublishRun run = publish("main.csv", MAIN, "indicators.csv", """
        iati-identifier,#result/indicator,result/0/indicator/0/@measure
        XM-EX-1,1,1
        """);

    assertEquals(Finding.error("path-header/missing-key", new Location.Cell(input + "/indicators.csv", 2, "#result/indicator").withValue("1"),
        "the key in '#result/indicator' names an item inside a result, but the row gives no '#result' to say which one;"
            + " fill in that column"), run.findings().get(0));
  }

  @Test
  void aMainSheetOfOrganisationsIsAnOrganisationFile() throws Exception {
    PublishRun run = publish("main.csv", """
        organisation-identifier,@xml:lang,reporting-org/@ref,reporting-org/@type,reporting-org/narrative,name/narrative
        XM-EX,en,XM-EX,10,Example Ministry,Example Ministry
        """, "total-budget.csv", """
        organisation-identifier,total-budget/0/value,total-budget/0/value/@value-date,total-budget/0/period-end/@iso-date,total-budget/0/period-start/@iso-date
        XM-EX,1000,2024-01-01,2024-12-31,2024-01-01
        """);

    assertEquals(List.of(), run.findings(), run.printed());
    run.assertXml(published(), "/iati-organisations/iati-organisation", """
        <iati-organisation xml:lang="en" last-updated-datetime="2025-07-01T02:00:00Z">
          <organisation-identifier>XM-EX</organisation-identifier>
          <name><narrative>Example Ministry</narrative></name>
          <reporting-org ref="XM-EX" type="10"><narrative>Example Ministry</narrative></reporting-org>
          <total-budget>
            <period-start iso-date="2024-01-01"/><period-end iso-date="2024-12-31"/>
            <value value-date="2024-01-01">1000</value>
          </total-budget>
        </iati-organisation>
        """);
    run.assertEveryRowAccountedFor();
  }
}
