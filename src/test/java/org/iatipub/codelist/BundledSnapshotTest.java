package org.iatipub.codelist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.iatipub.SharedIati;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot that ships is exactly what importing the official codelists gives, and says which they are. */
class BundledSnapshotTest {
  private static final String REIMPORT = "java -jar target/iatipub.jar codelists import ../shared/iati/codelists"
      + " --rule-ids ../shared/iati/validator/data-quality-rules.csv";

  @TempDir Path dir;

  @Test
  void theCommittedSnapshotIsWhatImportingTheOfficialCodelistsWrites() throws Exception {
    Path codelists = SharedIati.require("codelists");
    Path catalogue = SharedIati.require("validator", "data-quality-rules.csv");
    SnapshotFormat.write(CodelistImport.from(codelists, Optional.of(catalogue)), dir);
    Path committed = SharedIati.projectDir().resolve("src/main/resources").resolve(CodelistSnapshot.RESOURCE_DIR);
    for (String file : SnapshotFormat.FILES) {
      assertEquals(Files.readString(dir.resolve(file)), Files.readString(committed.resolve(file)),
          file + " is stale: run `" + REIMPORT + "` and commit the result");
    }
  }

  @Test
  void theBundledSnapshotNamesItsRelease() {
    SnapshotSource source = CodelistSnapshot.bundled().source();
    assertEquals("2.03", source.standardVersion());
    assertEquals("2023-01-01", source.latestChange());
    assertEquals(71, source.digest().length(), source.digest());
  }

  @Test
  void theBundledSnapshotIsReadOnceAndShared() {
    assertSame(CodelistSnapshot.bundled(), CodelistSnapshot.bundled());
  }

  @Test
  void theBundledSnapshotReadsAsItWasWritten() throws IOException {
    CodelistSnapshot bundled = CodelistSnapshot.bundled();
    SnapshotFormat.write(bundled, dir);
    assertEquals(bundled, SnapshotFormat.read(dir));
  }

  @Test
  void dacSectorsKeepTheirNameCategoryAndStatus() {
    Codelist sectors = CodelistSnapshot.bundled().codelist("Sector").orElseThrow();
    assertEquals("DAC 5 Digit Sector", sectors.title());
    assertEquals(new Code("11110", "Education policy and administrative management", CodeStatus.ACTIVE, "111"),
        sectors.code("11110").orElseThrow());
    assertEquals(CodeStatus.WITHDRAWN, sectors.code("11321").orElseThrow().status());
  }
}
