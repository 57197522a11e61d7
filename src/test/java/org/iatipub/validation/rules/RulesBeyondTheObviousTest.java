package org.iatipub.validation.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.iatipub.finding.Finding;
import org.iatipub.validation.CheckSuite;
import org.iatipub.validation.FileValidator;
import org.iatipub.validation.SchemaSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules where a type decides: only an other-identifier of type B1 (a previous reporting
 * organisation) may begin the activity's identifier. Given this activity, these findings.
 */
class RulesBeyondTheObviousTest {
  @TempDir Path dir;

  private static final String ACTIVITY = """
      <iati-activities version="2.03">
        <iati-activity xml:lang="en" default-currency="USD" last-updated-datetime="2024-05-01T00:00:00Z">
          <iati-identifier>%s</iati-identifier>
          <reporting-org ref="XM-DAC-41302" type="40"><narrative>ILO</narrative></reporting-org>
          <title><narrative>Decent work</narrative></title>
          <description><narrative>Text</narrative></description>
          <participating-org role="1" ref="XM-DAC-41302"/>
          %s
          <activity-status code="2"/>
          <activity-date type="1" iso-date="2021-01-01"/>
          <recipient-country code="KE"/>
          <sector code="11110"/>
          %s
        </iati-activity>
      </iati-activities>
      """;

  private List<String> findings(String identifier, String otherIdentifier, String more) throws IOException {
    Path file = dir.resolve("a.xml");
    Files.writeString(file, ACTIVITY.formatted(identifier, otherIdentifier, more), StandardCharsets.UTF_8);
    IatiRules rules = new IatiRules(new AgencyPrefixes(Set.of("XM-DAC", "GB-COH")), ExampleRun.TODAY);
    List<Finding> findings = new ArrayList<>();
    new FileValidator(SchemaSet.bundled(), new CheckSuite(rules.checks())).validate(file, "a.xml", findings::add);
    return findings.stream().map(Finding::toString).toList();
  }

  @Test
  void aPreviousReportingOrganisationMayBeginTheIdentifierButNoOtherKindOfIdentifier() throws IOException {
    List<String> byPrevious = findings("GB-COH-123-1", "<other-identifier ref=\"GB-COH-123\" type=\"B1\"/>", "");
    List<String> byOther = findings("GB-COH-123-1", "<other-identifier ref=\"GB-COH-123\" type=\"A1\"/>", "");

    assertEquals(List.of(List.of(), List.of(
        "a.xml:3:22: warning: the activity identifier 'GB-COH-123-1' is not the reporting organisation's identifier"
            + " (XM-DAC-41302) followed by a hyphen and the activity's own code, e.g. 'XM-DAC-41302-project1' [1.1.21]")),
        List.of(byPrevious, byOther));
  }
}
