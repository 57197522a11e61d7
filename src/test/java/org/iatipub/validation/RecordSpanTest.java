package org.iatipub.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a report needs to place a finding: the lines each record spans with what names it, and the
 * XPath of the element a finding is about, whether the schema or a rule found it.
 */
class RecordSpanTest {
  @TempDir Path dir;

  private static final String FILE = """
      <iati-activities version="2.03">
        <iati-activity xml:lang="en" default-currency="USD" last-updated-datetime="2024-05-01T00:00:00Z">
          <iati-identifier>XM-DAC-41302-1</iati-identifier>
          <reporting-org ref="XM-DAC-41302" type="40"><narrative>ILO</narrative></reporting-org>
          <title><narrative>Decent   work
            for all</narrative></title>
          <description><narrative>Text</narrative></description>
          <participating-org role="1" ref="XM-DAC-41302"/>
          <activity-status code="2"/>
          <activity-date type="1" iso-date="2021-01-01"/>
          <recipient-country code="KE"/>
          <sector code="11110"/>
        </iati-activity>
        <iati-activity default-currency="USD" last-updated-datetime="2024-05-01T00:00:00Z">
          <iati-identifier>XM-DAC-41302-2</iati-identifier>
          <reporting-org ref="XM-DAC-41302" type="40"><narrative>ILO</narrative></reporting-org>
          <title><narrative>Second</narrative></title>
          <description><narrative>Text</narrative></description>
          <participating-org role="1" ref="XM-DAC-41302"/>
          <activity-status code="2"/>
          <activity-date type="1" iso-date="2021-01-01"/>
          <recipient-country code="KE"/>
          <sector code="11110" percentage="50"/>
          <sector code="11220" percentage="50" colour="red"/>
        </iati-activity>
      </iati-activities>
      """;

  @Test
  void eachRecordIsToldWithItsLinesIdentifierAndTitle() throws IOException {
    List<RecordSpan> spans = new ArrayList<>();
    validate(finding -> { }, spans);
    assertEquals(List.of(new RecordSpan(2, 13, "XM-DAC-41302-1", "Decent work for all"),
        new RecordSpan(14, 25, "XM-DAC-41302-2", "Second")), spans);
  }

  @Test
  void findingsNameTheirElementByItsXpath() throws IOException {
    List<String> found = new ArrayList<>();
    validate(f -> found.add(f.rule() + " " + ((Location.XmlPosition) f.location()).xpath()), new ArrayList<>());
    assertEquals(List.of(
        "0.3.1 /iati-activities/iati-activity[2]/sector[2]",
        "4.1.1 /iati-activities/iati-activity[2]"), found);
  }

  private void validate(java.util.function.Consumer<Finding> findings, List<RecordSpan> spans) throws IOException {
    Path file = dir.resolve("a.xml");
    Files.writeString(file, FILE, StandardCharsets.UTF_8);
    new FileValidator(SchemaSet.bundled(), StandardChecks.suite(Clock.systemUTC())).validate(file, "a.xml", findings, spans::add);
  }
}
