package org.iatipub.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.UnmarshallerHandler;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.iatipub.model.EventLog;
import org.iatipub.model.ModelEvents;
import org.iatipub.model.OfficialActivities;
import org.iatipub.model.iati.IatiActivityType;
import org.iatipub.model.iati.ObjectFactory;
import org.iatipub.source.ActivityRows;
import org.iatipub.source.SourceRow;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;

/** Binding fills the model as JAXB would read the same tree, in schema order, and names each value it cannot take. */
class ActivityBinderTest {

  /**
   * The official activities not compared with JAXB's reading, all should-fail files with values of the
   * wrong datatype: JAXB refuses or cannot write them, or the binder rightly refuses what JAXB lets through.
   * (Booleans stay text in the model, so a file with a boolean that is none binds as JAXB reads it.)
   * Every other official activity is compared, so an activity dropping out is a failure.
   */
  private static final Map<String, String> NOT_COMPARED = notCompared("""
      schema-tests/activities-2/should-fail/iati-activity/result/document-link/document-date/err-not-iati-xml-incorrect-datatype.xml activity 1=a value the model cannot hold
      schema-tests/activities-2/should-fail/iati-activity/result/indicator/baseline/dimension/err-not-iati-xml-incorrect-datatype.xml activity 1=a value the model cannot hold
      schema-tests/activities-2/should-fail/iati-activity/result/indicator/baseline/document-link/document-date/err-not-iati-xml-incorrect-datatype.xml activity 1=a value the model cannot hold
      schema-tests/activities-2/should-fail/iati-activity/result/indicator/document-link/document-date/err-not-iati-xml-incorrect-datatype.xml activity 1=a value the model cannot hold
      schema-tests/activities-2/should-fail/iati-activity/result/indicator/period/actual/document-link/document-date/err-not-iati-xml-incorrect-datatype.xml activity 1=a value the model cannot hold
      schema-tests/activities-2/should-fail/iati-activity/result/indicator/period/target/document-link/document-date/err-not-iati-xml-incorrect-datatype.xml activity 1=a value the model cannot hold
      schema-tests/activities/should-fail/17-bad-hierarchy.xml activity 1=JAXB refuses a value
      schema-tests/activities/should-fail/budget/12-non-decimal-value.xml activity 1=a value the model cannot hold
      schema-tests/activities/should-fail/crs-add/01-non-decimal-interest-received.xml activity 1=a value the model cannot hold
      schema-tests/activities/should-fail/crs-add/02-non-decimal-principal-outstanding.xml activity 1=a value the model cannot hold
      schema-tests/activities/should-fail/crs-add/03-non-decimal-interest-arrears.xml activity 1=a value the model cannot hold
      schema-tests/activities/should-fail/crs-add/04-non-decimal-prinicipal-arrears.xml activity 1=a value the model cannot hold
      schema-tests/activities/should-fail/crs-add/06-non-iso-date-commitment-date.xml activity 1=a value the model cannot hold
      schema-tests/activities/should-fail/crs-add/07-non-iso-date-repayment-first-date.xml activity 1=a value the model cannot hold
      schema-tests/activities/should-fail/crs-add/08-non-iso-date-value-date.xml activity 1=a value the model cannot hold
      schema-tests/activities/should-fail/crs-add/09-non-iso-date-repayment-final-date.xml activity 1=a value the model cannot hold
      schema-tests/activities/should-fail/crs-add/10-non-decimal-year.xml activity 1=JAXB refuses a value
      schema-tests/activities/should-fail/crs-add/21-non-decimal-rate-1.xml activity 1=JAXB refuses a value
      schema-tests/activities/should-fail/crs-add/22-non-decimal-rate-2.xml activity 1=JAXB refuses a value
      schema-tests/activities/should-fail/planned-disbursement/12-non-decimal-value.xml activity 1=a value the model cannot hold
      schema-tests/activities/should-fail/result/18-non-iso-date-period-period-start.xml activity 1=a value the model cannot hold
      schema-tests/activities/should-fail/result/19-non-iso-date-period-period-end.xml activity 1=a value the model cannot hold
      schema-tests/activities/should-fail/result/38-non-positiveInteger-baseline-year.xml activity 1=JAXB refuses a value
      schema-tests/activities/should-fail/transaction/22-incorrect-date-value-date.xml activity 1=a value the model cannot hold
      schema-tests/activities/should-fail/transaction/23-incorrect-date-transaction-date.xml activity 1=a value the model cannot hold
      schema-tests/activities/should-fail/transaction/40-non-decimal-value.xml activity 1=a value the model cannot hold
      """);

