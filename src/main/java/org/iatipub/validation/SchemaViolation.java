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
      return new SchemaViolation(FileRule.ofSchemaConstraint(message.substring(0, colon)), message.substring(colon + 2));
    }
    // Xerces names a cvc- constraint for every breach in a document; anything else still falls under xsd/*.
    return new SchemaViolation(FileRule.ofSchemaConstraint("other"), message);
  }
}
