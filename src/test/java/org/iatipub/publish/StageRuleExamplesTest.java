package org.iatipub.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.iatipub.finding.Finding;
import org.iatipub.finding.PipelineRule;
import org.iatipub.mapping.Crosswalk;
import org.iatipub.mapping.CrosswalkRule;
import org.iatipub.mapping.MappingRule;
import org.iatipub.mapping.OrganisationRule;
import org.iatipub.mapping.PathHeaderRule;
import org.iatipub.model.ModelRule;
import org.iatipub.source.SourceRule;
import org.iatipub.source.TableReading;
import org.iatipub.source.Workbook;
import org.iatipub.source.WorkbookFiles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules that the stages before the XML (sources, mapping, model, publish) report under their
 * own ids, each with an input that makes it fire, and where: given these files, exactly these
 * findings of the rule. As the IATI rules have theirs ({@code EveryRuleHasExamplesTest}), every
 * such rule has an example here, or is listed with the reason no input reaches it, or names the
 * test class whose assertions show it (workbooks built part by part). A rule declared but never
 * raised, or whose check was lost, fails here.
 */
class StageRuleExamplesTest {
  @TempDir Path dir;

  /** What an example gives: the findings of a run of the stage on files it writes into {@code dir}. */
  interface Given {
    List<Finding> findings(Path dir) throws Exception;
  }

  /**
   * An input that breaks {@code rule}, and its findings of that rule, each as its place relative to
   * the input folder ({@code projects.csv:2:modality}).
   */
  record Example(PipelineRule rule, String name, Given given, List<String> places) {
    Example {
      if (places.isEmpty()) {
        throw new IllegalArgumentException("an example of " + rule.id() + " names where it fires");
      }
    }

    @Override
    public String toString() {
      return rule.id() + ": " + name;
    }
  }

  /** Rules that no input can make fire: only a damaged environment (disk, iatipub itself) does. */
  private static final Map<PipelineRule, String> NO_INPUT_REACHES = Map.of(
      SourceRule.CSV_UNREADABLE, "an I/O error of the disk in the middle of a file: bytes and quoting that cannot be read"
          + " are csv/not-utf8 and csv/quoting",
      ModelRule.UNWRITABLE, "a fault of iatipub's own model or serializer; every value the model holds was checked when it"
          + " was bound (model/bad-value)");

  /**
   * Rules whose examples are in the test class named, which asserts their findings: workbooks built
   * part by part (a DOCTYPE, a zip bomb, a cut-off part), too big or elaborate to repeat here.
   */
  private static final Map<PipelineRule, String> SHOWN_ELSEWHERE = Map.ofEntries(
      Map.entry(SourceRule.WORKBOOK_BEYOND_SHEET, "src/test/java/org/iatipub/source/OdsSheetsTest.java"),
      Map.entry(SourceRule.WORKBOOK_DOCTYPE, "src/test/java/org/iatipub/source/HostileWorkbooksTest.java"),
      Map.entry(SourceRule.WORKBOOK_NOT_WELL_FORMED, "src/test/java/org/iatipub/source/HostileWorkbooksTest.java"),
      Map.entry(SourceRule.WORKBOOK_ZIP_BOMB, "src/test/java/org/iatipub/source/HostileWorkbooksTest.java"),
      Map.entry(SourceRule.WORKBOOK_UNREADABLE, "src/test/java/org/iatipub/source/HostileWorkbooksTest.java"),
      Map.entry(SourceRule.WORKBOOK_CELL_TOO_LONG, "src/test/java/org/iatipub/source/HostileWorkbooksTest.java"),
      Map.entry(SourceRule.WORKBOOK_HIDDEN_SHEET, "src/test/java/org/iatipub/publish/WorkbookInputTest.java"),
      Map.entry(SourceRule.WORKBOOK_UNREAD_SHEET, "src/test/java/org/iatipub/publish/WorkbookInputTest.java"));

