package org.iatipub.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a check sees of a record read from a file: the file's own records, one at a time. */
class RecordReaderTest {
  @TempDir Path dir;

  private List<Node> records(String xml) throws IOException {
    Path file = dir.resolve("a.xml");
    Files.writeString(file, xml, StandardCharsets.UTF_8);
    List<Node> records = new ArrayList<>();
    new FileValidator(SchemaSet.bundled(), new CheckSuite(List.of(() -> (record, reporter) -> records.add(record))))
        .validate(file, "a.xml", finding -> { });
    return records;
  }

  @Test
  void elementTextIsTrimmedAndAlsoKeptAsWritten() throws IOException {
    Node activity = records("""
        <iati-activities version="2.03">
          <iati-activity>
            <iati-identifier>\tXM-DAC-41302-1
            </iati-identifier>
            <title><narrative>Decent work</narrative></title>
          </iati-activity>
        </iati-activities>
        """).get(0);
    Node identifier = activity.child("iati-identifier").orElseThrow();
    assertEquals("XM-DAC-41302-1", identifier.text());
    assertEquals("\tXM-DAC-41302-1\n    ", identifier.writtenText());
    Node narrative = activity.child("title").orElseThrow().child("narrative").orElseThrow();
    assertEquals("Decent work", narrative.writtenText(), "nothing around it: the same text");
  }

  @Test
  void onlyTheFilesOwnRecordsGoToTheChecks() throws IOException {
    List<Node> records = records("""
        <iati-organisations version="2.03">
          <iati-organisation><organisation-identifier>XM-DAC-1</organisation-identifier></iati-organisation>
          <iati-organisations version="2.03">
            <iati-organisation><organisation-identifier>XM-DAC-2</organisation-identifier></iati-organisation>
          </iati-organisations>
          <iati-activity><iati-identifier>XM-DAC-1-1</iati-identifier></iati-activity>
          <iati-organisation><organisation-identifier>XM-DAC-3</organisation-identifier></iati-organisation>
        </iati-organisations>
        """);
    assertEquals(List.of("XM-DAC-1", "XM-DAC-3"),
        records.stream().map(r -> r.child("organisation-identifier").orElseThrow().text()).toList());
  }
}
