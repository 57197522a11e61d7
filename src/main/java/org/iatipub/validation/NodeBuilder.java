package org.iatipub.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
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
    open.push(new Building(qName, uri == null ? "" : uri, attributes(atts), line, column));
  }

  /** Most elements have no attribute or one: those need no map to be built and then copied. */
  private static Map<String, String> attributes(Attributes atts) {
    int count = atts.getLength();
    if (count == 0) {
      return Map.of();
    }
    if (count == 1) {
      return Map.of(atts.getQName(0), atts.getValue(0));
    }
    Map<String, String> attributes = new HashMap<>(count * 2);
    for (int i = 0; i < count; i++) {
      attributes.put(atts.getQName(i), atts.getValue(i));
    }
    return attributes;
  }

  /** Text of the innermost open element. */
  public void text(char[] ch, int start, int length) {
    Building building = open.peek();
    if (building.text == null) {
      building.text = new StringBuilder(length);
    }
    building.text.append(ch, start, length);
  }

  /** Closes the innermost open element and returns it, already added to its parent's children. */
  public Node end() {
    Node node = open.pop().build();
    if (!open.isEmpty()) {
      open.peek().add(node);
    }
    return node;
  }

  /** How many elements are open: 0 when the last outermost element has been closed. */
  public int depth() {
    return open.size();
  }

  /** An open element; its text and children are made only when it has some, as most elements have neither. */
  private static final class Building {
    final String name;
    final String namespace;
    final Map<String, String> attributes;
    final long line;
    final long column;
    StringBuilder text;
    List<Node> children;

    Building(String name, String namespace, Map<String, String> attributes, long line, long column) {
      this.name = name;
      this.namespace = namespace;
      this.attributes = attributes;
      this.line = line;
      this.column = column;
    }

    void add(Node child) {
      if (children == null) {
        children = new ArrayList<>();
      }
      children.add(child);
    }

    Node build() {
      String written = text == null ? "" : text.toString();
      return new Node(name, namespace, attributes, written.strip(), written, children == null ? List.of() : children, line, column);
    }
  }
}
