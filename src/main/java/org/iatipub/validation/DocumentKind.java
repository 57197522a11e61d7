package org.iatipub.validation;

import java.util.Optional;

/** The two kinds of IATI file, told apart by their root element, each a list of records. */
public enum DocumentKind {
  ACTIVITIES("iati-activities", "iati-activity", "iati-activities-schema.xsd"),
  ORGANISATIONS("iati-organisations", "iati-organisation", "iati-organisations-schema.xsd");

  private final String rootElement;
  private final String recordElement;
  private final String schemaFile;

  DocumentKind(String rootElement, String recordElement, String schemaFile) {
    this.rootElement = rootElement;
    this.recordElement = recordElement;
    this.schemaFile = schemaFile;
  }

  public String rootElement() {
    return rootElement;
  }

  /** The element of one record in such a file. */
  public String recordElement() {
    return recordElement;
  }

  /** The schema's file name, the same in the bundled set and in an official IATI download. */
  public String schemaFile() {
    return schemaFile;
  }

  /** The kind whose root element this is; IATI elements are in no namespace. */
  public static Optional<DocumentKind> ofRoot(String namespaceUri, String localName) {
    if (namespaceUri != null && !namespaceUri.isEmpty()) {
      return Optional.empty();
    }
    for (DocumentKind kind : values()) {
      if (kind.rootElement.equals(localName)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
