package org.iatipub.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.iatipub.publish.PublishRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every named field of every own-column file reaches the XML: a mapping file maps each field to a
 * column of the same name, one set of rows gives each a value of its own, and the published
 * activity holds each value where the field says. The names and places are written out here,
 * apart from {@link OwnField}, so a field renamed, dropped or sent elsewhere fails this test.
 */
class OwnFieldsReachTheXmlTest {
  /** file.field | XPath from the first project's activity | the value published there. */
  private static final String FIELDS = """
      projects.id                        | iati-identifier                                      | XM-DAC-41302-P-1
      projects.title                     | title/narrative                                      | Title one
      projects.description               | description[@type='1']/narrative                     | Description one
      projects.objectives                | description[@type='2']/narrative                     | Objectives one
      projects.target-groups             | description[@type='3']/narrative                     | Target groups one
      projects.parent                    | ../iati-activity[2]/related-activity[@type='1']/@ref | XM-DAC-41302-P-1
      projects.status                    | activity-status/@code                                | 3
      projects.scope                     | activity-scope/@code                                 | 4
      projects.planned-start             | activity-date[@type='1']/@iso-date                   | 2022-01-03
      projects.actual-start              | activity-date[@type='2']/@iso-date                   | 2022-02-04
      projects.planned-end               | activity-date[@type='3']/@iso-date                   | 2024-12-29
      projects.actual-end                | activity-date[@type='4']/@iso-date                   | 2024-11-30
      projects.currency                  | @default-currency                                    | EUR
      projects.flow-type                 | default-flow-type/@code                              | 10
      projects.finance-type              | default-finance-type/@code                           | 110
      projects.aid-type                  | default-aid-type/@code                               | C01
      projects.tied-status               | default-tied-status/@code                            | 5
      projects.collaboration-type        | collaboration-type/@code                             | 2
      participants.project               | count(participating-org) + count(../iati-activity[2]/participating-org) | 2
      participants.role                  | participating-org/@role                              | 1
      participants.ref                   | participating-org/@ref                               | XM-DAC-7
      participants.type                  | participating-org/@type                              | 10
      participants.name                  | participating-org/narrative                          | Netherlands
      participants.crs-channel           | participating-org/@crs-channel-code                  | 11000
      participants.activity-id           | participating-org/@activity-id                       | XM-DAC-41302-P-2
      sectors.project                    | count(sector)                                        | 1
      sectors.sector                     | sector/@code                                         | 16020
      sectors.percentage                 | sector/@percentage                                   | 100
      countries.project                  | count(recipient-country) + count(recipient-region) | 2
      countries.country                  | recipient-country/@code                              | ET
      countries.region                   | recipient-region/@code                               | 298
      countries.percentage               | recipient-country/@percentage                        | 60
      policy-markers.project             | count(policy-marker)                                 | 1
      policy-markers.marker              | policy-marker/@code                                  | 1
      policy-markers.significance        | policy-marker/@significance                          | 2
      locations.project                  | count(location)                                      | 1
      locations.name                     | location/name/narrative                              | Addis Ababa
      locations.description              | location/description/narrative                       | The country office
      locations.latitude                 | substring-before(location/point/pos, ' ')            | 9.03
      locations.longitude                | substring-after(location/point/pos, ' ')             | 38.74
      documents.project                  | count(document-link)                                 | 1
      documents.url                      | document-link/@url                                   | https://example.org/report.pdf
      documents.format                   | document-link/@format                                | application/pdf
      documents.title                    | document-link/title/narrative                        | Annual report
      documents.category                 | document-link/category/@code                         | A01
      documents.language                 | document-link/language/@code                         | fr
      documents.date                     | document-link/document-date/@iso-date                | 2024-03-31
      transactions.project               | count(transaction)                                   | 1
      transactions.ref                   | transaction/@ref                                     | T-1
      transactions.type                  | transaction/transaction-type/@code                   | 2
      transactions.date                  | transaction/transaction-date/@iso-date               | 2023-05-06
      transactions.value                 | transaction/value                                    | 1000.50
      transactions.currency              | transaction/value/@currency                          | GBP
      transactions.value-date            | transaction/value/@value-date                        | 2023-05-01
      transactions.description           | transaction/description/narrative                    | First commitment
      transactions.provider-ref          | transaction/provider-org/@ref                        | XM-DAC-7
      transactions.provider-type         | transaction/provider-org/@type                       | 10
      transactions.provider-name         | transaction/provider-org/narrative                   | Netherlands MFA
      transactions.provider-activity     | transaction/provider-org/@provider-activity-id       | XM-DAC-41302-P-2
      transactions.receiver-ref          | transaction/receiver-org/@ref                        | XM-DAC-41302
      transactions.receiver-type         | transaction/receiver-org/@type                       | 40
      transactions.receiver-name         | transaction/receiver-org/narrative                   | ILO
      transactions.receiver-activity     | transaction/receiver-org/@receiver-activity-id       | XM-DAC-41302-P-2
      transactions.flow-type             | transaction/flow-type/@code                          | 21
      transactions.finance-type          | transaction/finance-type/@code                       | 210
      transactions.aid-type              | transaction/aid-type/@code                           | D02
      transactions.tied-status           | transaction/tied-status/@code                        | 3
      budgets.project                    | count(budget)                                        | 1
      budgets.type                       | budget/@type                                         | 2
      budgets.status                     | budget/@status                                       | 2
      budgets.start                      | budget/period-start/@iso-date                        | 2024-01-01
      budgets.end                        | budget/period-end/@iso-date                          | 2024-12-31
      budgets.value                      | budget/value                                         | 5000
      budgets.currency                   | budget/value/@currency                               | CHF
      budgets.value-date                 | budget/value/@value-date                             | 2024-01-02
      deliverables.project               | count(result)                                        | 1
      deliverables.deliverable           | count(result/indicator/period)                       | 2
      deliverables.result-type           | result/@type                                         | 2
      deliverables.result                | result/title/narrative                               | Result one
      deliverables.result-description    | result/description/narrative                         | What the result is
      deliverables.indicator             | result/indicator/title/narrative                     | Indicator one
      deliverables.measure               | result/indicator/@measure                            | 2
      deliverables.ascending             | result/indicator/@ascending                          | false
      deliverables.baseline-year         | result/indicator/baseline/@year                      | 2021
      deliverables.baseline-value        | result/indicator/baseline/@value                     | 7
      deliverables.timeline              | result/indicator/period[2]/period-start/@iso-date    | 2023-01-01
      deliverables.period-start          | result/indicator/period[1]/period-start/@iso-date    | 2022-01-01
      deliverables.period-end            | result/indicator/period[1]/period-end/@iso-date      | 2022-12-31
      deliverables.target                | result/indicator/period[1]/target/@value             | 70
      deliverables.actual                | result/indicator/period[1]/actual/@value             | 71
      """;

