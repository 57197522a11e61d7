package org.iatipub.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.iatipub.SharedIati;
import org.iatipub.finding.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.Comparison;
import org.xmlunit.diff.ComparisonResult;
import org.xmlunit.diff.ComparisonType;
import org.xmlunit.diff.Diff;
import org.xmlunit.diff.Difference;
import org.xmlunit.diff.DifferenceEvaluators;

/**
 * Everything IATI can say reaches it from own columns: a real publisher's file is exported the way
 * a project system would ({@link ProjectSystemExport}: its own tables, column names and local
 * codes, with crosswalks), mapped back by a mapping file ({@code roundtrip/files.yaml} after the
 * publisher's own part), published with {@code --schema-only}, and every activity comes back equal
 * to the original (XMLUnit, ignoring whitespace, comments and attribute order). "Equal" allows
 * only what docs/mapping.md says cannot round-trip: the last-updated-datetime publish gives an
 * activity that had none, and the few attributes a named field writes where IATI assumes the same
 * when they are absent (a budget's type and status 1, a sector's or region's vocabulary 1).
 */
class OwnColumnsRoundTripTest {
  @TempDir Path exports;
  @TempDir Path output;

  /** The International Organization for Migration's part of the mapping file. */
  private static final String IOM = """
      publisher: iom
      reporting-org:
        ref: XM-DAC-47066
        type: "40"
        name: International Organization for Migration (IOM)
      defaults:
        language: en
      """;

  /** The Netherlands Ministry of Foreign Affairs' part: activities in Dutch, its name in English. */
  private static final String NL_MFA = """
      publisher: nl-mfa
      reporting-org:
        ref: XM-DAC-7
        type: "10"
        name: {en: Ministry of Foreign Affairs (DGIS)}
      defaults:
        language: nl
      """;

  /** What IATI assumes when these are absent, which the named fields write: element/@attribute=value. */
  private static final Pattern ACTIVITY = Pattern.compile("^/iati-activities\\[1]/iati-activity\\[([0-9]+)]");

  private static final Set<String> ASSUMED = Set.of("budget/@type=1", "budget/@status=1", "sector/@vocabulary=1",
      "recipient-region/@vocabulary=1");

  @Test
  void everyActivityOfTheIomFileComesBackFromOwnColumns() throws Exception {
    assertEquals(Map.of(), roundTrip(IOM, "example_203_references.xml", 577));
  }

  @Test
  void everyActivityOfTheNetherlandsMinistrysFileComesBackFromOwnColumns() throws Exception {
    assertEquals(Map.of(), roundTrip(NL_MFA, "example_203_file.xml", 13));
  }

  /** The differences between each original activity and the published one, by identifier; empty when all are equal. */
  private Map<String, String> roundTrip(String publisher, String file, int activities) throws Exception {
    Path original = SharedIati.require("real-files", "v2.03", file);
    ProjectSystemExport.export(original, exports);
    String files;
    try (InputStream in = getClass().getResourceAsStream("roundtrip/files.yaml")) {
      files = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    PublishRun.file(exports, "mapping.yaml", publisher + files);
    PublishRun run = PublishRun.schemaOnly(new PublishRequest(exports, null, output, ',', null, false));

    assertEquals(List.of(), run.findings().stream().map(Finding::toString).toList());
    assertEquals(activities, run.report().sets().get(0).published());
    // One comparison of the whole files (the activities come out in input order), read activity by activity.
    Element control = parse(original);
    Element test = run.document(run.outputFiles().get(0)).getDocumentElement();
    Diff diff = DiffBuilder.compare(Input.fromNode(control)).withTest(Input.fromNode(test))
        .ignoreWhitespace().ignoreComments().checkForSimilar()
        .withDifferenceEvaluator(DifferenceEvaluators.chain(DifferenceEvaluators.Default, OwnColumnsRoundTripTest::sameMeaning))
        .build();
    List<String> identifiers = identifiers(control);
    Map<String, String> differences = new LinkedHashMap<>();
    for (Difference difference : diff.getDifferences()) {
      Matcher activity = ACTIVITY.matcher(String.valueOf(difference.getComparison().getControlDetails().getXPath()));
      String where = activity.find() ? identifiers.get(Integer.parseInt(activity.group(1)) - 1) : "the file";
      differences.merge(where, difference.getComparison().toString(), (a, b) -> a + "\n" + b);
    }
    return differences;
  }

  /** The differences that say the same thing (see the class comment) are no differences. */
  private static ComparisonResult sameMeaning(Comparison comparison, ComparisonResult outcome) {
    if (outcome == ComparisonResult.EQUAL) {
      return outcome;
    }
    ComparisonType type = comparison.getType();
    String xpath = String.valueOf(comparison.getControlDetails().getParentXPath());
    if (xpath.equals("/iati-activities[1]") && comparison.getControlDetails().getTarget() instanceof Attr) {
      return ComparisonResult.EQUAL; // the file's own attributes (its generated-datetime) are not the activities'
    }
    if (type == ComparisonType.ELEMENT_NUM_ATTRIBUTES) {
      return ComparisonResult.EQUAL; // each attribute is compared by name and value on its own
    }
    if (type == ComparisonType.ATTR_NAME_LOOKUP && comparison.getControlDetails().getValue() == null) {
      Element element = (Element) comparison.getTestDetails().getTarget();
      String attribute = String.valueOf(comparison.getTestDetails().getValue());
      Attr added = element.getAttributeNode(attribute.replaceAll("^\\{[^}]*}", ""));
      if (added != null && (ASSUMED.contains(element.getLocalName() + "/@" + added.getName() + "=" + added.getValue())
          || element.getLocalName().equals("iati-activity") && added.getName().equals("last-updated-datetime"))) {
        return ComparisonResult.EQUAL;
      }
    }
    return outcome;
  }

  private static Element parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
  }

  /** The activities' identifiers, in file order. */
  private static List<String> identifiers(Element root) {
    List<String> identifiers = new ArrayList<>();
    NodeList list = root.getElementsByTagName("iati-identifier");
    for (int i = 0; i < list.getLength(); i++) {
      identifiers.add(list.item(i).getTextContent().strip());
    }
    return identifiers;
  }
}
