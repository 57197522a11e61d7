package org.iatipub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.iatipub.SharedIati;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's worked example ("Publish your own exports") does what the README says: the
 * command it shows publishes the example exports with no finding, the XML it quotes is in the
 * published file, and the finding it shows for a code the crosswalk lacks is the one printed.
 */
class ReadmeExampleTest {
  private static final Path PROJECT = SharedIati.projectDir();
  private static final String EXAMPLE = "docs/example/exports";

  @TempDir Path work;

  @Test
  void theExampleCommandPublishesBothProjectsWithNoFinding() throws IOException {
    String readme = Files.readString(PROJECT.resolve("README.md"));
    List<String> args = shownCommand(readme, "publish --input " + EXAMPLE);
    Path output = work.resolve("example-output");
    args.set(args.indexOf("--output") + 1, output.toString());
    args.set(args.indexOf("--input") + 1, PROJECT.resolve(EXAMPLE).toString());

    Run run = run(args);

    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("2 activities published, 0 withheld; findings: 0 errors, 0 warnings, 0 info"), run.out());
    String published = Files.readString(output.resolve("example-exports.xml"));
    for (String quoted : quotedXmlLines(readme)) {
      assertTrue(published.contains(quoted), "the README quotes '" + quoted + "', which the published file lacks");
    }
  }

  @Test
  void aCodeTheCrosswalkLacksIsReportedAsTheReadmeShows() throws IOException {
    String readme = Files.readString(PROJECT.resolve("README.md"));
    Matcher shown = Pattern.compile("(?m)^" + Pattern.quote(EXAMPLE) + "/transactions\\.csv:3:kind: error: .*$").matcher(readme);
    assertTrue(shown.find(), "the README shows the finding for an unknown code");
    Path copy = work.resolve("exports");
    Files.createDirectories(copy);
    try (Stream<Path> files = Files.list(PROJECT.resolve(EXAMPLE))) {
      for (Path file : files.toList()) {
        Files.copy(file, copy.resolve(file.getFileName()));
      }
    }
    Path transactions = copy.resolve("transactions.csv");
    Files.writeString(transactions, Files.readString(transactions).replace("GH-25-001,spend,", "GH-25-001,refund,"));

    Run run = run(List.of("publish", "--input", copy.toString(), "--output", work.resolve("out").toString()));

    assertEquals(1, run.exitCode(), run.out() + run.err());
    String expected = shown.group().replace(EXAMPLE, copy.toString());
    assertEquals(expected, run.out().lines().findFirst().orElse(""));
  }

  private record Run(int exitCode, String out, String err) {}

  private static Run run(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  /** The arguments of the README's {@code java -jar target/iatipub.jar …} line containing {@code part}. */
  private static List<String> shownCommand(String readme, String part) {
    String line = readme.lines().filter(l -> l.startsWith("java -jar target/iatipub.jar ") && l.contains(part))
        .findFirst().orElseThrow(() -> new AssertionError("the README shows no command with '" + part + "'"));
    return new ArrayList<>(List.of(line.substring("java -jar target/iatipub.jar ".length()).split(" +")));
  }

  /** The lines of the example's quoted XML that name no run-time value (the elided and the timestamped). */
  private static List<String> quotedXmlLines(String readme) {
    int start = readme.indexOf("```xml\n<iati-activity");
    String block = readme.substring(start + "```xml\n".length(), readme.indexOf("```", start + 6));
    return block.lines().map(String::strip).filter(l -> !l.contains("…")).toList();
  }
}
