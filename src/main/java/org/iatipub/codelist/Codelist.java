package org.iatipub.codelist;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One IATI codelist: its codes by value, in the official order.
 *
 * @param name the codelist's official name, as mapping.xml refers to it ({@code Sector})
 * @param title its English title ({@code DAC 5 Digit Sector}), the name again when it has none
 * @param codes every code, active or withdrawn, by value
 */
public record Codelist(String name, String title, Map<String, Code> codes) {
  public Codelist {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(title, "title");
    // Kept in the official order (for listings); unmodifiable since one instance is shared by all checks.
    codes = Collections.unmodifiableMap(new LinkedHashMap<>(codes));
  }

  /** A codelist of these codes; a later code with the value of an earlier one is left out. */
  public static Codelist of(String name, String title, List<Code> codes) {
    Map<String, Code> byValue = new LinkedHashMap<>();
    for (Code code : codes) {
      byValue.putIfAbsent(code.value(), code);
    }
    return new Codelist(name, title, byValue);
  }

  public Optional<Code> code(String value) {
    return Optional.ofNullable(codes.get(value));
  }

  public boolean contains(String value) {
    return codes.containsKey(value);
  }

  /** How the codelist is named in messages: its title, and its official name when that differs. */
  public String label() {
    return title.equals(name) ? "the " + name + " codelist" : "the " + title + " codelist (" + name + ")";
  }
}
