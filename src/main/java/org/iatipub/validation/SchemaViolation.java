package org.iatipub.validation;

import org.xml.sax.SAXParseException;

/**
 * A schema validator's complaint, split into the XML Schema constraint it names (such as {@code
 * xsd/cvc-complex-type.2.4.a}, the rule id of the finding) and the message that follows it.
 */
public record SchemaViolation(String rule, String message) {

  public static SchemaViolation of(SAXParseException e) {
    String message = String.valueOf(e.getMessage());
    int colon = message.indexOf(": ");
    if (message.startsWith("cvc-") && colon > 0) {
      return new SchemaViolation("xsd/" + message.substring(0, colon), message.substring(colon + 2));
    }
    return new SchemaViolation("xsd", message);
  }
}
