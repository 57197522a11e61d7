package org.iatipub.validation.rules;

import java.util.ArrayList;
import java.util.List;
import org.iatipub.validation.Node;

/**
 * Small walks over a record's tree that several rule families share. Plain loops into lists, not
 * streams: every rule runs on every record, and setting up stream pipelines on every element of
 * an activity cost more than the checks themselves.
 */
final class Tree {
  private Tree() {}

  /** Direct IATI children with this name, in document order. */
  static List<Node> children(Node node, String name) {
    List<Node> found = new ArrayList<>();
    addChildren(node, name, found);
    return found;
  }

  /** The first direct IATI child with this name, or null. */
  static Node firstChild(Node node, String name) {
    for (Node child : node.children()) {
      if (named(child, name)) {
        return child;
      }
    }
    return null;
  }

  static boolean hasChild(Node node, String name) {
    return firstChild(node, name) != null;
  }

  /** IATI descendants (not the node itself) with this name, in document order. */
  static List<Node> descendants(Node node, String name) {
    List<Node> found = new ArrayList<>();
    addDescendants(node, name, found);
    return found;
  }

  private static void addDescendants(Node node, String name, List<Node> found) {
    for (Node child : node.children()) {
      if (named(child, name)) {
        found.add(child);
      }
      addDescendants(child, name, found);
    }
  }

  /** Children at the end of a simple path of element names, e.g. {@code "transaction", "sector"}. */
  static List<Node> path(Node from, String first, String second) {
    List<Node> found = new ArrayList<>();
    for (Node step : from.children()) {
      if (named(step, first)) {
        addChildren(step, second, found);
      }
    }
    return found;
  }

  static List<Node> path(Node from, String first, String second, String third) {
    List<Node> found = new ArrayList<>();
    for (Node step : path(from, first, second)) {
      addChildren(step, third, found);
    }
    return found;
  }

  private static void addChildren(Node node, String name, List<Node> found) {
    for (Node child : node.children()) {
      if (named(child, name)) {
        found.add(child);
      }
    }
  }

  static boolean named(Node node, String name) {
    return node.isIati() && node.name().equals(name);
  }

  /** Whether any narrative child has text other than whitespace. */
  static boolean hasNarrativeText(Node node) {
    for (Node child : node.children()) {
      if (named(child, "narrative") && !child.text().isBlank()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The vocabulary of a classification; absent or blank means the standard's default vocabulary
   * {@code 1} (OECD DAC), as the official rules treat it.
   */
  static String vocabulary(Node node) {
    String vocabulary = node.attributes().get("vocabulary");
    if (vocabulary == null) {
      return "1";
    }
    String stripped = vocabulary.strip();
    return stripped.isEmpty() ? "1" : stripped;
  }

  static String where(Node node) {
    return node.line() > 0 ? "line " + node.line() : "<" + node.name() + ">";
  }
}
