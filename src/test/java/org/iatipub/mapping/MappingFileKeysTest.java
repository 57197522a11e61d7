package org.iatipub.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.iatipub.finding.Finding;
import org.iatipub.publish.CannotPublish;
import org.iatipub.publish.OwnForm;
import org.iatipub.publish.PublishRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every key of a mapping file is checked before any row is read: a misspelt key, at any level, is
 * a problem naming where it is and what was expected, never a setting silently ignored. Files may
 * be listed in any order, nested ones before the files they nest in, but not in a loop.
 */
class MappingFileKeysTest {
  @TempDir Path input;
  @TempDir Path output;

  /** The problems that stop the run before any row is read, each without the mapping file's path. */
  private List<String> problems(String additions, String... files) throws Exception {
    OwnForm.write(input, files);
    PublishRun.file(input, "mapping.yaml", OwnForm.mapping(additions));
    CannotPublish refused = assertThrows(CannotPublish.class, () -> PublishRun.of(input, output));
    return refused.problems().stream().map(p -> p.replace(input.resolve("mapping.yaml") + ": ", "")).toList();
  }

  @Test
  void aMisspeltKeyIsAProblemAtEveryLevel() throws Exception {
    List<String> problems = problems("""
        crosswalk:
          status: crosswalks/status.csv
        files:
          projects:
            colums:
              id: code
          sectors:
            columns:
              sector: {column: theme, crosswalk: purpose, vocab: "1"}
          contacts:
            element: contact-info
            columns:
              project: code
              email: email
          areas:
            element: administrative
            within: {file: locations, colum: place}
            columns:
              project: code
          locations:
            key: place
            columns:
              project: code
        """);

    assertEquals(List.of(
        "crosswalk: unknown key; expected one of [crosswalks, defaults, files, identifier-prefix, ignore, namespaces, publisher,"
            + " reporting-org]",
        "files.projects.colums: unknown key; expected one of [columns, element, file, ignore, key, paths, sheet, within]",
        "files.sectors.columns.sector.vocab: unknown key; expected one of [column, crosswalk, narrative]",
        "files.contacts.columns.email: unknown key; expected one of [project]",
        "files.areas.within.colum: unknown key; expected one of [column, file]",
        "files.areas.within.column: missing"), problems);
  }

  @Test
  void aFileMayBeListedBeforeTheFileItNestsIn() throws Exception {
    OwnForm.write(input, "areas.csv", """
        code,place,area
        ET-22-01-NLD,ADD,344979
        """, "locations.csv", """
        code,place,place_name
        ET-22-01-NLD,ADD,Addis Ababa
        """);
    PublishRun.file(input, "mapping.yaml", OwnForm.mapping("""
        files:
          areas:
            element: administrative
            within: {file: locations, column: place}
            columns:
              project: code
            paths:
              "@vocabulary": {default: G1}
              "@code": area
          locations:
            key: place
            columns:
              project: code
              name: {en: place_name}
        """));
    PublishRun run = PublishRun.of(input, output);

    assertEquals(List.of(), run.findings().stream().map(Finding::toString).toList());
    run.assertXml("ilo-" + input.getFileName() + ".xml",
        "//iati-activity[iati-identifier='XM-DAC-41302-ET-22-01-NLD']/location", """
        <location>
          <name><narrative>Addis Ababa</narrative></name>
          <administrative vocabulary="G1" code="344979"/>
        </location>
        """);
  }

  @Test
  void filesNestedInEachOtherAreAProblem() throws Exception {
    List<String> problems = problems("""
        files:
          rooms:
            element: location
            key: room
            within: {file: floors, column: floor}
            columns:
              project: code
          floors:
            element: document-link
            key: floor
            within: {file: rooms, column: room}
            columns:
              project: code
        """);

    assertEquals(List.of(
        "files.rooms.within: the files nest in a loop ([rooms, floors])",
        "files.floors.within: the files nest in a loop ([rooms, floors])"), problems);
  }

  @Test
  void aFileWithNamedFieldsCannotMakeAnotherElement() throws Exception {
    List<String> problems = problems("""
        files:
          projects:
            element: iati-activity
          sectors:
            element: recipient-region
        """);

    assertEquals(List.of(
        "files.projects.element: 'projects' is a file with named fields; its rows make the activity. To make other"
            + " elements, give the file another name",
        "files.sectors.element: 'sectors' is a file with named fields; its rows make sector. To make other elements,"
            + " give the file another name"), problems);
  }

  @Test
  void aCrosswalkNamedButNotListedIsAProblem() throws Exception {
    List<String> problems = problems("""
        files:
          sectors:
            columns:
              sector: {column: theme, crosswalk: themes}
        """);

    assertEquals(List.of(
        "files.sectors.columns.sector.crosswalk: no crosswalk named 'themes' under 'crosswalks'"), problems);
  }

  @Test
  void aLabelAsNarrativeIsOnlyForTheFieldsThatWriteOne() throws Exception {
    List<String> problems = problems("""
        files:
          participants:
            columns:
              role: {column: role, crosswalk: role, narrative: label}
        """);

    assertEquals(List.of(
        "files.participants.columns.role.narrative: only [sectors.sector, countries.region, policy-markers.marker] write a"
            + " narrative beside their code; for another field, send the label's column to a path"), problems);
  }

  @Test
  void filesToIgnoreAreAList() throws Exception {
    List<String> problems = problems("""
        ignore: notes.csv
        """);

    assertEquals(List.of(
        "ignore: give a list, e.g. [notes, owner]"), problems);
  }

  @Test
  void aFileTheMappingIgnoresIsNotReadAndNotReported() throws Exception {
    OwnForm.write(input, "notes.csv", "code,note\nET-22-01-NLD,call back\n");
    PublishRun.file(input, "mapping.yaml", OwnForm.mapping("""
        ignore: [notes.csv]
        """));
    PublishRun run = PublishRun.of(input, output);

    assertEquals(List.of(), run.findings().stream().map(Finding::toString).toList());
  }
}
