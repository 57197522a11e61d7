package org.iatipub.publish;

import jakarta.xml.bind.JAXBElement;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;
import org.iatipub.mapping.PathPrint;
import org.iatipub.mapping.XmlElement;
import org.iatipub.model.ModelEvents;
import org.iatipub.model.ModelRule;
import org.iatipub.model.iati.IatiActivityType;
import org.iatipub.model.iati.IatiOrganisationType;
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
import org.xml.sax.helpers.DefaultHandler;

/**
 * Writes one activity at a time, validating it against the schema in the same pass: the model's
 * SAX events go both to a serializer (into this activity's bytes) and to a schema validator that
 * sees the activity inside an {@code iati-activities} root. Only a valid activity's bytes are
 * handed on, so nothing invalid reaches a file, and only one activity is ever held in memory.
 * The model's events come from {@link ModelEvents}, which writes what JAXB's marshaller would.
 * One writer per thread; the schema is shared.
 */
public final class ActivityWriter {
  /** The root attributes of every file (and of the validator's wrapper). */
  static final String VERSION = "2.03";

  // Made once per writer and reused for every activity: creating them is a good part of the cost
  // of a small activity. Hence one writer per thread.
  private final ModelEvents model;
  private final ValidatorHandler validator;
  /** The root the validator sees each record inside: {@code iati-activities} (or {@code iati-organisations}). */
  private final String wrapper;
  private final RecordSerializer serializer = new RecordSerializer();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 14);

  public ActivityWriter(Schema schema) {
    this(schema, IatiActivityType.class, "iati-activities");
  }

  /** A writer of organisations ({@code iati-organisation}), validated against the organisation schema. */
  static ActivityWriter organisations(Schema schema) {
    return new ActivityWriter(schema, IatiOrganisationType.class, "iati-organisations");
  }

  private ActivityWriter(Schema schema, Class<?> record, String wrapper) {
    this.model = new ModelEvents(record);
    this.validator = schema.newValidatorHandler();
    this.wrapper = wrapper;
  }

  /**
   * What writing one activity gave.
   *
   * @param xml the activity's UTF-8 bytes (no XML declaration), usable only when problems is empty
   * @param problems schema violations, each with the path of the element it was found at
   * @param print the fingerprint of the paths written (as {@link XmlElement#paths()}), to compare
   *     with the draft's: their paths are worked out only when the prints differ
   * @param record the activity as the codelist and rule checks read it; null if it could not be written
   */
  public record Written(byte[] xml, List<Problem> problems, PathPrint print, Node record) {
    public boolean valid() {
      return problems.isEmpty();
    }

    /**
     * The path (as in {@link XmlElement#paths()}) of a node of {@link #record}, found by identity;
     * null when it is not one. Worked out on demand: only a finding needs it.
     */
    public String pathOf(Node node) {
      return record == null ? null : CrossCheckView.pathOf(record, node);
    }
  }

  /**
   * A schema violation.
   *
   * @param path the element path where the validator stopped (as in {@link XmlElement#paths()})
   * @param rule the official validator's schema id, 0.3.1
   * @param message the validator's message, the XML Schema constraint broken at its end
   */
  public record Problem(String path, String rule, String message) {}

  /** A name as the paths of {@link XmlElement#paths()} show it. */
  static String pathName(String uri, String localName) {
    return Level.pathName(uri, localName);
  }

  public Written write(JAXBElement<?> activity) {
    bytes.reset();
    // The serializer starts afresh at each record, the validator at each document.
    serializer.to(bytes);
    Tee tee = new Tee(serializer, validator, wrapper);
    try {
      tee.open();
      model.write(activity, tee);
      tee.close();
    } catch (SAXException | RuntimeException e) {
      tee.problems.add(new Problem(tee.levels.path(), ModelRule.UNWRITABLE.id(), "the activity could not be written: " + e));
    }
    return new Written(bytes.toByteArray(), List.copyOf(tee.problems), tee.print.print(), tee.record);
  }

  /**
   * The path of every element, attribute and text the model writes for {@code activity} (as {@link
   * XmlElement#paths()}): what to compare with the draft's paths when the prints differ.
   */
  public Set<String> paths(JAXBElement<?> activity) {
    PathList paths = new PathList();
    try {
      model.write(activity, paths);
    } catch (SAXException | RuntimeException e) {
      // What was written before the failure is the answer; write() reported the failure itself.
    }
    return paths.written;
  }

  /** The open elements while writing: their names, positions and path hashes, and their children's names. */
  private static final class Level {
    final String name;
    final int index;
    final long hash;
    final Level parent;
    private String[] childNames;
    private int[] childCounts;
    private int distinct;
    boolean text;

    private Level(String name, int index, long hash, Level parent) {
      this.name = name;
      this.index = index;
      this.hash = hash;
      this.parent = parent;
    }

    static Level root(String name) {
      return new Level(name, 1, PathPrint.root(name), null);
    }

    /** The next child of this element, named {@code name}. */
    Level child(String name) {
      int index = 1;
      int i = 0;
      while (i < distinct && !childNames[i].equals(name)) {
        i++;
      }
      if (i < distinct) {
        index = ++childCounts[i];
      } else {
        if (childNames == null) {
          childNames = new String[8];
          childCounts = new int[8];
        } else if (distinct == childNames.length) {
          childNames = Arrays.copyOf(childNames, distinct * 2);
          childCounts = Arrays.copyOf(childCounts, distinct * 2);
        }
        childNames[distinct] = name;
        childCounts[distinct++] = 1;
      }
      return new Level(name, index, PathPrint.element(hash, name, index), this);
    }

    String path() {
      return parent == null ? name : parent.path() + "/" + name + "[" + index + "]";
    }

    /** A name as paths show it; most names have no namespace, and skip making a QName. */
    static String pathName(String uri, String localName) {
      return uri == null || uri.isEmpty() ? localName : XmlElement.pathName(new QName(uri, localName));
    }
  }

  /** The innermost open element, and the way to the outermost. */
  private static final class Levels {
    private Level top;

    Level open(String uri, String localName) {
      String name = Level.pathName(uri, localName);
      top = top == null ? Level.root(name) : top.child(name);
      return top;
    }

    void close() {
      top = top.parent;
    }

    Level top() {
      return top;
    }

    String path() {
      return top == null ? "iati-activity" : top.path();
    }
  }

  private static boolean blank(char[] ch, int start, int length) {
    for (int i = start; i < start + length; i++) {
      if (!Character.isWhitespace(ch[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNamespaceDeclaration(Attributes atts, int i) {
    return atts.getQName(i).startsWith("xmlns");
  }

  /** Sends each event to the serializer and the validator, keeping track of where it is. */
  private static final class Tee implements ContentHandler, ErrorHandler {
    private final ContentHandler serializer;
    private final ValidatorHandler validator;
    private final List<Problem> problems = new ArrayList<>();
    private final Levels levels = new Levels();
    private final PathPrint.Sum print = new PathPrint.Sum();
    private final NodeBuilder nodes = new NodeBuilder();
    private final String wrapper;
    private Node record;

    Tee(ContentHandler serializer, ValidatorHandler validator, String wrapper) {
      this.serializer = serializer;
      this.validator = validator;
      this.wrapper = wrapper;
      validator.setErrorHandler(this);
    }

    void open() throws SAXException {
      serializer.startDocument();
      validator.startDocument();
      AttributesImpl root = new AttributesImpl();
      root.addAttribute("", "version", "version", "CDATA", VERSION);
      validator.startElement("", wrapper, wrapper, root);
    }

    void close() throws SAXException {
      validator.endElement("", wrapper, wrapper);
      validator.endDocument();
      serializer.endDocument();
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
      Level level = levels.open(uri, localName);
      print.add(level.hash);
      for (int i = 0; i < atts.getLength(); i++) {
        if (!isNamespaceDeclaration(atts, i)) {
          print.add(PathPrint.attribute(level.hash, Level.pathName(atts.getURI(i), atts.getLocalName(i))));
        }
      }
      serializer.startElement(uri, localName, qName, atts);
      validator.startElement(uri, localName, qName, atts);
      nodes.start(uri, qName, atts, 0, 0);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
      serializer.endElement(uri, localName, qName);
      validator.endElement(uri, localName, qName);
      Node node = nodes.end();
      if (nodes.depth() == 0) {
        record = node;
      }
      levels.close();
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      Level level = levels.top();
      if (level != null && !level.text && !blank(ch, start, length)) {
        level.text = true; // text may come in several pieces; its path counts once
        print.add(PathPrint.text(level.hash));
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
      problems.add(new Problem(levels.path(), violation.rule(), violation.message()));
    }

    @Override
    public void fatalError(SAXParseException e) {
      error(e);
    }
  }

  /** Lists the path of everything written, as strings: only when the prints say something is missing. */
  private static final class PathList extends DefaultHandler {
    private final Levels levels = new Levels();
    private final Set<String> written = new LinkedHashSet<>();

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
      Level level = levels.open(uri, localName);
      String path = level.path();
      written.add(path);
      for (int i = 0; i < atts.getLength(); i++) {
        if (!isNamespaceDeclaration(atts, i)) {
          written.add(path + "/@" + Level.pathName(atts.getURI(i), atts.getLocalName(i)));
        }
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      levels.close();
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (levels.top() != null && !blank(ch, start, length)) {
        written.add(levels.path() + "/#text");
      }
    }
  }
}
