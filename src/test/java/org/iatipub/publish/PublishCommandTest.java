package org.iatipub.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iatipub.SharedIati;
import org.iatipub.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a cron job sees from {@code iatipub publish}: findings, a summary and an exit code to branch on. */
class PublishCommandTest {
  @TempDir Path input;
  @TempDir Path output;
  @TempDir Path logs;

  record Run(int exitCode, String out, String err) {}

  private Run publish(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 1];
    all[0] = "publish";
    System.arraycopy(args, 0, all, 1, args.length);
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), all);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void everythingPublishedExitsZeroWithASummary() {
    Run run = publish("--input", SharedIati.projectDir().resolve("samples/strategy").toString(), "--output", output.toString());

    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("projects.csv: 16 rows read, 16 published, 0 withheld, 0 rejected"), run.out());
    assertTrue(run.out().contains("16 activities published, 0 withheld; findings: 0 errors, 0 warnings, 0 info"), run.out());
  }

  @Test
  void somethingWithheldExitsOneAndPrintsWhere() throws Exception {
    OwnForm.write(input, "sectors.csv", "code,theme,share\nET-22-01-NLD,EMP-YUOTH,100\nKH-23-02-SWE,SOCPRO,100\n");
    Run run = publish("--input", input.toString(), "--output", output.toString());

    assertEquals(1, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains(input + "/sectors.csv:2:theme: error: the local code 'EMP-YUOTH'"), run.out());
    assertTrue(run.out().contains("1 activities published, 1 withheld; findings: 2 errors"), run.out());
    assertFalse(run.err().contains("Exception"), run.err());
  }

  @Test
  void theSummaryCountsWithheldActivitiesByTheRulesTheyBreakNamingEach() throws Exception {
    OwnForm.write(input, "sectors.csv", "code,theme,share\nET-22-01-NLD,EMP-YUOTH,100\n"); // Cambodia: no sector
    Run run = publish("--input", input.toString(), "--output", output.toString());
    String noSector = org.iatipub.validation.rules.RuleCatalogue.standard().rules().stream()
        .filter(r -> r.id().equals("6.2.2")).findFirst().orElseThrow().description();

    String summary = run.out().substring(run.out().indexOf("activities withheld, by rule broken:"));
    assertEquals("""
        activities withheld, by rule broken:
          6.2.2 (%s): 1 activity
          mapping/unknown-code (a local code has no entry in its crosswalk): 1 activity
        0 activities published, 2 withheld; findings: 4 errors, 0 warnings, 0 info
        """.formatted(noSector), summary.substring(0, summary.indexOf("nothing committed") > 0
            ? summary.indexOf("nothing committed") : summary.indexOf("changes since")));
  }

  @Test
  void anActivityBreakingAnIatiRuleIsWithheldUnlessSchemaOnly() throws Exception {
    OwnForm.write(input, "sectors.csv", "code,theme,share\n"); // no sectors: rule 6.2.2, schema-valid
    Run checked = publish("--input", input.toString(), "--output", output.toString());

    assertEquals(1, checked.exitCode(), checked.out() + checked.err());
    assertTrue(checked.out().contains("the activity has no sector"), checked.out());
    assertTrue(checked.out().contains("[6.2.2]"), checked.out());
    assertTrue(checked.out().contains("0 activities published, 2 withheld"), checked.out());

    Run schemaOnly = publish("--input", input.toString(), "--output", output.toString(), "--schema-only");
    assertEquals(0, schemaOnly.exitCode(), schemaOnly.out() + schemaOnly.err());
    assertTrue(schemaOnly.out().contains("2 activities published, 0 withheld"), schemaOnly.out());
  }

  @Test
  void aLogFileKeepsTheRunsStepsForTheNightlyJob() throws Exception {
    Path log = logs.resolve("publish.log");
    Run run = publish("--input", SharedIati.projectDir().resolve("samples/strategy").toString(),
        "--output", output.toString(), "--log-file", log.toString());

    assertEquals(0, run.exitCode(), run.out() + run.err());
    String logged = Files.readString(log);
    assertTrue(logged.contains("INFO"), logged);
    assertTrue(logged.contains("building the new edition of " + output), logged);
  }

  @Test
  void fullBuildsEveryActivityAgainAndReportsWhatTakingThemWouldReport() throws Exception {
    String strategy = SharedIati.projectDir().resolve("samples/strategy").toString();
    publish("--input", strategy, "--output", output.toString());
    Path taking = logs.resolve("taking.log");
    Path building = logs.resolve("building.log");

    Run taken = publish("--input", strategy, "--output", output.toString(), "--log-file", taking.toString());
    Run built = publish("--input", strategy, "--output", output.toString(), "--log-file", building.toString(), "--full");

    // The summary says when the run checked (to the second): two runs need not fall in one second.
    assertEquals(unclocked(taken), unclocked(built), "the same findings, summary and exit code");
    assertTrue(Files.readString(taking).contains(strategy + ": 16 of 16 activities published as they were"),
        Files.readString(taking));
    assertTrue(Files.readString(building).contains(strategy + ": 0 of 16 activities published as they were"),
        Files.readString(building));
  }

  private static Run unclocked(Run run) {
    return new Run(run.exitCode(), run.out().replaceAll("checked at: \\S+", "checked at: …"), run.err());
  }

  @Test
  void unusableInputExitsTwoAndPublishesNothing() {
    Run run = publish("--input", input.resolve("no-such-dir").toString(), "--output", output.toString());

    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("no-such-dir: no such directory"), run.err());
  }

  @Test
  void aBadDelimiterIsAUsageError() {
    Run run = publish("--delimiter", "ab");

    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("'ab' is not a delimiter"), run.err());
  }
}
