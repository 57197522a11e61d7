package org.iatipub.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import org.iatipub.finding.Location;

/**
 * An element of an activity as the mapping rules build it, before it is bound to the IATI model:
 * names, attributes, text and children, each remembering the CSV cell it came from, so a problem
 * found later (by the model or the schema) can still name file, row and column. Children may be in
 * any order; binding to the model puts them in schema order.
 *
 * @param name the element name (with namespace for extension elements)
 * @param attributes in the order they were set
 * @param children in the order they were added
 * @param text the element's text, or null
 * @param source the cell that gave the text, or else the first cell that made the element
 */
public record XmlElement(
    QName name, List<Attribute> attributes, List<XmlElement> children, String text, Location.Cell source) {

  /** An attribute and the cell it came from. */
  public record Attribute(QName name, String value, Location.Cell source) {}

  public XmlElement {
    attributes = List.copyOf(attributes);
    children = List.copyOf(children);
  }

  public static Builder element(String name) {
    return new Builder(new QName(name));
  }

  public static Builder element(QName name) {
    return new Builder(name);
  }

  /**
   * The name as it appears in {@link #paths()}: {@code local}, {@code xml:lang}, or {@code
   * {uri}local} for other namespaces (prefixes may change when the XML is written; URIs do not).
   */
  public static String pathName(QName name) {
    String uri = name.getNamespaceURI();
    if (uri.isEmpty()) {
      return name.getLocalPart();
    }
    return XMLConstants.XML_NS_URI.equals(uri) ? "xml:" + name.getLocalPart() : "{" + uri + "}" + name.getLocalPart();
  }

  /**
   * Every element, attribute and text of this tree by its path ({@code
   * iati-activity/transaction[2]/value/@value-date}, {@code .../value/#text}), with the cell it came
   * from: what a complete serialisation of it must contain.
   */
  public Map<String, Location.Cell> paths() {
    Map<String, Location.Cell> paths = new LinkedHashMap<>();
    collect(pathName(name), paths);
    return paths;
  }

  private void collect(String path, Map<String, Location.Cell> paths) {
    paths.put(path, source);
    for (Attribute attribute : attributes) {
      paths.put(path + "/@" + pathName(attribute.name()), attribute.source());
    }
    if (text != null && !text.isEmpty()) {
      paths.put(path + "/#text", source);
    }
    Map<String, Integer> seen = new HashMap<>();
    for (XmlElement child : children) {
      String childName = pathName(child.name());
      int index = seen.merge(childName, 1, Integer::sum);
      child.collect(path + "/" + childName + "[" + index + "]", paths);
    }
  }

  /** The fingerprint of {@link #paths()}, worked out without building the paths. */
  public PathPrint print() {
    PathPrint.Sum sum = new PathPrint.Sum();
    long root = PathPrint.root(pathName(name));
    sum.add(root);
    addTo(root, sum);
    return sum.print();
  }

  private void addTo(long hash, PathPrint.Sum sum) {
    for (Attribute attribute : attributes) {
      sum.add(PathPrint.attribute(hash, pathName(attribute.name())));
    }
    if (text != null && !text.isEmpty()) {
      sum.add(PathPrint.text(hash));
    }
    Map<String, Integer> seen = children.size() < 2 ? null : new HashMap<>();
    for (XmlElement child : children) {
      String childName = pathName(child.name());
      int index = seen == null ? 1 : seen.merge(childName, 1, Integer::sum);
      long childHash = PathPrint.element(hash, childName, index);
      sum.add(childHash);
      child.addTo(childHash, sum);
    }
  }

  /** Builds an element step by step; mapping rules use it, then freeze the result with build(). */
  public static final class Builder {
    private final QName name;
    private final List<Attribute> attributes = new ArrayList<>();
    private final List<Builder> children = new ArrayList<>();
    private String text;
    private Location.Cell source;
    private boolean kept;
    /** Its position among same-named siblings, as a path header numbers it: children are kept in that order. */
    private int position;

    private Builder(QName name) {
      this.name = name;
    }

    public QName name() {
      return name;
    }

    /** Sets an attribute; a blank value is left out, as an empty cell means "not given". */
    public Builder attribute(String attribute, String value, Location.Cell from) {
      return attribute(new QName(attribute), value, from);
    }

    public Builder attribute(QName attribute, String value, Location.Cell from) {
      if (value != null && !value.isBlank()) {
        attributes.removeIf(a -> a.name().equals(attribute));
        attributes.add(new Attribute(attribute, value.strip(), from));
        remember(from);
      }
      return this;
    }

    /**
     * Sets an attribute to the empty value: present, though empty (a sheet says so in its {@code
     * #empty} column, since an empty cell means "not given").
     */
    public Builder emptyAttribute(QName attribute, Location.Cell from) {
      attributes.removeIf(a -> a.name().equals(attribute));
      attributes.add(new Attribute(attribute, "", from));
      remember(from);
      return this;
    }

    /** Keeps this element even with nothing in it: present, though empty ({@code <actual/>}). */
    public Builder keep(Location.Cell from) {
      kept = true;
      remember(from);
      return this;
    }

    /** The attribute set under this name, or null. */
    Attribute attribute(QName attribute) {
      for (Attribute a : attributes) {
        if (a.name().equals(attribute)) {
          return a;
        }
      }
      return null;
    }

    /** The text set so far, or null. */
    String text() {
      return text;
    }

    /** The cell that gave the text or first made the element, or null. */
    Location.Cell source() {
      return source;
    }

    /** The children added so far, in order. */
    List<Builder> children() {
      return java.util.Collections.unmodifiableList(children);
    }

    public Builder text(String value, Location.Cell from) {
      if (value != null && !value.isBlank()) {
        text = value.strip();
        source = from;
      }
      return this;
    }

    /**
     * Adds a child after its same-named siblings, or before the first of them whose {@link #at
     * position} is higher: a sheet may name {@code narrative/1} before {@code narrative/0}.
     */
    public Builder child(Builder child) {
      int at = children.size();
      for (int i = 0; i < children.size(); i++) {
        Builder sibling = children.get(i);
        if (sibling.name.equals(child.name) && sibling.position > child.position) {
          at = i;
          break;
        }
      }
      children.add(at, child);
      if (child.source != null) {
        remember(child.source);
      }
      return this;
    }

    /** The last child named {@code name}, or a new one added at the end. */
    public Builder lastOrNew(String childName, Location.Cell from) {
      for (int i = children.size() - 1; i >= 0; i--) {
        if (children.get(i).name.getLocalPart().equals(childName) && children.get(i).name.getNamespaceURI().isEmpty()) {
          return children.get(i);
        }
      }
      Builder child = element(childName).from(from);
      child(child);
      return child;
    }

    /** Sets the position among same-named siblings that {@link #child} keeps (0 unless said). */
    public Builder at(int position) {
      this.position = position;
      return this;
    }

    /** Records the cell that made this element, unless an earlier one did. */
    public Builder from(Location.Cell cell) {
      remember(cell);
      return this;
    }

    private void remember(Location.Cell cell) {
      if (source == null) {
        source = cell;
      }
    }

    public XmlElement build() {
      List<XmlElement> built = new ArrayList<>(children.size());
      for (Builder child : children) {
        XmlElement element = child.build();
        // Built bottom up: an element is empty when it has nothing of its own and no child survived.
        if (child.kept || !element.attributes().isEmpty() || element.text() != null || !element.children().isEmpty()) {
          built.add(element);
        }
      }
      return new XmlElement(name, attributes, built, text, source);
    }
  }
}
