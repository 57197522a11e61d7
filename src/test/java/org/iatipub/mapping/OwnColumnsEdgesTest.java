package org.iatipub.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.iatipub.finding.Finding;
import org.iatipub.publish.OwnForm;
import org.iatipub.publish.PublishRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The own-columns mapping at the edges of its rules: a check is made exactly when its condition
 * holds (shares of more than one row, a span of years that runs backwards, half a point), and a
 * row left incomplete is reported at its cell. Given these rows, these findings (every one of the
 * run, as {@code publish} prints them) and this XML.
 */
class OwnColumnsEdgesTest {
  @TempDir Path input;
  @TempDir Path output;

  /** Publishes the fixture of {@link OwnForm}, its mapping with {@code additions} (if any), and {@code files}. */
  private PublishRun publish(String additions, String... files) throws Exception {
    OwnForm.write(input, files);
    if (!additions.isEmpty()) {
      PublishRun.file(input, "mapping.yaml", OwnForm.mapping(additions));
    }
    return PublishRun.of(input, output);
  }

  /** Every finding of the run as printed, files named from the input folder, the folders as "input" and "output". */
  private List<String> findings(PublishRun run) {
    return run.findings().stream().map(Finding::toString)
        .map(f -> f.replace(input + "/", "").replace(input.toString(), "input").replace(output.toString(), "output")).toList();
  }

  private String file() {
    return "ilo-" + input.getFileName() + ".xml";
  }

  private static String ethiopia(String path) {
    return "//iati-activity[iati-identifier='XM-DAC-41302-ET-22-01-NLD']/" + path;
  }

  @Test
  void countryAndRegionSharesOfMoreThanOneRowMustAddUpToAHundred() throws Exception {
    PublishRun run = publish("", "countries.csv", """
        code,country,share
        ET-22-01-NLD,ET,60
        ET-22-01-NLD,KE,30
        KH-23-02-SWE,KH,100
        """);

    assertEquals(List.of(
        "countries.csv:2:share: error: the recipient country and region percentages of this project add up to 90, not 100 [mapping/percentages]",
        "projects.csv:2: error: activity 'XM-DAC-41302-ET-22-01-NLD' is withheld because of the errors above; its 6 rows (this one and the rows linked to it) are not published [publish/withheld]"), findings(run));
  }

  @Test
  void aCountryRowWithoutAShareLeavesTheSumToTheIatiRules() throws Exception {
    PublishRun run = publish("", "countries.csv", """
        code,country,share
        ET-22-01-NLD,ET,60
        ET-22-01-NLD,KE,
        KH-23-02-SWE,KH,100
        """);

    assertEquals(List.of(
        "countries.csv:3:country: error: activity 'XM-DAC-41302-ET-22-01-NLD': the activity has 2 recipient countries but this <recipient-country> has no percentage; give each one its share [3.1.1]",
        "countries.csv:2:country: error: activity 'XM-DAC-41302-ET-22-01-NLD': the percentages of the recipient countries add up to 60, not 100; adjust them so they do [3.1.2]",
        "projects.csv:2: error: activity 'XM-DAC-41302-ET-22-01-NLD' is withheld because of the errors above; its 6 rows (this one and the rows linked to it) are not published [publish/withheld]"), findings(run));
  }

  @Test
  void aSingleCountrysShareIsLeftToIatiRule314NotSummed() throws Exception {
    PublishRun run = publish("", "countries.csv", """
        code,country,share
        ET-22-01-NLD,ET,50
        KH-23-02-SWE,KH,100
        """);

    assertEquals(List.of(
        "countries.csv:2:country: error: activity 'XM-DAC-41302-ET-22-01-NLD': this <recipient-country> is the only one of the activity's recipient countries but has percentage 50; set it to 100 or leave the percentage out [3.1.4]",
        "projects.csv:2: error: activity 'XM-DAC-41302-ET-22-01-NLD' is withheld because of the errors above; its 5 rows (this one and the rows linked to it) are not published [publish/withheld]"), findings(run));
  }

