package org.iatipub.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iatipub.finding.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is wrong with a file as a whole, as the official validator names it: not well-formed
 * (0.1.1), not IATI (0.2.1), against the schema (0.3.1), a version no longer supported (0.6.1).
 * The first, second and last end the checks: such a file gets that one finding and nothing more.
 */
class FileLevelRulesTest {
  @TempDir Path dir;

  /** An activity that breaks rules as well as the schema's order, for a file whose checks should never start. */
  private static final String BAD_ACTIVITY = """
        <iati-activity>
          <title><narrative>no language, no identifier</narrative></title>
        </iati-activity>
      """;

  private List<String> found(String xml) throws IOException {
    Path file = dir.resolve("a.xml");
    Files.writeString(file, xml, StandardCharsets.UTF_8);
    List<Finding> findings = new ArrayList<>();
    new FileValidator(SchemaSet.bundled(), StandardChecks.suite(java.time.Clock.systemUTC())).validate(file, "a.xml", findings::add);
    return findings.stream().map(Finding::toString).toList();
  }

  @Test
  void textIsNotXml() throws IOException {
    assertEquals(List.of("a.xml:1:1: error: this is not an XML file: there is text before the first element [0.1.1]"),
        found("just some notes"));
  }

  @Test
  void anEmptyFileIsNotXml() throws IOException {
    assertEquals(List.of("a.xml: error: the file is empty; an IATI file starts with <iati-activities> or <iati-organisations> [0.1.1]"),
        found(""));
  }

  @Test
  void anotherRootIsNotIati() throws IOException {
    assertEquals(List.of("a.xml:1:20: error: not an IATI file: the root element is <rss>, expected <iati-activities>"
        + " or <iati-organisations> [0.2.1]"), found("<rss version=\"2.0\">\n<channel/>\n</rss>\n"));
  }

  @Test
  void mismatchedTagsUnderAnotherRootAreNotWellFormedRatherThanNotIati() throws IOException {
    assertEquals(List.of("a.xml:4:5: error: not well-formed XML: The element type \"level1\" must be terminated by the"
        + " matching end-tag \"</level1>\". [0.1.1]"), found("<tag>\n  <level1>\n    Test\n  </level2>\n</tag>\n"));
  }

  @Test
  void aRetiredVersionIsReportedAloneAndNothingElseIsChecked() throws IOException {
    assertEquals(List.of("a.xml:1:33: error: the file declares IATI version 1.03, which is retired; publish it as"
        + " version 2.03 (<iati-activities version=\"2.03\">); nothing else in it was checked [0.6.1]"),
        found("<iati-activities version=\"1.03\">\n" + BAD_ACTIVITY + "</iati-activities>\n"));
  }

  @Test
  void noVersionAtAllIsAVersionNoLongerSupported() throws IOException {
    assertEquals(List.of("a.xml:1:21: error: the file declares no IATI version (version 1 files had none); publish it as"
        + " version 2.03 (<iati-organisations version=\"2.03\">); nothing else in it was checked [0.6.1]"),
        found("<iati-organisations>\n<iati-organisation/>\n</iati-organisations>\n"));
  }

  @Test
  void aRetiredVersionThatIsNotWellFormedEitherIsNotWellFormed() throws IOException {
    assertEquals(List.of("a.xml:3:3: error: not well-formed XML: The element type \"title\" must be terminated by the"
        + " matching end-tag \"</title>\". [0.1.1]"),
        found("<iati-activities version=\"1.03\">\n<iati-activity><title>\n</titel></iati-activity>\n</iati-activities>\n"));
  }

  @Test
  void aSchemaErrorKeepsItsConstraintInTheMessageAndTheRecordsAreStillChecked() throws IOException {
    List<String> found = found("<iati-activities version=\"2.03\">\n" + BAD_ACTIVITY + "</iati-activities>\n");
    assertEquals("a.xml:3:12: error: Invalid content was found starting with element 'title'. One of '{iati-identifier}' is"
        + " expected (schema constraint cvc-complex-type.2.4.a) [0.3.1]", found.get(0));
    assertEquals(List.of("0.3.1", "4.1.1", "6.11.1", "6.2.2", "3.7.1"), found.stream().map(f -> f.substring(f.lastIndexOf('[') + 1, f.length() - 1))
        .distinct().toList());
  }
}
