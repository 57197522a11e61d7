package org.iatipub.validation.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.iatipub.SharedIati;
import org.iatipub.cli.Main;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example files that the official rulesets ({@code rulesets/meta_tests}) and validator
 * ({@code validator/ruleset-unit-tests}) use to test each rule type. Each example below is paired
 * with the catalogue rule that applies that rule type to the same elements; its file name says
 * whether the rule must be reported ({@code bad}) or not ({@code good}, {@code not_relevant}).
 *
 * <p>Examples left out, and why: those testing a rule type on made-up elements ({@code range},
 * {@code sum}, {@code regexNoMatches}, {@code unique} on titles, titles counted by
 * {@code noMoreThanOne}/{@code atLeastOne}, {@code dateOrder} with version 1 date types) have no
 * catalogue rule to pair with; the {@code *_existing*} orgIdCheck files depend on the IATI
 * Registry's publisher list, which iatipub does not consult; {@code *bad_date_format} files hold
 * dates the schema rejects, which the rules then skip; and {@code only_one_of_transaction_*} test a
 * generic reading of onlyOneOf that no catalogue rule has; the {@code X.X.8_act_id} orgIdCheck and
 * the plain {@code startsWith} files exercise 1.3.8 and 1.1.1, which the official validator does not
 * run on 2.0x files and iatipub leaves out with it.
 */
class RuleTypeExamplesTest {
  private static final String UNIT = "validator/ruleset-unit-tests/";
  private static final String META = "rulesets/meta_tests/";
  private static final Pattern ROOT = Pattern.compile("<(iati-activities|iati-organisations)([^>]*)>");

  @TempDir static Path scratch;

  /** An example file and the rule it exercises. */
  record Example(String file, String rule) {
    /** What the file's name says: bad examples break the rule, good and not-relevant ones do not. */
    boolean breaksTheRule() {
      String name = Path.of(file).getFileName().toString();
      if (name.contains("good") || name.contains("not_relevant") || name.contains("exactly") || name.contains("no_match")) {
        return false;
      }
      if (name.contains("bad")) {
        return true;
      }
      throw new IllegalStateException(file + ": the name says neither good nor bad");
    }
  }

