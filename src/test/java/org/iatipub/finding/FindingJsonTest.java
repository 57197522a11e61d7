package org.iatipub.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A finding kept as JSON comes back as it was, whatever kind of place it points at: every
 * component of the finding and of its location, by name, the location's kind named.
 */
class FindingJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String written(Finding finding) throws Exception {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.getFactory().createGenerator(text)) {
      FindingJson.write(json, finding);
    }
    return text.toString();
  }

  @Test
  void aFindingAtACellIsWrittenWithEveryComponentByName() throws Exception {
    Finding finding = Finding.warning("3.7.1", new Location.Cell("in/projects.csv", 12, "country"), "no country");

    assertEquals("{\"severity\":\"WARNING\",\"rule\":\"3.7.1\",\"location\":{\"kind\":\"cell\",\"file\":\"in/projects.csv\","
        + "\"row\":12,\"column\":\"country\",\"sheet\":\"\",\"columnNumber\":0,\"value\":\"\"},\"message\":\"no country\"}",
        written(finding));
  }

  @Test
  void everyKindOfPlaceComesBackAsItWas() throws Exception {
    List<Finding> findings = List.of(
        Finding.error("csv/not-utf8", new Location.Cell("a.csv", 3, ""), "bytes"),
        Finding.warning("3.7.1", new Location.Cell("in/book.xlsx", 14, "country").inSheet("projects 2025", 3).withValue("Timor"),
            "no country"),
        new Finding(Severity.INFO, "1000.0.6", new Location.XmlPosition("a.xml", 7, 21), "cited \"elsewhere\"\n"),
        Finding.warning("publish/set-incomplete", new Location.WholeFile("a.csv"), "ünïcode ✓"));

    for (Finding finding : findings) {
      assertEquals(finding, FindingJson.read(JSON.readTree(written(finding))));
    }
  }

  @Test
  void aComponentNotKeptComesBackAsItsEmptyValue() throws Exception {
    assertEquals(Finding.error("r", new Location.Cell("a.csv", 0, ""), "m"),
        FindingJson.read(JSON.readTree("{\"severity\":\"ERROR\",\"rule\":\"r\",\"location\":{\"kind\":\"cell\",\"file\":\"a.csv\"},"
            + "\"message\":\"m\"}")));
  }
}
