package org.iatipub.validation.rules;

import java.util.ArrayList;
import java.util.List;

/** A table of rule examples as a family of rules writes it, one line per example where it can. */
final class ExampleList {
  private final List<RuleExample> examples = new ArrayList<>();

  /**
   * A file that breaks {@code rule} where its markers say, with the messages of the rule's findings
   * when given; or, without messages, every one of several rules (ids separated by spaces).
   */
  ExampleList breaks(String rules, String xml, String... messages) {
    String[] ids = rules.split(" ");
    if (ids.length > 1 && messages.length > 0) {
      throw new IllegalArgumentException("messages are given for one rule at a time: " + rules);
    }
    for (String rule : ids) {
      examples.add(RuleExample.breaks(rule, xml, messages));
    }
    return this;
  }

  /** A file that keeps every one of {@code rules} (ids separated by spaces), with exactly the findings its markers state. */
  ExampleList keeps(String rules, String xml) {
    for (String rule : rules.split(" ")) {
      examples.add(RuleExample.keeps(rule, xml));
    }
    return this;
  }

  List<RuleExample> list() {
    return List.copyOf(examples);
  }
}
