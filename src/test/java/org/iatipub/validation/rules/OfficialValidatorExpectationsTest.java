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
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * The official IATI Validator's integration tests (its Postman collection), replayed on its own test
 * files with {@code validate --format iati-validator}, in both directions:
 *
 * <ul>
 *   <li>every rule id the collection expects is reported, and a finding about every codelist it
 *       expects one for; the file-level ids follow its status codes (400: 0.1.1; 422: one of 0.2.1,
 *       0.3.1, 0.6.1; 200: none);
 *   <li>nothing of error or critical severity is reported that the collection does not expect,
 *       except the cases listed here by file, each with the reason;
 *   <li>the verdict ({@code valid}: no critical finding) is the collection's, for the full check
 *       and for the schema check alone.
 * </ul>
 */
class OfficialValidatorExpectationsTest {
  private static final String SCHEMA = "0.3.1";

  /**
   * Where iatipub names the same file-level problem with another id, and why: an undeclared
   * namespace prefix is a namespace well-formedness error to iatipub's namespace-aware parser, which
   * stops there (0.1.1); the official validator's libxml2 reports it as a namespace error and goes
   * on to the schema (0.3.1). Both reject the file.
   */
  private static final Map<String, Map<String, String>> FILE_LEVEL_DIFFERENCES = Map.of(
      "iati-act-me-feedback-no-ns.xml", Map.of("0.3.1", "0.1.1"));

  /** Why a file breaks rules its tests do not mention: the official validator runs every rule on every activity. */
  private static final String ALSO_BROKEN = "the file breaks these rules too; the collection's test of it asserts only some ids (with include)";
  /**
   * Error ids iatipub reports that the collection does not expect for a file, each with the reason.
   * Kept exact: an entry that is no longer reported fails the test, so the list cannot go stale.
   */
  private static final Map<String, Map<String, String>> NOT_EXPECTED_BUT_RIGHT = new TreeMap<>(Map.ofEntries(
      Map.entry("iati-act-codelist-conditional.xml", Map.of("3.4.2", "the official validator's error (see the README): it never"
          + " sums recipient regions given without a vocabulary, which is vocabulary 1; here countries and regions add up to 150")),
      Map.entry("iati-act-line-br.xml", Map.of(
          "7.5.3", ALSO_BROKEN + ": a budget from 2024-01-01 to 2099-12-31",
          "9.125.1", ALSO_BROKEN + ": tag code 0 under vocabulary 2, the SDG goals, which are 1 to 17")),
      Map.entry("iati-act-oneOrAll-error.xml", Map.of(
          "6.7.2", ALSO_BROKEN + ": a transaction without a sector in an activity without one",
          "7.8.1", ALSO_BROKEN + ": values without a currency in an activity without a default")),
      Map.entry("iati-multi-act-oneOrAll-error.xml", Map.of(
          "6.7.2", ALSO_BROKEN + ": the same activities as iati-act-oneOrAll-error.xml",
          "7.8.1", ALSO_BROKEN + ": the same activities as iati-act-oneOrAll-error.xml")),
      Map.entry("iati-multi-act-range-ifThen-error.xml", Map.of(
          "2.2.1", "the same activities as iati-act-range-ifThen-error.xml, for which the collection expects exactly 7.9.4, 12.2.1 and 2.2.1")),
      Map.entry("iati-act-schema-errors.xml", schemaErrorFile("1.1.3")),
      Map.entry("iati-multi-act-schema-errors.xml", schemaErrorFile()),
      Map.entry("iati-multi-act-mult-schema-errors.xml", schemaErrorFile()),
      Map.entry("iati-act-title-no-narrative.xml", Map.of("4.3.1", ALSO_BROKEN + ": the title that has no narrative, which the schema"
          + " also rejects")),
      Map.entry("iati-multi-act-self-closed.xml", Map.of(
          "6.11.1", ALSO_BROKEN + ": the self-closed activity has no start date",
          "6.2.2", ALSO_BROKEN + ": the self-closed activity has no sector")),
      Map.entry("multi-activity-one-with-errors.xml", Map.of("9.90.1", "the one activity with errors the collection expects: a"
          + " transaction sector code that is not a DAC code")),
      Map.entry("multi-blank-activity-ids.xml", Map.of(
          "9.41.1", "the codelist errors the collection expects for noIdentifier(2) (it names no codelist)",
          "9.54.1", "the codelist errors the collection expects for noIdentifier(2) (it names no codelist)",
          "9.90.1", "the codelist errors the collection expects for noIdentifier(2) (it names no codelist)"))));

  /**
   * The official validator runs the rules on activities that break the schema (the collection's
   * iati-multi-act-schema-errors test expects rule errors beside the schema error); these files'
   * activities are empty shells that break these rules as well.
   */
  private static Map<String, String> schemaErrorFile(String... more) {
    Map<String, String> reasons = new HashMap<>();
    List<String> ids = new ArrayList<>(List.of("4.1.1", "4.4.1", "6.10.1", "6.11.1", "6.2.2", "9.4.1", "9.41.1", "9.5.1", "9.54.1"));
    ids.addAll(List.of(more));
    for (String id : ids) {
      reasons.put(id, ALSO_BROKEN + ": empty codes and narratives (1.1.3: an identifier as empty as the reporting-org ref),"
          + " no language, no start date, no sector");
    }
    return reasons;
  }

