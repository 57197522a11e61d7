package org.iatipub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iatipub.SharedIati;
import org.iatipub.codelist.CodelistSnapshot;
import org.iatipub.codelist.SnapshotFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a developer sees from {@code iatipub codelists}. */
class CodelistsCommandTest {
  @TempDir Path dir;

  record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void importingTheOfficialCodelistsWritesTheCommittedSnapshot() throws IOException {
    Path codelists = SharedIati.require("codelists");
    Path catalogue = SharedIati.require("validator", "data-quality-rules.csv");
    Run run = run("codelists", "import", codelists.toString(), "--rule-ids", catalogue.toString(), "--output", dir.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("IATI 2.03 codelists, latest change 2023-01-01"), run.out());
    Path committed = SharedIati.projectDir().resolve("src/main/resources").resolve(CodelistSnapshot.RESOURCE_DIR);
    for (String file : SnapshotFormat.FILES) {
      assertEquals(Files.readString(committed.resolve(file)), Files.readString(dir.resolve(file)), file);
    }
  }

  @Test
  void aDirectoryThatIsNotCodelistsIsAUsageErrorWithAReason() {
    Run run = run("codelists", "import", dir.toString(), "--output", dir.resolve("out").toString());
    assertEquals(2, run.exitCode());
    assertEquals("iatipub codelists import: " + dir + " is not an IATI codelists directory: it has no mapping.xml", run.err().strip());
    assertTrue(Files.notExists(dir.resolve("out")));
  }

  @Test
  void showPrintsACodelistsCodes() {
    Run run = run("codelists", "show", "SectorCategory");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("111\tactive\t\tEducation, Level Unspecified\n"), run.out());
  }

  @Test
  void showWithoutANameListsTheReleaseAndTheCodelists() {
    Run run = run("codelists", "show");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("IATI 2.03 codelists"), run.out());
    assertTrue(run.out().contains("DAC 5 Digit Sector"), run.out());
  }

  @Test
  void showingAnUnknownCodelistIsAUsageError() {
    Run run = run("codelists", "show", "Colour");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("no codelist named Colour"), run.err());
  }
}
