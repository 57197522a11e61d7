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
 *
 * <p>A root that is not IATI (0.2.1), or that declares a version iatipub does not validate (0.6.1),
 * ends the checks, as with the official validator; the rest of the file is still read, without
 * validating it, so that a file which is not well-formed is reported as that (0.1.1) instead.
 */
final class SchemaDispatch extends DefaultHandler {
  /** The version the schemas are, and the earlier 2.0x ones that are checked against them. */
  private static final String SCHEMA_VERSION = "2.03";
  private static final List<String> SUPPORTED_VERSIONS = List.of("2.01", "2.02", "2.03");

  private final SchemaSet schemas;
  private final String file;
  private final Consumer<Finding> findings;
  private final Consumer<Finding> checkFindings;
  private final CheckSuite checks;
  /** Whether a version no longer supported ends the checks (it does but for schema-only runs). */
  private final boolean versionGate;
  private final Consumer<RecordSpan> spans;
  private final ElementPaths paths = new ElementPaths();
  private final List<String[]> pendingPrefixes = new ArrayList<>();
  private RecordReader records;
  private Locator locator;
  private ValidatorHandler validator;
  private DocumentKind kind;
  private String version = "";
  /** The file-level finding that ended the checks at the root, reported once the file proves well-formed. */
  private Finding stoppedBy;

  SchemaDispatch(SchemaSet schemas, CheckSuite checks, boolean versionGate, String file, Consumer<Finding> findings,
      Consumer<Finding> checkFindings, Consumer<RecordSpan> spans) {
    this.schemas = schemas;
    this.spans = spans;
    this.versionGate = versionGate;
    this.checkFindings = checkFindings;
    this.checks = checks;
    this.file = file;
    this.findings = findings;
  }

  DocumentKind kind() {
    return kind;
  }

  /** The version the IATI root declares, trimmed; empty when none or before the root. */
  String version() {
    return version;
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
    if (validator != null) {
      validator.startPrefixMapping(prefix, uri);
    } else if (stoppedBy == null) {
      pendingPrefixes.add(new String[] {prefix, uri});
    }
  }

  @Override
  public void endPrefixMapping(String prefix) throws SAXException {
    if (validator != null) {
      validator.endPrefixMapping(prefix);
    }
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
    if (validator == null && stoppedBy == null) {
      start(uri, localName, qName, atts);
    }
    if (validator != null) {
      // Pushed first, so that the schema's complaint about an element names that element.
      paths.start(qName, locator == null ? 0 : locator.getLineNumber(), locator == null ? 0 : locator.getColumnNumber());
      validator.startElement(uri, localName, qName, atts);
      records.startElement(uri, qName, atts);
    }
  }

  private void start(String uri, String localName, String qName, Attributes atts) throws SAXException {
    Optional<DocumentKind> found = DocumentKind.ofRoot(uri, localName);
    if (found.isEmpty()) {
      stoppedBy = Finding.error(FileLevelRule.NOT_IATI.id(), here(),
          "not an IATI file: the root element is <" + qName + ">, expected <iati-activities> or <iati-organisations>");
      return;
    }
    kind = found.get();
    String declared = atts.getValue("", "version");
    version = declared == null ? "" : declared.strip();
    if (versionGate && !SUPPORTED_VERSIONS.contains(version)) {
      stoppedBy = Finding.error(FileLevelRule.UNSUPPORTED_VERSION.id(), here(), (version.isEmpty()
          ? "the file declares no IATI version (version 1 files had none)"
          : "the file declares IATI version " + version + (version.startsWith("1.") ? ", which is retired" : ", which is not one iatipub validates (" + String.join(", ", SUPPORTED_VERSIONS) + ")"))
          + "; publish it as version " + SCHEMA_VERSION + " (<" + qName + " version=\"" + SCHEMA_VERSION + "\">); nothing else in it was checked");
      return;
    }
    if (!version.equals(SCHEMA_VERSION)) {
      findings.accept(Finding.warning("iati/version", here(),
          "the file declares " + (version.isEmpty() ? "no IATI version" : "IATI version " + version) + "; it is checked against the "
              + SCHEMA_VERSION + " schema, so differences between versions show up as errors"));
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
    records = new RecordReader(checks.forOneFile(), kind.recordElement(), this::reportCheck, spans);
    records.setLocator(locator);
  }

  private void reportCheck(Severity severity, String rule, Node at, String message) {
    Location where = at.line() > 0
        ? new Location.XmlPosition(file, at.line(), at.column()).withXpath(paths.at(at.line(), at.column()))
        : new Location.WholeFile(file);
    checkFindings.accept(new Finding(severity, rule, where, message));
  }

  @Override
  public void endElement(String uri, String localName, String qName) throws SAXException {
    if (validator != null) {
      validator.endElement(uri, localName, qName);
      records.endElement();
      paths.end();
    }
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
    if (stoppedBy != null) {
      findings.accept(stoppedBy); // the file was read to its end: it is well-formed, and this is what is wrong
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
      findings.accept(SchemaMessage.finding(file, e, paths.current()));
    }

    @Override
    public void error(SAXParseException e) {
      findings.accept(SchemaMessage.finding(file, e, paths.current()));
    }

    @Override
    public void fatalError(SAXParseException e) {
      findings.accept(SchemaMessage.finding(file, e, paths.current()));
    }
  }
}
