package org.iatipub.validation.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.iatipub.codelist.CheckedMappings;
import org.iatipub.codelist.CodelistSnapshot;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.iatipub.validation.FileValidator;
import org.iatipub.validation.SchemaSet;
import org.iatipub.validation.StandardChecks;
import org.iatipub.validation.rules.RuleExample.Seen;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every rule that {@code validate} reports, as {@code iatipub rules} lists it, has its examples, as
 * the IATI rulesets' meta-tests have: a small file that breaks it and one that keeps it, each run
 * through the real validator (schema, codelists and rules, "today" fixed at 1 June 2024) and
 * giving exactly the findings its markers state, at their lines. A rule without both examples,
 * or one whose breaking example does not make it fire, fails {@link
 * #everyRuleThatValidateReportsBreaksOnOneExampleAndNotOnAnother}.
 *
 * <p>The examples are in {@link FileLevelExamples}, {@link IdentifierExamples}, {@link PresenceExamples},
 * {@link DateExamples}, {@link PercentageExamples}, {@link PlacementExamples}, {@link ResultExamples}
 * and (derived from each codelist mapping) {@link CodelistExamples}.
 */
class RuleExamplesTest {
  /** "Today" for the rules about dates in the future. */
  static final Clock TODAY = Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);

  /**
   * Catalogue ids that no file can make {@code validate} report, each with the reason: the
   * coverage test holds this list exact, so it cannot hide a rule that lost its examples.
   */
  private static final Map<String, String> NO_FILE_REACHES = Map.of(
      "xml/unreadable", "kept for a parser failure that is not a parse error at a line; every failure a file can cause"
          + " is a parse error with its line, so the other xml/ ids report it");

  /** The validator as validate runs it; the schemas compiled once, fresh checks made for every file. */
  private static final FileValidator VALIDATOR = new FileValidator(SchemaSet.bundled(), StandardChecks.suite(TODAY));

  @TempDir static Path dir;

  private static final List<RuleExample> EXAMPLES = Stream.of(
      FileLevelExamples.examples(), IdentifierExamples.examples(), PresenceExamples.examples(), DateExamples.examples(),
      PercentageExamples.examples(), PlacementExamples.examples(), ResultExamples.examples(), CodelistExamples.examples())
      .flatMap(List::stream).toList();

  /** The findings of each example, each file validated once for all the tests below. */
  private static final Map<RuleExample, List<Finding>> FOUND = new HashMap<>();

  static List<RuleExample> examples() {
    return EXAMPLES;
  }

  /** Every finding validate reports on the example. */
  static synchronized List<Finding> findings(RuleExample example) {
    return FOUND.computeIfAbsent(example, e -> {
      try {
        Path file = Files.write(dir.resolve("example-" + FOUND.size() + ".xml"), e.content());
        List<Finding> found = new ArrayList<>();
        VALIDATOR.validate(file, "example.xml", found::add);
        return found;
      } catch (IOException failure) {
        throw new UncheckedIOException(failure);
      }
    });
  }

  static List<Seen> seen(List<Finding> findings) {
    return findings.stream()
        .map(f -> new Seen(f.location() instanceof Location.XmlPosition at ? at.line() : 0, f.severity().label(), f.rule()))
        .sorted()
        .toList();
  }

  @TestFactory
  Stream<DynamicTest> eachExampleGivesExactlyTheFindingsItsMarkersState() {
    Map<String, Integer> count = new HashMap<>();
    return examples().stream().map(example -> {
      int n = count.merge(example.toString(), 1, Integer::sum);
      return DynamicTest.dynamicTest(example + (n > 1 ? " (" + n + ")" : ""), () -> {
        List<Finding> found = findings(example);
        if (example.ofItsRuleOnly()) {
          List<Finding> ofRule = found.stream().filter(f -> RuleExample.matches(example.rule(), f.rule())).toList();
          assertEquals(example.expected(), seen(ofRule), () -> "findings of " + example.rule() + " in\n" + example.numbered());
          return;
        }
        List<Seen> expected = new ArrayList<>(example.expected());
        if (example.otherwiseAs() != null) {
          expected.addAll(seen(findings(example.otherwiseAs())));
        }
        assertEquals(expected.stream().sorted().toList(), seen(found), () -> "findings of\n" + example.numbered() + found);
        if (!example.messages().isEmpty()) {
          List<String> messages = found.stream()
              .filter(f -> RuleExample.matches(example.rule(), f.rule()))
              .sorted((a, b) -> seen(List.of(a)).get(0).compareTo(seen(List.of(b)).get(0)))
              .map(Finding::message)
              .toList();
          assertEquals(example.messages(), messages, () -> "messages of " + example.rule() + " in\n" + example.numbered());
        }
      });
    });
  }

  @Test
  void everyRuleThatValidateReportsBreaksOnOneExampleAndNotOnAnother() {
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
      if (ofRule.stream().noneMatch(e -> e.breaksTheRule() && fires(rule, e))) {
        withoutBreakingExample.add(listed);
      }
      if (ofRule.stream().noneMatch(e -> !e.breaksTheRule() && !fires(rule, e))) {
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

  private static boolean fires(String rule, RuleExample example) {
    return findings(example).stream().anyMatch(f -> RuleExample.matches(rule, f.rule()));
  }
}
