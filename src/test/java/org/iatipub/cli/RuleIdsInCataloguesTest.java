package org.iatipub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.iatipub.finding.PipelineRule;
import org.iatipub.validation.rules.Rule;
import org.iatipub.validation.rules.RuleCatalogue;
import org.junit.jupiter.api.Test;

/**
 * Every rule id iatipub reports comes from a typed catalogue: the stages' enums ({@link
 * StageRules}) or the validation's {@link RuleCatalogue}. An id written as a string literal where a
 * finding is made could be misspelt with every test green, so the main code holds none: only the
 * catalogues spell ids out, each id once, each family ({@code csv/}, {@code mapping/}) in one
 * catalogue.
 */
class RuleIdsInCataloguesTest {
  private static final Path MAIN = Path.of("src/main/java");
  /** A quoted {@code family/name}, as rule ids are written. */
  private static final Pattern QUOTED_ID = Pattern.compile("\"([a-z]+(?:-[a-z]+)*)/([a-z0-9*]+(?:[-.][a-z0-9]+)*)\"");
  /** A finding made with a string literal for its rule. */
  private static final Pattern LITERAL_RULE =
      Pattern.compile("(?:Finding\\.(?:error|warning)\\(|new Finding\\([^,()]+,)\\s*(\"[^\"]*\")");

  private static List<PipelineRule> stageRules() {
    return StageRules.all().stream().flatMap(s -> s.rules().stream()).toList();
  }

  /** Each catalogue's class, by the families of its ids. */
  private static Map<String, Set<String>> familiesOwners() {
    Map<String, Set<String>> owners = new TreeMap<>();
    for (PipelineRule rule : stageRules()) {
      owners.computeIfAbsent(family(rule.id()), f -> new TreeSet<>()).add(rule.getClass().getSimpleName());
    }
    for (Rule rule : RuleCatalogue.standard().rules()) {
      if (rule.id().contains("/")) {
        owners.computeIfAbsent(family(rule.id()), f -> new TreeSet<>()).add("RuleCatalogue");
      }
    }
    return owners;
  }

  private static String family(String id) {
    return id.substring(0, id.indexOf('/'));
  }

  @Test
  void eachIdIsListedOnceAndEachFamilyBelongsToOneCatalogue() {
    // The validation's catalogue may list one codelist id for several paths; a stage's id is one rule.
    List<String> ids = new ArrayList<>(stageRules().stream().map(PipelineRule::id).toList());
    ids.addAll(RuleCatalogue.standard().ids());
    Set<String> twice = new TreeSet<>();
    Set<String> seen = new TreeSet<>();
    ids.stream().filter(id -> !seen.add(id)).forEach(twice::add);
    assertEquals(Set.of(), twice, "ids listed twice by iatipub rules");
    Map<String, Set<String>> shared = new TreeMap<>(familiesOwners());
    shared.values().removeIf(owners -> owners.size() == 1);
    assertEquals(Map.of(), shared, "families of ids spread over several catalogues");
  }

  @Test
  void noRuleIdIsWrittenOutsideItsCatalogue() throws IOException {
    Set<String> families = familiesOwners().keySet();
    Set<String> catalogues = new TreeSet<>();
    stageRules().forEach(rule -> catalogues.add(rule.getClass().getSimpleName() + ".java"));
    // The validation's catalogue takes its own ids from these: iatipub's version note, and the codelist ids.
    catalogues.add("VersionRule.java");
    catalogues.add("CodelistMapping.java");
    List<String> written = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        if (catalogues.contains(file.getFileName().toString())) {
          continue;
        }
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          String where = MAIN.relativize(file) + ":" + (i + 1) + ": ";
          Matcher quoted = QUOTED_ID.matcher(lines.get(i));
          while (quoted.find()) {
            if (families.contains(quoted.group(1))) {
              written.add(where + quoted.group());
            }
          }
          Matcher literal = LITERAL_RULE.matcher(lines.get(i));
          while (literal.find()) {
            written.add(where + "a finding of the rule " + literal.group(1));
          }
        }
      }
    }
    assertEquals(List.of(), written, "rule ids written as literals instead of taken from a catalogue");
  }
}