  private static final ActivityBinder BINDER = ActivityBinder.create();
  private static final JAXBContext CONTEXT = context();
  private static final ModelEvents EVENTS = new ModelEvents(IatiActivityType.class);
  private static final SourceRow ROW = new SourceRow("main.csv", 2, Map.of());

  @Test
  void childrenInAnyOrderAreWrittenInSchemaOrder() throws Exception {
    XmlElement.Builder activity = XmlElement.element("iati-activity")
        .child(XmlElement.element("activity-status").attribute("code", "2", cell("activity-status/@code")))
        .child(XmlElement.element("title").child(XmlElement.element("narrative").text("Roads", cell("title/narrative"))))
        .child(XmlElement.element("iati-identifier").text("XM-1", cell("iati-identifier")));

    ActivityBinder.Bound bound = BINDER.bind(draft(activity));

    assertTrue(bound.ok(), bound.findings().toString());
    assertXml("<iati-activity><iati-identifier>XM-1</iati-identifier><title><narrative>Roads</narrative></title>"
        + "<activity-status code=\"2\"/></iati-activity>", written(bound.activity()));
  }

  @Test
  void everyValueTheModelCannotHoldIsAFindingAtItsCell() {
    XmlElement.Builder activity = XmlElement.element("iati-activity")
        .child(XmlElement.element("recipient-country").attribute("code", "TL", cell("recipient-country/@code"))
            .attribute("percentage", "100%", cell("recipient-country/@percentage")))
        .child(XmlElement.element("activity-date").attribute("type", "2", cell("activity-date/@type"))
            .attribute("iso-date", "15/01/2023", cell("activity-date/@iso-date")));

    ActivityBinder.Bound bound = BINDER.bind(draft(activity));

    assertFalse(bound.ok());
    assertNull(bound.activity());
    assertEquals(List.of(
        Finding.error("model/bad-value", cell("recipient-country/@percentage"),
            "'100%' in @percentage of recipient-country is not valid IATI data (not a decimal number)"),
        Finding.error("model/bad-value", cell("activity-date/@iso-date"),
            "'15/01/2023' in @iso-date of activity-date is not valid IATI data (not a valid xs:date value)")),
        bound.findings());
    assertEquals(2, bound.cells().size());
  }

  @Test
  void aDateTimeWhereTheSchemaWantsADateIsRefusedAtItsCell() {
    XmlElement.Builder activity = XmlElement.element("iati-activity")
        .child(XmlElement.element("activity-date").attribute("type", "2", cell("activity-date/@type"))
            .attribute("iso-date", "2023-01-15T10:00:00", cell("activity-date/@iso-date")));

    ActivityBinder.Bound bound = BINDER.bind(draft(activity));

    assertEquals(List.of(Finding.error("model/bad-value", cell("activity-date/@iso-date"),
        "'2023-01-15T10:00:00' in @iso-date of activity-date is not valid IATI data (not a valid xs:date value)")),
        bound.findings());
  }

  @Test
  void anUnknownElementIsKeptWhereTheSchemaLeavesRoomSoTheSchemaJudgesIt() throws Exception {
    XmlElement.Builder activity = XmlElement.element("iati-activity")
        .child(XmlElement.element("transaction")
            .child(XmlElement.element("transaction-type").attribute("code", "4", cell("transaction/0/transaction-type/@code")))
            .child(XmlElement.element("valeu").text("241800", cell("transaction/0/valeu"))));

    ActivityBinder.Bound bound = BINDER.bind(draft(activity));

    assertTrue(bound.ok(), bound.findings().toString());
    assertXml("<iati-activity><transaction><transaction-type code=\"4\"/><valeu>241800</valeu></transaction></iati-activity>",
        written(bound.activity()));
  }

