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
      return Finding.error("xml/doctype", at,
          "the file has a DOCTYPE declaration; IATI files never need one, and for safety iatipub does not"
              + " process DTDs or entities (no external entities are fetched, no entity is expanded): remove the declaration");
    }
    if (message.contains("Content is not allowed in prolog")) {
      return Finding.error("xml/not-xml", at, "this is not an XML file: there is text before the first element");
    }
    if (message.contains("Premature end of file")) {
      return Finding.error("xml/truncated", at, "the file ends before its root element is closed (truncated or empty)");
    }
    if (message.contains("byte") && message.contains("UTF-8")) {
      return Finding.error("xml/encoding", at, "bytes that are not valid in the file's declared encoding: " + message);
    }
    return Finding.error("xml/not-well-formed", at, "not well-formed XML: " + message);
  }
}