  @Test
  void aCountryRowNamingNeitherACountryNorARegionIsAFinding() throws Exception {
    PublishRun run = publish("", "countries.csv", """
        code,country,share
        ET-22-01-NLD,ET,100
        ET-22-01-NLD,,
        KH-23-02-SWE,KH,100
        """);

    assertEquals(List.of(
        "countries.csv:3:country: error: the row names neither a country nor a region [mapping/missing-value]",
        "projects.csv:2: error: activity 'XM-DAC-41302-ET-22-01-NLD' is withheld because of the errors above; its 6 rows (this one and the rows linked to it) are not published [publish/withheld]"), findings(run));
  }

  @Test
  void aCountriesPathGoesIntoTheRecipientCountryItsRowMakes() throws Exception {
    PublishRun run = publish("""
        files:
          countries:
            paths:
              narrative: {en: country_name}
        """, "countries.csv", """
        code,country,share,country_name
        ET-22-01-NLD,ET,100,Ethiopia
        KH-23-02-SWE,KH,100,
        """);

    assertEquals(List.of(), findings(run));
    run.assertXml(file(), ethiopia("recipient-country"), """
        <recipient-country code="ET" percentage="100"><narrative>Ethiopia</narrative></recipient-country>
        """);
  }

  @Test
  void aSingleSectorsShareIsLeftToIatiRule214NotSummed() throws Exception {
    PublishRun run = publish("", "sectors.csv", """
        code,theme,share
        ET-22-01-NLD,EMP-YOUTH,50
        KH-23-02-SWE,SOCPRO,100
        """);

    assertEquals(List.of(
        "sectors.csv:2:theme: error: activity 'XM-DAC-41302-ET-22-01-NLD': this <sector> is the only one of the activity's sectors in vocabulary 1 but has percentage 50; set it to 100 or leave the percentage out [2.1.4]",
        "projects.csv:2: error: activity 'XM-DAC-41302-ET-22-01-NLD' is withheld because of the errors above; its 5 rows (this one and the rows linked to it) are not published [publish/withheld]"), findings(run));
  }

  @Test
  void aPolicyMarkerRowWithoutItsMarkerIsAFinding() throws Exception {
    PublishRun run = publish("", "policy-markers.csv", """
        code,marker,significance
        KH-23-02-SWE,GENDER,PRINCIPAL
        KH-23-02-SWE,,SIGNIFICANT
        """);

    assertEquals(List.of(
        "policy-markers.csv:3:marker: error: 'marker' is required here but the cell is empty [mapping/missing-value]",
        "projects.csv:3: error: activity 'XM-DAC-41302-KH-23-02-SWE' is withheld because of the errors above; its 7 rows (this one and the rows linked to it) are not published [publish/withheld]"), findings(run));
  }

  private static final String LOCATIONS = """
      files:
        locations:
          columns:
            project: code
            name: {en: place}
            latitude: lat
            longitude: lon
      """;

  @Test
  void aLocationWithALatitudeAndNoLongitudeIsAFindingAtTheEmptyCell() throws Exception {
    PublishRun run = publish(LOCATIONS, "locations.csv", """
        code,place,lat,lon
        ET-22-01-NLD,Addis Ababa,9.03,
        ET-22-01-NLD,Hawassa,,38.48
        ET-22-01-NLD,Bahir Dar,11.59,37.39
        """);

    assertEquals(List.of(
        "locations.csv:2:lon: error: a location needs both latitude and longitude, or neither [mapping/missing-value]",
        "locations.csv:3:lat: error: a location needs both latitude and longitude, or neither [mapping/missing-value]",
        "projects.csv:2: error: activity 'XM-DAC-41302-ET-22-01-NLD' is withheld because of the errors above; its 8 rows (this one and the rows linked to it) are not published [publish/withheld]"), findings(run));
  }

