package org.iatipub.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.iatipub.SharedIati;
import org.iatipub.codelist.CheckedMappings;
import org.iatipub.codelist.CodelistMapping;
import org.iatipub.codelist.CodelistSnapshot;
import org.iatipub.finding.Finding;
import org.junit.jupiter.api.Test;

/**
 * The official IATI Validator's own test files for codelists, and the codelists its expected
 * results say it finds wrong in each: iatipub finds exactly those, and in the files the validator
 * finds nothing wrong with, no codelist problem at all.
 */
class OfficialCodelistExpectationsTest {
  private static final Pattern EXPECTED = Pattern.compile("There is a codelist error for (\\S+) Codelist");

  /** Which codelist each codelist rule id stands for, to name the codelist of a finding. */
  private static final Map<String, String> CODELIST_OF_RULE = CheckedMappings.of(CodelistSnapshot.bundled()).mappings().stream()
      .collect(Collectors.toMap(CodelistMapping::rule, CodelistMapping::codelist, (a, b) -> a));

  /** A test file and the codelists the expected results say are broken in it (empty: no errors). */
  record Expectation(String file, Set<String> codelists) {}

  @Test
  void iatipubFindsTheCodelistsTheOfficialValidatorFinds() throws IOException {
    Path testFiles = SharedIati.require("validator", "test-files");
    List<Expectation> expectations = expectations(SharedIati.require("validator", "expected-results.postman_collection.json"));
    assertTrue(expectations.stream().filter(e -> !e.codelists().isEmpty()).count() >= 3, "the codelist test files: " + expectations);
    for (Expectation expected : expectations) {
      List<Finding> found = codelistFindings(testFiles.resolve(expected.file()));
      Set<String> codelists = found.stream().map(f -> CODELIST_OF_RULE.get(f.rule())).collect(Collectors.toCollection(TreeSet::new));
      assertEquals(expected.codelists(), codelists, expected.file() + ": " + found);
    }
  }

  @Test
  void aRegionWithoutVocabularyIsJudgedAsVocabulary1AsTheValidatorDoes() throws IOException {
    // The expected results quote: "ZZA123" is not a valid value for attribute @code, in element
    // <recipient-region> and linked @vocabulary = 1
    Path file = SharedIati.require("validator", "test-files", "iati-act-codelist-conditional.xml");
    List<Finding> regions = codelistFindings(file).stream().filter(f -> f.rule().equals("9.51.1")).toList();
    assertEquals(1, regions.size(), regions.toString());
    assertTrue(regions.get(0).message().startsWith("recipient-region code \"ZZA123\""), regions.get(0).message());
  }

  private static List<Finding> codelistFindings(Path file) throws IOException {
    List<Finding> found = new ArrayList<>();
    new FileValidator(SchemaSet.bundled(), new CheckSuite(List.of(CodelistCheck::new))).validate(file, file.getFileName().toString(), found::add);
    found.removeIf(f -> !CODELIST_OF_RULE.containsKey(f.rule()));
    return found;
  }

  /** From the Postman collection: each request's file, with the codelists its tests expect or "no errors". */
  private static List<Expectation> expectations(Path collection) throws IOException {
    Map<String, Set<String>> byFile = new TreeMap<>();
    collect(new ObjectMapper().readTree(collection.toFile()).get("item"), byFile);
    assertFalse(byFile.isEmpty(), "no codelist expectations found in " + collection);
    return byFile.entrySet().stream().map(e -> new Expectation(e.getKey(), e.getValue())).toList();
  }

  private static void collect(JsonNode items, Map<String, Set<String>> byFile) {
    for (JsonNode item : items) {
      if (item.has("item")) {
        collect(item.get("item"), byFile);
        continue;
      }
      String file = item.path("request").path("body").path("file").path("src").asText("");
      StringBuilder script = new StringBuilder();
      item.path("event").forEach(event -> event.path("script").path("exec").forEach(line -> script.append(line.asText()).append('\n')));
      Set<String> codelists = new TreeSet<>();
      Matcher matcher = EXPECTED.matcher(script);
      while (matcher.find()) {
        codelists.add(matcher.group(1));
      }
      boolean noErrors = script.toString().contains("pm.expect(jsonData.errors).to.eql([])");
      if (!file.isEmpty() && (!codelists.isEmpty() || noErrors)) {
        byFile.put(file, codelists);
      }
    }
  }
}
