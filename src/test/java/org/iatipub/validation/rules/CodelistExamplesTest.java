package org.iatipub.validation.rules;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of the codelist checks, derived from every mapping the check runs
 * ({@link CodelistExamples}): at the mapping's path an unknown code is an error at its line, and
 * a current one is not, the two files otherwise giving the same findings.
 */
class CodelistExamplesTest {
  @TempDir Path dir;

  @TestFactory
  Stream<DynamicTest> anUnknownCodeAtEachMappedPathBreaksItsRuleAndACurrentOneKeepsIt() {
    return new ExampleRun(dir).tests(CodelistExamples.examples());
  }
}