  @Test
  void aDocumentWithoutATitleIsAFinding() throws Exception {
    PublishRun run = publish("""
        files:
          documents:
            columns:
              project: code
              url: link
              format: mime
              title: {en: name}
              category: kind
        """, "documents.csv", """
        code,link,mime,name,kind
        ET-22-01-NLD,https://example.org/a.pdf,application/pdf,,A01
        """);

    assertEquals(List.of(
        "documents.csv:2: error: a document needs a title [mapping/missing-value]",
        "projects.csv:2: error: activity 'XM-DAC-41302-ET-22-01-NLD' is withheld because of the errors above; its 6 rows (this one and the rows linked to it) are not published [publish/withheld]"), findings(run));
  }

  private static final String DELIVERABLES =
      "code,output_id,output_en,output_zh,indicator_en,baseline_year,baseline,timeline,target,actual\n";

  @Test
  void aTimelineThatEndsBeforeItStartsIsAFinding() throws Exception {
    PublishRun run = publish("", "deliverables.csv", DELIVERABLES + """
        ET-22-01-NLD,O1,Young people placed,,,,,2024–2022,1500,
        """);

    assertEquals(List.of(
        "deliverables.csv:2:timeline: error: the timeline '2024–2022' ends before it starts [mapping/timeline-order]",
        "projects.csv:2: error: activity 'XM-DAC-41302-ET-22-01-NLD' is withheld because of the errors above; its 6 rows (this one and the rows linked to it) are not published [publish/withheld]"), findings(run));
  }

  @Test
  void aTimelineOfOneYearIsThatYear() throws Exception {
    PublishRun run = publish("", "deliverables.csv", DELIVERABLES + """
        ET-22-01-NLD,O1,Young people placed,,,,,2023-2023,1500,
        """);

    assertEquals(List.of(), findings(run));
    run.assertXml(file(), ethiopia("result/indicator/period"), """
        <period>
          <period-start iso-date="2023-01-01"/>
          <period-end iso-date="2023-12-31"/>
          <target value="1500"/>
        </period>
        """);
  }

  @Test
  void aTargetWithoutAPeriodIsAFindingAndARowWithNeitherIsNone() throws Exception {
    PublishRun run = publish("", "deliverables.csv", DELIVERABLES + """
        ET-22-01-NLD,O1,Young people placed,,,,,2023,1500,
        ET-22-01-NLD,O1,,,,,,,1800,
        ET-22-01-NLD,O1,,,,,,,,
        """);

    assertEquals(List.of(
        "deliverables.csv:3:timeline: error: a target or actual value needs its period: a timeline, or a period start and end [mapping/missing-value]",
        "projects.csv:2: error: activity 'XM-DAC-41302-ET-22-01-NLD' is withheld because of the errors above; its 8 rows (this one and the rows linked to it) are not published [publish/withheld]"), findings(run));
  }

  @Test
  void aProjectWithoutATitleIsAFinding() throws Exception {
    PublishRun run = publish("", "projects.csv", OwnForm.PROJECTS.replace(
        "Decent jobs for young women and men in Ethiopia,埃塞俄比亚青年男女体面就业", ","));

    assertEquals(List.of(
        "projects.csv:2: error: the project has no title in any language; IATI requires one [mapping/missing-value]",
        "projects.csv:2: error: activity 'XM-DAC-41302-ET-22-01-NLD' is withheld because of the errors above; its 5 rows (this one and the rows linked to it) are not published [publish/withheld]"), findings(run));
  }

