package org.iatipub.validation.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.iatipub.validation.FileValidator;
import org.iatipub.validation.SchemaSet;
import org.iatipub.validation.StandardChecks;
import org.iatipub.validation.rules.RuleExample.Seen;
import org.junit.jupiter.api.DynamicTest;

/**
 * Rule examples run through the real validator, as {@code validate} runs it ("today" fixed at
 * 1 June 2024), each file written to a folder and validated once for all the example tests of the
 * run (its findings depend on nothing but its bytes).
 */
final class ExampleRun {
  /** "Today" for the rules about dates in the future. */
  static final Clock TODAY = Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);

  /** The schemas compiled once; the validator makes fresh checks for every file. */
  private static final FileValidator VALIDATOR = new FileValidator(SchemaSet.bundled(), StandardChecks.suite(TODAY));

  /** The findings of each file validated so far, by its bytes. */
  private static final Map<ByteBuffer, List<Finding>> FOUND = new ConcurrentHashMap<>();

  /**
   * Set by the mutation profile (docs/mutation-testing.md): PIT runs many mutants, one after
   * another, in one JVM, and findings remembered from one mutant would hide the next.
   */
  private static final boolean REMEMBER = !Boolean.getBoolean("iatipub.examples.fresh");

  private final Path dir;

  ExampleRun(Path dir) {
    this.dir = dir;
  }

  /** Every finding validate reports on the example's file. */
  List<Finding> findings(RuleExample example) {
    return REMEMBER ? FOUND.computeIfAbsent(ByteBuffer.wrap(example.content()), bytes -> validate(example)) : validate(example);
  }

  private List<Finding> validate(RuleExample example) {
    try {
      Path file = Files.write(Files.createTempFile(dir, "example-", ".xml"), example.content());
      List<Finding> findings = new ArrayList<>();
      VALIDATOR.validate(file, "example.xml", findings::add);
      return List.copyOf(findings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the example's file makes {@code rule} fire. */
  boolean fires(String rule, RuleExample example) {
    return findings(example).stream().anyMatch(f -> RuleExample.matches(rule, f.rule()));
  }

  static List<Seen> seen(List<Finding> findings) {
    return findings.stream().map(ExampleRun::seen).sorted().toList();
  }

  private static Seen seen(Finding f) {
    return new Seen(f.location() instanceof Location.XmlPosition at ? at.line() : 0, f.severity().label(), f.rule());
  }

  /** One test per example: its findings are exactly those its markers state (and its messages those it gives). */
  Stream<DynamicTest> tests(List<RuleExample> examples) {
    Map<String, Integer> count = new HashMap<>();
    return examples.stream().map(example -> {
      int n = count.merge(example.toString(), 1, Integer::sum);
      return DynamicTest.dynamicTest(example + (n > 1 ? " (" + n + ")" : ""), () -> check(example));
    });
  }

  private void check(RuleExample example) {
    List<Finding> findings = findings(example);
    if (example.ofItsRuleOnly()) {
      List<Finding> ofRule = findings.stream().filter(f -> RuleExample.matches(example.rule(), f.rule())).toList();
      assertEquals(example.expected(), seen(ofRule), () -> "findings of " + example.rule() + " in\n" + example.numbered());
      return;
    }
    List<Seen> expected = new ArrayList<>(example.expected());
    if (example.otherwiseAs() != null) {
      expected.addAll(seen(findings(example.otherwiseAs())));
    }
    assertEquals(expected.stream().sorted().toList(), seen(findings), () -> "findings of\n" + example.numbered() + findings);
    if (!example.messages().isEmpty()) {
      List<String> messages = findings.stream()
          .filter(f -> RuleExample.matches(example.rule(), f.rule()))
          .sorted((a, b) -> seen(a).compareTo(seen(b)))
          .map(Finding::message)
          .toList();
      assertEquals(example.messages(), messages, () -> "messages of " + example.rule() + " in\n" + example.numbered());
    }
  }
}
