package org.iatipub.validation.rules;

import java.util.List;
import java.util.stream.Stream;
import org.iatipub.validation.Node;

/** Small walks over a record's tree that several rule families share. */
final class Tree {
  private Tree() {}

  /** IATI descendants (not the node itself) with this name, in document order. */
  static Stream<Node> descendants(Node node, String name) {
    return node.children().stream().flatMap(Node::descendantsAndSelf).filter(n -> n.isIati() && n.name().equals(name));
  }

  /** Children at the end of a simple path of element names, e.g. {@code "transaction", "sector"}. */
  static Stream<Node> path(Node from, String... names) {
    Stream<Node> at = Stream.of(from);
    for (String name : names) {
      at = at.flatMap(n -> n.children(name));
    }
    return at;
  }


  /** Whether any narrative child has text other than whitespace. */
  static boolean hasNarrativeText(Node node) {
    return node.children("narrative").anyMatch(n -> !n.text().isBlank());
  }

  /**
   * The vocabulary of a classification; absent or blank means the standard's default vocabulary
   * {@code 1} (OECD DAC), as the official rules treat it.
   */
  static String vocabulary(Node node) {
    return node.attribute("vocabulary").map(String::strip).filter(v -> !v.isEmpty()).orElse("1");
  }


  static String where(Node node) {
    return node.line() > 0 ? "line " + node.line() : "<" + node.name() + ">";
  }

  static <T> List<T> list(Stream<T> stream) {
    return stream.toList();
  }
}
