package org.iatipub.validation.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.iatipub.codelist.CheckedMappings;
import org.iatipub.codelist.Code;
import org.iatipub.codelist.Codelist;
import org.iatipub.codelist.CodelistMapping;
import org.iatipub.codelist.CodelistSnapshot;
import org.iatipub.codelist.VocabularyCondition;

/**
 * Examples of the codelist checks, derived from each mapping the check runs: a file holding the
 * mapping's path and nothing else, once with a code the codelist lacks ({@code ZZ}) and once with
 * one of its current codes, under the vocabulary its condition names. The first breaks the
 * mapping's rule at the coded element's line and otherwise gives exactly the findings of the
 * second (a bare path breaks the schema and other rules alike, so the pair is what shows the
 * code's effect), which keeps it. For a mapping of a sector under vocabulary 2:
 *
 * <pre>{@code
 * <iati-activities version="2.03">
 *   <iati-activity>
 *     <transaction>
 *       <sector vocabulary="2" code="ZZ"/> <!-- error 9.124.1 -->
 *     </transaction>
 *   </iati-activity>
 * </iati-activities>
 * }</pre>
 */
final class CodelistExamples {
  private CodelistExamples() {}

  /** A value no codelist has, that every coded attribute's schema type allows (xml:lang's included). */
  static final String UNKNOWN = "ZZ";

  /**
   * The current code used where the codelist's first would change what other rules find, so that
   * the unknown code and this one differ only in the codelist's finding: a version other than 2.03
   * (iati/version) but not a retired 1.x one (0.6.1); a date type that is not a start date (6.11.1);
   * a vocabulary other than the OECD DAC one (102.1.1, 107.x.1).
   */
  private static final Map<String, String> CURRENT_CODE = Map.of(
      "9.1.1", "2.02", "9.97.1", "2.02", "9.4.1", "3", "9.22.1", "2", "9.78.1", "2", "9.81.1", "2", "9.91.1", "2");

  /**
   * Mappings whose every current code changes what other rules find, so that only the findings
   * of the mapping's own rule are compared: a policy marker's vocabulary decides whether it needs a
   * significance (1, OECD DAC) or a narrative (99, the publisher's own).
   */
  private static final Set<String> OWN_FINDINGS_ONLY = Set.of("9.49.1");

  /**
   * The Version codelist's checks of the root's version: a version outside it is stopped first by
   * 0.6.1, as the official validator does, so no file reaches them ({@code EveryRuleHasExamplesTest}).
   */
  static final Set<String> STOPPED_BEFORE = Set.of("9.1.1", "9.97.1");

  static List<RuleExample> examples() {
    CodelistSnapshot snapshot = CodelistSnapshot.bundled();
    List<RuleExample> examples = new ArrayList<>();
    // A code the codelist has withdrawn is a warning of its own, not the unknown code's error.
    examples.add(RuleExample.breaksAmongOthers(CodelistMapping.WITHDRAWN_RULE, "breaks with a withdrawn sector code",
        ExampleFiles.activity("""
            <sector vocabulary="1" code="11321"/> <!-- warning codelist/withdrawn -->
            """)));
    examples.add(RuleExample.keepsAmongOthers(CodelistMapping.WITHDRAWN_RULE, "keeps with a current sector code",
        ExampleFiles.activity("""
            <sector vocabulary="1" code="11110"/>
            """)));
    for (CodelistMapping mapping : CheckedMappings.of(snapshot).mappings()) {
      if (STOPPED_BEFORE.contains(mapping.rule())) {
        continue;
      }
      Codelist codelist = snapshot.codelist(mapping.codelist()).orElseThrow();
      if (codelist.contains(UNKNOWN)) {
        throw new IllegalStateException(codelist.label() + " has the code " + UNKNOWN + ", meant to be unknown");
      }
      String current = CURRENT_CODE.getOrDefault(mapping.rule(), firstCurrent(codelist));
      String name = "at " + mapping.path() + mapping.condition().map(c -> " when " + c).orElse("");
      RuleExample keeping = RuleExample.keepsAmongOthers(mapping.rule(), "keeps with " + current + " " + name,
          file(mapping, current, ""));
      String breaking = file(mapping, UNKNOWN, " <!-- error " + mapping.rule() + " -->");
      examples.add(OWN_FINDINGS_ONLY.contains(mapping.rule())
          ? RuleExample.breaksAmongOthers(mapping.rule(), "breaks with " + UNKNOWN + " " + name, breaking)
          : RuleExample.breaksWhere(mapping.rule(), "breaks with " + UNKNOWN + " " + name, breaking, keeping));
      examples.add(keeping);
    }
    return examples;
  }

  private static String firstCurrent(Codelist codelist) {
    return codelist.codes().values().stream().filter(code -> !code.isWithdrawn()).map(Code::value).findFirst().orElseThrow();
  }

  /**
   * The mapping's path, from the root down, with the code where the path says and the first value
   * of the mapping's vocabulary condition beside it; {@code marker} at the end of the coded line.
   */
  static String file(CodelistMapping mapping, String code, String marker) {
    List<String> path = new ArrayList<>(mapping.path().elements());
    boolean organisation = path.isEmpty() ? false : path.get(0).startsWith("iati-organisation");
    String root = organisation ? "iati-organisations" : "iati-activities";
    String record = organisation ? "iati-organisation" : "iati-activity";
    if (path.isEmpty()) {
      path.add(record); // any element: the record's own attribute stands for all
    }
    if (!path.get(0).equals(root)) {
      path.add(0, root);
    }
    Optional<VocabularyCondition> condition = mapping.condition();
    String attribute = mapping.path().inText() ? "" : " " + mapping.path().attribute() + "=\"" + code + "\"";
    String chosen = condition.filter(c -> !c.values().isEmpty())
        .map(c -> " " + c.attribute() + "=\"" + c.values().stream().sorted().findFirst().orElseThrow() + "\"").orElse("");
    StringBuilder xml = new StringBuilder();
    int last = path.size() - 1;
    if (last == 0) {
      // The root's own attribute (the version): the root is the coded element, with one empty record in it.
      return xml.append('<').append(root).append(attribute).append('>').append(marker).append('\n')
          .append("  <").append(record).append("/>\n</").append(root).append(">\n").toString();
    }
    for (int depth = 0; depth < last; depth++) {
      xml.append("  ".repeat(depth)).append('<').append(path.get(depth)).append(depth == 0 ? " version=\"2.03\"" : "").append(">\n");
    }
    String coded = path.get(last);
    xml.append("  ".repeat(last)).append('<').append(coded).append(chosen);
    if (mapping.path().inText()) {
      xml.append('>').append(code).append("</").append(coded).append('>');
    } else {
      xml.append(attribute).append("/>");
    }
    xml.append(marker).append('\n');
    for (int depth = last - 1; depth >= 0; depth--) {
      xml.append("  ".repeat(depth)).append("</").append(path.get(depth)).append(">\n");
    }
    return xml.toString();
  }
}
