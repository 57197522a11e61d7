package org.iatipub.validation.rules;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One example of a rule: a small file, and every finding {@code validate} reports on it, written
 * into the file itself as a marker comment at the end of the finding's line:
 * {@code <sector code="11110" percentage="60"/> <!-- error 2.1.2 -->}. Several findings on one
 * line are separated by semicolons ({@code <!-- error 1.1.3; warning 1.1.21 -->}).
 *
 * <p>An example <em>breaks</em> its rule when a marker names the rule, and <em>keeps</em> it when
 * none does; either way the markers are the whole list of findings, so a keeping example with no
 * marker is a file on which nothing at all is reported.
 *
 * @param rule the rule the example is about; {@code xsd/*} stands for every schema constraint
 * @param name what the example shows, for the test's name
 * @param content the file's bytes
 * @param expected every finding, from the markers (and {@link #wholeFile} for a file without lines)
 * @param messages when given, the messages of the rule's findings, in document order
 * @param otherwiseAs null for an example whose markers are the whole list of its findings; for an
 *     example derived from another file that differs from it in one value, that file: the
 *     example's findings are that file's and the markers' (so the one value makes exactly the
 *     markers' difference)
 * @param ofItsRuleOnly true for a derived file among findings of other rules (a bare path with no
 *     required elements around it): only its rule's findings are stated
 */
record RuleExample(String rule, String name, byte[] content, List<Seen> expected, List<String> messages, RuleExample otherwiseAs,
    boolean ofItsRuleOnly) {
  private static final Pattern MARKER = Pattern.compile("<!--\\s*((?:error|warning|info)\\s[^>]*?)\\s*-->");
  private static final Pattern FINDING = Pattern.compile("(error|warning|info)\\s+(\\S+)");

  /**
   * A finding as an example states it: its line (0 for the whole file), severity and rule.
   * Ordered by line, then rule, as findings of one line may come in any order.
   */
  record Seen(long line, String severity, String rule) implements Comparable<Seen> {
    private static final Comparator<Seen> ORDER =
        Comparator.comparingLong(Seen::line).thenComparing(Seen::rule).thenComparing(Seen::severity);

    @Override
    public int compareTo(Seen other) {
      return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
      return (line == 0 ? "file" : "line " + line) + ": " + severity + " " + rule;
    }
  }

  RuleExample {
    expected = expected.stream().sorted().toList();
    messages = List.copyOf(messages);
  }

  RuleExample(String rule, String name, byte[] content, List<Seen> expected, List<String> messages) {
    this(rule, name, content, expected, messages, null, false);
  }

  /** A file, derived from a rule's definition, that keeps the rule whatever else it breaks. */
  static RuleExample keepsAmongOthers(String rule, String name, String xml) {
    return new RuleExample(rule, name, xml.getBytes(StandardCharsets.UTF_8), List.of(), List.of(), null, true);
  }

  /** A file, derived from a rule's definition, that breaks the rule where its markers say, whatever else it breaks. */
  static RuleExample breaksAmongOthers(String rule, String name, String xml) {
    RuleExample example = new RuleExample(rule, name, xml.getBytes(StandardCharsets.UTF_8), markers(xml), List.of(), null, true);
    if (!example.breaksTheRule() || example.expected().stream().anyMatch(seen -> !matches(rule, seen.rule()))) {
      throw new IllegalArgumentException("an example breaking " + rule + " among other findings marks that rule, and only it:\n" + xml);
    }
    return example;
  }

  /**
   * An example that breaks {@code rule} where {@code keeping}, a file that differs from it in one
   * value, keeps it: its findings are those of {@code keeping} and its markers'.
   */
  static RuleExample breaksWhere(String rule, String name, String xml, RuleExample keeping) {
    RuleExample example = new RuleExample(rule, name, xml.getBytes(StandardCharsets.UTF_8), markers(xml), List.of(), keeping, false);
    if (!example.breaksTheRule()) {
      throw new IllegalArgumentException("an example breaking " + rule + " has no marker naming it:\n" + xml);
    }
    return example;
  }

  /** An example that breaks {@code rule}: its markers must name it. */
  static RuleExample breaks(String rule, String xml, String... messages) {
    RuleExample example = of(rule, "breaks", xml, StandardCharsets.UTF_8, List.of(messages));
    if (!example.breaksTheRule()) {
      throw new IllegalArgumentException("an example breaking " + rule + " has no marker naming it:\n" + xml);
    }
    return example;
  }

  /** An example that keeps {@code rule}: no marker may name it. */
  static RuleExample keeps(String rule, String xml) {
    RuleExample example = of(rule, "keeps", xml, StandardCharsets.UTF_8, List.of());
    if (example.breaksTheRule()) {
      throw new IllegalArgumentException("an example keeping " + rule + " has a marker naming it:\n" + xml);
    }
    return example;
  }

  /** The same example written in another character encoding (its bytes are what is checked). */
  RuleExample encodedAs(Charset charset) {
    String text = new String(content, StandardCharsets.UTF_8);
    return new RuleExample(rule, name, text.getBytes(charset), expected, messages, otherwiseAs, ofItsRuleOnly);
  }

  /** A file with no lines to point at (an empty one): its one finding is about the whole file. */
  static RuleExample wholeFile(String rule, String name, byte[] content, String severity) {
    return new RuleExample(rule, name, content, List.of(new Seen(0, severity, rule)), List.of());
  }

  private static RuleExample of(String rule, String verb, String xml, Charset charset, List<String> messages) {
    return new RuleExample(rule, verb, xml.getBytes(charset), markers(xml), messages);
  }

  /** The findings the markers state, each at the line of its marker. */
  static List<Seen> markers(String xml) {
    List<Seen> seen = new ArrayList<>();
    String[] lines = xml.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher marker = MARKER.matcher(lines[i]);
      while (marker.find()) {
        for (String one : marker.group(1).split(";")) {
          Matcher finding = FINDING.matcher(one.strip());
          if (!finding.matches()) {
            throw new IllegalArgumentException("line " + (i + 1) + ": a marker names 'severity rule': " + one);
          }
          seen.add(new Seen(i + 1, finding.group(1), finding.group(2)));
        }
      }
    }
    return seen;
  }

  boolean breaksTheRule() {
    return expected.stream().anyMatch(seen -> matches(rule, seen.rule()));
  }

  /** Whether a finding's rule is the catalogue's rule: {@code xsd/*} stands for any schema constraint. */
  static boolean matches(String catalogueId, String findingRule) {
    return catalogueId.endsWith("/*")
        ? findingRule.startsWith(catalogueId.substring(0, catalogueId.length() - 1))
        : catalogueId.equals(findingRule);
  }

  /** The file with line numbers, to show when an example fails. */
  String numbered() {
    String[] lines = new String(content, StandardCharsets.UTF_8).split("\n", -1);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      text.append(String.format("%3d  %s%n", i + 1, lines[i]));
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return rule + " " + name;
  }
}
