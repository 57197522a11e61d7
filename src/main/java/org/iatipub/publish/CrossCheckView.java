package org.iatipub.publish;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.iatipub.validation.Check;
import org.iatipub.validation.Node;

/**
 * What the checks that compare activities (duplicate identifiers, cited activities) read of one
 * activity, kept with it in the state: an activity published again unchanged is not written again,
 * but these checks must still see it, as they see every activity of the file. Each check says which
 * nodes it reads ({@link Check#reads}); the view holds those (their attributes and text), their
 * ancestors (by name only), and the same-named siblings before them (empty), so that every node kept
 * has the path it has in the whole activity (findings are placed by path).
 */
final class CrossCheckView {
  private CrossCheckView() {}

  /** The view of {@code record} for {@code checks} (the checks that span records). */
  static Node of(Node record, List<Check> checks) {
    Node view = prune(record, "", checks, true);
    return view;
  }

  /**
   * {@code node} as the checks read it: its attributes and text when one reads it, and its children
   * that one reads or that hold one read; null when no check reads it or anything in it (the
   * record itself is always kept).
   */
  private static Node prune(Node node, String path, List<Check> checks, boolean record) {
    List<Node> children = node.children();
    Node[] kept = new Node[children.size()];
    boolean any = false;
    for (int i = 0; i < children.size(); i++) {
      Node child = children.get(i);
      kept[i] = prune(child, path.isEmpty() ? child.name() : path + "/" + child.name(), checks, false);
      any |= kept[i] != null;
    }
    boolean read = reads(checks, path, node);
    if (!any && !read && !record) {
      return null;
    }
    // A sibling of the same name before a kept node stays, empty: the kept node's position counts it.
    Set<String> later = new HashSet<>();
    List<Node> view = new ArrayList<>();
    for (int i = children.size() - 1; i >= 0; i--) {
      String name = positionName(children.get(i));
      if (kept[i] != null) {
        view.add(kept[i]);
        later.add(name);
      } else if (later.contains(name)) {
        view.add(empty(children.get(i)));
      }
    }
    Collections.reverse(view);
    return read
        ? new Node(node.name(), node.namespace(), node.attributes(), node.text(), node.writtenText(), view, node.line(),
            node.column())
        : new Node(node.name(), node.namespace(), Map.of(), "", "", view, node.line(), node.column());
  }

  private static boolean reads(List<Check> checks, String path, Node node) {
    for (Check check : checks) {
      if (check.reads(path, node)) {
        return true;
      }
    }
    return false;
  }

  /** An element with its name only: it stands for one no check reads. */
  private static Node empty(Node node) {
    return new Node(node.name(), node.namespace(), Map.of(), "", List.of(), 0, 0);
  }

  /** The name positions are counted by: the namespace and the local name (as in the writer's paths). */
  private static String positionName(Node node) {
    return node.namespace() + " " + node.name().substring(node.name().indexOf(':') + 1);
  }

  /** Writes a view as JSON: {@code name}, then only what it has of {@code namespace, attributes, text, children}. */
  static void write(JsonGenerator json, Node node) throws IOException {
    json.writeStartObject();
    json.writeStringField("name", node.name());
    if (!node.namespace().isEmpty()) {
      json.writeStringField("namespace", node.namespace());
    }
    if (!node.attributes().isEmpty()) {
      json.writeObjectFieldStart("attributes");
      for (Map.Entry<String, String> attribute : new TreeMap<>(node.attributes()).entrySet()) {
        json.writeStringField(attribute.getKey(), attribute.getValue());
      }
      json.writeEndObject();
    }
    if (!node.text().isEmpty()) {
      json.writeStringField("text", node.text());
    }
    if (!node.writtenText().equals(node.text())) {
      json.writeStringField("written-text", node.writtenText());
    }
    if (node.line() != 0 || node.column() != 0) {
      json.writeNumberField("line", node.line());
      json.writeNumberField("column", node.column());
    }
    if (!node.children().isEmpty()) {
      json.writeArrayFieldStart("children");
      for (Node child : node.children()) {
        write(json, child);
      }
      json.writeEndArray();
    }
    json.writeEndObject();
  }

  /** The view {@link #write} wrote. */
  static Node read(JsonNode json) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = json.path("attributes").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> attribute = it.next();
      attributes.put(attribute.getKey(), attribute.getValue().asText());
    }
    List<Node> children = new ArrayList<>();
    for (JsonNode child : json.path("children")) {
      children.add(read(child));
    }
    String text = json.path("text").asText("");
    return new Node(json.path("name").asText(), json.path("namespace").asText(""), attributes, text,
        json.has("written-text") ? json.get("written-text").asText() : text, children, json.path("line").asLong(0),
        json.path("column").asLong(0));
  }

  /**
   * The path of {@code node} in {@code record} (as the writer's paths: {@code
   * iati-activity/transaction[3]/provider-org[1]}), found by identity; null when it is not in it.
   */
  static String pathOf(Node record, Node node) {
    return find(record, localName(record.name()), node);
  }

  private static String find(Node at, String path, Node wanted) {
    if (at == wanted) {
      return path;
    }
    Map<String, Integer> seen = new HashMap<>();
    for (Node child : at.children()) {
      String name = pathName(child);
      String found = find(child, path + "/" + name + "[" + seen.merge(name, 1, Integer::sum) + "]", wanted);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static String pathName(Node node) {
    return ActivityWriter.pathName(node.namespace(), localName(node.name()));
  }

  private static String localName(String qualified) {
    return qualified.substring(qualified.indexOf(':') + 1);
  }
}
