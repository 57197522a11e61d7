package org.iatipub.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given an activity or organisation file, the codelist findings iatipub reports: vocabulary-aware,
 * as the standard's mapping says, against the bundled snapshot.
 */
class CodelistCheckTest {
  @TempDir Path dir;

  /** A finding reduced to what these specifications state: line, severity, rule. */
  record Seen(long line, String severity, String rule) {}

  private static String activity(String... elements) {
    return "<iati-activities version=\"2.03\">\n<iati-activity>\n" + String.join("\n", elements) + "\n</iati-activity>\n</iati-activities>\n";
  }

  private List<Finding> findings(String xml) throws IOException {
    Path file = dir.resolve("file.xml");
    Files.writeString(file, xml, StandardCharsets.UTF_8);
    List<Finding> found = new ArrayList<>();
    new FileValidator(SchemaSet.bundled(), new CheckSuite(List.of(CodelistCheck::new)))
        .validate(file, "file.xml", found::add);
    // The schema's and the version's own findings are other specifications' business.
    found.removeIf(f -> f.rule().equals("0.3.1") || f.rule().startsWith("iati/"));
    return found;
  }

  private List<Seen> seen(String xml) throws IOException {
    return findings(xml).stream()
        .map(f -> new Seen(((Location.XmlPosition) f.location()).line(), f.severity().label(), f.rule()))
        .toList();
  }

  private static Seen error(long line, String rule) {
    return new Seen(line, "error", rule);
  }

  private static Seen warning(long line, String rule) {
    return new Seen(line, "warning", rule);
  }

  @Test
  void aSectorCodeUnderVocabulary1MustBeADac5DigitPurposeCode() throws IOException {
    String xml = activity(
        "<sector vocabulary=\"1\" code=\"11110\"/>",
        "<sector vocabulary=\"1\" code=\"99999\"/>");
    assertEquals(List.of(error(4, "9.76.1")), seen(xml));
    String message = findings(xml).get(0).message();
    assertEquals("sector code \"99999\" is not in the DAC 5 Digit Sector codelist (Sector), which vocabulary 1 calls for;"
        + " use a current code, or declare your own vocabulary 99 with a vocabulary-uri", message);
  }

  @Test
  void aSectorWithoutVocabularyIsADac5DigitCodeToo() throws IOException {
    assertEquals(List.of(error(3, "9.76.1")), seen(activity("<sector code=\"111\"/>")));
  }

  @Test
  void aSectorCodeUnderVocabulary2MustBeADac3DigitCode() throws IOException {
    assertEquals(List.of(error(4, "9.77.1")), seen(activity(
        "<sector vocabulary=\"2\" code=\"111\"/>",
        "<sector vocabulary=\"2\" code=\"11110\"/>")));
  }

  @Test
  void aPublishersOwnSectorVocabularyIsNotChecked() throws IOException {
    assertEquals(List.of(), seen(activity(
        "<sector vocabulary=\"99\" vocabulary-uri=\"http://example.org/v\" code=\"MY-OWN\"/>",
        "<sector vocabulary=\"98\" vocabulary-uri=\"http://example.org/v\" code=\"A1\"/>")));
  }

  @Test
  void sdgSectorVocabulariesAreCheckedAgainstTheGoalsAndTargets() throws IOException {
    assertEquals(List.of(error(4, "9.129.1"), error(6, "9.130.1")), seen(activity(
        "<sector vocabulary=\"7\" code=\"5\"/>",
        "<sector vocabulary=\"7\" code=\"18\"/>",
        "<sector vocabulary=\"8\" code=\"5.1\"/>",
        "<sector vocabulary=\"8\" code=\"5.99\"/>")));
  }

  @Test
  void aTransactionSectorFollowsTheSameVocabularies() throws IOException {
    assertEquals(List.of(error(5, "9.90.1"), error(6, "9.124.1")), seen(activity(
        "<transaction>",
        "<sector vocabulary=\"1\" code=\"11110\"/>",
        "<sector code=\"99999\"/>",
        "<sector vocabulary=\"2\" code=\"999\"/>",
        "<sector vocabulary=\"99\" code=\"anything\"/>",
        "</transaction>")));
  }

