package org.iatipub.validation;

import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.xml.sax.SAXParseException;

/**
 * Schema violations as findings. The validator's messages start with the XML Schema constraint
 * they break (such as {@code cvc-complex-type.2.4.a}); that becomes the rule id, so a report can
 * be filtered and compared by constraint.
 */
final class SchemaMessage {
  private SchemaMessage() {}

  static Finding finding(String file, SAXParseException e) {
    String message = String.valueOf(e.getMessage());
    String rule = "xsd";
    int colon = message.indexOf(": ");
    if (message.startsWith("cvc-") && colon > 0) {
      rule = "xsd/" + message.substring(0, colon);
      message = message.substring(colon + 2);
    }
    Location at = new Location.XmlPosition(file, Math.max(e.getLineNumber(), 0), Math.max(e.getColumnNumber(), 0));
    return Finding.error(rule, at, message);
  }
}
