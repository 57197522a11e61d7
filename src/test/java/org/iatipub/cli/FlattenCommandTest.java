package org.iatipub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a publisher sees from {@code iatipub flatten}: where each file went, what was not kept, and an exit code. */
class FlattenCommandTest {
  @TempDir Path dir;

  record Run(int exitCode, String out, String err) {}

  private Run flatten(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 1];
    all[0] = "flatten";
    System.arraycopy(args, 0, all, 1, args.length);
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), all);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void eachFileGoesToASetOfSheetsAndTheRunSaysWhere() throws Exception {
    Path file = dir.resolve("roads.xml");
    Files.writeString(file, """
        <iati-activities version="2.03">
          <iati-activity><iati-identifier>XM-EX-1</iati-identifier><sector code="1"/><sector code="2"/></iati-activity>
        </iati-activities>
        """, StandardCharsets.UTF_8);
    Path sheets = dir.resolve("sheets");

    Run run = flatten(file.toString(), "--output", sheets.toString());

    assertEquals(new Run(0, file + ": 1 activities -> " + sheets.resolve("roads") + " (rows: main 1, sector 2)\n"
        + "1 of 1 files flattened into " + sheets + "; publish them with: iatipub publish --input " + sheets
        + " --schema-only\n", ""), run);
  }

  @Test
  void aFileThatIsNoIatiFileIsReportedAndTheExitCodeSaysSo() throws Exception {
    Path file = dir.resolve("other.xml");
    Files.writeString(file, "<catalogue/>\n", StandardCharsets.UTF_8);
    Path sheets = dir.resolve("sheets");

    Run run = flatten(file.toString(), "--output", sheets.toString(), "--format", "xlsx");

    assertEquals(new Run(1, file + ":1:13: error: the root element is <catalogue>, not <iati-activities> or"
        + " <iati-organisations>: this is no IATI file, so there is nothing to flatten [0.2.1]\n"
        + file + ": not flattened\n0 of 1 files flattened into " + sheets + "; publish them with: iatipub publish --input "
        + sheets + " --schema-only\n", ""), run);
  }

  @Test
  void anInputThatIsNotThereCannotRun() {
    Run run = flatten(dir.resolve("missing.xml").toString(), "--output", dir.resolve("sheets").toString());

    assertEquals(new Run(2, "", "iatipub flatten: " + dir.resolve("missing.xml") + ": no such file or directory\n"), run);
  }
}