  private static final Pattern QUOTED_ID = Pattern.compile("['\"](\\d+(?:\\.\\d+)+)['\"]");
  private static final Pattern CODELIST_NAME = Pattern.compile("includes\\('([A-Za-z-]+)'\\)");
  private static final Pattern STATUS = Pattern.compile("to\\.have\\.status\\((\\d+)\\)");
  private static final Pattern VALID = Pattern.compile("jsonData\\.valid\\)\\.to\\.eql\\((true|false)\\)");

  /**
   * What one request of the collection expects for its file.
   *
   * @param schemaOnly a request to the schema check alone
   * @param valid the verdict expected, when the request states one
   * @param status the HTTP status expected, when it states one
   */
  record Expectation(String request, String file, Set<String> ruleIds, Set<String> codelists, Optional<Boolean> valid,
      Optional<Integer> status, boolean schemaOnly) {}

  private static List<Expectation> expectations;
  /** iatipub's responses (flat), by file name: the full check, and the schema check alone. */
  private static Map<String, JsonNode> full;
  private static Map<String, JsonNode> schemaOnly;

  @BeforeAll
  static void validateEveryTestFile() throws IOException {
    Path collection = SharedIati.require("validator", "expected-results.postman_collection.json");
    Path testFiles = SharedIati.require("validator", "test-files");
    expectations = expectations(new ObjectMapper().readTree(collection.toFile()));
    full = responses("validate", "--format", "iati-validator", "--flat", testFiles.toString());
    schemaOnly = responses("validate", "--schema-only", "--format", "iati-validator", "--flat", testFiles.toString());
  }

