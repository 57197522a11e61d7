package org.iatipub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an auditor reads from {@code iatipub rules}: every check, with id, severity and what it checks. */
class RulesCommandTest {
  private static String run(String... args) {
    StringWriter out = new StringWriter();
    String[] all = new String[args.length + 1];
    all[0] = "rules";
    System.arraycopy(args, 0, all, 1, args.length);
    assertEquals(0, Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), all));
    return out.toString();
  }

  @Test
  void jsonListsSchemaCodelistAndIatiRulesWithSeverityAndWhatTheyCheck() throws IOException {
    JsonNode listing = new ObjectMapper().readTree(run("--format", "json"));
    Map<String, JsonNode> byId = new HashMap<>();
    listing.get("rules").forEach(rule -> byId.put(rule.get("id").asText(), rule));
    assertEquals(listing.get("rules").size(), listing.get("count").asInt());
    assertEquals("error", byId.get("0.3.1").get("severity").asText(), "the schema check");
    assertEquals("error", byId.get("9.76.1").get("severity").asText(), "the DAC sector codelist check");
    assertEquals("error", byId.get("2.1.2").get("severity").asText(), "sector percentages");
    assertEquals("warning", byId.get("1.1.21").get("severity").asText());
    assertEquals("iati-activities", byId.get("6.6.2").get("appliesTo").get(0).asText());
    assertTrue(byId.get("7.8.2").get("checks").asText().contains("currency"));
  }

  @Test
  void codelistChecksOnPathsTheStandardsMappingOmitsAreListedAndARepeatedIdSaysWhichIdItIsReportedAs() throws IOException {
    JsonNode listing = new ObjectMapper().readTree(run("--format", "json"));
    Map<String, String> checks = new HashMap<>();
    listing.get("rules").forEach(rule -> checks.put(rule.get("id").asText(), rule.get("checks").asText()));
    assertEquals("the code at iati-activity/result/indicator/description/@type is in the DescriptionType codelist", checks.get("9.64.1"));
    assertEquals("the code at iati-activity/location/gazetteer-entry/@gazetteer-ref is in the GazetteerAgency codelist", checks.get("9.119.1"));
    assertEquals("the code at iati-activity/location/feature-designation/@code is in the LocationType codelist"
        + " (the catalogue's repeat of 9.34.1, the id these findings carry)", checks.get("9.120.1"));
  }

  @Test
  void textPutsOneRulePerLineAndTheirCount() {
    String text = run();
    assertTrue(text.lines().anyMatch(l -> l.startsWith("11.1.4") && l.contains("error") && l.contains("future")), text);
    String last = text.lines().reduce((a, b) -> b).orElseThrow();
    assertEquals(text.lines().count() - 1 + " rules", last);
  }
}