  @Test
  void anExtensionElementKeepsItsNamespace() throws Exception {
    QName outcome = new QName("http://example.org/dwcp", "outcome", "dwcp");
    XmlElement.Builder activity = XmlElement.element("iati-activity")
        .child(XmlElement.element(outcome).text("Decent work", cell("dwcp:outcome")));

    ActivityBinder.Bound bound = BINDER.bind(draft(activity));

    assertTrue(bound.ok(), bound.findings().toString());
    assertXml("<iati-activity><dwcp:outcome xmlns:dwcp=\"http://example.org/dwcp\">Decent work</dwcp:outcome></iati-activity>",
        written(bound.activity()));
  }

  @Test
  void nestedExtensionElementsAreWrittenAsJaxbWritesThem() throws Exception {
    QName outcome = new QName("http://example.org/dwcp", "outcome", "dwcp");
    QName indicator = new QName("http://example.org/dwcp", "indicator", "dwcp");
    QName code = new QName("http://example.org/other", "code", "o");
    XmlElement tree = XmlElement.element("iati-activity")
        .child(XmlElement.element(outcome).attribute(code, "7", cell("dwcp:outcome/@o:code"))
            .child(XmlElement.element(indicator).text("Jobs", cell("dwcp:outcome/dwcp:indicator")))
            .child(XmlElement.element("plain").attribute(code, "8", cell("dwcp:outcome/plain/@o:code"))))
        .build();
    Unmarshaller unmarshaller = CONTEXT.createUnmarshaller();

    ActivityBinder.Bound bound = BINDER.bind(draft(tree));

    assertTrue(bound.ok(), bound.findings().toString());
    assertEquals(EventLog.marshalled(CONTEXT, unmarshal(unmarshaller, tree)), EventLog.written(EVENTS, bound.activity()));
  }

  @Test
  void bindsEveryActivityOfTheSchemaTestsAndRealFilesAsJaxbReadsIt() throws Exception {
    Unmarshaller unmarshaller = CONTEXT.createUnmarshaller();
    Map<String, String> notCompared = new TreeMap<>();
    List<OfficialActivities.Activity> all = OfficialActivities.all();
    for (OfficialActivities.Activity activity : all) {
      XmlElement tree = tree(activity.element());
      List<String> events = new ArrayList<>();
      unmarshaller.setEventHandler(event -> events.add(event.getMessage()) || true);
      JAXBElement<IatiActivityType> read;
      try {
        read = unmarshal(unmarshaller, tree);
      } catch (JAXBException | SAXException | RuntimeException e) {
        notCompared.put(activity.where(), "JAXB refuses a value"); // the binder's own findings are specified above
        continue;
      }
      ActivityBinder.Bound bound = BINDER.bind(draft(tree));
      if (!events.isEmpty() || !bound.ok()) {
        assertFalse(bound.ok() && events.stream().anyMatch(m -> !m.startsWith("unexpected element")),
            activity.where() + ": JAXB found " + events + ", the binder nothing");
        notCompared.put(activity.where(), bound.ok() ? "an element the model has no place for" : "a value the model cannot hold");
        continue;
      }
      assertEquals(written(read), written(bound.activity()), activity.where());
      // And what publish writes from the bound activity is what JAXB wrote from its own reading.
      List<String> marshalled;
      try {
        marshalled = EventLog.marshalled(CONTEXT, read);
      } catch (JAXBException e) {
        notCompared.put(activity.where(), "JAXB cannot write it"); // nor did the binder take it
        continue;
      }
      assertEquals(marshalled, EventLog.written(EVENTS, bound.activity()), activity.where());
    }
    assertEquals(1441, all.size(), "the official activities read from the schema tests and real files");
    assertEquals(NOT_COMPARED, notCompared, "the official activities not compared, and why");
  }

  private static Location.Cell cell(String column) {
    return ROW.cell(column);
  }

  private static ActivityDraft draft(XmlElement.Builder activity) {
    return draft(activity.build());
  }

  private static ActivityDraft draft(XmlElement activity) {
    return new ActivityDraft("XM-1", new ActivityRows("XM-1", ROW, Map.of(), List.of()), activity, List.of());
  }

