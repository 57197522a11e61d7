package org.iatipub.publish;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.iatipub.mapping.XmlElement;
import org.iatipub.model.ModelEvents;
import org.iatipub.model.ModelRule;
import org.iatipub.validation.SchemaViolation;
import org.xml.sax.ContentHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * Writes an {@code iati-organisation} and validates it against the organisation schema in the same
 * pass: each element's events go to a serializer and to a validator that sees it inside an {@code
 * iati-organisations} root. A schema problem is reported at the cell of the element being written
 * when the validator raised it.
 */
final class OrganisationWriter implements ErrorHandler {
  private final List<Finding> problems = new ArrayList<>();
  private final String identifier;
  private XmlElement current;

  private OrganisationWriter(String identifier) {
    this.identifier = identifier;
  }

  /**
   * What writing gave.
   *
   * @param xml the organisation's UTF-8 bytes (no XML declaration), usable only when problems is empty
   * @param problems schema violations at their cells
   */
  record Written(byte[] xml, List<Finding> problems) {
    boolean valid() {
      return problems.isEmpty();
    }
  }

  static Written write(XmlElement organisation, Schema schema, String identifier) {
    OrganisationWriter writer = new OrganisationWriter(identifier);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      RecordSerializer serializer = new RecordSerializer().to(bytes);
      ValidatorHandler validator = schema.newValidatorHandler();
      validator.setErrorHandler(writer);
      serializer.startDocument();
      validator.startDocument();
      AttributesImpl root = new AttributesImpl();
      root.addAttribute("", "version", "version", "CDATA", "2.03");
      validator.startElement("", "iati-organisations", "iati-organisations", root);
      writer.emit(organisation, serializer, validator);
      validator.endElement("", "iati-organisations", "iati-organisations");
      validator.endDocument();
      serializer.endDocument();
    } catch (SAXException e) {
      writer.problems.add(ModelRule.UNWRITABLE.at(organisation.source(),
          "the organisation '" + identifier + "' could not be written: " + e.getMessage()));
    }
    return new Written(bytes.toByteArray(), List.copyOf(writer.problems));
  }

  private void emit(XmlElement element, ContentHandler serializer, ValidatorHandler validator) throws SAXException {
    current = element;
    AttributesImpl attributes = new AttributesImpl();
    for (XmlElement.Attribute attribute : element.attributes()) {
      attributes.addAttribute(attribute.name().getNamespaceURI(), attribute.name().getLocalPart(),
          ModelEvents.written(attribute.name()), "CDATA", attribute.value());
    }
    String name = element.name().getLocalPart();
    serializer.startElement("", name, name, attributes);
    validator.startElement("", name, name, attributes);
    if (element.text() != null) {
      char[] text = element.text().toCharArray();
      serializer.characters(text, 0, text.length);
      validator.characters(text, 0, text.length);
    }
    for (XmlElement child : element.children()) {
      emit(child, serializer, validator);
    }
    current = element; // a missing child is reported at the end tag: point to the element's own cell
    serializer.endElement("", name, name);
    validator.endElement("", name, name);
  }

  @Override
  public void warning(SAXParseException e) {}

  @Override
  public void error(SAXParseException e) {
    SchemaViolation violation = SchemaViolation.of(e);
    Location.Cell cell = current == null ? null : current.source();
    Location where = cell == null ? new Location.WholeFile("organisation") : cell;
    problems.add(Finding.error(violation.rule(), where,
        "organisation '" + identifier + "', " + current.name().getLocalPart() + ": " + violation.message()));
  }

  @Override
  public void fatalError(SAXParseException e) {
    error(e);
  }
}
