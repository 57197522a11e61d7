package org.iatipub.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.iatipub.finding.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Findings about own columns say what to add in the mapping file, not which XML element: the
 * field of a file that writes what is missing, or the path under the file whose rows make the
 * element it belongs in.
 */
class OwnFormMessagesTest {
  @TempDir Path input;
  @TempDir Path output;

  private List<String> errors(String additions, String... files) throws Exception {
    OwnForm.write(input, files);
    PublishRun.file(input, "mapping.yaml", OwnForm.mapping(additions));
    PublishRun run = PublishRun.of(input, output);
    return run.findings().stream().filter(Finding::isError).filter(f -> !f.rule().equals("publish/withheld"))
        .map(Finding::toString).toList();
  }

  @Test
  void aSectorOfTheOrganisationsOwnVocabularyAsksForItsNarrativeInTheMappingFilesTerms() throws Exception {
    List<String> errors = errors("""
        crosswalks:
          themes: crosswalks/themes.csv
        files:
          sectors:
            columns:
              sector: {column: theme, crosswalk: themes}
        """, "crosswalks/themes.csv", """
        local_code,iati_code,vocabulary,vocabulary_uri
        EMP-YOUTH,YE,99,https://example.org/themes
        SOCPRO,SP,99,https://example.org/themes
        """);

    assertEquals(List.of(
        input + "/sectors.csv:2:theme: error: activity 'XM-DAC-41302-ET-22-01-NLD': sector 'YE' is from your own"
            + " vocabulary 99; in mapping.yaml, map files.sectors.paths.narrative or 'narrative: label' beside the"
            + " crosswalk of files.sectors.columns.sector [2.2.1]",
        input + "/sectors.csv:3:theme: error: activity 'XM-DAC-41302-KH-23-02-SWE': sector 'SP' is from your own"
            + " vocabulary 99; in mapping.yaml, map files.sectors.paths.narrative or 'narrative: label' beside the"
            + " crosswalk of files.sectors.columns.sector [2.2.1]"), errors);
  }

  @Test
  void anActivityWithoutSectorsAsksForTheSectorsField() throws Exception {
    List<String> errors = errors("{}", "sectors.csv", "code,theme,share\nKH-23-02-SWE,SOCPRO,100\n");

    assertEquals(List.of(input + "/projects.csv:2: error: activity 'XM-DAC-41302-ET-22-01-NLD': the activity has no"
        + " sector; in mapping.yaml, map files.sectors.columns.sector [6.2.2]"), errors);
  }

  @Test
  void aSchemaErrorAboutAMissingAttributeNamesThePathToAdd() throws Exception {
    List<String> errors = errors("""
        files:
          deliverables:
            paths:
              indicator/reference/@vocabulary: sdg
        """, "deliverables.csv", """
        code,output_id,output_en,output_zh,indicator_en,baseline_year,baseline,timeline,target,actual,sdg
        ET-22-01-NLD,O1,Young people in decent jobs,,Young people placed,,,2022–2023,1500,,9
        """);

    assertEquals(List.of(input + "/deliverables.csv:2:sdg: error: activity 'XM-DAC-41302-ET-22-01-NLD',"
        + " result/indicator/reference: Attribute 'code' must appear on element 'reference' (schema constraint"
        + " cvc-complex-type.4); in mapping.yaml, map files.deliverables.paths.indicator/reference/@code [0.3.1]"), errors);
  }
}
