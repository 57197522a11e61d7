package org.iatipub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an auditor sees from {@code iatipub validate}: every problem, traceable, never a stack trace. */
class ValidateCommandTest {
  @TempDir Path dir;

  private static final String VALID = """
      <iati-activities version="2.03">
        <iati-activity xml:lang="en">
          <iati-identifier>XM-DAC-41302-1</iati-identifier>
          <reporting-org ref="XM-DAC-41302" type="40"><narrative>ILO</narrative></reporting-org>
          <title><narrative>Decent work</narrative></title>
          <description><narrative>Text</narrative></description>
          <participating-org role="1" ref="XM-DAC-41302"/>
          <activity-status code="2"/>
          <activity-date type="1" iso-date="2021-01-01"/>
          <recipient-country code="KE"/>
          <sector code="11110"/>
        </iati-activity>
      </iati-activities>
      """;

  record Run(int exitCode, String out, String err) {}

  private Run validate(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 1];
    all[0] = "validate";
    System.arraycopy(args, 0, all, 1, args.length);
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), all);
    return new Run(code, out.toString(), err.toString());
  }

  private Path file(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void aValidFileExitsZero() throws IOException {
    Run run = validate(file("ok.xml", VALID).toString());
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("1 files checked: 1 valid, 0 invalid"), run.out());
  }

  @Test
  void everySchemaErrorIsReportedWithLineAndColumnNotOnlyTheFirst() throws IOException {
    String twoErrors = VALID.replace("<activity-status code=\"2\"/>", "<activity-status/>")
        .replace("<title>", "<title><bogus/>");
    Path file = file("bad.xml", twoErrors);
    Run run = validate(file.toString());
    assertEquals(1, run.exitCode());
    assertTrue(run.out().contains(file + ":5:"), "the bad title on line 5: " + run.out());
    assertTrue(run.out().contains(file + ":8:"), "the code-less status on line 8: " + run.out());
    assertTrue(run.out().contains("2 errors"), run.out());
  }

  @Test
  void jsonReportHasOneEntryPerFileWithItsFindings() throws IOException {
    file("a-valid.xml", VALID);
    file("b-invalid.xml", VALID.replace("<iati-identifier>XM-DAC-41302-1</iati-identifier>", ""));
    Run run = validate("--format", "json", dir.toString());
    assertEquals(1, run.exitCode());
    JsonNode files = new ObjectMapper().readTree(run.out()).get("files");
    assertEquals(2, files.size());
    assertTrue(files.get(0).get("valid").asBoolean());
    assertEquals(0, files.get(0).get("findings").size());
    JsonNode invalid = files.get(1);
    assertFalse(invalid.get("valid").asBoolean());
    JsonNode finding = invalid.get("findings").get(0);
    assertEquals("error", finding.get("severity").asText());
    assertEquals("0.3.1", finding.get("rule").asText(), finding.toString());
    assertTrue(finding.get("message").asText().contains("(schema constraint cvc-"), finding.toString());
    assertTrue(finding.get("line").asInt() > 0);
    assertTrue(finding.get("column").asInt() > 0);
  }

  @Test
  void externalEntitiesAreRefusedAndNothingIsRead() throws IOException {
    Path secret = file("secret.txt", "TOP-SECRET-CONTENT");
    Path xxe = file("xxe.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"" + secret.toUri()
        + "\">]>\n<iati-activities version=\"2.03\"><iati-activity>&e;</iati-activity></iati-activities>");
    Run run = validate(xxe.toString());
    assertEquals(1, run.exitCode());
    assertTrue(run.out().contains("DOCTYPE"), run.out());
    assertFalse(run.out().contains("TOP-SECRET"), "the entity's target must never be read");
    assertNoStackTrace(run);
  }

  @Test
  void entityExpansionBombFailsFast() throws IOException {
    StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE b [<!ENTITY a0 \"lol\">");
    for (int i = 1; i < 10; i++) {
      bomb.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
    }
    bomb.append("]>\n<iati-activities>&a9;</iati-activities>");
    Run run = validate(file("bomb.xml", bomb.toString()).toString());
    assertEquals(1, run.exitCode());
    assertTrue(run.out().contains("has a DOCTYPE declaration") && run.out().contains("[0.1.1]"), run.out());
    assertNoStackTrace(run);
  }

  @Test
  void nonXmlEmptyAndForeignFilesGetClearMessages() throws IOException {
    Path text = file("notes.xml", "just some notes");
    Path empty = file("empty.xml", "");
    Path foreign = file("rss.xml", "<rss version=\"2.0\"/>");
    Run run = validate(text.toString(), empty.toString(), foreign.toString());
    assertEquals(1, run.exitCode());
    assertTrue(run.out().contains(text + ":1:1: error: this is not an XML file"), run.out());
    assertTrue(run.out().contains(empty + ": error: the file is empty"), run.out());
    assertTrue(run.out().contains("not an IATI file: the root element is <rss>"), run.out());
    assertNoStackTrace(run);
  }

  @Test
  void aMissingPathIsAUsageErrorWithExitTwo() {
    Run run = validate(dir.resolve("nowhere.xml").toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("no such file or directory"), run.err());
  }

  @Test
  void helpAndVersionWorkOnTheCommand() {
    assertEquals(0, validate("--help").exitCode());
    Run version = validate("--version");
    assertEquals(0, version.exitCode());
    assertTrue(version.out().contains("iatipub"), version.out());
  }

  private static void assertNoStackTrace(Run run) {
    assertFalse((run.out() + run.err()).contains("\tat "), "no stack trace expected:\n" + run.out() + run.err());
    assertFalse((run.out() + run.err()).contains("Exception"), "no exception names expected:\n" + run.out() + run.err());
  }
}