  /**
   * What JAXB's unmarshaller makes of a draft sent to it as SAX events, each namespace declared on
   * the element that uses it, as a draft written out would declare it.
   */
  @SuppressWarnings("unchecked")
  private static JAXBElement<IatiActivityType> unmarshal(Unmarshaller unmarshaller, XmlElement tree)
      throws JAXBException, SAXException {
    UnmarshallerHandler handler = unmarshaller.getUnmarshallerHandler();
    handler.startDocument();
    send(handler, tree);
    handler.endDocument();
    return (JAXBElement<IatiActivityType>) handler.getResult();
  }

  private static void send(ContentHandler handler, XmlElement element) throws SAXException {
    List<String> prefixes = new ArrayList<>();
    declare(handler, element.name(), prefixes);
    AttributesImpl attributes = new AttributesImpl();
    for (XmlElement.Attribute attribute : element.attributes()) {
      QName name = attribute.name();
      if (!XMLConstants.XML_NS_URI.equals(name.getNamespaceURI())) {
        declare(handler, name, prefixes);
      }
      attributes.addAttribute(name.getNamespaceURI(), name.getLocalPart(), ModelEvents.written(name), "CDATA", attribute.value());
    }
    QName name = element.name();
    handler.startElement(name.getNamespaceURI(), name.getLocalPart(), ModelEvents.written(name), attributes);
    if (element.text() != null) {
      handler.characters(element.text().toCharArray(), 0, element.text().length());
    }
    for (XmlElement child : element.children()) {
      send(handler, child);
    }
    handler.endElement(name.getNamespaceURI(), name.getLocalPart(), ModelEvents.written(name));
    for (String prefix : prefixes) {
      handler.endPrefixMapping(prefix);
    }
  }

  private static void declare(ContentHandler handler, QName name, List<String> prefixes) throws SAXException {
    if (!name.getNamespaceURI().isEmpty() && !prefixes.contains(name.getPrefix())) {
      handler.startPrefixMapping(name.getPrefix(), name.getNamespaceURI());
      prefixes.add(name.getPrefix());
    }
  }

  /** An activity read from a file as a draft: its names, attributes (not namespace declarations) and texts as written. */
  private static XmlElement tree(Element element) {
    List<XmlElement.Attribute> attributes = new ArrayList<>();
    NamedNodeMap map = element.getAttributes();
    for (int i = 0; i < map.getLength(); i++) {
      Attr attribute = (Attr) map.item(i);
      if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
        attributes.add(new XmlElement.Attribute(name(attribute), attribute.getValue(), null));
      }
    }
    List<XmlElement> children = new ArrayList<>();
    StringBuilder text = null;
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        children.add(tree(childElement));
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text = (text == null ? new StringBuilder() : text).append(child.getNodeValue());
      }
    }
    return new XmlElement(name(element), attributes, children, text == null ? null : text.toString(), null);
  }

  private static QName name(Node node) {
    String uri = node.getNamespaceURI() == null ? "" : node.getNamespaceURI();
    String prefix = node.getPrefix() == null ? "" : node.getPrefix();
    return new QName(uri, node.getLocalName(), prefix);
  }

  private static String written(JAXBElement<IatiActivityType> activity) throws JAXBException {
    Marshaller marshaller = CONTEXT.createMarshaller();
    marshaller.setProperty(Marshaller.JAXB_FRAGMENT, true);
    StringWriter out = new StringWriter();
    marshaller.marshal(activity, out);
    return out.toString();
  }

  private static JAXBContext context() {
    try {
      return JAXBContext.newInstance(ObjectFactory.class);
    } catch (JAXBException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertXml(String expected, String actual) {
    Diff diff = DiffBuilder.compare(expected).withTest(actual).ignoreWhitespace().checkForSimilar().build();
    assertFalse(diff.hasDifferences(), diff + "\n" + actual);
  }

  /** "file activity N=why" lines as a map. */
  private static Map<String, String> notCompared(String lines) {
    Map<String, String> map = new TreeMap<>();
    lines.lines().forEach(line -> map.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
    return map;
  }
}
