package org.iatipub.validation.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.iatipub.SharedIati;
import org.iatipub.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The official IATI Validator's integration tests, replayed: for each test file, every rule id
 * the official validator is expected to report (read from its Postman collection) is reported by
 * {@code iatipub validate --format json} for the same file, and so is every codelist it is
 * expected to complain about.
 */
class OfficialValidatorExpectationsTest {
  /**
   * Files where iatipub names the same file-level problem with another id, and why: an undeclared
   * namespace prefix is a namespace well-formedness error to iatipub's namespace-aware parser, a
   * schema error to the official validator.
   */
  private static final Map<String, Map<String, String>> FILE_LEVEL_DIFFERENCES = Map.of(
      "iati-act-me-feedback-no-ns.xml", Map.of("0.3.1", "0.1.1"));

  /**
   * Codelist rule ids expected by the collection that the codelist check does not report yet.
   * The collection names codelists rather than ids for its codelist tests, so none is pending.
   */
  private static final Set<String> PENDING_CODELIST_IDS = Set.of();

  private static final Pattern QUOTED_ID = Pattern.compile("['\"](\\d+(?:\\.\\d+)+)['\"]");
  private static final Pattern CODELIST_NAME = Pattern.compile("includes\\('([A-Za-z-]+)'\\)");

  /** What one request of the collection expects for its file. */
  record Expectation(String request, String file, Set<String> ruleIds, Set<String> codelists) {}

  /** What iatipub reported for one file: rule ids and messages. */
  record Reported(Set<String> rules, List<String> messages) {}

  private static List<Expectation> expectations;
  private static Map<String, Reported> reported;

  @BeforeAll
  static void validateEveryTestFile() throws IOException {
    Path collection = SharedIati.require("validator", "expected-results.postman_collection.json");
    Path testFiles = SharedIati.require("validator", "test-files");
    expectations = expectations(new ObjectMapper().readTree(collection.toFile()));
    StringWriter out = new StringWriter();
    Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "validate", "--format", "json", testFiles.toString());
    reported = new HashMap<>();
    for (JsonNode file : new ObjectMapper().readTree(out.toString()).get("files")) {
      Set<String> rules = new TreeSet<>();
      List<String> messages = new ArrayList<>();
      file.get("findings").forEach(f -> {
        rules.add(f.get("rule").asText());
        messages.add(f.get("message").asText());
      });
      reported.put(Path.of(file.get("path").asText()).getFileName().toString(), new Reported(rules, messages));
    }
  }

  @Test
  void theCollectionExpectsRuleIdsForManyTestFiles() {
    long withIds = expectations.stream().filter(e -> !e.ruleIds().isEmpty()).count();
    assertTrue(withIds >= 30, "expected ids read from the collection for " + withIds + " requests; is the collection parsed?");
  }

  @TestFactory
  Stream<DynamicTest> everyRuleIdTheOfficialValidatorReportsIsReported() {
    return expectations.stream().filter(e -> reported.containsKey(e.file())).map(e -> DynamicTest.dynamicTest(
        e.request() + " (" + e.file() + ")", () -> {
          Reported ours = reported.get(e.file());
          Set<String> missing = new TreeSet<>();
          for (String id : e.ruleIds()) {
            String instead = FILE_LEVEL_DIFFERENCES.getOrDefault(e.file(), Map.of()).get(id);
            Predicate<String> equivalent = instead != null ? instead::equals : id::equals;
            if (ours.rules().stream().noneMatch(equivalent) && !PENDING_CODELIST_IDS.contains(id)) {
              missing.add(id);
            }
          }
          assertEquals(Set.of(), missing, e.file() + ": iatipub reported " + ours.rules());
          for (String codelist : e.codelists()) {
            assertTrue(ours.messages().stream().anyMatch(m -> m.contains(codelist)),
                e.file() + ": expected a finding about the " + codelist + " codelist, got " + ours.messages());
          }
        }));
  }

  @Test
  void everyTestFileTheCollectionNamesIsThere() {
    List<String> absent = expectations.stream().map(Expectation::file).filter(f -> !reported.containsKey(f)).distinct().toList();
    // Two advisory requests name generated 5,000-activity files that the shared folder does not hold.
    assertTrue(absent.stream().allMatch(f -> f.contains("over-5000") || f.contains("-18-") || f.contains("-19-")),
        "test files named by the collection but not found: " + absent);
  }

  /** Every request that sends a test file, with the ids and codelists its test script expects. */
  private static List<Expectation> expectations(JsonNode collection) {
    List<Expectation> found = new ArrayList<>();
    walk(collection.get("item"), "", found);
    return found;
  }

  private static void walk(JsonNode items, String folder, List<Expectation> found) {
    for (JsonNode item : items) {
      String name = folder.isEmpty() ? item.get("name").asText() : folder + " / " + item.get("name").asText();
      if (item.has("item")) {
        walk(item.get("item"), name, found);
        continue;
      }
      JsonNode src = item.path("request").path("body").path("file").path("src");
      if (src.isMissingNode() || src.asText().isEmpty()) {
        continue;
      }
      List<String> script = new ArrayList<>();
      item.path("event").forEach(e -> {
        if (e.path("listen").asText().equals("test")) {
          e.path("script").path("exec").forEach(line -> script.add(line.asText()));
        }
      });
      found.add(new Expectation(name, src.asText(), expectedIds(script), expectedCodelists(script)));
    }
  }

  /**
   * Rule ids the script expects to be reported: quoted ids on lines that test finding ids, except
   * negative assertions, and except advisory ids where the script expects no advisory at all.
   */
  private static Set<String> expectedIds(List<String> script) {
    boolean noAdvisories = script.stream().anyMatch(l -> l.contains("summary.advisory).to.eql(0)"));
    Set<String> ids = new LinkedHashSet<>();
    for (String line : script) {
      if (!line.contains("id") || line.contains(".not.")) {
        continue;
      }
      Matcher m = QUOTED_ID.matcher(line);
      while (m.find()) {
        if (!(noAdvisories && m.group(1).startsWith("1000."))) {
          ids.add(m.group(1));
        }
      }
    }
    return ids;
  }

  /** Codelists the script expects a codelist finding for ({@code obj.codelist} ... includes('Name')). */
  private static Set<String> expectedCodelists(List<String> script) {
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < script.size(); i++) {
      if (script.get(i).contains("obj.codelist")) {
        for (int j = i; j < Math.min(script.size(), i + 6); j++) {
          Matcher m = CODELIST_NAME.matcher(script.get(j));
          if (m.find()) {
            names.add(m.group(1));
            break;
          }
        }
      }
    }
    return names;
  }

  @Test
  void theParserReadsIdsFromTheKindsOfAssertionTheCollectionUses() {
    assertEquals(Set.of("11.1.4", "11.1.2", "11.2.1"),
        expectedIds(List.of("    pm.expect(jsonData.errors.map(obj => (obj.id))).to.include('11.1.4','11.1.2','11.2.1');")));
    assertEquals(Set.of("1.1.3", "1.1.21"),
        expectedIds(List.of("pm.expect(jsonData.errors.filter((err) => err.severity !== 'advisory').map(obj => (obj.id))).to.eql(['1.1.3', '1.1.21']);")));
    assertEquals(Set.of(), expectedIds(List.of("pm.expect(jsonData.summary.advisory).to.eql(0);",
        "advisories = errors.filter(singleError => singleError.id === \"1000.0.4\");")));
    assertFalse(expectedIds(List.of("x.filter(singleError => singleError.id === \"1000.0.4\");")).isEmpty());
  }
}
