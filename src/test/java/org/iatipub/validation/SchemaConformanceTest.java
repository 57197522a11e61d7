package org.iatipub.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.iatipub.SharedIati;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The project's own schemas judge the official IATI schema test suite exactly as the official
 * schemas do: every should-pass file valid, every should-fail file invalid, under both.
 */
class SchemaConformanceTest {
  private static SchemaSet ours;
  private static SchemaSet official;

  @BeforeAll
  static void compileBoth() throws Exception {
    ours = SchemaSet.bundled();
    official = SchemaSet.fromDirectory(SharedIati.require("schemas-2.03"));
  }

  @TestFactory
  Stream<DynamicTest> everySchemaTestFileGetsTheOfficialVerdict() throws IOException {
    Path suite = SharedIati.require("schema-tests");
    List<Path> files = xmlFiles(suite);
    assertEquals(686, files.size(), "the official schema test suite has 686 files");
    return files.stream().map(file -> DynamicTest.dynamicTest(suite.relativize(file).toString(), () -> {
      boolean shouldPass = file.toString().contains("/should-pass/");
      assertTrue(shouldPass || file.toString().contains("/should-fail/"), "in should-pass or should-fail");
      boolean officialVerdict = valid(official, file);
      boolean ourVerdict = valid(ours, file);
      assertEquals(shouldPass, officialVerdict, "the official schemas' verdict on " + file);
      assertEquals(officialVerdict, ourVerdict, "the project's schemas disagree with the official ones on " + file);
    }));
  }

  @Test
  void realPublishedFilesOfVersion203AreValid() throws IOException {
    List<Path> files = xmlFiles(SharedIati.require("real-files", "v2.03"));
    assertEquals(3, files.size());
    for (Path file : files) {
      assertTrue(valid(official, file), "official schemas accept " + file);
      assertTrue(valid(ours, file), "project schemas accept " + file);
    }
  }

  private static boolean valid(SchemaSet schemas, Path file) throws IOException {
    return new FileValidator(schemas).validate(file, file.toString(), finding -> {}).valid();
  }

  static List<Path> xmlFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
  }
}