  /** The rows: each column is named after the field it feeds. */
  private static final Map<String, String> FILES = files(
      "projects", """
          id,title,description,objectives,target-groups,parent,status,scope,planned-start,actual-start,planned-end,actual-end,currency,flow-type,finance-type,aid-type,tied-status,collaboration-type
          P-1,Title one,Description one,Objectives one,Target groups one,,3,4,2022-01-03,2022-02-04,2024-12-29,2024-11-30,EUR,10,110,C01,5,2
          P-2,Title two,Description two,,,P-1,2,4,2023-01-01,,,,,,,,,
          """,
      "participants", """
          project,role,ref,type,name,crs-channel,activity-id
          P-1,1,XM-DAC-7,10,Netherlands,11000,XM-DAC-41302-P-2
          P-2,4,XM-DAC-41302,40,,,
          """,
      "sectors", """
          project,sector,percentage
          P-1,16020,100
          P-2,16010,100
          """,
      "countries", """
          project,country,region,percentage
          P-1,ET,,60
          P-1,,298,40
          P-2,KH,,100
          """,
      "policy-markers", """
          project,marker,significance
          P-1,1,2
          """,
      "locations", """
          project,name,description,latitude,longitude
          P-1,Addis Ababa,The country office,9.03,38.74
          """,
      "documents", """
          project,url,format,title,category,language,date
          P-1,https://example.org/report.pdf,application/pdf,Annual report,A01,fr,2024-03-31
          """,
      "transactions", """
          project,ref,type,date,value,currency,value-date,description,provider-ref,provider-type,provider-name,provider-activity,receiver-ref,receiver-type,receiver-name,receiver-activity,flow-type,finance-type,aid-type,tied-status
          P-1,T-1,2,2023-05-06,1000.50,GBP,2023-05-01,First commitment,XM-DAC-7,10,Netherlands MFA,XM-DAC-41302-P-2,XM-DAC-41302,40,ILO,XM-DAC-41302-P-2,21,210,D02,3
          """,
      "budgets", """
          project,type,status,start,end,value,currency,value-date
          P-1,2,2,2024-01-01,2024-12-31,5000,CHF,2024-01-02
          """,
      "deliverables", """
          project,deliverable,result-type,result,result-description,indicator,measure,ascending,baseline-year,baseline-value,timeline,period-start,period-end,target,actual
          P-1,D-1,2,Result one,What the result is,Indicator one,2,false,2021,7,,2022-01-01,2022-12-31,70,71
          P-1,D-1,,,,,,,,,2023–2024,,,80,
          """);

