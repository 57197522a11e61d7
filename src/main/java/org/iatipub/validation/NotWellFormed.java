package org.iatipub.validation;

import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.iatipub.xml.SafeXml;
import org.xml.sax.SAXParseException;

/**
 * Turns the parser's fatal errors into findings a person can act on, all under the official
 * validator's id for a file that is not well-formed XML, each saying what exactly is wrong.
 */
public final class NotWellFormed {
  private static final String RULE = FileLevelRule.NOT_WELL_FORMED.id();

  private NotWellFormed() {}

  public static Finding finding(String file, SAXParseException e) {
    Location at = new Location.XmlPosition(file, Math.max(e.getLineNumber(), 0), Math.max(e.getColumnNumber(), 0));
    String message = String.valueOf(e.getMessage());
    if (message.contains(SafeXml.DOCTYPE_REFUSED)) {
      return Finding.error(RULE, at,
          "the file has a DOCTYPE declaration; IATI files never need one, and for safety iatipub does not"
              + " process DTDs or entities (no external entities are fetched, no entity is expanded): remove the declaration");
    }
    if (message.contains("Content is not allowed in prolog")) {
      return Finding.error(RULE, at, "this is not an XML file: there is text before the first element");
    }
    if (message.contains("Premature end of file")) {
      return Finding.error(RULE, at, "the file ends before its root element is closed (truncated or empty)");
    }
    if (message.contains("byte") && message.contains("UTF-8")) {
      return Finding.error(RULE, at, "bytes that are not valid in the file's declared encoding: " + message);
    }
    return Finding.error(RULE, at, "not well-formed XML: " + message);
  }

  /** A file with no bytes at all. */
  public static Finding empty(String file) {
    return Finding.error(RULE, new Location.WholeFile(file),
        "the file is empty; an IATI file starts with <iati-activities> or <iati-organisations>");
  }

  /** A file the parser gave up on for a reason it did not place. */
  public static Finding unreadable(String file, Exception e) {
    return Finding.error(RULE, new Location.WholeFile(file), "cannot be read as XML: " + e.getMessage());
  }
}