  private static List<Example> examples() {
    return List.of(
        ex(UNIT + "atLeastOne", "6.8.1", "bad.xml", "no_element_good.xml"),
        ex(UNIT + "atLeastOne", "8.8.1", "results_indicator_baseline_value_bad.xml", "results_indicator_baseline_value_good.xml",
            "results_indicator_baseline_value_not_relevant.xml"),
        ex(UNIT + "atLeastOne", "8.9.1", "results_indicator_period_target_value_bad.xml", "results_indicator_period_target_value_good.xml",
            "results_indicator_period_target_value_not_relevant.xml"),
        ex(UNIT + "atLeastOne", "8.10.1", "results_indicator_period_actual_value_bad.xml", "results_indicator_period_actual_value_good.xml",
            "results_indicator_period_actual_value_not_relevant.xml"),
        ex(UNIT + "betweenDates", "11.3.1", "bad.xml", "good.xml"),
        ex(UNIT + "dateNow", "11.1.1", "bad.xml", "good.xml"),
        ex(UNIT + "dateOrder", "11.1.4", "now_bad.xml", "now_good.xml"),
        ex(UNIT + "dupIdentifier", "1.1.2", "3act_bad.xml", "3act_good.xml"),
        ex(UNIT + "identifier", "6.11.1", "3act_bad.xml", "3act_good.xml"),
        ex(UNIT + "identifier", "11.4.1", "org_bad.xml", "org_good.xml"),
        ex(UNIT + "identifier", "4.5.1", "org_bad.xml", "org_good.xml"),
        ex(UNIT + "identifier", "7.8.2", "org_bad.xml", "org_good.xml"),
        ex(UNIT + "ifThen", "102.1.1", "bad.xml", "mult_other_vocab_bad.xml", "good.xml", "blank_vocab_good.xml", "default_vocab_good.xml",
            "only_dac_good.xml", "only_dac_blank_good.xml", "only_dac_null_good.xml", "real_good.xml"),
        ex(UNIT + "loop", "2.1.2", "bad.xml", "good.xml", "condition_bad.xml", "condition_good.xml", "condition_no_match.xml"),
        ex(UNIT + "loop", "7.9.4", "if_then_bad.xml", "if_then_good.xml"),
        ex(UNIT + "loop", "3.4.2", "recipient_loc_bad.xml", "recipient_loc_good.xml"),
        ex(UNIT + "noMoreThanOne", "8.11.1", "results_refs_bad.xml", "results_refs_good.xml"),
        ex(UNIT + "noSpaces", "1.11.1", "act_ref_bad.xml", "act_ref_good.xml"),
        ex(UNIT + "noSpaces", "1.3.1", "3act_bad.xml", "3act_good.xml"),
        ex(UNIT + "noSpaces", "1.12.1", "org_bad.xml", "org_good.xml"),
        ex(UNIT + "oneOrAll", "7.8.1", "currency_bad.xml", "currency_all_bad.xml", "currency_good.xml", "currency_all_good.xml"),
        ex(UNIT + "oneOrAll", "4.1.1", "lang_bad.xml", "lang_bad_all.xml", "lang_good.xml", "lang_good_all.xml"),
        ex(UNIT + "oneOrAll", "6.7.2", "sector_bad.xml", "sector_all_bad.xml", "sector_good.xml", "sector_all_good.xml"),
        ex(UNIT + "oneOrAll", "7.8.2", "org_currency_bad.xml", "org_currency_good.xml"),
        ex(UNIT + "oneOrAll", "3.7.2", "recip_loc_bad.xml", "recip_loc_good.xml"),
        ex(UNIT + "onlyOneOf", "3.6.2", "only_one_of_activity_bad.xml", "only_one_of_activity_good.xml"),
        ex(UNIT + "orgIdCheck", "1.3.13", "X.X.13_act_id_bad.xml", "X.X.13_act_id_good.xml"),
        ex(UNIT + "orgIdCheck", "1.14.13", "X.X.13_org_id_bad.xml", "X.X.13_org_id_good.xml"),
        ex(UNIT + "orgIdCheck", "1.14.8", "X.X.8_org_id_bad.xml", "X.X.8_org_id_good.xml"),
        ex(UNIT + "recipientLocation", "3.6.2", "activity_and_trans_bad.xml", "activity_only_good.xml"),
        ex(UNIT + "recipientLocation", "3.7.2", "two_trans_bad.xml", "two_trans_both_good.xml", "two_trans_country_good.xml", "one_trans_good.xml"),
        ex(UNIT + "regexMatches", "1.14.13", "bad.xml", "good.xml"),
        ex(UNIT + "startsWith", "1.1.21", "missing_separator_bad.xml", "good.xml"),
        ex(UNIT + "strictSum", "3.1.2", "bad.xml", "good.xml", "good_complex_decimals.xml", "recipient_loc_country_only_bad.xml",
            "recipient_loc_country_only_good.xml"),
        ex(UNIT + "strictSum", "2.1.2", "sector_sum_bad.xml", "sector_sum_good.xml"),
        ex(UNIT + "timeLimit", "7.5.3", "bad.xml", "good.xml", "one_day_bad.xml", "one_day_good.xml", "one_year_exactly.xml"),
        ex(UNIT + "unique", "1.1.3", "identifier_bad.xml", "identifier_good.xml"),
        ex(META, "6.8.1", "at_least_one_bad.xml", "at_least_one_no_element_good.xml"),
        ex(META, "11.3.1", "between_dates_bad.xml", "between_dates_good.xml"),
        ex(META, "11.1.1", "date_now_bad.xml", "date_now_good.xml"),
        ex(META, "2.1.2", "forloop_bad.xml", "forloop_good.xml", "sector_percentage_sum_bad.xml", "sector_percentage_sum_good.xml"),
        ex(META, "2.2.1", "if_then_bad.xml", "if_then_good.xml"),
        ex(META, "7.8.1", "one_or_all_currency_bad.xml", "one_or_all_currency_all_bad.xml", "one_or_all_currency_good.xml",
            "one_or_all_currency_all_good.xml"),
        ex(META, "4.1.1", "one_or_all_lang_bad.xml", "one_or_all_lang_bad_all.xml", "one_or_all_lang_good.xml", "one_or_all_lang_good_all.xml"),
        ex(META, "6.7.2", "one_or_all_sector_bad.xml", "one_or_all_sector_all_bad.xml", "one_or_all_sector_good.xml", "one_or_all_sector_all_good.xml"),
        ex(META, "7.8.2", "one_or_all_org_currency_bad.xml", "one_or_all_org_currency_good.xml"),
        ex(META, "3.6.2", "only_one_of_activity_bad.xml", "only_one_of_activity_good.xml"),
        ex(META, "7.5.3", "period_time_bad.xml", "period_time_good.xml", "time_limit_bad.xml", "time_limit_good.xml",
            "recipient_region_budget_bad.xml", "recipient_region_budget_good.xml", "total_expenditure_bad.xml", "total_expenditure_good.xml"),
        ex(META, "3.1.2", "recipient_country_bad.xml", "recipient_country_good.xml"),
        ex(META, "8.8.1", "results_indicator_baseline_value_bad.xml", "results_indicator_baseline_value_good.xml",
            "results_indicator_baseline_value_not_relevant.xml"),
        ex(META, "8.9.1", "results_indicator_period_target_value_bad.xml", "results_indicator_period_target_value_good.xml",
            "results_indicator_period_target_value_not_relevant.xml"),
        ex(META, "8.10.1", "results_indicator_period_actual_value_bad.xml", "results_indicator_period_actual_value_good.xml",
            "results_indicator_period_actual_value_not_relevant.xml"),
        ex(META, "8.11.1", "results_refs_bad.xml", "results_refs_good.xml"))
        .stream().flatMap(List::stream).toList();
  }

