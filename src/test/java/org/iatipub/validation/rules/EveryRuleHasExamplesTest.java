package org.iatipub.validation.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.iatipub.codelist.CheckedMappings;
import org.iatipub.codelist.CodelistSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every rule that {@code validate} reports, as {@code iatipub rules} lists it, has an example
 * that makes it fire and one that keeps it ({@link RuleExamplesTest}, {@link CodelistExamplesTest}),
 * proved here by validating them: a rule declared but never fired, or one whose check was lost,
 * fails this test.
 */
class EveryRuleHasExamplesTest {
  /**
   * Catalogue ids that no file can make {@code validate} report, each with the reason: held exact
   * below, so the list cannot hide a rule that lost its examples.
   */
  private static final Map<String, String> NO_FILE_REACHES = Map.of(
      "9.1.1", "an activity file's version outside the Version codelist is stopped first by 0.6.1, as the official"
          + " validator stops it, and every version that passes 0.6.1 is in the codelist",
      "9.97.1", "likewise for an organisation file's version");

  @TempDir Path dir;

  private static List<RuleExample> examples() {
    return Stream.of(RuleExamplesTest.examples(), CodelistExamples.examples()).flatMap(List::stream).toList();
  }

  @Test
  void everyRuleThatValidateReportsBreaksOnOneExampleAndNotOnAnother() {
    ExampleRun run = new ExampleRun(dir);
    Map<String, String> reportedAs = CheckedMappings.of(CodelistSnapshot.bundled()).sameCheckAs();
    Map<String, List<RuleExample>> byRule = new TreeMap<>();
    examples().forEach(example -> byRule.computeIfAbsent(example.rule(), r -> new ArrayList<>()).add(example));
    Set<String> withoutBreakingExample = new TreeSet<>();
    Set<String> withoutKeepingExample = new TreeSet<>();
    for (String listed : RuleCatalogue.standard().ids()) {
      if (NO_FILE_REACHES.containsKey(listed)) {
        continue;
      }
      // A catalogue id that repeats another check is reported under that check's id.
      String rule = reportedAs.getOrDefault(listed, listed);
      List<RuleExample> ofRule = byRule.getOrDefault(rule, List.of());
      if (ofRule.stream().noneMatch(e -> e.breaksTheRule() && run.fires(rule, e))) {
        withoutBreakingExample.add(listed);
      }
      if (ofRule.stream().noneMatch(e -> !e.breaksTheRule() && !run.fires(rule, e))) {
        withoutKeepingExample.add(listed);
      }
    }
    assertEquals(List.of(Set.of(), Set.of()), List.of(withoutBreakingExample, withoutKeepingExample),
        "rules without an example that makes them fire, and rules without one that keeps them");
  }

  @Test
  void everyExampleIsOfARuleThatValidateReportsAndTheUnreachableAreExactlyThoseListed() {
    Set<String> listed = RuleCatalogue.standard().ids();
    Set<String> unknown = new TreeSet<>();
    examples().stream().map(RuleExample::rule).filter(rule -> !listed.contains(rule)).forEach(unknown::add);
    assertEquals(Set.of(), unknown, "examples of rules that iatipub rules does not list");
    Set<String> unreachable = new TreeSet<>(NO_FILE_REACHES.keySet());
    unreachable.removeAll(listed);
    assertEquals(Set.of(), unreachable, "ids said to be unreachable that are no longer listed at all");
    Set<String> reachedAfterAll = new TreeSet<>();
    examples().stream().map(RuleExample::rule).filter(NO_FILE_REACHES::containsKey).forEach(reachedAfterAll::add);
    assertEquals(Set.of(), reachedAfterAll, "ids said to be unreachable that have examples after all");
  }
}
