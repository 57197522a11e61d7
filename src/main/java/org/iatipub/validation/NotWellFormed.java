package org.iatipub.validation;

import org.iatipub.finding.Finding;
import org.iatipub.xml.SafeXml;
import org.iatipub.finding.Location;
import org.xml.sax.SAXParseException;

/** Turns the parser's fatal errors into findings a person can act on. */
public final class NotWellFormed {
  private NotWellFormed() {}

  public static Finding finding(String file, SAXParseException e) {
    Location at = new Location.XmlPosition(file, Math.max(e.getLineNumber(), 0), Math.max(e.getColumnNumber(), 0));
    String message = String.valueOf(e.getMessage());
    if (message.contains(SafeXml.DOCTYPE_REFUSED)) {
      return FileRule.DOCTYPE.at(at,
          "the file has a DOCTYPE declaration; IATI files never need one, and for safety iatipub does not"
              + " process DTDs or entities (no external entities are fetched, no entity is expanded): remove the declaration");
    }
    if (message.contains("Content is not allowed in prolog")) {
      return FileRule.NOT_XML.at(at, "this is not an XML file: there is text before the first element");
    }
    // A file cut off before its first element ends is "premature"; one cut off inside an element
    // leaves "structures" that "must start and end within the same entity".
    if (message.contains("Premature end of file") || message.contains("must start and end within the same entity")) {
      return FileRule.TRUNCATED.at(at, "the file ends before its root element is closed (truncated or empty)");
    }
    if (message.contains("byte") && message.contains("UTF-8")) {
      return FileRule.ENCODING.at(at, "bytes that are not valid in the file's declared encoding: " + message);
    }
    return FileRule.NOT_WELL_FORMED.at(at, "not well-formed XML: " + message);
  }
}
