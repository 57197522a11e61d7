package org.iatipub.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.iatipub.finding.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing read is dropped unsaid: a column of a mapped file that no field or path reads, and a CSV
 * file of the set that no entry of the mapping file reads, are each named once (a warning), unless
 * the mapping file lists them under {@code ignore}. The activities are published all the same.
 */
class UnmappedInputTest {
  @TempDir Path input;
  @TempDir Path output;

  private List<String> warnings(PublishRun run) {
    return run.findings().stream().filter(f -> !f.isError()).map(Finding::toString).toList();
  }

  @Test
  void aColumnNothingReadsIsNamedOncePerFile() throws Exception {
    OwnForm.write(input, "sectors.csv", """
        code,theme,share,owner,notes
        ET-22-01-NLD,EMP-YOUTH,100,amina,checked
        KH-23-02-SWE,SOCPRO,100,li,
        """, "contacts.csv", """
        code,email
        ET-22-01-NLD,addis@ilo.org
        """);
    PublishRun run = PublishRun.of(input, output);

    assertEquals(List.of(
        input + "/sectors.csv:1:owner: warning: no field or path of mapping.yaml reads the column 'owner', so its cells are"
            + " not published; map it under files.sectors (a field under 'columns:' or an IATI path under 'paths:'), or list"
            + " it under files.sectors.ignore [mapping/unmapped-column]",
        input + "/sectors.csv:1:notes: warning: no field or path of mapping.yaml reads the column 'notes', so its cells are"
            + " not published; map it under files.sectors (a field under 'columns:' or an IATI path under 'paths:'), or list"
            + " it under files.sectors.ignore [mapping/unmapped-column]",
        input + "/contacts.csv: warning: no entry under 'files:' of mapping.yaml reads this file, so it is not published;"
            + " map it (a file with named fields, or one with 'element:' and paths), or list 'contacts.csv' under 'ignore:'"
            + " [mapping/unmapped-file]"), warnings(run));
    assertEquals(2, run.report().sets().get(0).published());
  }

  @Test
  void whatTheMappingFileIgnoresIsNotReported() throws Exception {
    OwnForm.write(input, "sectors.csv", """
        code,theme,share,owner,notes
        ET-22-01-NLD,EMP-YOUTH,100,amina,checked
        KH-23-02-SWE,SOCPRO,100,li,
        """, "contacts.csv", """
        code,email
        ET-22-01-NLD,addis@ilo.org
        """);
    PublishRun.file(input, "mapping.yaml", OwnForm.mapping("""
        ignore: [contacts.csv]
        files:
          sectors:
            ignore: [owner, notes]
        """));
    PublishRun run = PublishRun.of(input, output);

    assertEquals(List.of(), warnings(run));
  }
}
