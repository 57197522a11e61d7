package org.iatipub.publish;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.validation.Schema;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.iatipub.finding.Finding;
import org.iatipub.mapping.ActivityBinder;
import org.iatipub.validation.CheckSuite;
import org.iatipub.validation.SchemaSet;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;

/**
 * One run of the real publish pipeline in a test: CSV files in, published files and findings out.
 * The model and schema are loaded once for all tests, as they are once per run in the command.
 */
public record PublishRun(PublishReport report, List<Finding> findings, Path output) {
  private static final ActivityBinder BINDER = ActivityBinder.create();
  private static final Schema SCHEMA = SchemaSet.bundled().activities();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-07-01T02:00:00Z"), ZoneOffset.UTC);

  public static PublishRun of(Path input, Path output) throws IOException, CannotPublish {
    return of(new PublishRequest(input, null, output, ',', null, false));
  }

  /** Publishes with every check of {@code validate}: schema, codelists and IATI rules. */
  public static PublishRun of(PublishRequest request) throws IOException, CannotPublish {
    return run(new Publisher(BINDER, SCHEMA, CLOCK), request);
  }

  /** Publishes checking the schema only, as {@code publish --schema-only} does. */
  public static PublishRun schemaOnly(PublishRequest request) throws IOException, CannotPublish {
    return run(new Publisher(BINDER, SCHEMA, CheckSuite.none(), CLOCK), request);
  }

  private static PublishRun run(Publisher publisher, PublishRequest request) throws IOException, CannotPublish {
    List<Finding> findings = new ArrayList<>();
    PublishReport report = publisher.publish(request, findings::add);
    return new PublishRun(report, findings, request.output());
  }

  /** Writes {@code text} to {@code dir/name} as UTF-8 (creating directories), for building inputs. */
  public static Path file(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  /** The findings as the command prints them, one per line. */
  public String printed() {
    return findings.stream().map(Finding::toString).collect(Collectors.joining("\n"));
  }

  /** The IATI files published (the output directory also holds the manifest, the state and a lock). */
  public List<String> outputFiles() throws IOException {
    return outputFilesIn(output);
  }

  public static List<String> outputFilesIn(Path output) throws IOException {
    return allFilesIn(output).stream().filter(name -> name.endsWith(".xml") && !name.startsWith(".")).toList();
  }

  /** Every entry of the output directory, hidden ones included, to check nothing is left behind. */
  public static List<String> allFilesIn(Path output) throws IOException {
    if (!Files.isDirectory(output)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(output)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  public Document document(String file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(output.resolve(file).toFile());
  }

  /** The string value of an XPath expression over {@code file}, e.g. an attribute's value. */
  public String xpath(String file, String expression) throws Exception {
    return XPathFactory.newInstance().newXPath().evaluate(expression, document(file));
  }

  /** Asserts that the nodes {@code xpath} selects in {@code file} are, ignoring whitespace, {@code expected}. */
  public void assertXml(String file, String xpath, String expected) throws Exception {
    NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document(file), XPathConstants.NODESET);
    Document actual = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
    Node root = actual.appendChild(actual.createElement("selected"));
    for (int i = 0; i < nodes.getLength(); i++) {
      root.appendChild(actual.importNode(nodes.item(i), true));
    }
    Diff diff = DiffBuilder.compare("<selected>" + expected + "</selected>").withTest(actual)
        .ignoreWhitespace().ignoreComments().checkForSimilar().build();
    if (diff.hasDifferences()) {
      fail(xpath + " in " + file + " differs from the expected XML: " + diff);
    }
  }

  /** Asserts every row was accounted for: read = published + withheld + rejected, per file. */
  public void assertEveryRowAccountedFor() {
    for (SetOutcome set : report.sets()) {
      for (FileTally tally : set.files()) {
        assertTrue(tally.balanced(), tally + " does not add up");
      }
    }
  }

  public FileTally tally(String fileSuffix) {
    return report.sets().stream().flatMap(s -> s.files().stream()).filter(f -> f.file().endsWith(fileSuffix))
        .findFirst().orElseThrow(() -> new AssertionError("no tally for " + fileSuffix + " in " + report));
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }
}
