package org.iatipub.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import org.iatipub.model.ModelType;
import org.iatipub.model.iati.IatiActivityType;

/**
 * The IATI 2.03 activity as the path language sees it: which elements and attributes each element
 * has, read from the model generated from the schema. A mapping file's paths are checked here when
 * it is loaded, so a misspelt element or attribute is an error that names what the element has,
 * before any row is read. Immutable; read once.
 */
final class IatiPaths {
  private static final IatiPaths ACTIVITY = new IatiPaths(
      ModelType.reachableFrom(IatiActivityType.class).get(IatiActivityType.class));

  private final ModelType activity;

  private IatiPaths(ModelType activity) {
    this.activity = activity;
  }

  static IatiPaths activity() {
    return ACTIVITY;
  }

  /**
   * A path checked against the element it starts from.
   *
   * @param path the path as parsed (steps with positions, the attribute)
   * @param steps each step's qualified name
   * @param attribute the attribute's qualified name, or null when the path ends at an element's text
   * @param target the model of the last element on the path (the start for a path of one attribute);
   *     null beyond an extension element, which the schema leaves open
   */
  record Resolved(PathHeader path, List<QName> steps, QName attribute, ModelType target) {
    Resolved {
      steps = List.copyOf(steps);
    }

    /** True when the last element on the path takes a child of this name. */
    boolean targetHasChild(String name) {
      return target != null && target.element(new QName(name)) != null;
    }
  }

  /** The model of an element reached from the activity by element names ({@code transaction/sector}); "" is the activity. */
  ModelType element(String fromActivity) {
    ModelType type = activity;
    if (fromActivity.isEmpty()) {
      return type;
    }
    String parent = "iati-activity";
    for (String name : fromActivity.split("/")) {
      ModelType.Slot slot = type.element(new QName(name));
      if (slot == null || slot.model() == null) {
        throw new IllegalArgumentException("'" + name + "' is not an element of " + parent + " with elements of its own;"
            + " " + parent + " has " + names(type.elementNames()));
      }
      type = slot.model();
      parent = name;
    }
    return type;
  }

  /**
   * Checks {@code written} against the element {@code from} (named {@code fromName} in messages).
   *
   * @param namespaces the mapping file's prefixes for extension elements and attributes
   * @throws IllegalArgumentException saying what is wrong and what the element has instead
   */
  Resolved resolve(ModelType from, String fromName, String written, Map<String, String> namespaces) {
    PathHeader path = PathHeader.parse(written);
    if (path.steps().isEmpty() && path.attribute() == null) {
      throw new IllegalArgumentException("the path is empty");
    }
    List<QName> steps = new ArrayList<>();
    ModelType type = from;
    String at = fromName;
    for (PathHeader.Step step : path.steps()) {
      QName name = qualified(step.name(), namespaces);
      if (type != null) {
        if (!name.getNamespaceURI().isEmpty()) {
          if (!type.takesOpenElements()) {
            throw new IllegalArgumentException(at + " takes no extension elements such as '" + step.name() + "'");
          }
          type = null;
        } else {
          ModelType.Slot slot = type.element(name);
          if (slot == null) {
            throw new IllegalArgumentException("'" + step.name() + "' is not an element of " + at + "; it has "
                + names(type.elementNames()));
          }
          if (step.index() > 0 && !slot.isList()) {
            throw new IllegalArgumentException("'" + step.name() + "' occurs once in " + at + ", so it has no position "
                + step.index());
          }
          type = slot.model();
        }
      }
      steps.add(name);
      at = step.name();
    }
    QName attribute = null;
    if (path.attribute() != null) {
      attribute = qualified(path.attribute(), namespaces);
      boolean extension = !attribute.getNamespaceURI().isEmpty() && !XMLConstants.XML_NS_URI.equals(attribute.getNamespaceURI());
      if (type != null && (extension ? !type.takesOpenAttributes() : type.attribute(attribute) == null)) {
        throw new IllegalArgumentException(extension
            ? at + " takes no extension attributes such as '@" + path.attribute() + "'"
            : "'@" + path.attribute() + "' is not an attribute of " + at + "; its attributes are "
                + names(type.attributeNames()));
      }
    } else if (type != null && type.value() == null) {
      throw new IllegalArgumentException(at + " has no text of its own; name one of its attributes (@…) or elements "
          + "(its attributes are " + names(type.attributeNames()) + ", its elements " + names(type.elementNames()) + ")");
    }
    return new Resolved(path, steps, attribute, type);
  }

  private static QName qualified(String written, Map<String, String> namespaces) {
    int colon = written.indexOf(':');
    if (colon < 0) {
      return new QName(written);
    }
    String prefix = written.substring(0, colon);
    String local = written.substring(colon + 1);
    if (prefix.equals("xml")) {
      return new QName(XMLConstants.XML_NS_URI, local, "xml");
    }
    String uri = namespaces.get(prefix);
    if (uri == null) {
      throw new IllegalArgumentException("'" + written + "' uses the prefix '" + prefix + "', which is not declared;"
          + " add it under 'namespaces:' with its URI");
    }
    return new QName(uri, local, prefix);
  }

  private static String names(java.util.Set<QName> names) {
    TreeSet<String> sorted = new TreeSet<>();
    names.forEach(n -> sorted.add(XmlElement.pathName(n)));
    return sorted.isEmpty() ? "none" : String.join(", ", sorted);
  }
}
