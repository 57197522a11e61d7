package org.iatipub.validation.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of the file-level checks and the IATI rules, as the IATI rulesets' meta-tests give
 * theirs: for each rule a small file that breaks it and one that keeps it, run through the real
 * validator (schema, codelists and rules, "today" fixed at 1 June 2024), each giving exactly the
 * findings its markers state at their lines. {@link EveryRuleHasExamplesTest} holds that every rule
 * has both.
 */
class RuleExamplesTest {
  @TempDir Path dir;

  /** The hand-written examples, one family of rules a class. */
  static List<RuleExample> examples() {
    return Stream.of(FileLevelExamples.examples(), IdentifierExamples.examples(), PresenceExamples.examples(),
        DateExamples.examples(), PercentageExamples.examples(), PlacementExamples.examples(), ResultExamples.examples())
        .flatMap(List::stream).toList();
  }

  @TestFactory
  Stream<DynamicTest> eachExampleGivesExactlyTheFindingsItsMarkersState() {
    return new ExampleRun(dir).tests(examples());
  }
}
