package org.iatipub.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iatipub.SharedIati;
import org.iatipub.source.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled workbook is made by {@link SampleWorkbook}, never by hand: what iatipub reads from
 * the committed file is what it reads from a new one, sheet by sheet and cell by cell.
 */
class SampleWorkbookTest {
  @TempDir Path dir;

  private static Map<String, List<String>> read(Path file) throws Exception {
    Map<String, List<String>> sheets = new LinkedHashMap<>();
    try (Workbook workbook = Workbook.open(file, "ilo-eiip.xlsx")) {
      for (Workbook.Sheet sheet : workbook.sheets()) {
        List<String> rows = new ArrayList<>();
        workbook.sheet(sheet.name()).read(row -> rows.add(row.row() + " " + row.cells()));
        sheets.put(sheet.name() + (sheet.hidden() ? " (hidden)" : ""), rows);
      }
    }
    return sheets;
  }

  @Test
  void theCommittedSampleWorkbookIsWhatItsGeneratorWrites() throws Exception {
    Path fresh = dir.resolve("ilo-eiip.xlsx");
    SampleWorkbook.write(fresh);

    assertEquals(read(fresh), read(SharedIati.projectDir().resolve("samples/ilo-eiip.xlsx")),
        "regenerate it: java -cp target/test-classes:target/iatipub.jar org.iatipub.publish.SampleWorkbook samples/ilo-eiip.xlsx");
  }
}