  private static Map<String, JsonNode> responses(String... args) throws IOException {
    StringWriter out = new StringWriter();
    Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), args);
    Map<String, JsonNode> byFile = new HashMap<>();
    for (JsonNode response : new ObjectMapper().readTree(out.toString())) {
      byFile.put(Path.of(response.get("file").asText()).getFileName().toString(), response);
    }
    return byFile;
  }

  private static Stream<Expectation> fullChecks() {
    return expectations.stream().filter(e -> !e.schemaOnly() && full.containsKey(e.file()));
  }

  /** The ids iatipub reported for a file, of the given official severities (all when none given). */
  private static Set<String> ids(JsonNode response, String... severities) {
    Set<String> ids = new TreeSet<>();
    for (JsonNode error : response.get("errors")) {
      if (severities.length == 0 || List.of(severities).contains(error.get("severity").asText())) {
        ids.add(error.get("id").asText());
      }
    }
    return ids;
  }

  /**
   * The ids the collection expects for a file, with iatipub's id where it names the problem
   * otherwise; a status of 422 (the file is IATI but rejected) with no other file-level id expects
   * the schema's, 0.3.1, as the official validator answers 422 only for those.
   */
  private static Set<String> expectedIds(Expectation e) {
    Set<String> ids = new TreeSet<>();
    for (String id : e.ruleIds()) {
      ids.add(FILE_LEVEL_DIFFERENCES.getOrDefault(e.file(), Map.of()).getOrDefault(id, id));
    }
    if (e.status().equals(Optional.of(422)) && ids.stream().noneMatch(List.of("0.1.1", "0.2.1", "0.6.1")::contains)) {
      ids.add(SCHEMA);
    }
    return ids;
  }

  @Test
  void theCollectionIsReadForIdsVerdictsAndStatuses() {
    assertTrue(expectations.stream().filter(e -> !e.ruleIds().isEmpty()).count() >= 30, "rule ids read for many requests");
    assertTrue(expectations.stream().filter(e -> e.valid().isPresent()).count() >= 30, "verdicts read for many requests");
    assertTrue(expectations.stream().filter(e -> e.status().isPresent()).count() >= 35, "statuses read for many requests");
    assertTrue(expectations.stream().filter(Expectation::schemaOnly).count() >= 12, "the schema check's requests are read");
  }

  @TestFactory
  Stream<DynamicTest> everyRuleIdTheOfficialValidatorReportsIsReported() {
    return fullChecks().map(e -> DynamicTest.dynamicTest(e.request() + " (" + e.file() + ")", () -> {
      JsonNode ours = full.get(e.file());
      Set<String> missing = new TreeSet<>(expectedIds(e));
      missing.removeAll(ids(ours));
      assertEquals(Set.of(), missing, e.file() + ": iatipub reported " + ids(ours));
      Set<String> codelists = new TreeSet<>();
      ours.get("errors").forEach(error -> codelists.add(error.path("codelist").asText()));
      assertTrue(codelists.containsAll(e.codelists()), e.file() + ": expected findings about the codelists " + e.codelists()
          + ", got " + codelists);
    }));
  }

  @TestFactory
  Stream<DynamicTest> nothingOfErrorSeverityIsReportedThatTheOfficialValidatorWouldNot() {
    Map<String, Set<String>> expectedByFile = new TreeMap<>();
    fullChecks().forEach(e -> expectedByFile.computeIfAbsent(e.file(), f -> new TreeSet<>()).addAll(expectedIds(e)));
    Map<String, Set<String>> codelistsByFile = new TreeMap<>();
    fullChecks().forEach(e -> codelistsByFile.computeIfAbsent(e.file(), f -> new TreeSet<>()).addAll(e.codelists()));
    return expectedByFile.keySet().stream().map(file -> DynamicTest.dynamicTest(file, () -> {
      JsonNode ours = full.get(file);
      Set<String> unexpected = new TreeSet<>(ids(ours, "critical", "error"));
      unexpected.removeAll(expectedByFile.get(file));
      ours.get("errors").forEach(error -> {
        if (codelistsByFile.get(file).contains(error.path("codelist").asText())) {
          unexpected.remove(error.get("id").asText());
        }
      });
      assertEquals(NOT_EXPECTED_BUT_RIGHT.getOrDefault(file, Map.of()).keySet(), unexpected,
          file + ": ids not expected by the collection, against those listed here with their reasons");
    }));
  }

  @TestFactory
  Stream<DynamicTest> theVerdictIsTheCollections() {
    return expectations.stream().filter(e -> e.valid().isPresent()).map(e -> DynamicTest.dynamicTest(e.request() + " (" + e.file() + ")", () -> {
      JsonNode ours = (e.schemaOnly() ? schemaOnly : full).get(e.file());
      assertEquals(e.valid().get(), ours.get("valid").asBoolean(), e.file() + ": iatipub reported " + ours.get("errors"));
    }));
  }

  @TestFactory
  Stream<DynamicTest> theFileLevelIdsFollowTheCollectionsStatusCodes() {
    return expectations.stream().filter(e -> e.status().isPresent() && full.containsKey(e.file()))
        .map(e -> DynamicTest.dynamicTest(e.request() + " (" + e.file() + ", " + e.status().get() + ")", () -> {
          Set<String> critical = ids((e.schemaOnly() ? schemaOnly : full).get(e.file()), "critical");
          switch (e.status().get()) {
            case 400 -> assertEquals(Set.of("0.1.1"), critical, "not XML: 0.1.1 alone");
            case 422 -> {
              Set<String> expected = new TreeSet<>(expectedIds(e));
              expected.retainAll(Set.of("0.1.1", "0.2.1", "0.6.1"));
              assertEquals(expected.isEmpty() ? Set.of(SCHEMA) : expected, critical, "not IATI, a version no longer supported, or the schema");
            }
            case 200 -> assertEquals(Set.of(), critical, "nothing wrong with the file as a whole");
            default -> throw new AssertionError("a status the collection does not use: " + e.status().get());
          }
        }));
  }

  @Test
  void everyTestFileTheCollectionNamesIsThere() {
    List<String> absent = expectations.stream().map(Expectation::file).filter(f -> !full.containsKey(f)).distinct().toList();
    // Two advisory requests name generated 5,000-activity files that the shared folder does not hold.
    assertEquals(List.of("iati-act-identifier-exists-18-over-5000-to-check-not-found.xml",
        "iati-act-identifier-exists-19-over-5000-to-check-found.xml"), absent);
  }

  @Test
  void everyCaseListedAsRightIsReasonedAndTheFileIsInTheCollection() {
    Set<String> files = new TreeSet<>();
    expectations.forEach(e -> files.add(e.file()));
    assertTrue(files.containsAll(NOT_EXPECTED_BUT_RIGHT.keySet()), "listed files the collection does not name");
    NOT_EXPECTED_BUT_RIGHT.forEach((file, reasons) -> reasons.forEach((id, reason) ->
        assertFalse(reason.isBlank(), file + " " + id + " needs its reason")));
  }

  /** Every request that sends a test file, with what its test script expects. */
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
      boolean schemaOnly = item.path("request").path("url").toString().contains("schema-validate-file");
      // The schema check's requests say their verdict by their folder: Valid or Invalid.
      Optional<Boolean> valid = schemaOnly ? Optional.of(name.contains(" / Valid / ")) : expectedValid(script);
      found.add(new Expectation(name, src.asText(), schemaOnly ? Set.of() : expectedIds(script), expectedCodelists(script), valid,
          schemaOnly ? Optional.empty() : status(script), schemaOnly));
    }
  }

  private static Optional<Boolean> expectedValid(List<String> script) {
    for (String line : script) {
      Matcher m = VALID.matcher(line);
      if (m.find()) {
        return Optional.of(Boolean.parseBoolean(m.group(1)));
      }
    }
    return Optional.empty();
  }

  private static Optional<Integer> status(List<String> script) {
    for (String line : script) {
      Matcher m = STATUS.matcher(line);
      if (m.find()) {
        return Optional.of(Integer.parseInt(m.group(1)));
      }
    }
    return Optional.empty();
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
    assertEquals(Optional.of(false), expectedValid(List.of("    pm.expect(jsonData.valid).to.eql(false);")));
    assertEquals(Optional.of(422), status(List.of("pm.test(\"Status code is 422\", function () { pm.response.to.have.status(422); });")));
  }
}