  @TempDir Path input;
  @TempDir Path output;
  PublishRun run;
  Document published;

  /**
   * Before each test rather than once for all: PIT credits a test only with what runs inside it,
   * so a publish done once in {@code @BeforeAll} would kill no mutant (docs/mutation-testing.md).
   */
  @BeforeEach
  void publishEveryField() throws Exception {
    StringBuilder mapping = new StringBuilder("""
        publisher: test
        identifier-prefix: XM-DAC-41302-
        reporting-org: {ref: XM-DAC-41302, type: "40", name: International Labour Organization}
        defaults: {currency: USD, language: en}
        files:
        """);
    for (Map.Entry<String, List<String>> file : specified().entrySet()) {
      mapping.append("  ").append(file.getKey()).append(":\n    columns:\n");
      file.getValue().forEach(field -> mapping.append("      ").append(field).append(": ").append(field).append('\n'));
    }
    PublishRun.file(input, "mapping.yaml", mapping.toString());
    for (Map.Entry<String, String> file : FILES.entrySet()) {
      PublishRun.file(input, file.getKey() + ".csv", file.getValue());
    }
    run = PublishRun.of(input, output);
    published = run.document("test-" + input.getFileName() + ".xml");
  }

  @Test
  void theCatalogueHasExactlyTheFieldsSpecifiedHere() {
    List<String> catalogue = Arrays.stream(OwnField.values()).map(f -> f.table().key() + "." + f.key()).toList();
    List<String> specified = new ArrayList<>();
    specified().forEach((file, fields) -> fields.forEach(field -> specified.add(file + "." + field)));

    assertEquals(new TreeSet<>(specified), new TreeSet<>(catalogue));
  }

  @Test
  void everyFieldPublishesWithoutAFinding() {
    assertEquals("", run.printed());
    assertEquals(2, run.report().sets().get(0).published());
  }

  @Test
  void everyFieldsValueReachesTheXmlWhereTheSpecificationSays() throws Exception {
    XPath xpath = XPathFactory.newInstance().newXPath();
    Node first = (Node) xpath.evaluate("/iati-activities/iati-activity[1]", published, XPathConstants.NODE);
    Map<String, String> expected = new LinkedHashMap<>();
    Map<String, String> actual = new LinkedHashMap<>();
    for (String[] line : lines()) {
      expected.put(line[0], line[2]);
      actual.put(line[0], xpath.evaluate(line[1], first));
    }
    assertEquals(expected, actual);
  }

  @Test
  void everyFieldsValueIsWhereItsCatalogueEntrySays() throws Exception {
    XPath xpath = XPathFactory.newInstance().newXPath();
    Map<String, String> expected = new LinkedHashMap<>();
    Map<String, String> found = new LinkedHashMap<>();
    for (String[] line : lines()) {
      OwnField field = field(line[0]);
      NodeList nodes = (NodeList) xpath.evaluate("/iati-activities/iati-activity/" + field.target(), published,
          XPathConstants.NODESET);
      List<String> values = new ArrayList<>();
      for (int i = 0; i < nodes.getLength(); i++) {
        // Latitude and longitude share one element: each is one of its words.
        String value = nodes.item(i).getTextContent().strip();
        values.add(value);
        values.addAll(List.of(value.split(" ")));
      }
      // A count in the specification is about the elements a link or group field makes.
      boolean counted = line[1].startsWith("count(");
      expected.put(line[0], counted ? "present" : line[2]);
      found.put(line[0], counted ? (values.isEmpty() ? "absent" : "present") : values.contains(line[2]) ? line[2] : values.toString());
    }
    assertEquals(expected, found);
  }

  private static OwnField field(String fileDotField) {
    String[] parts = fileDotField.split("\\.", 2);
    return OwnTable.byKey(parts[0]).flatMap(t -> t.field(parts[1]))
        .orElseThrow(() -> new AssertionError(fileDotField + " is not in the catalogue"));
  }

  private static List<String[]> lines() {
    return FIELDS.lines().filter(l -> !l.isBlank()).map(l -> Arrays.stream(l.split("\\|")).map(String::strip)
        .toArray(String[]::new)).toList();
  }

  /** The fields specified here, by file, in order. */
  private static Map<String, List<String>> specified() {
    return lines().stream().map(l -> l[0].split("\\.", 2)).collect(Collectors.groupingBy(p -> p[0], LinkedHashMap::new,
        Collectors.mapping(p -> p[1], Collectors.toList())));
  }

  private static Map<String, String> files(String... namesAndTexts) {
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < namesAndTexts.length; i += 2) {
      files.put(namesAndTexts[i], namesAndTexts[i + 1]);
    }
    return files;
  }
}