  @Test
  void aParentProjectOutsideTheFileIsAWarningAndStillLinked() throws Exception {
    PublishRun run = publish("", "projects.csv", OwnForm.PROJECTS.replace("KH-23-02-SWE,,", "KH-23-02-SWE,KH-20-01-ILO,"));

    assertEquals(List.of(
        "projects.csv:3:programme: warning: the parent project 'KH-20-01-ILO' is not in this file; the link points to XM-DAC-41302-KH-20-01-ILO, which must be published elsewhere [mapping/parent-elsewhere]",
        "input: info: the related activity 'XM-DAC-41302-KH-20-01-ILO' is not an activity in this file; iatipub cannot"
            + " search the IATI Datastore, so check that it is published (and spelled exactly) [1000.0.6]"), findings(run));
    run.assertXml(file(), "//iati-activity[iati-identifier='XM-DAC-41302-KH-23-02-SWE']/related-activity",
        "<related-activity ref=\"XM-DAC-41302-KH-20-01-ILO\" type=\"1\"/>");
  }

  @Test
  void aTransactionCurrencyThatIsNoIsoCodeIsAFinding() throws Exception {
    PublishRun run = publish("", "transactions.csv", """
        code,reference,kind,date,amount,currency,from_id,from_name,to_id,to_name
        ET-22-01-NLD,ET-FA,AGREEMENT,2021-11-15,2400000.00,usd,,,,
        """);

    assertEquals(List.of(
        "transactions.csv:2:currency: error: 'usd' is not a currency code; write the three capital letters of ISO 4217, e.g. EUR [mapping/bad-currency]",
        "projects.csv:2: error: activity 'XM-DAC-41302-ET-22-01-NLD' is withheld because of the errors above; its 6 rows (this one and the rows linked to it) are not published [publish/withheld]"), findings(run));
  }

  @Test
  void aDeliverableWithoutATitleIsAFinding() throws Exception {
    PublishRun run = publish("", "deliverables.csv", DELIVERABLES + """
        ET-22-01-NLD,O1,,,Young people placed,,,2023,1500,
        """);

    assertEquals(List.of(
        "deliverables.csv:2: error: a deliverable needs a title [mapping/missing-value]",
        "projects.csv:2: error: activity 'XM-DAC-41302-ET-22-01-NLD' is withheld because of the errors above; its 6 rows (this one and the rows linked to it) are not published [publish/withheld]"), findings(run));
  }

  @Test
  void aBaselineValueWithoutItsYearIsAFinding() throws Exception {
    PublishRun run = publish("", "deliverables.csv", DELIVERABLES + """
        ET-22-01-NLD,O1,Young people placed,,,,40,2023,1500,
        """);

    assertEquals(List.of(
        "deliverables.csv:2:baseline_year: error: a baseline value needs its year [mapping/missing-value]",
        "projects.csv:2: error: activity 'XM-DAC-41302-ET-22-01-NLD' is withheld because of the errors above; its 6 rows (this one and the rows linked to it) are not published [publish/withheld]"), findings(run));
  }

  @Test
  void aFileNestedInTheProjectsGoesIntoTheActivityOfTheProjectItsRowNames() throws Exception {
    PublishRun run = publish("""
        files:
          projects:
            key: code
          websites:
            element: contact-info
            within: {file: projects, column: project}
            columns:
              project: project
            paths:
              website: url
        """, "websites.csv", """
        project,url
        KH-23-02-SWE,https://example.org/cambodia
        """);

    assertEquals(List.of(), findings(run));
    run.assertXml(file(), "//iati-activity[iati-identifier='XM-DAC-41302-KH-23-02-SWE']/contact-info",
        "<contact-info><website>https://example.org/cambodia</website></contact-info>");
  }

