package org.iatipub.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xml.sax.Attributes;

/**
 * Builds {@link Node} trees from SAX-style events. Both {@code validate} (reading a file) and
 * {@code publish} (writing an activity) feed it, so the checks see the same trees either way.
 */
public final class NodeBuilder {
  private final Deque<Building> open = new ArrayDeque<>();

  /** Opens an element inside the innermost open one (or as a new outermost element). */
  public void start(String uri, String qName, Attributes atts, long line, long column) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 0; i < atts.getLength(); i++) {
      attributes.put(atts.getQName(i), atts.getValue(i));
    }
    open.push(new Building(qName, uri == null ? "" : uri, attributes, line, column));
  }

  /** Text of the innermost open element. */
  public void text(char[] ch, int start, int length) {
    open.peek().text.append(ch, start, length);
  }

  /** Closes the innermost open element and returns it, already added to its parent's children. */
  public Node end() {
    Node node = open.pop().build();
    if (!open.isEmpty()) {
      open.peek().children.add(node);
    }
    return node;
  }

  /** How many elements are open: 0 when the last outermost element has been closed. */
  public int depth() {
    return open.size();
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
