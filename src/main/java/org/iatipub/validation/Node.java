package org.iatipub.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One element of an IATI record (an activity or an organisation), with where it started in its
 * file. Rule and codelist checks read records as small trees of nodes: a record at a time, so a
 * file of any size is checked in bounded memory.
 *
 * @param name the element's name as written, with its prefix for namespaced extensions
 * @param namespace the element's namespace URI, empty for IATI elements
 * @param attributes attributes by qualified name ({@code xml:lang} keeps its prefix)
 * @param text the element's own text, trimmed: what nearly every check wants
 * @param writtenText the same text untrimmed, as the parser delivered it, for the rules that judge
 *     surrounding spaces and line breaks themselves (an identifier must not have any)
 * @param children child elements in document order
 * @param line 1-based line of the start tag, 0 when unknown (records built from CSV rows)
 * @param column 1-based column of the start tag, 0 when unknown
 */
public record Node(
    String name,
    String namespace,
    Map<String, String> attributes,
    String text,
    String writtenText,
    List<Node> children,
    long line,
    long column) {

  public Node {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(writtenText, "writtenText");
    attributes = Map.copyOf(attributes);
    children = List.copyOf(children);
  }

  /**
   * A node whose text has nothing around it to keep, such as one built from data rather than read
   * from a file: its written text is its text.
   */
  public Node(String name, String namespace, Map<String, String> attributes, String text, List<Node> children, long line, long column) {
    this(name, namespace, attributes, text, text, children, line, column);
  }

  /** The attribute's value, or empty when absent. Blank values count as present. */
  public Optional<String> attribute(String qualifiedName) {
    return Optional.ofNullable(attributes.get(qualifiedName));
  }

  /** Direct IATI children with this name, in document order. */
  public Stream<Node> children(String childName) {
    return children.stream().filter(c -> c.namespace.isEmpty() && c.name.equals(childName));
  }

  /** The first direct IATI child with this name. */
  public Optional<Node> child(String childName) {
    for (Node child : children) {
      if (child.namespace.isEmpty() && child.name.equals(childName)) {
        return Optional.of(child);
      }
    }
    return Optional.empty();
  }

  /** This node and all of its descendants, depth first in document order. */
  public Stream<Node> descendantsAndSelf() {
    // Collected by a plain walk: nested concatenated streams cost far more than the walk itself.
    List<Node> all = new ArrayList<>();
    addWithDescendants(all);
    return all.stream();
  }

  private void addWithDescendants(List<Node> all) {
    all.add(this);
    for (Node child : children) {
      child.addWithDescendants(all);
    }
  }

  public boolean isIati() {
    return namespace.isEmpty();
  }
}
