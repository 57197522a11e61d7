package org.iatipub.flatten;

import java.util.List;
import javax.xml.namespace.QName;

/**
 * One element of an IATI record as read from its file, with the prefixes it was written with:
 * the small tree of one activity (or organisation) that flatten cuts into rows, then forgets.
 *
 * @param name the element's name, namespace and prefix
 * @param attributes in document order, namespace declarations left out
 * @param text the element's own text, untrimmed; empty when it has none
 * @param children child elements in document order
 * @param line where its start tag ends in the file, for findings
 */
record ElementTree(QName name, List<Attribute> attributes, String text, List<ElementTree> children, long line) {
  /** An attribute, with its namespace and prefix. */
  record Attribute(QName name, String value) {}

  ElementTree {
    attributes = List.copyOf(attributes);
    children = List.copyOf(children);
  }

  /** True when there is nothing in it: no attribute, no text but spaces, no child. */
  boolean isEmpty() {
    return attributes.isEmpty() && text.isBlank() && children.isEmpty();
  }

  /** The text of the first child with this name in no namespace, trimmed; empty when there is none. */
  String childText(String localName) {
    for (ElementTree child : children) {
      if (child.name().getNamespaceURI().isEmpty() && child.name().getLocalPart().equals(localName)) {
        return child.text().strip();
      }
    }
    return "";
  }
}