  @Test
  void aWithdrawnSectorCodeIsAWarningThatNamesIt() throws IOException {
    String xml = activity("<sector vocabulary=\"1\" code=\"11321\"/>");
    assertEquals(List.of(warning(3, "codelist/withdrawn")), seen(xml), "a warning of its own, not under the error's id");
    assertEquals("sector code \"11321\" (Lower secondary education) is withdrawn from the DAC 5 Digit Sector codelist (Sector),"
        + " which vocabulary 1 calls for; use a current code", findings(xml).get(0).message());
  }

  @Test
  void aidTypeVocabulary1IsTheDacAidTypesAndVocabulary2TheEarmarkingCategories() throws IOException {
    assertEquals(List.of(error(4, "9.21.1"), error(6, "9.127.1")), seen(activity(
        "<default-aid-type vocabulary=\"1\" code=\"A01\"/>",
        "<default-aid-type vocabulary=\"1\" code=\"1\"/>",
        "<default-aid-type vocabulary=\"2\" code=\"1\"/>",
        "<default-aid-type vocabulary=\"2\" code=\"A01\"/>")));
  }

  @Test
  void aTransactionAidTypeOfAnUnknownVocabularyIsAnErrorInTheVocabularyOnly() throws IOException {
    assertEquals(List.of(error(4, "9.80.1"), error(5, "9.81.1"), error(6, "codelist/EarmarkingCategory")), seen(activity(
        "<transaction>",
        "<aid-type vocabulary=\"1\" code=\"123ZZ\"/>",
        "<aid-type vocabulary=\"ABC123\" code=\"1\"/>",
        "<aid-type vocabulary=\"2\" code=\"9\"/>",
        "</transaction>")));
  }

  @Test
  void aRegionIsCheckedOnlyUnderTheDacRegionVocabulary() throws IOException {
    List<Finding> found = findings(activity(
        "<recipient-region code=\"489\"/>",
        "<recipient-region code=\"ZZA123\"/>",
        "<recipient-region vocabulary=\"2\" code=\"ZZA123\"/>",
        "<recipient-region vocabulary=\"99\" code=\"ZZA123\"/>"));
    assertEquals(1, found.size(), found.toString());
    assertEquals("9.51.1", found.get(0).rule());
    assertEquals("recipient-region code \"ZZA123\" is not in the Region codelist, which applies when no vocabulary is given"
        + " (as for vocabulary 1); use a current code, or declare your own vocabulary 99 with a vocabulary-uri", found.get(0).message());
  }

  @Test
  void aPolicyMarkerIsCheckedUnderTheDacVocabularyAndItsSignificanceAlways() throws IOException {
    assertEquals(List.of(error(4, "9.47.1"), error(5, "9.48.1")), seen(activity(
        "<policy-marker vocabulary=\"1\" code=\"2\" significance=\"3\"/>",
        "<policy-marker vocabulary=\"1\" code=\"99\" significance=\"1\"/>",
        "<policy-marker vocabulary=\"99\" code=\"A1\" significance=\"9\"/>")));
  }

  @Test
  void anEmptyCodeIsAnError() throws IOException {
    String xml = activity("<participating-org role=\"\" ref=\"XM-DAC-41302\"/>");
    assertEquals(List.of(error(3, "9.41.1")), seen(xml));
    assertEquals("participating-org role is empty; use a code from the Organisation Role codelist (OrganisationRole)",
        findings(xml).get(0).message());
  }

  @Test
  void theFindingPointsAtTheElementsStartTag() throws IOException {
    Finding finding = findings(activity("  <activity-status code=\"9\"/>")).get(0);
    assertEquals(new Location.XmlPosition("file.xml", 3, 30, "/iati-activities/iati-activity[1]/activity-status[1]"), finding.location());
  }

