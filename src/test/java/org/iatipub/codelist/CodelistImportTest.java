package org.iatipub.codelist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.iatipub.SharedIati;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Given codelist files in the official format, the snapshot iatipub makes of them. */
class CodelistImportTest {
  @TempDir Path dir;

  private static final String COLOURS = """
      <?xml version="1.0"?>
      <codelist name="Colour" xml:lang="en" complete="1" embedded="0">
        <metadata><name><narrative>Colour of things</narrative></name>
          <category><narrative>Core</narrative></category></metadata>
        <codelist-items>
          <codelist-item status="active">
            <code>R</code>
            <name><narrative xml:lang="fr">Rouge</narrative><narrative>Red
              one</narrative></name>
            <description><narrative>Not the name</narrative></description>
            <category>warm</category>
          </codelist-item>
          <codelist-item status="withdrawn" withdrawal-date="2020-02-01"><code>G</code></codelist-item>
          <codelist-item activation-date="2021-03-04"><code>B</code><name><narrative>Blue</narrative></name></codelist-item>
          <codelist-item><code>B</code><name><narrative>Blue again</narrative></name></codelist-item>
        </codelist-items>
      </codelist>
      """;

  private static final String PALETTES = """
      <codelist name="ColourVocabulary"><metadata/><codelist-items>
        <codelist-item><code>1</code><name><narrative>Ours</narrative></name></codelist-item>
        <codelist-item><code>99</code><name><narrative>Yours</narrative></name></codelist-item>
      </codelist-items></codelist>
      """;

  private static String mapping(String condition) {
    return """
        <mappings>
          <mapping><path>//iati-activity/paint/@code</path><codelist ref="Colour"/>%s</mapping>
          <mapping><path>//iati-activity/paint/@vocabulary</path><codelist ref="ColourVocabulary"/></mapping>
          <mapping><path>//iati-activity/brush/text()</path><codelist ref="Colour"/></mapping>
        </mappings>
        """.formatted(condition);
  }

  private Path codelists(String mapping) throws IOException {
    write("embedded/Colour.xml", COLOURS);
    write("non-embedded/ColourVocabulary.xml", PALETTES);
    write("mapping.xml", mapping);
    return dir;
  }

  private void write(String name, String content) throws IOException {
    Files.createDirectories(dir.resolve(name).getParent());
    Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  @Test
  void eachCodeKeepsItsValueEnglishNameStatusAndCategory() throws Exception {
    CodelistSnapshot snapshot = CodelistImport.from(codelists(mapping("")), Optional.empty());
    Codelist colours = snapshot.codelist("Colour").orElseThrow();
    assertEquals("Colour of things", colours.title());
    assertEquals(List.of(
            new Code("R", "Red one", CodeStatus.ACTIVE, "warm"),
            new Code("G", "", CodeStatus.WITHDRAWN, ""),
            new Code("B", "Blue", CodeStatus.ACTIVE, "")),
        List.copyOf(colours.codes().values()));
    assertEquals("2021-03-04", snapshot.source().latestChange());
  }

  @Test
  void aVocabularyConditionBecomesTheProjectsOwnForm() throws Exception {
    CodelistSnapshot snapshot = CodelistImport.from(codelists(mapping("<condition>@vocabulary = '1' or not(@vocabulary)</condition>")), Optional.empty());
    CodelistMapping paint = snapshot.mappings().get(0);
    assertEquals("iati-activity/paint/@code", paint.path().toString());
    assertEquals(Optional.of(new VocabularyCondition("vocabulary", Set.of("1"), true)), paint.condition());
    assertEquals("vocabulary = 1 | (absent)", paint.condition().orElseThrow().toString());
    assertEquals("codelist/Colour", paint.rule());
    assertEquals("iati-activity/brush", snapshot.mappings().get(2).path().toString());
    assertTrue(snapshot.mappings().get(2).path().inText());
  }

  @Test
  void aConditionOfAnotherFormStopsTheImport() throws IOException {
    Path dir = codelists(mapping("<condition>@vocabulary != '1'</condition>"));
    CodelistImport.ImportFailure failure = assertThrows(CodelistImport.ImportFailure.class, () -> CodelistImport.from(dir, Optional.empty()));
    assertTrue(failure.getMessage().contains("@vocabulary != '1'"), failure.getMessage());
  }

  @Test
  void aMappingToAMissingCodelistStopsTheImport() throws IOException {
    Path dir = codelists(mapping("").replace("ref=\"ColourVocabulary\"", "ref=\"Shade\""));
    CodelistImport.ImportFailure failure = assertThrows(CodelistImport.ImportFailure.class, () -> CodelistImport.from(dir, Optional.empty()));
    assertTrue(failure.getMessage().contains("Shade"), failure.getMessage());
  }

  @Test
  void aDirectoryWithoutMappingIsNotCodelists() {
    CodelistImport.ImportFailure failure = assertThrows(CodelistImport.ImportFailure.class, () -> CodelistImport.from(dir, Optional.empty()));
    assertTrue(failure.getMessage().contains("no mapping.xml"), failure.getMessage());
  }

  @Test
  void aCodelistFileWithADoctypeIsRefusedUnread() throws IOException {
    codelists(mapping(""));
    write("embedded/Colour.xml", "<?xml version=\"1.0\"?><!DOCTYPE codelist [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<codelist name=\"Colour\"><metadata/><codelist-items><codelist-item><code>&x;</code></codelist-item></codelist-items></codelist>");
    CodelistImport.ImportFailure failure = assertThrows(CodelistImport.ImportFailure.class, () -> CodelistImport.from(dir, Optional.empty()));
    assertTrue(failure.getMessage().contains("DOCTYPE"), failure.getMessage());
  }

  @Test
  void importingTheSameFilesTwiceGivesTheSameSnapshot() throws Exception {
    codelists(mapping(""));
    assertEquals(CodelistImport.from(dir, Optional.empty()), CodelistImport.from(dir, Optional.empty()));
  }

  @Test
  void officialRuleIdsAreAttachedByPathAndCodelist() throws Exception {
    Path codelists = SharedIati.require("codelists");
    Path catalogue = SharedIati.require("validator", "data-quality-rules.csv");
    CodelistSnapshot snapshot = CodelistImport.from(codelists, Optional.of(catalogue));
    assertEquals("9.77.1", rule(snapshot, "iati-activity/sector/@code", "SectorCategory"));
    assertEquals("9.76.1", rule(snapshot, "iati-activity/sector/@code", "Sector"));
    assertEquals("9.95.1", rule(snapshot, "*/@xml:lang", "Language"));
    // Not in the catalogue, but run by the validator under these ids.
    assertEquals("9.129.1", rule(snapshot, "iati-activity/sector/@code", "UNSDG-Goals"));
    assertEquals("9.132.1", rule(snapshot, "iati-activity/transaction/sector/@code", "UNSDG-Targets"));
    // The validator has no id for earmarking categories on transactions; the project's id stands in.
    assertEquals("codelist/EarmarkingCategory", rule(snapshot, "iati-activity/transaction/aid-type/@code", "EarmarkingCategory"));
    assertEquals(124, snapshot.mappings().size());
  }

  private static String rule(CodelistSnapshot snapshot, String path, String codelist) {
    return snapshot.mappings().stream()
        .filter(m -> m.path().toString().equals(path) && m.codelist().equals(codelist))
        .map(CodelistMapping::rule)
        .findFirst()
        .orElseThrow();
  }
}
