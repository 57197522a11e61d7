package org.iatipub.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.iatipub.SharedIati;
import org.iatipub.validation.Check;
import org.iatipub.validation.Node;
import org.iatipub.validation.NodeBuilder;
import org.iatipub.validation.StandardChecks;
import org.iatipub.xml.SafeXml;
import org.junit.jupiter.api.Test;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The checks that compare activities report from an activity's view what they report from the
 * whole activity, at the same places: shown on every file of the official schema tests and real
 * files, activity after activity as a file holds them. And a view comes back from its JSON as it
 * was.
 */
class CrossCheckViewTest {
  /** One file: its root and its activities, as the checks read them. */
  private record Read(Node root, List<Node> activities) {}

  @Test
  void theChecksThatCompareActivitiesReportFromTheViewWhatTheyReportFromTheWhole() throws Exception {
    int files = 0;
    int findings = 0;
    for (Path file : files()) {
      Read read = read(file);
      if (read == null || read.activities().isEmpty()) {
        continue;
      }
      files++;
      List<Check> whole = spanning();
      List<Check> viewed = spanning();
      List<String> fromWhole = new ArrayList<>();
      List<String> fromViews = new ArrayList<>();
      for (int c = 0; c < whole.size(); c++) {
        whole.get(c).root(read.root(), (severity, rule, at, message) -> fromWhole.add("root " + rule + " " + message));
        viewed.get(c).root(read.root(), (severity, rule, at, message) -> fromViews.add("root " + rule + " " + message));
      }
      for (Node activity : read.activities()) {
        Node view = CrossCheckView.of(activity, viewed);
        for (int c = 0; c < whole.size(); c++) {
          whole.get(c).record(activity, (severity, rule, at, message) ->
              fromWhole.add(CrossCheckView.pathOf(activity, at) + " " + severity + " " + rule + " " + message));
          viewed.get(c).record(view, (severity, rule, at, message) ->
              fromViews.add(CrossCheckView.pathOf(view, at) + " " + severity + " " + rule + " " + message));
        }
      }
      for (int c = 0; c < whole.size(); c++) {
        whole.get(c).end((severity, rule, at, message) -> fromWhole.add("end " + severity + " " + rule + " " + message));
        viewed.get(c).end((severity, rule, at, message) -> fromViews.add("end " + severity + " " + rule + " " + message));
      }
      assertEquals(fromWhole, fromViews, file.toString());
      findings += fromWhole.size();
    }
    // 62 findings since the rules the official validator does not run on 2.0x files (1.1.1 among them) went.
    assertTrue(files > 100 && findings > 50, files + " files, " + findings + " findings: too few to show anything");
  }

  @Test
  void aViewComesBackFromItsJsonAsItWas() throws Exception {
    int views = 0;
    for (Path file : files()) {
      Read read = read(file);
      if (read == null) {
        continue;
      }
      for (Node activity : read.activities()) {
        Node view = CrossCheckView.of(activity, spanning());
        StringWriter json = new StringWriter();
        try (var out = new ObjectMapper().getFactory().createGenerator(json)) {
          CrossCheckView.write(out, view);
        }
        assertEquals(view, CrossCheckView.read(new ObjectMapper().readTree(json.toString())), file.toString());
        views++;
      }
    }
    assertTrue(views > 100, views + " views");
  }

  @Test
  void aViewKeepsWhatTheChecksReadAtItsPlaceAndNothingElse() throws Exception {
    Node activity = node("""
        <iati-activity default-currency="EUR">
          <iati-identifier>XM-1-A</iati-identifier>
          <reporting-org ref="XM-1" type="40"><narrative>Org</narrative></reporting-org>
          <title><narrative>A</narrative></title>
          <transaction><provider-org ref="XM-2"/></transaction>
          <transaction><provider-org ref="XM-2" provider-activity-id="XM-2-B"><narrative>Two</narrative></provider-org></transaction>
          <transaction><value>5</value></transaction>
        </iati-activity>""");

    assertEquals(node("""
        <iati-activity>
          <iati-identifier>XM-1-A</iati-identifier>
          <reporting-org ref="XM-1" type="40"/>
          <transaction/>
          <transaction><provider-org ref="XM-2" provider-activity-id="XM-2-B"/></transaction>
        </iati-activity>"""), withoutPlaces(CrossCheckView.of(activity, spanning())));
  }

  private static List<Check> spanning() {
    return StandardChecks.suite(java.time.Clock.systemUTC()).forOneFile().stream().filter(Check::spansRecords).toList();
  }

  private static List<Path> files() throws Exception {
    List<Path> files = new ArrayList<>();
    for (Path dir : List.of(SharedIati.require("schema-tests"), SharedIati.require("real-files"))) {
      try (Stream<Path> found = Files.walk(dir)) {
        found.filter(p -> p.toString().endsWith(".xml") && !p.toString().contains("organisation")).sorted().forEach(files::add);
      }
    }
    return files;
  }

  private static Node node(String xml) throws Exception {
    Read read = parse(new InputSource(new java.io.StringReader("<iati-activities version=\"2.03\">"
        + xml.replaceAll(">\\s+<", "><") + "</iati-activities>")));
    return withoutPlaces(read.activities().get(0));
  }

  /** The node as built from data: no line or column (the two texts above put the same element at different places). */
  private static Node withoutPlaces(Node node) {
    return new Node(node.name(), node.namespace(), node.attributes(), node.text(), node.writtenText(),
        node.children().stream().map(CrossCheckViewTest::withoutPlaces).toList(), 0, 0);
  }

  /** The file's root and activities, as {@code validate} builds them; null when it is not well-formed. */
  private static Read read(Path file) throws Exception {
    try {
      return parse(new InputSource(file.toUri().toString()));
    } catch (org.xml.sax.SAXException e) {
      return null;
    }
  }

  private static Read parse(InputSource source) throws Exception {
    XMLReader reader = SafeXml.newReader();
    List<Node> activities = new ArrayList<>();
    Node[] root = new Node[1];
    reader.setContentHandler(new DefaultHandler() {
      private final NodeBuilder records = new NodeBuilder();
      private Locator locator;
      private boolean inRoot;

      @Override
      public void setDocumentLocator(Locator locator) {
        this.locator = locator;
      }

      @Override
      public void startElement(String uri, String localName, String qName, Attributes atts) {
        if (!inRoot) {
          inRoot = true;
          NodeBuilder builder = new NodeBuilder();
          builder.start(uri, qName, atts, locator.getLineNumber(), locator.getColumnNumber());
          root[0] = builder.end();
          return;
        }
        records.start(uri, qName, atts, locator.getLineNumber(), locator.getColumnNumber());
      }

      @Override
      public void characters(char[] ch, int start, int length) {
        if (records.depth() > 0) {
          records.text(ch, start, length);
        }
      }

      @Override
      public void endElement(String uri, String localName, String qName) {
        if (records.depth() == 0) {
          return;
        }
        Node node = records.end();
        if (records.depth() == 0 && node.isIati() && node.name().equals("iati-activity")) {
          activities.add(node);
        }
      }
    });
    reader.parse(source);
    return new Read(root[0], activities);
  }
}
