package org.iatipub.publish;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.transform.sax.TransformerHandler;
import javax.xml.transform.stream.StreamResult;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;
import org.iatipub.mapping.XmlElement;
import org.iatipub.model.iati.IatiActivityType;
import org.iatipub.validation.Node;
import org.iatipub.validation.NodeBuilder;
import org.iatipub.validation.SchemaViolation;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * Writes one activity at a time, validating it against the schema in the same pass: the model's
 * SAX events go both to a serializer (into this activity's bytes) and to a schema validator that
 * sees the activity inside an {@code iati-activities} root. Only a valid activity's bytes are
 * handed on, so nothing invalid reaches a file, and only one activity is ever held in memory.
 * One writer per thread (marshallers are not thread-safe); the JAXB context and schema are shared.
 */
public final class ActivityWriter {
  /** The root attributes of every file (and of the validator's wrapper). */
  static final String VERSION = "2.03";

  // Made once per writer and reused for every activity: creating them is a good part of the cost
  // of a small activity. Hence one writer per thread.
  private final Marshaller marshaller;
  private final ValidatorHandler validator;
  private final TransformerHandler serializer;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 14);

  public ActivityWriter(JAXBContext context, Schema schema) {
    try {
      this.marshaller = context.createMarshaller();
      marshaller.setProperty(Marshaller.JAXB_FRAGMENT, true);
      marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
    } catch (JAXBException e) {
      throw new IllegalStateException("the IATI model cannot be written: " + e, e);
    }
    this.validator = schema.newValidatorHandler();
    this.serializer = RecordSerializer.create();
  }

  /**
   * What writing one activity gave.
   *
   * @param xml the activity's UTF-8 bytes (no XML declaration), usable only when problems is empty
   * @param problems schema violations, each with the path of the element it was found at
   * @param written the path of every element, attribute and text written (as {@link XmlElement#paths()})
   * @param record the activity as the codelist and rule checks read it; null if it could not be written
   * @param recordPaths the path (as in {@code written}) of every node of {@code record}, by identity
   */
  public record Written(byte[] xml, List<Problem> problems, Set<String> written, Node record,
      Map<Node, String> recordPaths) {
    public boolean valid() {
      return problems.isEmpty();
    }
  }

  /**
   * A schema violation.
   *
   * @param path the element path where the validator stopped (as in {@link XmlElement#paths()})
   * @param rule {@code xsd/cvc-…}, the XML Schema constraint broken
   * @param message the validator's message, without the constraint id
   */
  public record Problem(String path, String rule, String message) {}

  public Written write(JAXBElement<IatiActivityType> activity) {
    bytes.reset();
    // A new result starts a fresh output handler; the validator starts afresh at each document.
    serializer.setResult(new StreamResult(bytes));
    Tee tee = new Tee(serializer, validator);
    try {
      tee.open();
      marshaller.marshal(activity, tee);
      tee.close();
    } catch (JAXBException | SAXException e) {
      tee.problems.add(new Problem(tee.path(), "model/unwritable", "the activity could not be written: " + e));
    }
    return new Written(bytes.toByteArray(), List.copyOf(tee.problems), tee.written, tee.record, tee.recordPaths);
  }

  /** Sends each event to the serializer and the validator, keeping track of where it is. */
  private static final class Tee implements ContentHandler, ErrorHandler {
    private final ContentHandler serializer;
    private final ValidatorHandler validator;
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> written = new LinkedHashSet<>();
    private final Deque<String> paths = new ArrayDeque<>();
    private final Deque<Map<String, Integer>> childCounts = new ArrayDeque<>();
    private final NodeBuilder nodes = new NodeBuilder();
    private final Map<Node, String> recordPaths = new IdentityHashMap<>();
    private Node record;

    Tee(ContentHandler serializer, ValidatorHandler validator) {
      this.serializer = serializer;
      this.validator = validator;
      validator.setErrorHandler(this);
      childCounts.push(new HashMap<>());
    }

    String path() {
      return paths.isEmpty() ? "iati-activity" : paths.peek();
    }

    void open() throws SAXException {
      serializer.startDocument();
      validator.startDocument();
      AttributesImpl root = new AttributesImpl();
      root.addAttribute("", "version", "version", "CDATA", VERSION);
      validator.startElement("", "iati-activities", "iati-activities", root);
    }

    void close() throws SAXException {
      validator.endElement("", "iati-activities", "iati-activities");
      validator.endDocument();
      serializer.endDocument();
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
      String name = pathName(uri, localName);
      String path;
      if (paths.isEmpty()) {
        path = name;
      } else {
        int index = childCounts.peek().merge(name, 1, Integer::sum);
        path = paths.peek() + "/" + name + "[" + index + "]";
      }
      paths.push(path);
      childCounts.push(new HashMap<>());
      written.add(path);
      for (int i = 0; i < atts.getLength(); i++) {
        if (!atts.getQName(i).startsWith("xmlns")) {
          written.add(path + "/@" + pathName(atts.getURI(i), atts.getLocalName(i)));
        }
      }
      serializer.startElement(uri, localName, qName, atts);
      validator.startElement(uri, localName, qName, atts);
      nodes.start(uri, qName, atts, 0, 0);
    }

    // Most names have no namespace: skip making a QName for them (this runs for every node written).
    private static String pathName(String uri, String localName) {
      return uri == null || uri.isEmpty() ? localName : XmlElement.pathName(new javax.xml.namespace.QName(uri, localName));
    }

    private static boolean blank(char[] ch, int start, int length) {
      for (int i = start; i < start + length; i++) {
        if (!Character.isWhitespace(ch[i])) {
          return false;
        }
      }
      return true;
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
      serializer.endElement(uri, localName, qName);
      validator.endElement(uri, localName, qName);
      Node node = nodes.end();
      recordPaths.put(node, paths.peek());
      if (nodes.depth() == 0) {
        record = node;
      }
      paths.pop();
      childCounts.pop();
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      if (!blank(ch, start, length)) {
        written.add(path() + "/#text");
      }
      serializer.characters(ch, start, length);
      validator.characters(ch, start, length);
      nodes.text(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
      serializer.ignorableWhitespace(ch, start, length);
      validator.ignorableWhitespace(ch, start, length);
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) throws SAXException {
      serializer.startPrefixMapping(prefix, uri);
      validator.startPrefixMapping(prefix, uri);
    }

    @Override
    public void endPrefixMapping(String prefix) throws SAXException {
      serializer.endPrefixMapping(prefix);
      validator.endPrefixMapping(prefix);
    }

    @Override
    public void processingInstruction(String target, String data) throws SAXException {
      serializer.processingInstruction(target, data);
    }

    @Override
    public void setDocumentLocator(Locator locator) {}

    @Override
    public void startDocument() {}

    @Override
    public void endDocument() {}

    @Override
    public void skippedEntity(String name) {}

    @Override
    public void warning(SAXParseException e) {}

    @Override
    public void error(SAXParseException e) {
      SchemaViolation violation = SchemaViolation.of(e);
      problems.add(new Problem(path(), violation.rule(), violation.message()));
    }

    @Override
    public void fatalError(SAXParseException e) {
      error(e);
    }
  }
}
