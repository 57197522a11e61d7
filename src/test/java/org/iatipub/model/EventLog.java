package org.iatipub.model;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.util.ArrayList;
import java.util.List;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/** The SAX events a handler receives, one line each, adjacent texts joined: to compare two writers of the model. */
public final class EventLog extends DefaultHandler {
  private final List<String> lines = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();

  @Override
  public void startPrefixMapping(String prefix, String uri) {
    flush();
    lines.add("xmlns:" + prefix + "=" + uri);
  }

  @Override
  public void endPrefixMapping(String prefix) {
    flush();
    lines.add("end xmlns:" + prefix);
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts) {
    flush();
    List<String> attributes = new ArrayList<>();
    for (int i = 0; i < atts.getLength(); i++) {
      String name = atts.getURI(i).isEmpty() ? atts.getLocalName(i) : "{" + atts.getURI(i) + "}" + atts.getQName(i);
      attributes.add((atts.getQName(i).equals("xml:lang") ? "xml:lang" : name) + "=" + atts.getValue(i));
    }
    lines.add("start " + (uri.isEmpty() ? "" : "{" + uri + "}") + qName + " " + attributes);
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    text.append(ch, start, length);
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    flush();
    lines.add("end " + (uri.isEmpty() ? "" : "{" + uri + "}") + qName);
  }

  private void flush() {
    if (text.length() > 0) {
      lines.add("text " + text);
      text.setLength(0);
    }
  }

  public List<String> close() {
    flush();
    return lines;
  }

  /** The events {@link ModelEvents} sends for an element. */
  public static List<String> written(ModelEvents events, JAXBElement<?> element) throws SAXException {
    EventLog log = new EventLog();
    events.write(element, log);
    return log.close();
  }

  /** The events JAXB's marshaller sends for an element; a JAXBException when it reports a problem. */
  public static List<String> marshalled(JAXBContext context, JAXBElement<?> element) throws JAXBException {
    Marshaller marshaller = context.createMarshaller();
    marshaller.setProperty(Marshaller.JAXB_FRAGMENT, true);
    List<String> problems = new ArrayList<>();
    marshaller.setEventHandler(event -> problems.add(event.getMessage()) && false);
    EventLog log = new EventLog();
    marshaller.marshal(element, log);
    if (!problems.isEmpty()) {
      throw new JAXBException(problems.toString());
    }
    return log.close();
  }
}
