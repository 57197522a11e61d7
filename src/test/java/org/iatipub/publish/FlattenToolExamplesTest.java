package org.iatipub.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.iatipub.SharedIati;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;

/**
 * Spreadsheets in the flatten-tool / CoVE path-header convention publish unchanged: each official
 * example gives exactly the activities of its expected.xml (whitespace and comments aside), in a
 * file with the root attributes IATI 2.03 requires. With every check on, the rules they break
 * withhold them, as they would be flagged by the IATI Validator.
 */
class FlattenToolExamplesTest {
  @TempDir Path output;

  @ParameterizedTest
  @ValueSource(strings = {"iati", "iati_multilang", "iati_namespaces", "iati_xml_comment"})
  void givesTheActivitiesOfExpectedXml(String example) throws Exception {
    Path dir = SharedIati.require("flatten-tool-examples", example);
    // flatten-tool applies no IATI rules, and these examples break some (no sectors, no currency):
    // like flatten-tool, publish them checked against the schema only.
    PublishRun run = PublishRun.schemaOnly(new PublishRequest(dir, null, output, ',', null, false));

    assertTrue(run.findings().isEmpty(), run.printed());
    run.assertEveryRowAccountedFor();
    Document published = run.document(example + ".xml");
    Document expected = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
        .parse(dir.resolve("expected.xml").toFile());
    assertEquals("2.03", published.getDocumentElement().getAttribute("version"));
    assertFalse(published.getDocumentElement().getAttribute("generated-datetime").isEmpty());

    NodeList want = expected.getElementsByTagName("iati-activity");
    NodeList got = published.getElementsByTagName("iati-activity");
    assertEquals(want.getLength(), got.getLength());
    for (int i = 0; i < want.getLength(); i++) {
      // publish gives every activity a last-updated-datetime: the sheet's own, else the run's time
      // (first publication); it is compared on its own below.
      Diff diff = DiffBuilder.compare(want.item(i)).withTest(got.item(i))
          .ignoreWhitespace().ignoreComments().checkForSimilar()
          .withAttributeFilter(a -> !a.getName().equals("last-updated-datetime")).build();
      assertFalse(diff.hasDifferences(), example + " activity " + (i + 1) + ": " + diff);
      String given = ((Element) want.item(i)).getAttribute("last-updated-datetime");
      assertEquals(given.isEmpty() ? "2025-07-01T02:00:00Z" : given, ((Element) got.item(i)).getAttribute("last-updated-datetime"));
      assertEquals(((Element) want.item(i)).getElementsByTagName("iati-identifier").item(0).getTextContent(),
          ((Element) got.item(i)).getElementsByTagName("iati-identifier").item(0).getTextContent());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"iati", "iati_multilang"})
  void withEveryCheckOnTheRulesTheyBreakWithholdThem(String example) throws Exception {
    Path dir = SharedIati.require("flatten-tool-examples", example);
    PublishRun run = PublishRun.of(dir, output);

    run.assertEveryRowAccountedFor();
    assertTrue(run.printed().contains("main.csv:2: error: activity 'AA-AAA-123456789-ABC123': the activity has no sector"),
        run.printed());
    assertTrue(run.printed().contains("[6.2.2]"), run.printed());
    assertTrue(run.outputFiles().stream().noneMatch(f -> f.endsWith(".xml")), "nothing published: " + run.outputFiles());
  }
}
