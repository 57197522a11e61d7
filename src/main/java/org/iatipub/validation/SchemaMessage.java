package org.iatipub.validation;

import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.xml.sax.SAXParseException;

/** Schema violations in a file as findings at their line and column. */
final class SchemaMessage {
  private SchemaMessage() {}

  static Finding finding(String file, SAXParseException e) {
    return finding(file, e, "");
  }

  /** At the element {@code xpath} names (empty when unknown). */
  static Finding finding(String file, SAXParseException e, String xpath) {
    SchemaViolation violation = SchemaViolation.of(e);
    Location at = new Location.XmlPosition(file, Math.max(e.getLineNumber(), 0), Math.max(e.getColumnNumber(), 0), xpath);
    return Finding.error(violation.rule(), at, violation.message());
  }
}
