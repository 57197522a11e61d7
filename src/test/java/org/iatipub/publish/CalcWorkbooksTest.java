package org.iatipub.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iatipub.HostProgram;
import org.iatipub.SharedIati;
import org.iatipub.finding.Finding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workbooks as spreadsheet users make them, by opening them in a real spreadsheet program
 * (LibreOffice Calc, headless): the sample workbook saved by Calc as OpenDocument and as Calc's own
 * .xlsx publishes the same activities, byte for byte, as the workbook itself; a workbook whose
 * formulas were never calculated gets a finding at each such cell, and publishes in full once Calc
 * has opened and saved it.
 */
class CalcWorkbooksTest {
  @TempDir static Path dir;

  /** The sample workbook and an uncalculated copy, as written; then as Calc saved them, .ods and .xlsx. */
  static Path sample;
  static Path uncalculated;

  @BeforeAll
  static void saveWithCalc() throws Exception {
    Path soffice = HostProgram.require("soffice", "libreoffice-calc-nogui");
    sample = Files.copy(SharedIati.projectDir().resolve("samples/ilo-eiip.xlsx"), Files.createDirectories(dir.resolve("written"))
        .resolve("ilo-eiip.xlsx"));
    uncalculated = dir.resolve("written/uncalculated.xlsx");
    SampleWorkbook.write(uncalculated, false);
    // Each start of LibreOffice takes seconds: one run saves both workbooks.
    calc(soffice, "ods", dir.resolve("ods"), sample, uncalculated);
    calc(soffice, "xlsx:Calc MS Excel 2007 XML", dir.resolve("xlsx"), dir.resolve("ods/ilo-eiip.ods"));
  }

  /** Opens each file in Calc and saves it as {@code format} into {@code out}, as a user's "Save as" would. */
  private static void calc(Path soffice, String format, Path out, Path... files) throws Exception {
    List<String> command = new ArrayList<>(List.of(soffice.toString(), "--headless", "--norestore",
        "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--convert-to", format, "--outdir", out.toString()));
    for (Path file : files) {
      command.add(file.toString());
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("soffice.log").toFile()).start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("LibreOffice did not finish within 5 minutes");
    }
    for (Path file : files) {
      Path saved = out.resolve(file.getFileName().toString().replaceFirst("\\.[a-z]+$", "") + "." + format.split(":")[0]);
      if (process.exitValue() != 0 || !Files.exists(saved)) {
        throw new AssertionError("LibreOffice could not save " + file + " as " + format + ": "
            + Files.readString(dir.resolve("soffice.log")));
      }
    }
  }

  /** The file publishing {@code workbook} gives (its name is the workbook's; its bytes do not say it). */
  private static byte[] published(Path workbook, String run) throws Exception {
    PublishRun published = PublishRun.of(workbook, dir.resolve("out-" + run));
    assertEquals(List.of(), published.findings(), run);
    return Files.readAllBytes(dir.resolve("out-" + run).resolve(published.outputFiles().get(0)));
  }

  @Test
  void theSampleSavedByCalcAsOpenDocumentOrAsCalcsOwnXlsxPublishesTheSameActivities() throws Exception {
    byte[] written = published(sample, "written");

    assertArrayEquals(written, published(dir.resolve("ods/ilo-eiip.ods"), "ods"));
    assertArrayEquals(written, published(dir.resolve("xlsx/ilo-eiip.xlsx"), "xlsx"));
  }

  @Test
  void formulasNeverCalculatedAreFindingsUntilCalcHasCalculatedThem() throws Exception {
    PublishRun run = PublishRun.of(uncalculated, dir.resolve("out-uncalculated"));

    List<String> cells = new ArrayList<>();
    for (Finding finding : run.findings()) {
      cells.add(finding.location() + " " + finding.rule());
    }
    List<String> expected = new ArrayList<>();
    for (int row = 2; row <= 13; row++) {
      expected.add(uncalculated + "!transactions!F" + row + " workbook/formula-without-value");
    }
    for (int row = 2; row <= 8; row++) {
      expected.add(uncalculated + "!budgets!G" + row + " workbook/formula-without-value");
    }
    assertEquals(expected, cells);
    assertArrayEquals(published(sample, "written-again"), published(dir.resolve("ods/uncalculated.ods"), "calculated"));
  }
}
