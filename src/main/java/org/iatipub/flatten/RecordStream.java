package org.iatipub.flatten;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.namespace.QName;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.iatipub.validation.DocumentKind;
import org.iatipub.validation.FileLevelRule;
import org.iatipub.validation.NotWellFormed;
import org.iatipub.xml.SafeXml;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an IATI file with the hardened parser, streaming, and hands on its records (activities or
 * organisations) one at a time, each as a small {@link ElementTree}: a file of any size is read in
 * the memory of its largest record. What is outside the records and cannot go into sheets (the
 * root's attributes but its version and generated time, elements beside the records) is reported.
 */
final class RecordStream {
  private RecordStream() {}

  /** What reading a file gave: its kind (null when it is no IATI file) and whether it was read to its end. */
  record Outcome(DocumentKind kind, boolean complete) {}

  /** Stops a file that is not IATI at its first element. */
  private static final class NotIati extends SAXException {
    NotIati() {
      super("not IATI");
    }
  }

  /**
   * Reads {@code file}, giving each record to {@code records} in file order and each finding to
   * {@code findings}. {@code kinds} hears the file's kind before its first record.
   *
   * @throws IOException when the file cannot be opened
   */
  static Outcome read(Path file, String shown, Consumer<DocumentKind> kinds, Consumer<ElementTree> records,
      Consumer<Finding> findings) throws IOException {
    Handler handler = new Handler(shown, kinds, records, findings);
    XMLReader reader = SafeXml.newReader();
    reader.setContentHandler(handler);
    reader.setErrorHandler(handler);
    if (Files.size(file) == 0) {
      findings.accept(NotWellFormed.empty(shown));
      return new Outcome(null, false);
    }
    try (InputStream in = Files.newInputStream(file)) {
      InputSource source = new InputSource(in);
      source.setSystemId(file.toUri().toString());
      reader.parse(source);
    } catch (NotIati stop) {
      return new Outcome(null, false);
    } catch (SAXParseException e) {
      findings.accept(NotWellFormed.finding(shown, e));
      return new Outcome(handler.kind, false);
    } catch (SAXException e) {
      findings.accept(NotWellFormed.unreadable(shown, e));
      return new Outcome(handler.kind, false);
    }
    return new Outcome(handler.kind, true);
  }

  private static final class Handler extends DefaultHandler {
    private final String shown;
    private final Consumer<DocumentKind> kinds;
    private final Consumer<ElementTree> records;
    private final Consumer<Finding> findings;
    private final Deque<Building> open = new ArrayDeque<>();
    private Locator locator;
    private DocumentKind kind;
    private int depth;

    Handler(String shown, Consumer<DocumentKind> kinds, Consumer<ElementTree> records, Consumer<Finding> findings) {
      this.shown = shown;
      this.kinds = kinds;
      this.records = records;
      this.findings = findings;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
      this.locator = locator;
    }

    private Location here() {
      return new Location.XmlPosition(shown, locator == null ? 0 : locator.getLineNumber(),
          locator == null ? 0 : locator.getColumnNumber());
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
      depth++;
      if (depth == 1) {
        kind = DocumentKind.ofRoot(uri, localName).orElse(null);
        if (kind == null) {
          findings.accept(Finding.error(FileLevelRule.NOT_IATI.id(), here(), "the root element is <" + qName + ">, not <iati-activities>"
              + " or <iati-organisations>: this is no IATI file, so there is nothing to flatten"));
          throw new NotIati();
        }
        for (int i = 0; i < atts.getLength(); i++) {
          String name = atts.getQName(i);
          if (!name.equals("version") && !name.equals("generated-datetime")) {
            findings.accept(Finding.warning("flatten/not-kept", here(), "the root's attribute " + name + "=\""
                + atts.getValue(i) + "\" is not kept: sheets hold records, and publish writes the root itself"
                + " (with version 2.03 and its own generated-datetime)"));
          }
        }
        kinds.accept(kind);
        return;
      }
      if (depth == 2 && !(uri.isEmpty() && localName.equals(kind.recordElement()))) {
        findings.accept(Finding.warning("flatten/not-kept", here(), "<" + qName + "> beside the records is not kept:"
            + " sheets hold only <" + kind.recordElement() + "> elements and what is inside them"));
      }
      boolean startsRecord = depth == 2 && uri.isEmpty() && localName.equals(kind.recordElement());
      if (startsRecord || !open.isEmpty()) {
        List<ElementTree.Attribute> attributes = new ArrayList<>(atts.getLength());
        for (int i = 0; i < atts.getLength(); i++) {
          attributes.add(new ElementTree.Attribute(name(atts.getURI(i), atts.getLocalName(i), atts.getQName(i)), atts.getValue(i)));
        }
        open.push(new Building(name(uri, localName, qName), attributes, locator == null ? 0 : locator.getLineNumber()));
      }
    }

    private static QName name(String uri, String localName, String qName) {
      int colon = qName.indexOf(':');
      return new QName(uri == null ? "" : uri, localName, colon < 0 ? "" : qName.substring(0, colon));
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (!open.isEmpty()) {
        open.peek().text.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      if (!open.isEmpty()) {
        ElementTree element = open.pop().build();
        if (open.isEmpty()) {
          records.accept(element);
        } else {
          open.peek().children.add(element);
        }
      }
      depth--;
    }

    @Override
    public void error(SAXParseException e) {
      // Only a validating parser reports these; this one does not validate.
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw e;
    }
  }

  private static final class Building {
    final QName name;
    final List<ElementTree.Attribute> attributes;
    final long line;
    final StringBuilder text = new StringBuilder();
    final List<ElementTree> children = new ArrayList<>();

    Building(QName name, List<ElementTree.Attribute> attributes, long line) {
      this.name = name;
      this.attributes = attributes;
      this.line = line;
    }

    ElementTree build() {
      return new ElementTree(name, attributes, text.toString(), children, line);
    }
  }
}
