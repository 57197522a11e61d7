package org.iatipub.exports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.iatipub.validation.Node;
import org.iatipub.validation.NodeBuilder;
import org.iatipub.xml.SafeXml;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads IATI activity files (ours or anyone's) one activity at a time, with the hardened parser
 * every stage uses, as the same {@link Node} trees the checks read: memory holds one activity,
 * whatever the file's size. Attributes in iatipub's extension namespace are named
 * {@code iatipub:NAME} whatever prefix the file binds to it. The parts of an activity no export
 * reads (results, budgets, locations, documents ...) are skipped, not built: they are most of a
 * large activity.
 */
final class ActivityFiles {
  /** What is done with each activity read. */
  interface Visitor {
    void activity(Node activity, String file) throws IOException;
  }

  /** Children of an activity no export reads. */
  private static final Set<String> UNREAD = Set.of("activity-status", "activity-scope", "contact-info", "location",
      "country-budget-items", "humanitarian-scope", "budget", "planned-disbursement", "capital-spend", "document-link",
      "related-activity", "legacy-data", "conditions", "result", "fss");

  private ActivityFiles() {}

  /** Reads {@code file} ({@code shown} in findings); false when it is not an activity file or could not be read to its end. */
  static boolean read(Path file, String shown, Visitor visitor, Consumer<Finding> findings) throws IOException {
    Handler handler = new Handler(shown, visitor);
    XMLReader reader = SafeXml.newReader();
    reader.setContentHandler(handler);
    reader.setErrorHandler(handler);
    try (InputStream in = Files.newInputStream(file)) {
      InputSource source = new InputSource(in);
      source.setSystemId(file.toUri().toString());
      reader.parse(source);
      return true;
    } catch (NotActivities stop) {
      findings.accept(new Finding(ExportRule.NOT_ACTIVITIES.severity(), ExportRule.NOT_ACTIVITIES.id(), new Location.WholeFile(shown),
          "not an IATI activity file (its root is <" + stop.root + ">): it has no transactions to export"));
      return false;
    } catch (SAXParseException e) {
      findings.accept(ExportRule.UNREADABLE.finding(new Location.XmlPosition(shown, Math.max(e.getLineNumber(), 0),
          Math.max(e.getColumnNumber(), 0)), "the file cannot be read to its end (" + e.getMessage()
          + "): the activities after this point are not exported, so the exports are incomplete; validate the file"));
      return false;
    } catch (SAXException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      findings.accept(ExportRule.UNREADABLE.finding(new Location.WholeFile(shown), "cannot be read as XML: " + e.getMessage()));
      return false;
    }
  }

  /** Stops reading a file whose root is not {@code iati-activities}. */
  private static final class NotActivities extends SAXException {
    final String root;

    NotActivities(String root) {
      super("not an activity file");
      this.root = root;
    }
  }

  private static final class Handler extends DefaultHandler {
    private final String shown;
    private final Visitor visitor;
    private final NodeBuilder records = new NodeBuilder();
    private Locator locator;
    private boolean inRoot;
    /** Depth inside a skipped element, 0 when not in one. */
    private int skipping;

    Handler(String shown, Visitor visitor) {
      this.shown = shown;
      this.visitor = visitor;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
      this.locator = locator;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
      if (!inRoot) {
        if (!uri.isEmpty() || !localName.equals("iati-activities")) {
          throw new NotActivities(qName);
        }
        inRoot = true;
        return;
      }
      if (skipping > 0 || records.depth() == 1 && uri.isEmpty() && UNREAD.contains(localName)) {
        skipping++;
        return;
      }
      records.start(uri, qName, extensionsNamed(atts), locator.getLineNumber(), locator.getColumnNumber());
    }

    /** The same attributes, with those of iatipub's namespace under the prefix {@code iatipub}. */
    private static Attributes extensionsNamed(Attributes atts) {
      AttributesImpl renamed = null;
      for (int i = 0; i < atts.getLength(); i++) {
        boolean ours = Extension.NAMESPACE.equals(atts.getURI(i));
        if (ours || atts.getQName(i).startsWith(Extension.PREFIX + ":")) {
          if (renamed == null) {
            renamed = new AttributesImpl(atts);
          }
          // Another namespace bound to the same prefix must not pass for ours.
          renamed.setQName(i, ours ? Extension.PREFIX + ":" + atts.getLocalName(i) : "{" + atts.getURI(i) + "}" + atts.getLocalName(i));
        }
      }
      return renamed == null ? atts : renamed;
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (skipping == 0 && records.depth() > 0) {
        records.text(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
      if (skipping > 0) {
        skipping--;
        return;
      }
      if (records.depth() == 0) {
        return; // the root's end
      }
      Node node = records.end();
      if (records.depth() == 0 && node.isIati() && node.name().equals("iati-activity")) {
        try {
          visitor.activity(node, shown);
        } catch (IOException e) {
          throw new SAXException(e.getMessage(), e);
        }
      }
    }

    @Override
    public void error(SAXParseException e) {
      // Not validating: only fatal errors stop a read, and they are thrown.
    }
  }
}
