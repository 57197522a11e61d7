package org.iatipub.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;

/**
 * Builds each record (every child of the root element) as a tree of {@link Node}s from the SAX
 * stream and hands it to the checks, then forgets it. Only one record is in memory at a time.
 */
final class RecordReader {
  private final List<Check> checks;
  private final Reporter reporter;
  private final Deque<Building> open = new ArrayDeque<>();
  private Locator locator;

  RecordReader(List<Check> checks, Reporter reporter) {
    this.checks = checks;
    this.reporter = reporter;
  }

  void setLocator(Locator locator) {
    this.locator = locator;
  }

  void startElement(String uri, String qName, Attributes atts) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 0; i < atts.getLength(); i++) {
      attributes.put(atts.getQName(i), atts.getValue(i));
    }
    long line = locator == null ? 0 : locator.getLineNumber();
    long column = locator == null ? 0 : locator.getColumnNumber();
    Building node = new Building(qName, uri == null ? "" : uri, attributes, line, column);
    if (open.isEmpty()) {
      Node root = node.build();
      checks.forEach(check -> check.root(root, reporter));
    }
    open.push(node);
  }

  void characters(char[] ch, int start, int length) {
    // Text matters only inside records; the root's own whitespace is never kept.
    if (open.size() > 1) {
      open.peek().text.append(ch, start, length);
    }
  }

  void endElement() {
    Building done = open.pop();
    if (open.isEmpty()) {
      checks.forEach(check -> check.end(reporter));
      return;
    }
    Node node = done.build();
    if (open.size() == 1) {
      if (node.isIati()) {
        checks.forEach(check -> check.record(node, reporter));
      }
    } else {
      open.peek().children.add(node);
    }
  }

  private static final class Building {
    final String name;
    final String namespace;
    final Map<String, String> attributes;
    final long line;
    final long column;
    final StringBuilder text = new StringBuilder();
    final List<Node> children = new ArrayList<>();

    Building(String name, String namespace, Map<String, String> attributes, long line, long column) {
      this.name = name;
      this.namespace = namespace;
      this.attributes = attributes;
      this.line = line;
      this.column = column;
    }

    Node build() {
      String written = text.toString();
      return new Node(name, namespace, attributes, written.strip(), written, children, line, column);
    }
  }
}
