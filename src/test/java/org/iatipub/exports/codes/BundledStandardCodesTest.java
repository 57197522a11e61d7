package org.iatipub.exports.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iatipub.SharedIati;
import org.iatipub.codelist.Code;
import org.iatipub.codelist.CodeStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OECD/CEB snapshot that ships is exactly what importing the reference files writes, and reads back as written. */
class BundledStandardCodesTest {
  private static final String REIMPORT = "java -jar target/iatipub.jar export codes import ../shared/standards";

  @TempDir Path dir;

  @Test
  void theCommittedSnapshotIsWhatImportingTheReferenceFilesWrites() throws Exception {
    Path standards = SharedIati.requireStandards();
    StandardCodesFormat.write(StandardCodesImport.from(standards), dir);
    Path committed = SharedIati.projectDir().resolve("src/main/resources").resolve(StandardCodes.RESOURCE_DIR);
    for (String file : StandardCodesFormat.FILES) {
      assertEquals(Files.readString(dir.resolve(file)), Files.readString(committed.resolve(file)),
          file + " is stale: run `" + REIMPORT + "` and commit the result");
    }
  }

  @Test
  void theBundledSnapshotReadsAsItWasWritten() throws IOException {
    StandardCodes bundled = StandardCodes.bundled();
    StandardCodesFormat.write(bundled, dir);
    assertEquals(bundled, StandardCodesFormat.read(dir));
  }

  @Test
  void recipientCountriesCarryTheirIsoCodeAndRegionsNone() {
    StandardCodes codes = StandardCodes.bundled();
    assertEquals(new Code("248", "Kenya", CodeStatus.ACTIVE, "KE"), codes.code(StandardList.CRS_RECIPIENT, "248").orElseThrow());
    // named differently by the OECD and ISO: matched by the import's table, not by name
    assertEquals("PS", codes.code(StandardList.CRS_RECIPIENT, "550").orElseThrow().category());
    assertEquals("", codes.code(StandardList.CRS_RECIPIENT, "298").orElseThrow().category());
  }

  @Test
  void financingInstrumentsOfTheOldSchemeAreWithdrawn() {
    StandardCodes codes = StandardCodes.bundled();
    assertEquals(CodeStatus.WITHDRAWN, codes.code(StandardList.CEB_FINANCING_INSTRUMENT, "R03").orElseThrow().status());
    assertEquals(new Code("R03E", "Project/ programme specific contributions", CodeStatus.ACTIVE,
        "Voluntary non-core (earmarked) contributions"), codes.code(StandardList.CEB_FINANCING_INSTRUMENT, "R03E").orElseThrow());
  }

  @Test
  void agenciesAreKeyedByDonorAndAgency() {
    assertEquals(new Code("940/3", "Regular Budget Supplementary Account", CodeStatus.ACTIVE, "940"),
        StandardCodes.bundled().code(StandardList.CRS_AGENCY, "940/3").orElseThrow());
  }

  @Test
  void countryNamesCompareWithoutArticles() {
    assertEquals(StandardCodesImport.comparable("Gambia"), StandardCodesImport.comparable("Gambia (the)"));
    assertEquals(StandardCodesImport.comparable("Tanzania"), StandardCodesImport.comparable("Tanzania, the United Republic of"));
  }
}
