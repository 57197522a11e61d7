package org.iatipub.cli;

import java.util.HashMap;
import java.util.Map;
import org.iatipub.mapping.MappingRule;
import org.iatipub.validation.rules.Rule;
import org.iatipub.validation.rules.RuleCatalogue;

/**
 * What a rule id means, in a few words, for the run's summary: the IATI rules and codelist checks
 * from the catalogue {@code iatipub rules} lists, the mapping's own from {@link MappingRule}, and
 * the few others publish reports.
 */
final class RuleNames {
  private final Map<String, String> names = new HashMap<>();

  private RuleNames() {
    for (Rule rule : RuleCatalogue.standard().rules()) {
      names.putIfAbsent(rule.id(), rule.description());
    }
    for (MappingRule rule : MappingRule.values()) {
      names.put(rule.id(), rule.description());
    }
    names.put("publish/not-in-iati", "a value IATI 2.03 has no place for");
    names.put("model/bad-value", "a value of the wrong kind for its element (a date, a number, a boolean)");
    names.put("path-header/bad-header", "a column header that is no IATI path");
    names.put("path-header/undeclared-prefix", "a namespace prefix with no @xmlns: column");
  }

  static RuleNames standard() {
    return new RuleNames();
  }

  /** The rule's name, or "" when it has none here. */
  String of(String id) {
    if (id.startsWith("xsd/")) {
      return "the IATI 2.03 XML Schema (" + id.substring(4) + ")";
    }
    return names.getOrDefault(id, "");
  }

  /** The id with its name, e.g. {@code 7.5.3 (a budget period is a year at most)}. */
  String shown(String id) {
    String name = of(id);
    return name.isEmpty() ? id : id + " (" + name + ")";
  }
}
