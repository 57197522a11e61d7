package org.iatipub.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.xml.validation.ValidatorHandler;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.iatipub.finding.Severity;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Chooses the schema from the root element, then forwards the rest of the SAX stream to that
 * schema's validator. Deciding at the root lets a file be classified and validated in one pass.
 */
final class SchemaDispatch extends DefaultHandler {
  private static final String SUPPORTED_VERSION = "2.03";

  private final SchemaSet schemas;
  private final String file;
  private final Consumer<Finding> findings;
  private final Consumer<Finding> checkFindings;
  private final CheckSuite checks;
  private final List<String[]> pendingPrefixes = new ArrayList<>();
  private RecordReader records;
  private Locator locator;
  private ValidatorHandler validator;
  private DocumentKind kind;

  SchemaDispatch(SchemaSet schemas, CheckSuite checks, String file, Consumer<Finding> findings, Consumer<Finding> checkFindings) {
    this.schemas = schemas;
    this.checkFindings = checkFindings;
    this.checks = checks;
    this.file = file;
    this.findings = findings;
  }

  DocumentKind kind() {
    return kind;
  }

  /** Lets the checks go of what they kept for the file, whether or not it was read to its end. */
  void close() {
    if (records != null) {
      records.close();
    }
  }

  @Override
  public void setDocumentLocator(Locator locator) {
    this.locator = locator;
  }

  @Override
  public void startPrefixMapping(String prefix, String uri) throws SAXException {
    if (validator == null) {
      pendingPrefixes.add(new String[] {prefix, uri});
    } else {
      validator.startPrefixMapping(prefix, uri);
    }
  }

  @Override
  public void endPrefixMapping(String prefix) throws SAXException {
    validator.endPrefixMapping(prefix);
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
    if (validator == null) {
      start(uri, localName, qName, atts);
    }
    validator.startElement(uri, localName, qName, atts);
    records.startElement(uri, qName, atts);
  }

  private void start(String uri, String localName, String qName, Attributes atts) throws SAXException {
    Optional<DocumentKind> found = DocumentKind.ofRoot(uri, localName);
    if (found.isEmpty()) {
      findings.accept(FileRule.ROOT.at(here(),
          "not an IATI file: the root element is <" + qName + ">, expected <iati-activities> or <iati-organisations>"));
      throw new NotIati();
    }
    kind = found.get();
    String version = atts.getValue("", "version");
    if (version != null && !version.strip().equals(SUPPORTED_VERSION)) {
      findings.accept(FileRule.VERSION.at(here(),
          "the file declares IATI version " + version.strip() + "; it is checked against the "
              + SUPPORTED_VERSION + " schema, so differences between versions show up as errors"));
    }
    validator = schemas.schema(kind).newValidatorHandler();
    validator.setErrorHandler(new SchemaErrors());
    if (locator != null) {
      validator.setDocumentLocator(locator);
    }
    validator.startDocument();
    for (String[] mapping : pendingPrefixes) {
      validator.startPrefixMapping(mapping[0], mapping[1]);
    }
    records = new RecordReader(checks.forOneFile(), this::reportCheck);
    records.setLocator(locator);
  }

  private void reportCheck(Severity severity, String rule, Node at, String message) {
    Location where = at.line() > 0 ? new Location.XmlPosition(file, at.line(), at.column()) : new Location.WholeFile(file);
    checkFindings.accept(new Finding(severity, rule, where, message));
  }

  @Override
  public void endElement(String uri, String localName, String qName) throws SAXException {
    validator.endElement(uri, localName, qName);
    records.endElement();
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    if (validator != null) {
      validator.characters(ch, start, length);
      records.characters(ch, start, length);
    }
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
    if (validator != null) {
      validator.ignorableWhitespace(ch, start, length);
    }
  }

  @Override
  public void processingInstruction(String target, String data) throws SAXException {
    if (validator != null) {
      validator.processingInstruction(target, data);
    }
  }

  @Override
  public void endDocument() throws SAXException {
    if (validator != null) {
      validator.endDocument();
    }
  }

  /** Parser warnings and recoverable errors (fatal ones end the parse and are reported by the caller). */
  @Override
  public void error(SAXParseException e) {
    findings.accept(SchemaMessage.finding(file, e));
  }

  @Override
  public void warning(SAXParseException e) {
    findings.accept(SchemaMessage.finding(file, e));
  }

  @Override
  public void fatalError(SAXParseException e) throws SAXException {
    throw e;
  }

  private Location here() {
    return locator == null
        ? new Location.WholeFile(file)
        : new Location.XmlPosition(file, locator.getLineNumber(), locator.getColumnNumber());
  }

  /** Collects every schema violation and lets validation go on to find the next. */
  private final class SchemaErrors implements ErrorHandler {
    @Override
    public void warning(SAXParseException e) {
      findings.accept(SchemaMessage.finding(file, e));
    }

    @Override
    public void error(SAXParseException e) {
      findings.accept(SchemaMessage.finding(file, e));
    }

    @Override
    public void fatalError(SAXParseException e) {
      findings.accept(SchemaMessage.finding(file, e));
    }
  }

  /** Ends the parse of a file whose root shows it is not IATI. */
  static final class NotIati extends SAXException {
    NotIati() {
      super("not an IATI file");
    }
  }
}
