package org.iatipub.validation;

import org.xml.sax.SAXParseException;

/**
 * A schema validator's complaint as a finding's rule and message: the rule is the official
 * validator's schema id, and the message keeps the XML Schema constraint it names (such as {@code
 * cvc-complex-type.2.4.a}) at its end, for those who look constraints up.
 */
public record SchemaViolation(String rule, String message) {

  public static SchemaViolation of(SAXParseException e) {
    String message = String.valueOf(e.getMessage());
    int colon = message.indexOf(": ");
    if (message.startsWith("cvc-") && colon > 0) {
      String text = message.substring(colon + 2).strip();
      text = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
      return new SchemaViolation(FileLevelRule.SCHEMA.id(), text + " (schema constraint " + message.substring(0, colon) + ")");
    }
    return new SchemaViolation(FileLevelRule.SCHEMA.id(), message);
  }
}
