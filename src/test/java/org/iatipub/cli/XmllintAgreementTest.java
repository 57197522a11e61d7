package org.iatipub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.iatipub.HostProgram;
import org.iatipub.SharedIati;
import org.junit.jupiter.api.Test;

/**
 * {@code validate --format json} over the official schema test suite gives, file by file, the
 * verdict that libxml2's {@code xmllint --schema} gives with the official XSD: an independent
 * validator, so agreement is not just Java agreeing with itself. Many of the suite's files declare
 * version "xx": validate stops those at 0.6.1, as the official validator does, before the schema
 * (with or without {@code --schema-only}); {@code SchemaConformanceTest} judges them by the schema
 * alone.
 */
class XmllintAgreementTest {

  @Test
  void jsonVerdictsMatchXmllintWithTheOfficialSchemas() throws Exception {
    Path suite = SharedIati.require("schema-tests");
    Path schemas = SharedIati.require("schemas-2.03");
    Path xmllint = HostProgram.require("xmllint", "libxml2-utils");

    StringWriter out = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "validate", "--format", "json", suite.toString());
    StringWriter schemaOnly = new StringWriter();
    Main.run(new PrintWriter(schemaOnly), new PrintWriter(new StringWriter()), "validate", "--schema-only", "--format", "json", suite.toString());
    assertEquals(1, code, "the suite holds invalid files");
    // With every check on, "schemaValid" carries the schema's verdict; with --schema-only, "valid" does.
    Map<String, Boolean> ours = new TreeMap<>();
    Set<String> stoppedAtTheVersion = new TreeSet<>();
    for (JsonNode file : new ObjectMapper().readTree(out.toString()).get("files")) {
      ours.put(file.get("path").asText(), file.get("schemaValid").asBoolean());
      file.get("findings").forEach(f -> {
        if (f.get("rule").asText().equals("0.6.1")) {
          stoppedAtTheVersion.add(file.get("path").asText());
        }
      });
    }
    Map<String, Boolean> oursSchemaOnly = new TreeMap<>();
    for (JsonNode file : new ObjectMapper().readTree(schemaOnly.toString()).get("files")) {
      oursSchemaOnly.put(file.get("path").asText(), file.get("valid").asBoolean());
    }
    oursSchemaOnly.keySet().removeAll(stoppedAtTheVersion);

    Map<String, Boolean> verdicts = new TreeMap<>();
    try (Stream<Path> kinds = Files.list(suite)) {
      for (Path kind : kinds.sorted().toList()) {
        String xsd = kind.getFileName().toString().startsWith("organisations")
            ? "iati-organisations-schema.xsd" : "iati-activities-schema.xsd";
        verdicts.putAll(xmllintVerdicts(xmllint, schemas.resolve(xsd), kind));
      }
    }
    assertEquals(686, verdicts.size());
    assertTrue(stoppedAtTheVersion.size() > 100, "the suite's files of version xx: " + stoppedAtTheVersion.size());
    Map<String, Boolean> checkedBySchema = new TreeMap<>(verdicts);
    checkedBySchema.keySet().removeAll(stoppedAtTheVersion);
    ours.keySet().removeAll(stoppedAtTheVersion);
    assertEquals(checkedBySchema, ours);
    assertEquals(checkedBySchema, oursSchemaOnly);
  }

  private static Map<String, Boolean> xmllintVerdicts(Path xmllint, Path xsd, Path dir) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(xmllint.toString(), "--noout", "--nonet", "--schema", xsd.toString()));
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(p -> p.toString().endsWith(".xml")).sorted().forEach(p -> command.add(p.toString()));
    }
    // Its report goes to a file, so waiting for it can time out instead of blocking on a pipe.
    Path reportFile = Files.createTempFile("iatipub-xmllint-", ".txt");
    String report;
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(reportFile.toFile()).start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("xmllint did not finish within 5 minutes");
      }
      report = Files.readString(reportFile, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(reportFile);
    }
    Map<String, Boolean> verdicts = new TreeMap<>();
    for (String line : report.split("\n")) {
      if (line.endsWith(" validates")) {
        verdicts.put(line.substring(0, line.length() - " validates".length()), true);
      } else if (line.endsWith(" fails to validate")) {
        verdicts.put(line.substring(0, line.length() - " fails to validate".length()), false);
      }
    }
    // A file xmllint cannot even parse gets no verdict line: it is invalid.
    for (String file : command.subList(5, command.size())) {
      verdicts.putIfAbsent(file, false);
    }
    return verdicts;
  }
}
