package org.iatipub.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A column header in the flatten-tool / CoVE convention: a path of element names from {@code
 * iati-activity} down, list positions as numbers, an attribute last, e.g. {@code
 * transaction/0/value/@value-date} or {@code title/narrative/1/@xml:lang}. A name without a number
 * means position 0.
 *
 * @param steps the elements from the activity down; empty for an attribute of the activity itself
 * @param attribute the attribute name as written ({@code xml:lang}), or null for element text
 */
public record PathHeader(List<Step> steps, String attribute) {
  /**
   * One element on the path and its position among same-named siblings.
   *
   * @param key the names and positions from the activity down to this element ({@code
   *     transaction#0/value#0}): the same on every row, so the cells of one list item meet in one
   *     element, worked out once per header rather than per cell
   */
  public record Step(String name, int index, String key) {}

  private static final Pattern NAME = Pattern.compile("([A-Za-z_][A-Za-z0-9._-]*:)?[A-Za-z_][A-Za-z0-9._-]*");
  private static final Pattern INDEX = Pattern.compile("[0-9]+");

  public PathHeader {
    steps = List.copyOf(steps);
  }

  /** A namespace declaration column ({@code @xmlns:prefix}): its prefix, or null. */
  public String declaredPrefix() {
    return steps.isEmpty() && attribute != null && attribute.startsWith("xmlns:") ? attribute.substring(6) : null;
  }

  /** Reads a header; a header that is no such path is an IllegalArgumentException saying why. */
  public static PathHeader parse(String header) {
    String[] parts = header.strip().split("/", -1);
    List<Step> steps = new ArrayList<>();
    String attribute = null;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (part.startsWith("@")) {
        if (i != parts.length - 1) {
          throw new IllegalArgumentException("an attribute (@…) must come last in the path");
        }
        attribute = part.substring(1);
        if (!NAME.matcher(attribute).matches()) {
          throw new IllegalArgumentException("'" + part + "' is not an attribute name");
        }
      } else if (INDEX.matcher(part).matches()) {
        if (steps.isEmpty() || parts[i - 1].matches("[0-9]+")) {
          throw new IllegalArgumentException("a position (" + part + ") must follow an element name");
        }
        Step last = steps.remove(steps.size() - 1);
        steps.add(new Step(last.name(), Integer.parseInt(part), null));
      } else if (NAME.matcher(part).matches()) {
        steps.add(new Step(part, 0, null));
      } else {
        throw new IllegalArgumentException(part.isEmpty() ? "the path has an empty step (//, or / at an end)"
            : "'" + part + "' is not an element name");
      }
    }
    String key = "";
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      key = key + (i == 0 ? "" : "/") + step.name() + "#" + step.index();
      steps.set(i, new Step(step.name(), step.index(), key));
    }
    return new PathHeader(steps, attribute);
  }
}
