package org.iatipub.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import java.math.BigDecimal;
import java.util.List;
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
    int compared = 0;
    for (OfficialActivities.Activity found : OfficialActivities.all()) {
      IatiActivityType activity;
      try {
        activity = unmarshaller.unmarshal(found.element(), IatiActivityType.class).getValue();
      } catch (JAXBException | RuntimeException e) {
        continue; // values JAXB refuses never reach the model: the binder reports them
      }
      List<String> expected;
      try {
        expected = marshalled(activity);
      } catch (JAXBException e) {
        continue; // a value JAXB cannot write (a date-time read where a date belongs) never reaches the model either
      }
      assertEquals(expected, written(activity), found.where());
      compared++;
    }
    assertTrue(compared > 200, "only " + compared + " activities compared");
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
}
