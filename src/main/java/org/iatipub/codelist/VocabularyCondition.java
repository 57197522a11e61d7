package org.iatipub.codelist;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a codelist governs a code: the code's element must carry one of some values in an
 * attribute (nearly always {@code vocabulary}), or, where the standard says so, lack it. A sector
 * code is a DAC 5-digit code only under vocabulary 1 or no vocabulary at all.
 *
 * @param attribute the attribute of the coded element that chooses the vocabulary
 * @param values the values that select this codelist
 * @param whenAbsent whether an element without the attribute is governed too (the default vocabulary)
 */
public record VocabularyCondition(String attribute, Set<String> values, boolean whenAbsent) {
  /** Stands for "the attribute is not there" among the values in the snapshot's form. */
  static final String ABSENT = "(absent)";

  public VocabularyCondition {
    Objects.requireNonNull(attribute, "attribute");
    values = Set.copyOf(values);
  }

  /** Whether an element with these attributes falls under the condition. */
  public boolean holdsFor(Map<String, String> attributes) {
    String value = attributes.get(attribute);
    return value == null ? whenAbsent : values.contains(value);
  }

  /** The snapshot's form: {@code vocabulary = 1 | (absent)}, values in sorted order. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(attribute).append(" =");
    String separator = " ";
    for (String value : new TreeSet<>(values)) {
      text.append(separator).append(value);
      separator = " | ";
    }
    if (whenAbsent) {
      text.append(separator).append(ABSENT);
    }
    return text.toString();
  }

  /** Reads the snapshot's form written by {@link #toString()}. */
  public static VocabularyCondition parse(String text) {
    int equals = text.indexOf(" = ");
    if (equals <= 0) {
      throw new IllegalArgumentException("not a vocabulary condition: '" + text + "'");
    }
    Set<String> values = new TreeSet<>();
    boolean whenAbsent = false;
    for (String value : text.substring(equals + 3).split(" \\| ")) {
      if (value.equals(ABSENT)) {
        whenAbsent = true;
      } else {
        values.add(value);
      }
    }
    return new VocabularyCondition(text.substring(0, equals), values, whenAbsent);
  }
}
