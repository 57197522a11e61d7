package org.iatipub.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.datatype.DatatypeFactory;
import org.iatipub.model.iati.IatiActivityType;
import org.iatipub.model.iati.NarrativeType;
import org.iatipub.model.iati.ObjectFactory;
import org.iatipub.model.iati.TextBlockType;
import org.iatipub.model.iati.TransactionType;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

/** The model is written as the same SAX events JAXB's marshaller sends for it: schema order, attributes, texts, namespaces. */
class ModelEventsTest {

  /**
   * The official activities JAXB itself cannot read or write (should-fail files with values of the wrong
   * datatype), so there is nothing to hold the writer to.
   * Every other official activity is compared, so an activity dropping out is a failure.
   */
  private static final Map<String, String> NOT_COMPARED = notCompared("""
      schema-tests/activities-2/should-fail/iati-activity/result/indicator/baseline/dimension/err-not-iati-xml-incorrect-datatype.xml activity 1=JAXB cannot write it
      schema-tests/activities/should-fail/17-bad-hierarchy.xml activity 1=JAXB refuses a value
      schema-tests/activities/should-fail/crs-add/06-non-iso-date-commitment-date.xml activity 1=JAXB cannot write it
      schema-tests/activities/should-fail/crs-add/10-non-decimal-year.xml activity 1=JAXB refuses a value
      schema-tests/activities/should-fail/crs-add/21-non-decimal-rate-1.xml activity 1=JAXB refuses a value
      schema-tests/activities/should-fail/crs-add/22-non-decimal-rate-2.xml activity 1=JAXB refuses a value
      schema-tests/activities/should-fail/result/38-non-positiveInteger-baseline-year.xml activity 1=JAXB refuses a value
      """);

  private static final JAXBContext CONTEXT = context();
  private final ModelEvents events = new ModelEvents(IatiActivityType.class);

  @Test
  void writesChildrenInSchemaOrderWhateverOrderTheyWereSetIn() throws Exception {
    IatiActivityType activity = new IatiActivityType();
    TransactionType transaction = new TransactionType();
    activity.getTransaction().add(transaction);
    TextBlockType title = new TextBlockType();
    NarrativeType narrative = new NarrativeType();
    narrative.setValue("Roads");
    narrative.setLang("fr");
    title.getNarrative().add(narrative);
    activity.setTitle(title);
    org.iatipub.model.iati.PlainStringType identifier = new org.iatipub.model.iati.PlainStringType();
    identifier.setValue("XM-1");
    activity.setIatiIdentifier(identifier);
    activity.setLastUpdatedDatetime("2026-01-02T03:04:05Z");
    activity.setDefaultCurrency("USD");

    assertEquals(List.of(
        "start iati-activity [default-currency=USD, last-updated-datetime=2026-01-02T03:04:05Z]",
        "start iati-identifier []", "text XM-1", "end iati-identifier",
        "start title []", "start narrative [xml:lang=fr]", "text Roads", "end narrative", "end title",
        "start transaction []", "end transaction",
        "end iati-activity"), written(activity));
    assertEquals(marshalled(activity), written(activity));
  }

  @Test
  void writesDecimalsAndDatesAsJaxbDoes() throws Exception {
    IatiActivityType activity = new IatiActivityType();
    TransactionType transaction = new TransactionType();
    org.iatipub.model.iati.CurrencyAmountType value = new org.iatipub.model.iati.CurrencyAmountType();
    value.setValue(new BigDecimal("1E+3"));
    value.setValueDate(DatatypeFactory.newInstance().newXMLGregorianCalendar("2023-01-15"));
    transaction.setValue(value);
    activity.getTransaction().add(transaction);

    List<String> written = written(activity);
    assertTrue(written.contains("start value [value-date=2023-01-15]"), written.toString());
    assertTrue(written.contains("text 1000"), written.toString());
    assertEquals(marshalled(activity), written);
  }

  @Test
  void aPrefixBoundAgainToAnotherNamespaceIsDeclaredAgain() throws Exception {
    org.w3c.dom.Document document = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
    org.w3c.dom.Element outer = document.createElementNS("http://example.org/a", "x:outer");
    outer.appendChild(document.createElementNS("http://example.org/a", "x:same"));
    outer.appendChild(document.createElementNS("http://example.org/b", "x:other"));
    IatiActivityType activity = new IatiActivityType();
    activity.getAny().add(outer);

    assertEquals(List.of(
        "start iati-activity []",
        "xmlns:x=http://example.org/a", "start {http://example.org/a}x:outer []",
        "start {http://example.org/a}x:same []", "end {http://example.org/a}x:same",
        "xmlns:x=http://example.org/b", "start {http://example.org/b}x:other []", "end {http://example.org/b}x:other",
        "end xmlns:x",
        "end {http://example.org/a}x:outer", "end xmlns:x",
        "end iati-activity"), written(activity));
  }

  @Test
  void writesEveryActivityOfTheSchemaTestsAndRealFilesAsJaxbDoes() throws Exception {
    Unmarshaller unmarshaller = CONTEXT.createUnmarshaller();
    unmarshaller.setEventHandler(event -> true);
    Map<String, String> notCompared = new TreeMap<>();
    List<OfficialActivities.Activity> all = OfficialActivities.all();
    for (OfficialActivities.Activity found : all) {
      IatiActivityType activity;
      try {
        activity = unmarshaller.unmarshal(found.element(), IatiActivityType.class).getValue();
      } catch (JAXBException | RuntimeException e) {
        notCompared.put(found.where(), "JAXB refuses a value"); // such values never reach the model: the binder reports them
        continue;
      }
      List<String> expected;
      try {
        expected = marshalled(activity);
      } catch (JAXBException e) {
        notCompared.put(found.where(), "JAXB cannot write it"); // such a value never reaches the model either
        continue;
      }
      assertEquals(expected, written(activity), found.where());
    }
    assertEquals(1441, all.size(), "the official activities read from the schema tests and real files");
    assertEquals(NOT_COMPARED, notCompared, "the official activities not compared, and why");
  }

  private List<String> written(IatiActivityType activity) throws SAXException {
    return EventLog.written(events, new ObjectFactory().createIatiActivity(activity));
  }

  private static List<String> marshalled(IatiActivityType activity) throws JAXBException {
    return EventLog.marshalled(CONTEXT, new ObjectFactory().createIatiActivity(activity));
  }

  private static JAXBContext context() {
    try {
      return JAXBContext.newInstance(ObjectFactory.class);
    } catch (JAXBException e) {
      throw new IllegalStateException(e);
    }
  }

  /** "file activity N=why" lines as a map. */
  private static Map<String, String> notCompared(String lines) {
    Map<String, String> map = new TreeMap<>();
    lines.lines().forEach(line -> map.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
    return map;
  }
}