  @Test
  void codesInTextAndEveryLanguageAreCheckedToo() throws IOException {
    String xml = "<iati-activities version=\"2.03\">\n<iati-activity xml:lang=\"en\">\n"
        + "<title><narrative xml:lang=\"zz\">Title</narrative></title>\n"
        + "<crs-add><channel-code>00000</channel-code></crs-add>\n"
        + "</iati-activity>\n</iati-activities>\n";
    assertEquals(List.of(error(3, "9.95.1"), error(4, "9.16.1")), seen(xml));
  }

  @Test
  void aVersionOfNoReleaseStopsTheFileBeforeTheCodelistsAsTheOfficialValidatorDoes() throws IOException {
    // So the Version codelist's own check (9.1.1) never has a version left to judge.
    assertEquals(List.of(error(1, "0.6.1")), seen("<iati-activities version=\"9.99\">\n<iati-activity xml:lang=\"zz\"/>\n</iati-activities>\n"));
  }

  @Test
  void organisationFilesAreCheckedAgainstTheirOwnMappings() throws IOException {
    String xml = "<iati-organisations version=\"2.03\">\n<iati-organisation default-currency=\"XXX1\">\n"
        + "<reporting-org type=\"ZZ123\" ref=\"XM-DAC-41302\"/>\n"
        + "<total-budget status=\"1\"><value currency=\"EUR\">1</value></total-budget>\n"
        + "</iati-organisation>\n</iati-organisations>\n";
    assertEquals(List.of(error(2, "9.96.1"), error(3, "9.112.1")), seen(xml));
  }

  @Test
  void descriptionTypesOfResultsIndicatorsAndBudgetItemsAreCheckedThoughTheStandardsMappingOmitsThem() throws IOException {
    String xml = activity(
        "<country-budget-items vocabulary=\"2\">",
        "<budget-item code=\"1.1.1\"><description type=\"9\"><narrative>x</narrative></description></budget-item>",
        "</country-budget-items>",
        "<result type=\"1\"><description type=\"1\"><narrative>x</narrative></description></result>",
        "<result type=\"1\"><description type=\"0\"><narrative>x</narrative></description>",
        "<indicator measure=\"1\"><description type=\"5\"><narrative>x</narrative></description></indicator>",
        "</result>");
    assertEquals(List.of(error(4, "9.15.1"), error(7, "9.56.1"), error(8, "9.64.1")), seen(xml));
    assertEquals("description type \"0\" is not in the Description Type codelist (DescriptionType); use a code from that codelist",
        findings(xml).get(1).message());
  }

  @Test
  void olderLocationElementsStillHaveTheirCodesChecked() throws IOException {
    assertEquals(List.of(error(4, "9.118.1"), error(5, "9.119.1")), seen(activity(
        "<location>",
        "<coordinates latitude=\"1\" longitude=\"2\" precision=\"0\"/>",
        "<gazetteer-entry gazetteer-ref=\"GEO\">123</gazetteer-entry>",
        "<coordinates latitude=\"1\" longitude=\"2\" precision=\"3\"/>",
        "<gazetteer-entry gazetteer-ref=\"1\">123</gazetteer-entry>",
        "</location>")));
  }

  @Test
  void aFeatureDesignationListedTwiceInTheCatalogueIsReportedOnce() throws IOException {
    assertEquals(List.of(error(3, "9.34.1")), seen(activity(
        "<location><feature-designation code=\"NOPE\"/><feature-designation code=\"ADMF\"/></location>")));
  }

  @Test
  void aValidActivityHasNoCodelistFindings() throws IOException {
    assertTrue(seen(activity(
        "<reporting-org ref=\"XM-DAC-41302\" type=\"40\"/>",
        "<activity-status code=\"2\"/>",
        "<sector vocabulary=\"1\" code=\"16020\"/>",
        "<default-aid-type code=\"C01\"/>",
        "<budget type=\"1\" status=\"2\"><value currency=\"USD\">1</value></budget>")).isEmpty());
  }
}
