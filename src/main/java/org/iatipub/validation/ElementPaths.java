package org.iatipub.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The XPath of each element as the file is read ({@code /iati-activities/iati-activity[3]/sector[2]}),
 * for findings to name the element they are about. Only the open elements and those of the record
 * being read are known; a path is built as text only when a finding asks for it.
 */
final class ElementPaths {
  /** An element met: its name, its number among its parent's children of that name, its parent. */
  private record Element(String name, int position, int parent) {}

  /** Elements of the root and the current record, in document order; the open ones are on {@link #open}. */
  private final List<Element> elements = new ArrayList<>();
  /** Indexes into {@link #elements} of the open elements, outermost first. */
  private final List<Integer> open = new ArrayList<>();
  /** Per open element, how many children of each name it has had so far. */
  private final List<Map<String, Integer>> childCounts = new ArrayList<>();
  /** Where each element of the current record starts (line and column where its start tag ends). */
  private final Map<Long, Integer> byPosition = new HashMap<>();

  void start(String name, long line, long column) {
    int parent = open.isEmpty() ? -1 : open.get(open.size() - 1);
    int position = 1;
    if (!childCounts.isEmpty()) {
      position = childCounts.get(childCounts.size() - 1).merge(name, 1, Integer::sum);
    }
    elements.add(new Element(name, position, parent));
    int index = elements.size() - 1;
    open.add(index);
    childCounts.add(new HashMap<>(4));
    byPosition.putIfAbsent(key(line, column), index);
  }

  void end() {
    open.remove(open.size() - 1);
    childCounts.remove(childCounts.size() - 1);
    if (open.size() == 1) {
      // A record ended: forget its elements, keeping the root (always the first).
      elements.subList(1, elements.size()).clear();
      byPosition.clear();
    }
  }

  /** The path of the innermost open element; empty outside the root. */
  String current() {
    return open.isEmpty() ? "" : path(open.get(open.size() - 1));
  }

  /** The path of the element of the current record whose start tag ends at this line and column; empty when none does. */
  String at(long line, long column) {
    Integer index = byPosition.get(key(line, column));
    return index == null ? "" : path(index);
  }

  private String path(int index) {
    StringBuilder path = new StringBuilder();
    for (int at = index; at >= 0; at = elements.get(at).parent()) {
      Element element = elements.get(at);
      String step = element.parent() < 0 ? "/" + element.name() : "/" + element.name() + "[" + element.position() + "]";
      path.insert(0, step);
    }
    return path.toString();
  }

  private static long key(long line, long column) {
    return (line << 24) ^ column;
  }
}
