package org.iatipub.codelist;

import java.util.List;
import java.util.Objects;

/**
 * Where a code is written: an attribute, or the text, of the elements at a path from the record
 * element ({@code iati-activity}, {@code iati-organisation}) or the root element.
 *
 * @param elements element names from the record or root element down, empty for "any element"
 *     (the {@code xml:lang} of every element)
 * @param attribute the attribute holding the code, empty when the element's text holds it
 */
public record CodedPath(List<String> elements, String attribute) {
  private static final String ANY = "*";

  public CodedPath {
    elements = List.copyOf(elements);
    Objects.requireNonNull(attribute, "attribute");
  }

  public boolean anyElement() {
    return elements.isEmpty();
  }

  public boolean inText() {
    return attribute.isEmpty();
  }

  /** The coded element's own name, {@code *} for any element. */
  public String elementName() {
    return anyElement() ? ANY : elements.get(elements.size() - 1);
  }

  /**
   * The snapshot's form: {@code iati-activity/sector/@code}; {@code iati-activity/crs-add/channel-code}
   * for text; a {@code *} in place of the elements for any element.
   */
  @Override
  public String toString() {
    String path = anyElement() ? ANY : String.join("/", elements);
    return inText() ? path : path + "/@" + attribute;
  }

  public static CodedPath parse(String text) {
    String[] steps = text.split("/");
    String last = steps[steps.length - 1];
    boolean inText = !last.startsWith("@");
    int elementCount = inText ? steps.length : steps.length - 1;
    List<String> elements = List.of(steps).subList(0, elementCount);
    if (elements.equals(List.of(ANY))) {
      elements = List.of();
    }
    if (elements.isEmpty() && inText || elements.stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException("not a coded path: '" + text + "'");
    }
    return new CodedPath(elements, inText ? "" : last.substring(1));
  }
}
