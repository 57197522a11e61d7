package org.iatipub.validation.rules;

import static org.iatipub.finding.Severity.ERROR;
import static org.iatipub.finding.Severity.WARNING;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iatipub.codelist.CheckedMappings;
import org.iatipub.codelist.CodelistMapping;
import org.iatipub.codelist.CodelistSnapshot;
import org.iatipub.finding.Severity;
import org.iatipub.validation.DocumentKind;
import org.iatipub.validation.FileLevelRule;

/**
 * Everything iatipub checks in an IATI file, as {@code iatipub rules} lists it: the XML and
 * schema checks, the codelist checks and the IATI rules. A clean report means none of these
 * found anything.
 */
public record RuleCatalogue(List<Rule> rules) {
  private static final Set<DocumentKind> BOTH = Set.of(DocumentKind.ACTIVITIES, DocumentKind.ORGANISATIONS);

  public RuleCatalogue {
    rules = List.copyOf(rules);
  }

  /** What validate and publish run. */
  public static RuleCatalogue standard() {
    CodelistSnapshot codelists = CodelistSnapshot.bundled();
    List<Rule> all = new ArrayList<>(fileRules());
    all.addAll(codelistRules(codelists));
    all.addAll(new IatiRules(AgencyPrefixes.of(codelists), java.time.Clock.systemUTC()).rules());
    return new RuleCatalogue(all);
  }

  /** What {@code validate --schema-only} runs: the file-level checks alone. */
  public static RuleCatalogue fileLevel() {
    return new RuleCatalogue(fileRules());
  }

  /** The checks of the XML reader and schema validator ({@code FileValidator}), which report these ids. */
  static List<Rule> fileRules() {
    List<Rule> rules = new ArrayList<>();
    for (FileLevelRule rule : FileLevelRule.values()) {
      rules.add(new Rule(rule.id(), ERROR, BOTH, rule.description()));
    }
    rules.add(new Rule("iati/version", WARNING, BOTH, "the file declares IATI version 2.03 (2.01 and 2.02 files are checked as 2.03)"));
    return List.copyOf(rules);
  }

  /**
   * Extension point for the codelist checks: one rule per mapping the codelist check runs (the
   * snapshot's and the project's extra paths), under the id its findings carry (the official
   * validator's where it has one), and the catalogue's repeated ids, each saying which id it is
   * reported as. The official catalogue rates every codelist breach an error.
   */
  static List<Rule> codelistRules(CodelistSnapshot codelists) {
    CheckedMappings checked = CheckedMappings.of(codelists);
    Map<String, CodelistMapping> byRule = new HashMap<>();
    checked.mappings().forEach(m -> byRule.putIfAbsent(m.rule(), m));
    List<Rule> rules = new ArrayList<>(checked.mappings().stream().map(m -> codelistRule(m.rule(), m, "")).toList());
    checked.sameCheckAs().forEach((repeat, reportedAs) -> rules.add(codelistRule(repeat, byRule.get(reportedAs),
        " (the catalogue's repeat of " + reportedAs + ", the id these findings carry)")));
    rules.sort(Comparator.comparing(Rule::id));
    rules.add(new Rule(CodelistMapping.WITHDRAWN_RULE, Severity.WARNING, BOTH,
        "no coded value uses a code that its codelist has withdrawn (a warning for every codelist check above)"));
    return List.copyOf(rules);
  }

  private static Rule codelistRule(String id, CodelistMapping mapping, String note) {
    String root = mapping.path().anyElement() ? "" : mapping.path().elements().get(0);
    Set<DocumentKind> kinds = root.startsWith("iati-activit") ? Set.of(DocumentKind.ACTIVITIES)
        : root.startsWith("iati-organisation") ? Set.of(DocumentKind.ORGANISATIONS) : BOTH;
    String when = mapping.condition().map(c -> " when " + c).orElse("");
    return new Rule(id, Severity.ERROR, kinds,
        "the code at " + mapping.path() + when + " is in the " + mapping.codelist() + " codelist" + note);
  }

  /** The distinct rule ids, e.g. to compare with the official catalogue. */
  public Set<String> ids() {
    return Set.copyOf(rules.stream().map(Rule::id).toList());
  }
}