  private static List<Example> ex(String folder, String rule, String... files) {
    String dir = folder.startsWith(UNIT) ? folder + "/test-files/" : folder;
    return Stream.of(files).map(f -> new Example(dir + f, rule)).toList();
  }

  @TestFactory
  Stream<DynamicTest> eachExampleBreaksItsRuleExactlyWhenItsNameSaysSo() {
    return examples().stream().map(example -> DynamicTest.dynamicTest(
        example.rule() + " on " + example.file(), () -> {
          Set<String> reported = rulesReportedFor(SharedIati.require(example.file().split("/")));
          assertEquals(example.breaksTheRule(), reported.contains(example.rule()),
              example.file() + " should " + (example.breaksTheRule() ? "" : "not ") + "break " + example.rule() + "; iatipub reported " + reported);
        }));
  }

  @TestFactory
  Stream<DynamicTest> everyRuleOfAnExampleIsInTheCatalogue() {
    Set<String> catalogue = new IatiRules(new AgencyPrefixes(Set.of("XM-DAC")), java.time.Clock.systemUTC()).rules().stream()
        .map(Rule::id).collect(java.util.stream.Collectors.toSet());
    return examples().stream().map(Example::rule).distinct().map(rule -> DynamicTest.dynamicTest(rule,
        () -> assertTrue(catalogue.contains(rule), rule + " is exercised by an example but is not in the catalogue")));
  }

  /**
   * The rules reported for an example. Most examples declare no version: the official validator's
   * tests give them to its rules engine directly, where its API would stop at 0.6.1 (no version).
   * They are checked here as the 2.03 files they are written as, from a copy that says so.
   */
  private static Set<String> rulesReportedFor(Path file) throws IOException {
    assertTrue(Files.isRegularFile(file), file + " is missing");
    String xml = Files.readString(file);
    Matcher root = ROOT.matcher(xml);
    if (root.find() && !root.group(2).contains(" version=")) {
      xml = xml.substring(0, root.end(1)) + " version=\"2.03\"" + xml.substring(root.end(1));
      file = Files.writeString(scratch.resolve(file.getFileName()), xml);
    }
    StringWriter out = new StringWriter();
    Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "validate", "--format", "json", file.toString());
    Set<String> rules = new TreeSet<>();
    for (JsonNode finding : new ObjectMapper().readTree(out.toString()).get("files").get(0).get("findings")) {
      rules.add(finding.get("rule").asText());
    }
    return rules;
  }
}
