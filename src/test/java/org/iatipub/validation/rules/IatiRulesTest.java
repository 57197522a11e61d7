package org.iatipub.validation.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.iatipub.finding.Severity;
import org.iatipub.validation.CheckSuite;
import org.iatipub.validation.FileValidator;
import org.iatipub.validation.SchemaSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IATI rules as specifications: given this activity, this finding (or none). */
class IatiRulesTest {
  @TempDir Path dir;

  /** "Today" for every test: 1 June 2024. */
  private static final Clock TODAY = Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);

  /** An activity that breaks no rule; each test changes one thing. */
  private static final String CLEAN = """
      <iati-activities version="2.03">
        <iati-activity xml:lang="en" default-currency="USD" last-updated-datetime="2024-05-01T00:00:00Z">
          <iati-identifier>XM-DAC-41302-1</iati-identifier>
          <reporting-org ref="XM-DAC-41302" type="40"><narrative>ILO</narrative></reporting-org>
          <title><narrative>Decent work</narrative></title>
          <description><narrative>Text</narrative></description>
          <participating-org role="1" ref="XM-DAC-41302"/>
          <activity-status code="2"/>
          <activity-date type="1" iso-date="2021-01-01"/>
          <activity-date type="3" iso-date="2023-12-31"/>
          <recipient-country code="KE"/>
          <sector code="11110"/>
          <transaction>
            <transaction-type code="3"/>
            <transaction-date iso-date="2022-03-01"/>
            <value value-date="2022-03-01">1000</value>
          </transaction>
        </iati-activity>
      </iati-activities>
      """;

  private List<Finding> check(String xml) throws IOException {
    Path file = dir.resolve("a.xml");
    Files.writeString(file, xml, StandardCharsets.UTF_8);
    IatiRules rules = new IatiRules(new AgencyPrefixes(Set.of("XM-DAC", "GB-COH")), TODAY);
    List<Finding> findings = new ArrayList<>();
    new FileValidator(SchemaSet.bundled(), new CheckSuite(rules.checks())).validate(file, "a.xml", findings::add);
    return findings.stream().filter(f -> !f.rule().equals("0.3.1")).toList();
  }

  private List<String> rules(String xml) throws IOException {
    return check(xml).stream().map(Finding::rule).toList();
  }

  @Test
  void aCleanActivityBreaksNoRule() throws IOException {
    assertEquals(List.of(), check(CLEAN));
  }

  @Test
  void sectorPercentagesWithinAVocabularyMustAddUpTo100() throws IOException {
    String xml = CLEAN.replace("<sector code=\"11110\"/>",
        "<sector code=\"11110\" percentage=\"60\"/><sector code=\"11220\" percentage=\"30\"/><sector vocabulary=\"2\" code=\"111\"/>");
    List<Finding> found = check(xml);
    assertEquals(List.of("2.1.2"), found.stream().map(Finding::rule).toList());
    assertTrue(found.get(0).message().contains("add up to 90"), found.get(0).message());
    assertEquals(Severity.ERROR, found.get(0).severity());
  }

  @Test
  void sharesRoundedToTwoDecimalsStillCountAs100() throws IOException {
    String xml = CLEAN.replace("<sector code=\"11110\"/>",
        "<sector code=\"11110\" percentage=\"33.33\"/><sector code=\"11220\" percentage=\"33.33\"/><sector code=\"11230\" percentage=\"33.33\"/>");
    assertEquals(List.of(), rules(xml));
  }

  @Test
  void countriesAndTheRegionsOfEachVocabularyShareOne100() throws IOException {
    String xml = CLEAN.replace("<recipient-country code=\"KE\"/>",
        "<recipient-country code=\"KE\" percentage=\"50\"/><recipient-region code=\"289\" vocabulary=\"1\" percentage=\"50\"/>"
            + "<recipient-region code=\"A1\" vocabulary=\"99\" percentage=\"60\"/>");
    assertEquals(List.of("3.4.2"), rules(xml), "vocabulary 1 adds up, vocabulary 99 gives 110");
  }

  @Test
  void aSectorOnATransactionAsWellAsOnTheActivityIsAnError() throws IOException {
    String xml = CLEAN.replace("<transaction-date", "<sector code=\"11110\"/><transaction-date");
    assertEquals(List.of("6.6.2"), rules(xml));
  }

  @Test
  void withoutActivitySectorsEveryTransactionNeedsOne() throws IOException {
    String xml = CLEAN.replace("<sector code=\"11110\"/>", "")
        .replace("</transaction>", "</transaction><transaction><transaction-type code=\"3\"/><sector code=\"11110\"/>"
            + "<transaction-date iso-date=\"2022-04-01\"/><value value-date=\"2022-04-01\">5</value></transaction>");
    List<Finding> found = check(xml);
    assertEquals(List.of("6.7.2"), found.stream().map(Finding::rule).toList());
    assertEquals(13, ((Location.XmlPosition) found.get(0).location()).line(), "points at the first transaction");
  }

  @Test
  void anActualStartInTheFutureAndAPlannedEndBeforeThePlannedStartAreErrors() throws IOException {
    String xml = CLEAN.replace("<activity-date type=\"3\" iso-date=\"2023-12-31\"/>",
        "<activity-date type=\"3\" iso-date=\"2020-12-31\"/><activity-date type=\"2\" iso-date=\"2024-06-02\"/>");
    assertEquals(List.of("11.1.2", "11.1.4"), rules(xml));
  }

  @Test
  void todayIsNotInTheFuture() throws IOException {
    String xml = CLEAN.replace("<activity-date type=\"3\" iso-date=\"2023-12-31\"/>", "<activity-date type=\"2\" iso-date=\"2024-06-01\"/>");
    assertEquals(List.of(), rules(xml));
  }

  @Test
  void twoActivitiesWithOneIdentifierBreakUniquenessAtTheSecond() throws IOException {
    String activity = CLEAN.substring(CLEAN.indexOf("  <iati-activity "), CLEAN.indexOf("</iati-activities>"));
    String xml = CLEAN.replace("</iati-activities>", activity + "</iati-activities>");
    List<Finding> found = check(xml);
    assertEquals(List.of("1.1.2"), found.stream().map(Finding::rule).toList());
    assertTrue(found.get(0).message().contains("line 3"), "names the first use: " + found.get(0).message());
  }

  @Test
  void anIdentifierThatIsOnlyThePublishersIsAnError() throws IOException {
    assertEquals(List.of("1.1.3", "1.1.21"), rules(CLEAN.replace("XM-DAC-41302-1", "XM-DAC-41302")));
  }

  @Test
  void anIdentifierOfAnotherPublisherIsAWarning() throws IOException {
    List<Finding> found = check(CLEAN.replace("XM-DAC-41302-1", "GB-COH-123-1"));
    assertEquals(List.of("1.1.21"), found.stream().map(Finding::rule).toList());
    assertTrue(found.stream().allMatch(f -> f.severity() == Severity.WARNING));
  }

  @Test
  void anUnregisteredAgencyPrefixIsAWarning() throws IOException {
    assertEquals(List.of("1.14.8"), rules(CLEAN.replace("XM-DAC-41302", "ZZ-NOPE-41302")),
        "the reporting organisation's identifier, not the activity's (1.3.8, which the official validator does not run)");
  }

  @Test
  void spacesOrLineBreaksAroundTheActivityIdentifierAreAWarning() throws IOException {
    List<Finding> found = check(CLEAN.replace("<iati-identifier>XM-DAC-41302-1<", "<iati-identifier> XM-DAC-41302-1\n    <"));
    assertEquals(List.of("1.3.1"), found.stream().map(Finding::rule).toList());
    assertEquals(Severity.WARNING, found.get(0).severity());
    assertEquals("the activity identifier ' XM-DAC-41302-1\\n    ' starts or ends with spaces or line breaks;"
        + " remove them, since identifiers are matched exactly", found.get(0).message(), "line breaks spelled out, one line");
  }

  @Test
  void spacesInsideTheActivityIdentifierAreNotTheNoSpacesRulesBusiness() throws IOException {
    assertEquals(List.of(), rules(CLEAN.replace("XM-DAC-41302-1", "XM-DAC-41302-1 2")));
  }

  @Test
  void spacesAroundTheOrganisationIdentifierAreAWarning() throws IOException {
    String organisation = """
        <iati-organisations version="2.03">
          <iati-organisation default-currency="USD" last-updated-datetime="2024-05-01T00:00:00Z">
            <organisation-identifier>XM-DAC-41302\t</organisation-identifier>
            <name><narrative xml:lang="en">ILO</narrative></name>
            <reporting-org ref="XM-DAC-41302" type="40"><narrative xml:lang="en">ILO</narrative></reporting-org>
          </iati-organisation>
        </iati-organisations>
        """;
    assertEquals(List.of("1.12.1"), rules(organisation));
    assertEquals(List.of(), rules(organisation.replace("XM-DAC-41302\t<", "XM-DAC-41302<")));
  }

  @Test
  void anAmountNeedsACurrencyOfItsOwnOrTheActivitysDefault() throws IOException {
    assertEquals(List.of("7.8.1"), rules(CLEAN.replace(" default-currency=\"USD\"", "")));
    assertEquals(List.of(), rules(CLEAN.replace(" default-currency=\"USD\"", "").replace("<value ", "<value currency=\"EUR\" ")));
  }

  @Test
  void narrativesNeedALanguageWhenTheActivityHasNone() throws IOException {
    assertEquals(List.of("4.1.1"), rules(CLEAN.replace(" xml:lang=\"en\"", "")));
  }

  @Test
  void aQuantitativeIndicatorNeedsNumbersAndAQualitativeOneNone() throws IOException {
    String result = """
        <result type="1"><title><narrative>R</narrative></title>
          <indicator measure="1"><title><narrative>I</narrative></title>
            <baseline year="2020" value="ten"/>
            <period><period-start iso-date="2021-01-01"/><period-end iso-date="2021-12-31"/><target/><actual value="3"/></period>
          </indicator>
          <indicator measure="5"><title><narrative>Q</narrative></title><baseline year="2020" value="1"/></indicator>
        </result>
        """;
    assertEquals(List.of("8.8.2", "8.9.1", "8.8.3"), rules(CLEAN.replace("</iati-activity>", result + "</iati-activity>")));
  }

  @Test
  void aBudgetLongerThanAYearIsAnError() throws IOException {
    String budget = "<budget type=\"1\" status=\"1\"><period-start iso-date=\"2021-01-01\"/><period-end iso-date=\"2022-01-02\"/>"
        + "<value value-date=\"2021-01-01\">10</value></budget>";
    assertEquals(List.of("7.5.3"), rules(CLEAN.replace("<transaction>", budget + "<transaction>")));
  }

  @Test
  void aVersion1FileIsRejected() throws IOException {
    assertEquals(List.of("0.6.1"), rules(CLEAN.replace("version=\"2.03\"", "version=\"1.05\"")), "and nothing else is checked");
  }
}