  /** The stages' rules that validate and publish can report. */
  private static List<PipelineRule> rules() {
    List<PipelineRule> rules = new ArrayList<>();
    Stream.of(SourceRule.values(), MappingRule.values(), PathHeaderRule.values(), OrganisationRule.values(),
        CrosswalkRule.values(), ModelRule.values(), PublishRule.values()).forEach(all -> rules.addAll(List.of(all)));
    return rules;
  }

  static List<Example> examples() {
    return List.of(
        new Example(SourceRule.CSV_EMPTY_FILE, "a file of no bytes", dir -> publish(dir, "budgets.csv", ""),
            List.of("budgets.csv")),
        new Example(SourceRule.CSV_BLANK_COLUMN_NAME, "a header ending in a delimiter",
            dir -> publish(dir, "budgets.csv", "code,from,to,amount,\n"), List.of("budgets.csv:1:column 5")),
        new Example(SourceRule.CSV_DUPLICATE_COLUMN, "a header naming 'amount' twice",
            dir -> publish(dir, "budgets.csv", "code,from,to,amount,amount\n"), List.of("budgets.csv:1:amount")),
        new Example(SourceRule.CSV_RAGGED_ROW, "a row one cell short",
            dir -> publish(dir, "projects.csv", OwnForm.PROJECTS.replace("2022-01-01,2025-12-31,", "2022-01-01,2025-12-31")),
            List.of("projects.csv:2:modality")),
        new Example(SourceRule.CSV_NOT_UTF8, "a Latin-1 byte in an amount", dir -> {
          OwnForm.write(dir.resolve("in"));
          Files.write(dir.resolve("in/budgets.csv"), new byte[] {'c', 'o', 'd', 'e', ',', 'f', 'r', 'o', 'm', ',', 't', 'o', ',',
              'a', 'm', 'o', 'u', 'n', 't', '\n', 'X', ',', ',', ',', '1', (byte) 0xE9, '\n'});
          return publishWritten(dir);
        }, List.of("budgets.csv:2:amount")),
        new Example(SourceRule.CSV_QUOTING, "a quoted cell never closed",
            dir -> publish(dir, "projects.csv", OwnForm.PROJECTS.replace("Building a social", "\"Building a social")),
            List.of("projects.csv:3:title_en")),
        new Example(SourceRule.WORKBOOK_EMPTY_SHEET, "a sheet with no header row", dir -> sheet(dir, "projects", "<row r=\"1\"/>"),
            List.of("book.xlsx!projects")),
        new Example(SourceRule.WORKBOOK_UNNAMED_COLUMN, "a value in a column the header does not name",
            dir -> sheet(dir, "projects", HEADER + "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"C2\"><v>7</v></c></row>"),
            List.of("book.xlsx!projects!C2")),
        new Example(SourceRule.WORKBOOK_DUPLICATE_COLUMN, "a header naming 'id' twice",
            dir -> sheet(dir, "projects", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>0</v></c></row>"),
            List.of("book.xlsx!projects!B1")),
        new Example(SourceRule.WORKBOOK_ERROR_VALUE, "a division by zero",
            dir -> sheet(dir, "projects", HEADER + "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" t=\"e\"><f>A2/0</f><v>#DIV/0!</v></c></row>"),
            List.of("book.xlsx!projects!B2")),
        new Example(SourceRule.WORKBOOK_FORMULA_WITHOUT_VALUE, "a formula never calculated",
            dir -> sheet(dir, "projects", HEADER + "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\"><f>A2*2</f></c></row>"),
            List.of("book.xlsx!projects!B2")),
        new Example(SourceRule.WORKBOOK_NOT_A_DATE, "a negative number formatted as a date",
            dir -> sheet(dir, "projects", HEADER + "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" s=\"1\"><v>-5</v></c></row>"),
            List.of("book.xlsx!projects!B2")),
        new Example(SourceRule.WORKBOOK_DAMAGED, "a cell citing a shared string the workbook does not have",
            dir -> sheet(dir, "projects", HEADER + "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" t=\"s\"><v>9</v></c></row>"),
            List.of("book.xlsx!projects!B2")),
        new Example(SourceRule.MISSING_ID, "a project row with no code",
            dir -> publish(dir, "projects.csv", OwnForm.PROJECTS + ",,Skills,技能,Training.,ACTIVE,2022-01-01,2024-12-31,\n"),
            List.of("projects.csv:4:code")),
        new Example(SourceRule.DUPLICATE_ID, "two projects with one code",
            dir -> publish(dir, "projects.csv", OwnForm.PROJECTS + "ET-22-01-NLD,,Phase II,第二期,Second phase.,ACTIVE,2025-01-01,2027-12-31,\n"),
            List.of("projects.csv:4:code", "projects.csv:2:code")),
        new Example(SourceRule.UNKNOWN_ID, "a sector row of a project that does not exist",
            dir -> publish(dir, "sectors.csv", "code,theme,share\nET-22-01-NLD,EMP-YOUTH,100\nKH-23-02-SWE,SOCPRO,100\nXX-1,SOCPRO,100\n"),
            List.of("sectors.csv:4:code")),
        new Example(MappingRule.UNKNOWN_CODE, "a theme with no crosswalk entry",
            dir -> publish(dir, "sectors.csv", "code,theme,share\nET-22-01-NLD,EMP-YUOTH,100\nKH-23-02-SWE,SOCPRO,100\n"),
            List.of("sectors.csv:2:theme")),
        new Example(MappingRule.BAD_DATE, "a date written day first",
            dir -> publish(dir, "projects.csv", OwnForm.PROJECTS.replace("2022-01-01", "31/12/2021")), List.of("projects.csv:2:start")),
        new Example(MappingRule.BAD_NUMBER, "an amount with thousands separators", dir -> publish(dir, "budgets.csv",
            "code,from,to,amount\nET-22-01-NLD,2024-01-01,2024-12-31,\"1,000\"\n"), List.of("budgets.csv:2:amount")),
        new Example(MappingRule.BAD_PERCENTAGE, "a share of 120", dir -> publish(dir, "countries.csv",
            "code,country,share\nET-22-01-NLD,ET,120\nKH-23-02-SWE,KH,100\n"), List.of("countries.csv:2:share")),
        new Example(MappingRule.PERCENTAGES, "two sector shares adding up to 90", dir -> publish(dir, "sectors.csv",
            "code,theme,share\nET-22-01-NLD,EMP-YOUTH,50\nET-22-01-NLD,SKILLS,40\nKH-23-02-SWE,SOCPRO,100\n"),
            List.of("sectors.csv:2:share")),
        new Example(MappingRule.BAD_CURRENCY, "a currency in lower case", dir -> publish(dir, "transactions.csv",
            "code,reference,kind,date,amount,currency,from_id,from_name,to_id,to_name\n"
                + "ET-22-01-NLD,ET-FA,AGREEMENT,2021-11-15,100,usd,XM-DAC-7,Netherlands,XM-DAC-41302,ILO\n"),
            List.of("transactions.csv:2:currency")),
        new Example(MappingRule.BAD_YEAR, "a baseline year of two digits", dir -> publish(dir, "deliverables.csv", DELIVERABLES
            + "ET-22-01-NLD,1,Jobs,就业,People in jobs,21,0,2022-2023,10,5\n"), List.of("deliverables.csv:2:baseline_year")),
        new Example(MappingRule.BAD_TIMELINE, "a timeline that is no span of years", dir -> publish(dir, "deliverables.csv",
            DELIVERABLES + "ET-22-01-NLD,1,Jobs,就业,People in jobs,2021,0,soon,10,5\n"), List.of("deliverables.csv:2:timeline")),
        new Example(MappingRule.TIMELINE_ORDER, "a timeline ending before it starts", dir -> publish(dir, "deliverables.csv",
            DELIVERABLES + "ET-22-01-NLD,1,Jobs,就业,People in jobs,2021,0,2024-2023,10,5\n"), List.of("deliverables.csv:2:timeline")),
        new Example(MappingRule.PARENT_ELSEWHERE, "a programme not in the set",
            dir -> publish(dir, "projects.csv", OwnForm.PROJECTS.replace("ET-22-01-NLD,,", "ET-22-01-NLD,ET-PROG,")),
            List.of("projects.csv:2:programme")),
        new Example(MappingRule.UNMAPPED_COLUMN, "a column the mapping does not name",
            dir -> publish(dir, "budgets.csv", "code,from,to,amount,note\nET-22-01-NLD,2024-01-01,2024-12-31,10,x\n"),
            List.of("budgets.csv:1:note")),
        new Example(MappingRule.UNMAPPED_FILE, "a CSV file the mapping does not name",
            dir -> publish(dir, "notes.csv", "code,text\nET-22-01-NLD,x\n"), List.of("notes.csv")),
        new Example(CrosswalkRule.INCOMPLETE_ENTRY, "an entry with no IATI code",
            dir -> crosswalk(dir, "local_code,iati_code\nDONOR,1\nOTHER,\n"), List.of("role.csv:3:iati_code")),
        new Example(CrosswalkRule.CONFLICTING_ENTRY, "one local code translated twice",
            dir -> crosswalk(dir, "local_code,iati_code\nDONOR,1\nPARTNER,4\nDONOR,3\n"), List.of("role.csv:4:local_code")),
        new Example(CrosswalkRule.COLUMN_MISSING, "a crosswalk without its iati_code column",
            dir -> crosswalk(dir, "local_code,code\nDONOR,1\n"), List.of("role.csv:1:iati_code")),
        new Example(MappingRule.MISSING_VALUE, "a project with no title", dir -> publish(dir, "projects.csv",
            OwnForm.PROJECTS.replace("Decent jobs for young women and men in Ethiopia,埃塞俄比亚青年男女体面就业", ",")),
            List.of("projects.csv:2")),
        new Example(MappingRule.CONFLICTING_VALUE, "a path giving the vocabulary the crosswalk gave",
            dir -> ownPaths(dir, "files: {sectors: {paths: {'@vocabulary': vocabulary}}}", "sectors.csv",
                "code,theme,share,vocabulary\nET-22-01-NLD,EMP-YOUTH,100,2\nKH-23-02-SWE,SOCPRO,100,1\n"),
            List.of("sectors.csv:2:vocabulary")),
        new Example(MappingRule.UNKNOWN_PARENT, "an area naming a place no location row has", dir -> ownPaths(dir, LOCATIONS,
            "locations.csv", "code,place,place_name\nET-22-01-NLD,ADD,Addis Ababa\n",
            "areas.csv", "code,place,area\nET-22-01-NLD,HAW,ET-SI\n"), List.of("areas.csv:2:place")),
        new Example(MappingRule.DUPLICATE_KEY, "two locations of one project with one key", dir -> ownPaths(dir, LOCATIONS,
            "locations.csv", "code,place,place_name\nET-22-01-NLD,ADD,Addis Ababa\nET-22-01-NLD,ADD,Adama\n",
            "areas.csv", "code,place,area\nET-22-01-NLD,ADD,ET-AA\n"), List.of("locations.csv:3:place")),
        new Example(MappingRule.NOT_IN_ELEMENT, "a vocabulary on a row that makes a recipient country",
            dir -> ownPaths(dir, "files: {countries: {paths: {'@vocabulary': vocab}}}", "countries.csv",
                "code,country,share,vocab\nET-22-01-NLD,ET,100,1\nKH-23-02-SWE,KH,100,\n"), List.of("countries.csv:2:vocab")),
        new Example(OrganisationRule.NO_ITEM_COLUMN, "an organisation file without its item column",
            dir -> publish(dir, "organisation.csv", "ref,type,name\nXM-DAC-41302,40,International Labour Organization\n"),
            List.of("organisation.csv:1")),
        new Example(OrganisationRule.UNKNOWN_ITEM, "a misspelt item", dir -> publish(dir, "organisation.csv", ORGANISATION
            + "total-budgte,,,,,2025-01-01,2025-12-31,1000\n"), List.of("organisation.csv:3:item")),
        new Example(OrganisationRule.NOT_IN_IATI, "a total budget with an organisation type", dir -> publish(dir,
            "organisation.csv", ORGANISATION + "total-budget,,40,,,2025-01-01,2025-12-31,1000\n"), List.of("organisation.csv:3:type")),
        new Example(OrganisationRule.ONE_ORGANISATION, "two organisation rows", dir -> publish(dir, "organisation.csv",
            ORGANISATION + "organisation,XM-DAC-41302,40,ILO,USD,,,\n"), List.of("organisation.csv:3:item")),
        new Example(PathHeaderRule.BAD_HEADER, "a header with an empty step", dir -> pathHeader(dir, "main.csv",
            MAIN.replace("title/narrative", "title//narrative")), List.of("main.csv:2:title//narrative")),
        new Example(PathHeaderRule.UNDECLARED_PREFIX, "a namespace prefix the row does not declare",
            dir -> pathHeader(dir, "main.csv", MAIN.replace(",activity-status/@code", ",ilo:area,activity-status/@code")
                .replace(",2,1,2024", ",2,Youth,1,2024")), List.of("main.csv:2:ilo:area")),
        new Example(PathHeaderRule.GIVEN_TWICE, "two rows of one result giving its type", dir -> pathHeader(dir, "main.csv", MAIN,
            "results.csv", RESULTS.replace("XM-EX-1,r2,2,", "XM-EX-1,r1,2,")), List.of("results.csv:3:result/0/@type")),
        new Example(PathHeaderRule.MISSING_KEY, "an indicator row naming no result", dir -> pathHeader(dir, "main.csv", MAIN,
            "results.csv", RESULTS, "indicators.csv", "iati-identifier,#result,#result/indicator,result/0/indicator/@measure\n"
                + "XM-EX-1,,i1,1\n"), List.of("indicators.csv:2:#result/indicator")),
        new Example(ModelRule.BAD_VALUE, "a date that is no date in a path header", dir -> pathHeader(dir, "main.csv",
            MAIN.replace("2024-01-01", "2024-13-01")), List.of("main.csv:2:activity-date/@iso-date")),
        new Example(PublishRule.NOT_IN_IATI, "text in an element that has none", dir -> pathHeader(dir, "main.csv",
            MAIN.replace("activity-status/@code", "activity-status")), List.of("main.csv:2:activity-status")),
        new Example(PublishRule.WITHHELD, "an activity with a bad date",
            dir -> publish(dir, "projects.csv", OwnForm.PROJECTS.replace("2022-01-01", "31/12/2021")), List.of("projects.csv:2")),
        new Example(PublishRule.SET_INCOMPLETE, "a file whose quoting breaks off the reading",
            dir -> publish(dir, "projects.csv", OwnForm.PROJECTS.replace("Building a social", "\"Building a social")),
            List.of("projects.csv")));
  }

  private static final String HEADER = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>";
  private static final String DELIVERABLES =
      "code,output_id,output_en,output_zh,indicator_en,baseline_year,baseline,timeline,target,actual\n";

  private static final String LOCATIONS = """
      files:
        locations:
          key: place
          columns:
            project: code
            name: {en: place_name}
        areas:
          element: administrative
          within: {file: locations, column: place}
          columns:
            project: code
          paths:
            "@code": area
      """;
  private static final String ORGANISATION = """
      item,ref,type,name,currency,start,end,value
      organisation,XM-DAC-41302,40,International Labour Organization,USD,,,
      """;
  /** An activity in the path-header form: every column header an IATI path. */
  private static final String MAIN = """
      iati-identifier,reporting-org/@ref,reporting-org/@type,reporting-org/narrative,title/narrative,description/narrative,\
      participating-org/@role,participating-org/@ref,activity-status/@code,activity-date/@type,activity-date/@iso-date
      XM-EX-1,XM-EX,10,Example Ministry,Roads,Rural roads,1,XM-EX,2,1,2024-01-01
      """;
  private static final String RESULTS = """
      iati-identifier,#result,result/0/@type,result/0/title/narrative
      XM-EX-1,r1,1,Outputs
      XM-EX-1,r2,2,Outcomes
      """;

  private static List<Finding> ownPaths(Path dir, String additions, String... namesAndTexts) throws Exception {
    OwnForm.write(dir.resolve("in"), namesAndTexts);
    PublishRun.file(dir.resolve("in"), "mapping.yaml", OwnForm.mapping(additions));
    return publishWritten(dir);
  }

  /** Publishes files of the path-header form, checking the schema only, so only what the example is about is found. */
  private static List<Finding> pathHeader(Path dir, String... namesAndTexts) throws Exception {
    for (int i = 0; i < namesAndTexts.length; i += 2) {
      PublishRun.file(dir.resolve("in"), namesAndTexts[i], namesAndTexts[i + 1]);
    }
    return PublishRun.schemaOnly(new PublishRequest(dir.resolve("in"), null, dir.resolve("out"), ',', null, false)).findings();
  }

  private static List<Finding> crosswalk(Path dir, String text) throws IOException {
    Path file = PublishRun.file(dir.resolve("in"), "role.csv", text);
    List<Finding> findings = new ArrayList<>();
    Crosswalk.read("role", file, file.toString(), ',', findings);
    return findings;
  }

  private static List<Finding> publish(Path dir, String... namesAndTexts) throws Exception {
    OwnForm.write(dir.resolve("in"), namesAndTexts);
    return publishWritten(dir);
  }

  private static List<Finding> publishWritten(Path dir) throws Exception {
    return PublishRun.of(dir.resolve("in"), dir.resolve("out")).findings();
  }

  /** The findings of reading sheet {@code name} (rows given), in a workbook whose shared strings are 'id' and 'value'. */
  private static List<Finding> sheet(Path dir, String name, String rows) throws IOException {
    Path file = WorkbookFiles.xlsx(dir.resolve("in/book.xlsx"), List.of("<t>id</t>", "<t>value</t>"),
        WorkbookFiles.Sheet.visible(name, rows));
    try (Workbook workbook = Workbook.open(file, file.toString())) {
      TableReading reading = workbook.sheet(name).read(row -> { });
      return reading.findings();
    }
  }

  @TestFactory
  Stream<DynamicTest> eachExampleGivesItsRulesFindingsWhereItSays() {
    return examples().stream().map(example -> DynamicTest.dynamicTest(example.toString(), () -> {
      Path own = Files.createDirectory(dir.resolve(example.rule().id().replace('/', '-') + "-" + examples().indexOf(example)));
      String input = own.resolve("in") + "/";
      List<Finding> findings = example.given().findings(own);
      List<String> places = findings.stream().filter(f -> f.rule().equals(example.rule().id()))
          .map(f -> f.location().toString().replace(input, "")).toList();
      assertEquals(example.places(), places, findings.stream().map(Finding::toString).reduce("", (a, b) -> a + "\n" + b));
    }));
  }

  @Test
  void everyRuleOfTheStagesThatPublishRunsHasAnExampleOrSaysWhyNot() throws IOException {
    Set<String> withExample = new TreeSet<>();
    examples().forEach(example -> withExample.add(example.rule().id()));
    Set<String> missing = new TreeSet<>();
    Set<String> both = new TreeSet<>();
    for (PipelineRule rule : rules()) {
      int said = (withExample.contains(rule.id()) ? 1 : 0) + (NO_INPUT_REACHES.containsKey(rule) ? 1 : 0)
          + (SHOWN_ELSEWHERE.containsKey(rule) ? 1 : 0);
      if (said == 0) {
        missing.add(rule.id());
      } else if (said > 1) {
        both.add(rule.id());
      }
    }
    assertEquals(List.of(Set.of(), Set.of()), List.of(missing, both),
        "rules with no example, reason or test; and rules with more than one of them");
    for (Map.Entry<PipelineRule, String> shown : SHOWN_ELSEWHERE.entrySet()) {
      assertTrue(Files.readString(Path.of(shown.getValue())).contains(shown.getKey().id() + "]"),
          shown.getValue() + " asserts no finding of " + shown.getKey().id());
    }
  }
}
