package org.iatipub.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iatipub.codelist.CheckedMappings;
import org.iatipub.codelist.Code;
import org.iatipub.codelist.Codelist;
import org.iatipub.codelist.CodelistMapping;
import org.iatipub.codelist.CodelistSnapshot;
import org.iatipub.codelist.VocabularyCondition;
import org.iatipub.finding.Severity;

/**
 * A snapshot's mappings and the project's extra coded paths ({@link CheckedMappings}), arranged as
 * a tree of element names, so a record is checked in one walk with a hash lookup per element, and
 * elements no mapping names (narratives, most of a record) cost nothing but the walk. Immutable, built once per snapshot and shared by every check.
 */
final class CodelistRules {
  /** The vocabularies the standard keeps for a publisher's own codes, suggested when a code is not found. */
  private static final List<String> OWN_VOCABULARIES = List.of("99", "98");

  private final Element top;
  private final List<Rule> anyElement;

  private CodelistRules(Element top, List<Rule> anyElement) {
    this.top = top;
    this.anyElement = anyElement;
  }

  static CodelistRules bundled() {
    return Bundled.RULES;
  }

  private static final class Bundled {
    static final CodelistRules RULES = of(CodelistSnapshot.bundled());
  }

  static CodelistRules of(CodelistSnapshot snapshot) {
    Building top = new Building();
    List<Rule> anyElement = new ArrayList<>();
    for (CodelistMapping mapping : CheckedMappings.of(snapshot).mappings()) {
      Codelist codelist = snapshot.codelist(mapping.codelist()).orElseThrow();
      Rule rule = new Rule(mapping, codelist, ownVocabulary(snapshot, mapping));
      if (mapping.path().anyElement()) {
        anyElement.add(rule);
      } else {
        Building at = top;
        for (String name : mapping.path().elements()) {
          at = at.children.computeIfAbsent(name, n -> new Building());
        }
        at.rules.add(rule);
      }
    }
    return new CodelistRules(top.build(), List.copyOf(anyElement));
  }

  /**
   * For a code checked only under some vocabularies: the publisher's-own vocabulary that the
   * element's vocabulary codelist offers (99, else 98), to suggest when the code is not found.
   */
  private static Optional<String> ownVocabulary(CodelistSnapshot snapshot, CodelistMapping mapping) {
    if (mapping.condition().isEmpty()) {
      return Optional.empty();
    }
    String attribute = mapping.condition().get().attribute();
    return snapshot.mappings().stream()
        .filter(m -> m.path().elements().equals(mapping.path().elements()) && m.path().attribute().equals(attribute))
        .findFirst()
        .flatMap(m -> snapshot.codelist(m.codelist()))
        .flatMap(vocabularies -> OWN_VOCABULARIES.stream().filter(vocabularies::contains).findFirst());
  }

  /** Checks the root element's own attributes (the children come as records). */
  void checkRoot(Node root, Reporter reporter) {
    check(root, top.children.get(root.name()), reporter, false);
  }

  void checkRecord(Node record, Reporter reporter) {
    check(record, top.children.get(record.name()), reporter, true);
  }

  private void check(Node node, Element element, Reporter reporter, boolean withChildren) {
    if (!node.isIati()) {
      return;
    }
    for (Rule rule : anyElement) {
      rule.check(node, reporter);
    }
    if (element != null) {
      for (Rule rule : element.rules) {
        rule.check(node, reporter);
      }
    }
    if (withChildren) {
      for (Node child : node.children()) {
        check(child, element == null ? null : element.children.get(child.name()), reporter, true);
      }
    }
  }

  private record Element(Map<String, Element> children, List<Rule> rules) {}

  private static final class Building {
    final Map<String, Building> children = new HashMap<>();
    final List<Rule> rules = new ArrayList<>();

    Element build() {
      Map<String, Element> built = new HashMap<>();
      children.forEach((name, child) -> built.put(name, child.build()));
      return new Element(Map.copyOf(built), List.copyOf(rules));
    }
  }

  /**
   * One mapping, ready to judge the elements at its path: what it reads and when it applies are
   * taken out of the mapping once, since every element of every record meets the any-element rules.
   */
  private record Rule(CodelistMapping mapping, Codelist codelist, Optional<String> ownVocabulary,
      String attribute, VocabularyCondition condition) {
    Rule(CodelistMapping mapping, Codelist codelist, Optional<String> ownVocabulary) {
      this(mapping, codelist, ownVocabulary, mapping.path().inText() ? null : mapping.path().attribute(),
          mapping.condition().orElse(null));
    }

    void check(Node node, Reporter reporter) {
      String value;
      if (attribute == null) {
        value = node.text();
        if (value.isEmpty()) {
          return;
        }
      } else {
        value = node.attributes().get(attribute);
        if (value == null) {
          return;
        }
      }
      if (condition != null && !condition.holdsFor(node.attributes())) {
        return;
      }
      Code code = codelist.codes().get(value);
      if (code == null) {
        reporter.report(Severity.ERROR, mapping.rule(), node, unknown(node, value));
      } else if (code.isWithdrawn()) {
        reporter.report(Severity.WARNING, CodelistMapping.WITHDRAWN_RULE, node, withdrawn(node, code));
      }
    }

    private String unknown(Node node, String value) {
      if (value.isBlank()) {
        return subject(node) + " is empty; use a code from " + codelist.label();
      }
      String advice = ownVocabulary
          .map(own -> "use a current code, or declare your own " + mapping.condition().get().attribute() + " " + own + " with a vocabulary-uri")
          .orElse("use a code from that codelist");
      return subject(node) + " \"" + value + "\" is not in " + codelist.label() + vocabulary(node) + "; " + advice;
    }

    private String withdrawn(Node node, Code code) {
      String name = code.name().isEmpty() ? "" : " (" + code.name() + ")";
      return subject(node) + " \"" + code.value() + "\"" + name + " is withdrawn from " + codelist.label()
          + vocabulary(node) + "; use a current code";
    }

    /** Which vocabulary made this codelist apply, when one did. */
    private String vocabulary(Node node) {
      return mapping.condition()
          .map(condition -> node.attribute(condition.attribute())
              .map(chosen -> ", which " + condition.attribute() + " " + chosen + " calls for")
              .orElse(", which applies when no " + condition.attribute() + " is given"
                  + condition.values().stream().sorted().findFirst().map(v -> " (as for " + condition.attribute() + " " + v + ")").orElse("")))
          .orElse("");
    }

    /** {@code sector code}, {@code participating-org role}, {@code channel-code}. */
    private String subject(Node node) {
      return mapping.path().inText() ? node.name() : node.name() + " " + mapping.path().attribute();
    }
  }
}
