package org.iatipub.flatten;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.iatipub.SharedIati;
import org.iatipub.finding.Finding;
import org.iatipub.publish.PublishRequest;
import org.iatipub.publish.PublishRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.ComparisonResult;
import org.xmlunit.diff.ComparisonType;
import org.xmlunit.diff.Diff;
import org.xmlunit.diff.DifferenceEvaluators;

/**
 * What flatten writes, publish reads back to the records it came from: every real 2.03 file and
 * every should-pass activity and organisation file of the official schema tests, flattened, then
 * published checked against the schema only, gives each record as it was (XMLUnit: whitespace,
 * comments and attribute order aside). Allowed for are what publish does to every record, and the
 * one thing a path cannot say: publish gives a record without a {@code last-updated-datetime} the
 * run's time, and trims the spaces around a value (a URL with a trailing space); an extension
 * element in a default namespace ({@code <foo xmlns="…">}) comes back with a prefix, the same
 * name as XML goes ({@code <ns1:foo xmlns:ns1="…">}), since a path names namespaces by prefix.
 */
class RoundTripTest {
  @TempDir Path work;

  @Test
  void everyRealFileAndEveryShouldPassFileComesBackAsItWas() throws Exception {
    List<Path> files = new ArrayList<>(xmlFiles(SharedIati.require("real-files", "v2.03")));
    Path schemaTests = SharedIati.require("schema-tests");
    try (Stream<Path> suites = Files.list(schemaTests)) {
      for (Path suite : suites.sorted().toList()) {
        files.addAll(xmlFiles(suite.resolve("should-pass")));
      }
    }
    Path sheets = work.resolve("sheets");
    List<Finding> flattened = new ArrayList<>();
    List<Flattener.Result> results = new Flattener(Flattener.Format.CSV).flatten(files, sheets, flattened::add);
    assertEquals(List.of(), flattened.stream().filter(Finding::isError).toList());

    PublishRun run = PublishRun.schemaOnly(new PublishRequest(sheets, null, work.resolve("published"), ',', null, false));
    assertEquals(List.of(), run.findings(), run.printed());

    List<String> differences = new ArrayList<>();
    int records = 0;
    for (Flattener.Result result : results) {
      Document original = parse(Path.of(result.file()));
      String element = original.getDocumentElement().getLocalName().equals("iati-activities") ? "iati-activity" : "iati-organisation";
      List<Element> want = children(original.getDocumentElement(), element);
      Path published = run.output().resolve(result.target().getFileName().toString().toLowerCase(Locale.ROOT) + ".xml");
      List<Element> got = Files.exists(published) ? children(parse(published).getDocumentElement(), element) : List.of();
      if (want.size() != got.size()) {
        differences.add(result.file() + ": " + want.size() + " records, " + got.size() + " published");
        continue;
      }
      for (int i = 0; i < want.size(); i++) {
        records++;
        Diff diff = compare(want.get(i), got.get(i));
        if (diff.hasDifferences()) {
          differences.add(result.file() + " record " + (i + 1) + ": " + diff);
        }
      }
    }
    assertEquals(List.of(), differences);
    assertEquals(files.size(), results.size());
    assertTrue(records >= files.size(), "every file has a record: " + records + " records in " + files.size() + " files");
  }

  private static Diff compare(Element original, Element published) {
    boolean stamped = original.hasAttribute("last-updated-datetime");
    // Comments are left out when parsing: XMLUnit's ignoreComments() compiles a stylesheet per comparison.
    return DiffBuilder.compare(original).withTest(published).ignoreWhitespace()
        .withAttributeFilter(a -> stamped || !a.getName().equals("last-updated-datetime"))
        .withDifferenceEvaluator(DifferenceEvaluators.chain(DifferenceEvaluators.Default, (comparison, outcome) -> {
          if (outcome == ComparisonResult.DIFFERENT && comparison.getType() == ComparisonType.ATTR_VALUE
              && String.valueOf(comparison.getControlDetails().getValue()).strip()
                  .equals(String.valueOf(comparison.getTestDetails().getValue()).strip())) {
            return ComparisonResult.EQUAL;
          }
          if (comparison.getType() == ComparisonType.NAMESPACE_PREFIX && comparison.getControlDetails().getValue() == null) {
            return ComparisonResult.EQUAL;
          }
          return outcome;
        }))
        .build();
  }

  private static List<Path> xmlFiles(Path dir) throws Exception {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
  }

  private static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setIgnoringComments(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  private static List<Element> children(Element root, String name) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = root.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE && nodes.item(i).getLocalName().equals(name)) {
        found.add((Element) nodes.item(i));
      }
    }
    return found;
  }
}