  @Test
  void aFileOfPathsNestsInAnotherFileOfPathsByItsKey() throws Exception {
    PublishRun run = publish("""
        files:
          reports:
            element: document-link
            key: report
            columns:
              project: code
            paths:
              "@url": link
              "@format": mime
              title/narrative: name
          report-categories:
            element: category
            within: {file: reports, column: report}
            columns:
              project: code
            paths:
              "@code": category
        """, "reports.csv", """
        code,report,link,mime,name
        ET-22-01-NLD,R1,https://example.org/r1.pdf,application/pdf,First report
        ET-22-01-NLD,R2,https://example.org/r2.pdf,application/pdf,Second report
        """, "report-categories.csv", """
        code,report,category
        ET-22-01-NLD,R2,A01
        ET-22-01-NLD,R1,A02
        ET-22-01-NLD,R2,A07
        """);

    assertEquals(List.of(), findings(run));
    run.assertXml(file(), ethiopia("document-link"), """
        <document-link url="https://example.org/r1.pdf" format="application/pdf">
          <title><narrative>First report</narrative></title>
          <category code="A02"/>
        </document-link>
        <document-link url="https://example.org/r2.pdf" format="application/pdf">
          <title><narrative>Second report</narrative></title>
          <category code="A01"/>
          <category code="A07"/>
        </document-link>
        """);
  }

  @Test
  void aShareIsFromZeroToAHundredBothIncluded() throws Exception {
    PublishRun run = publish("", "sectors.csv", """
        code,theme,share
        ET-22-01-NLD,EMP-YOUTH,100
        ET-22-01-NLD,SKILLS,0
        KH-23-02-SWE,SOCPRO,100.5
        """);

    assertEquals(List.of(
        "sectors.csv:4:share: error: '100.5' is not a percentage from 0 to 100 [mapping/bad-percentage]",
        "projects.csv:3: error: activity 'XM-DAC-41302-KH-23-02-SWE' is withheld because of the errors above; its 5 rows (this one and the rows linked to it) are not published [publish/withheld]"), findings(run));
  }

  @Test
  void aBaselineYearIsFourDigits() throws Exception {
    PublishRun run = publish("", "deliverables.csv", DELIVERABLES + """
        ET-22-01-NLD,O1,Young people placed,,,21,40,2023,1500,
        """);

    assertEquals(List.of(
        "deliverables.csv:2:baseline_year: error: '21' is not a year; write four digits, e.g. 2021 [mapping/bad-year]",
        "deliverables.csv:2:baseline_year: error: a baseline value needs its year [mapping/missing-value]",
        "projects.csv:2: error: activity 'XM-DAC-41302-ET-22-01-NLD' is withheld because of the errors above; its 6 rows (this one and the rows linked to it) are not published [publish/withheld]"), findings(run));
  }

  @Test
  void aSectorRowWithoutItsSectorIsAFinding() throws Exception {
    PublishRun run = publish("", "sectors.csv", """
        code,theme,share
        ET-22-01-NLD,EMP-YOUTH,100
        ET-22-01-NLD,,
        KH-23-02-SWE,SOCPRO,100
        """);

    assertEquals(List.of(
        "sectors.csv:3:theme: error: 'sector' is required here but the cell is empty [mapping/missing-value]",
        "projects.csv:2: error: activity 'XM-DAC-41302-ET-22-01-NLD' is withheld because of the errors above; its 6 rows (this one and the rows linked to it) are not published [publish/withheld]"), findings(run));
  }

  @Test
  void aFileWhoseElementIsAPathPutsEachRowUnderTheActivitysOneParent() throws Exception {
    PublishRun run = publish("""
        defaults:
          conditions/@attached: "1"
        files:
          conditions:
            element: conditions/condition
            columns:
              project: code
            paths:
              "@type": kind
              narrative: text
        """, "conditions.csv", """
        code,kind,text
        ET-22-01-NLD,1,Reports every quarter
        ET-22-01-NLD,2,Match funding by the ministry
        """);

    assertEquals(List.of(), findings(run));
    run.assertXml(file(), ethiopia("conditions"), """
        <conditions attached="1">
          <condition type="1"><narrative>Reports every quarter</narrative></condition>
          <condition type="2"><narrative>Match funding by the ministry</narrative></condition>
        </conditions>
        """);
  }
}
