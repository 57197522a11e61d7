package org.iatipub.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official validator's response shape: valid means no critical finding; a record's schema
 * errors are one critical error with a context line each; records are named as it names them (a
 * second record with the same identifier is {@code id(2)}); grouped by record and category, or flat
 * with each error naming its record and category.
 */
class IatiValidatorReportTest {
  @TempDir Path dir;

  private static final String FILE = """
      <iati-activities version="2.03">
        <iati-activity xml:lang="en" default-currency="USD" last-updated-datetime="2024-05-01T00:00:00Z">
          <iati-identifier>XM-DAC-41302-1</iati-identifier>
          <reporting-org ref="XM-DAC-41302" type="40"><narrative>ILO</narrative></reporting-org>
          <title><narrative>First</narrative></title>
          <description><narrative>Text</narrative></description>
          <participating-org role="1" ref="XM-DAC-41302"/>
          <activity-status code="2"/>
          <activity-date type="1" iso-date="2021-01-01"/>
          <recipient-country code="KE"/>
          <sector code="11110"/>
        </iati-activity>
        <iati-activity xml:lang="en" default-currency="USD" last-updated-datetime="2024-05-01T00:00:00Z">
          <iati-identifier>XM-DAC-41302-1</iati-identifier>
          <reporting-org ref="XM-DAC-41302" type="40"><narrative>ILO</narrative></reporting-org>
          <title><narrative>Second, same identifier</narrative></title>
          <description><narrative>Text</narrative></description>
          <participating-org role="1" ref="XM-DAC-41302"/>
          <activity-status code="2"/>
          <activity-date type="1" iso-date="2021-01-01" colour="red"/>
          <recipient-country code="KE" shade="blue"/>
          <sector code="99999"/>
        </iati-activity>
      </iati-activities>
      """;

  private JsonNode report(boolean grouped, Path... files) throws IOException {
    return new ObjectMapper().readTree(Reported.report(Reported.with(out -> new IatiValidatorReport(out, grouped, files.length > 1,
        Reported.STAMP)), files));
  }

  @Test
  void groupedByRecordThenCategoryWithSchemaErrorsTogether() throws IOException {
    JsonNode response = report(true, Reported.file(dir, "a.xml", FILE));
    assertEquals(false, response.get("valid").asBoolean());
    assertEquals("iati-activities 2.03", response.get("fileType").asText() + " " + response.get("iatiVersion").asText());
    assertEquals("{\"critical\":1,\"error\":2,\"warning\":0,\"advisory\":0}", response.get("summary").toString());
    List<String> errors = new ArrayList<>();
    for (JsonNode record : response.get("errors")) {
      for (JsonNode category : record.get("errors")) {
        for (JsonNode error : category.get("errors")) {
          List<String> lines = new ArrayList<>();
          error.get("context").forEach(c -> lines.add(c.get("lineNumber").asText()));
          errors.add(record.get("identifier").asText() + " | " + record.get("title").asText() + " | " + category.get("category").asText()
              + " | " + error.get("id").asText() + " " + error.get("severity").asText() + " at " + lines);
        }
      }
    }
    assertEquals(List.of(
        "XM-DAC-41302-1(2) | Second, same identifier | identifiers | 1.1.2 error at [14]",
        "XM-DAC-41302-1(2) | Second, same identifier | schema | 0.3.1 critical at [20, 21]",
        "XM-DAC-41302-1(2) | Second, same identifier | classifications | 9.76.1 error at [22]"), errors);
    assertEquals("Sector", response.get("errors").get(0).get("errors").get(2).get("errors").get(0).get("codelist").asText());
  }

  @Test
  void flatEachErrorNamesItsRecordAndCategory() throws IOException {
    JsonNode response = report(false, Reported.file(dir, "a.xml", FILE));
    List<String> errors = new ArrayList<>();
    response.get("errors").forEach(e -> errors.add(e.get("identifier").asText() + " " + e.get("category").asText() + " " + e.get("id").asText()));
    assertEquals(List.of("XM-DAC-41302-1(2) identifiers 1.1.2", "XM-DAC-41302-1(2) schema 0.3.1", "XM-DAC-41302-1(2) classifications 9.76.1"),
        errors);
  }

  @Test
  void aFileThatIsNotIatiIsAFileLevelCriticalErrorAndSeveralFilesAreAnArray() throws IOException {
    JsonNode responses = report(true, Reported.file(dir, "a.xml", FILE), Reported.file(dir, "b.xml", "<rss version=\"2.0\"/>"));
    assertEquals(2, responses.size());
    JsonNode notIati = responses.get(1);
    assertEquals("b.xml", notIati.get("file").asText());
    assertEquals(false, notIati.get("valid").asBoolean());
    assertEquals("", notIati.get("fileType").asText());
    JsonNode file = notIati.get("errors").get(0);
    assertEquals("file | File level errors | iati | 0.2.1 critical", file.get("identifier").asText() + " | " + file.get("title").asText()
        + " | " + file.get("errors").get(0).get("category").asText() + " | " + file.get("errors").get(0).get("errors").get(0).get("id").asText()
        + " " + file.get("errors").get(0).get("errors").get(0).get("severity").asText());
  }

  @Test
  void theCheckIsStampedInTheResponsesOwnFieldsAndInFull() throws IOException {
    JsonNode response = report(true, Reported.file(dir, "a.xml", FILE));
    assertEquals(Reported.STAMP.codelists().digest(), response.get("codelistCommitSha").asText());
    assertEquals("iatipub development build", response.get("apiVersion").asText());
    assertEquals("2024-06-01T12:00:00Z", response.get("iatipub").get("checkedAt").asText());
    assertEquals(Reported.STAMP.rules().size(), response.get("iatipub").get("rules").size());
  }
}
