package org.iatipub.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The findings as a spreadsheet reads them: one row per finding, in line order, with the activity
 * it is in and the element's XPath; UTF-8 with a byte-order mark, every cell quoted, and text that
 * would start a formula made inert; then, after a blank row, what the file was checked with.
 */
class CsvValidationReportTest {
  @TempDir Path dir;

  private static final String TWO_ACTIVITIES = """
      <iati-activities version="2.03">
        <iati-activity xml:lang="en" default-currency="USD" last-updated-datetime="2024-05-01T00:00:00Z">
          <iati-identifier>XM-DAC-41302-1</iati-identifier>
          <reporting-org ref="XM-DAC-41302" type="40"><narrative>ILO</narrative></reporting-org>
          <title><narrative>Decent work</narrative></title>
          <description><narrative>Text</narrative></description>
          <participating-org role="1" ref="XM-DAC-41302"/>
          <activity-status code="2"/>
          <activity-date type="1" iso-date="2021-01-01"/>
          <recipient-country code="KE"/>
          <sector code="=HYPERLINK(&quot;http://evil.example&quot;)"/>
        </iati-activity>
        <iati-activity xml:lang="en" default-currency="USD" last-updated-datetime="2024-05-01T00:00:00Z">
          <iati-identifier>=XM-DAC-41302-2</iati-identifier>
          <reporting-org ref="XM-DAC-41302" type="40"><narrative>ILO</narrative></reporting-org>
          <title><narrative>Second</narrative></title>
          <description><narrative>Text</narrative></description>
          <participating-org role="1" ref="XM-DAC-41302"/>
          <activity-status code="2"/>
          <activity-date type="1" iso-date="2021-01-01"/>
          <recipient-country code="KE"/>
          <sector code="11321"/>
        </iati-activity>
      </iati-activities>
      """;

  @Test
  void eachFindingIsARowInLineOrderWithItsActivityAndNothingCanRunAsAFormula() throws IOException {
    Path file = Reported.file(dir, "a.xml", TWO_ACTIVITIES);
    String csv = Reported.report(Reported.with(out -> new CsvValidationReport(out, Reported.STAMP)), file);
    List<String> rows = csv.lines().toList();
    assertEquals("""
        \uFEFF"file","line","column","activity","xpath","severity","rule","message"
        "a.xml","11","65","XM-DAC-41302-1","/iati-activities/iati-activity[1]/sector[1]","error","9.76.1","sector code ""=HYPERLINK(""http://evil.example"")"" is not in the DAC 5 Digit Sector codelist (Sector), which applies when no vocabulary is given (as for vocabulary 1); use a current code, or declare your own vocabulary 99 with a vocabulary-uri"
        "a.xml","14","22","'=XM-DAC-41302-2","/iati-activities/iati-activity[2]/iati-identifier[1]","warning","1.1.21","the activity identifier '=XM-DAC-41302-2' is not the reporting organisation's identifier (XM-DAC-41302) followed by a hyphen and the activity's own code, e.g. 'XM-DAC-41302-project1'"
        "a.xml","22","27","'=XM-DAC-41302-2","/iati-activities/iati-activity[2]/sector[1]","warning","codelist/withdrawn","sector code ""11321"" (Lower secondary education) is withdrawn from the DAC 5 Digit Sector codelist (Sector), which applies when no vocabulary is given (as for vocabulary 1); use a current code"

        "checked by","iatipub development build"
        "checked at","2024-06-01T12:00:00Z"
        "schemas","bundled IATI 2.03 schemas"
        "codelists","IATI 2.03 codelists, latest change 2023-01-01"
        """, String.join("\n", rows.subList(0, 9)) + "\n");
    assertEquals("\"codelists digest\",\"" + Reported.STAMP.codelists().digest() + "\"", rows.get(9));
    assertEquals("\"rules run\",\"" + Reported.STAMP.rules().size() + " (as 'iatipub rules' lists them): 0.1.1 0.2.1 0.3.1 0.6.1 iati/version",
        rows.get(10).substring(0, rows.get(10).indexOf(" iati/version") + " iati/version".length()));
    assertEquals(11, rows.size());
    assertEquals("\r\n", csv.substring(csv.indexOf('\n') - 1, csv.indexOf('\n') + 1), "rows end as spreadsheets expect");
  }

  @Test
  void onlyTextThatASpreadsheetWouldTakeForAFormulaIsChanged() {
    assertEquals(List.of("'=1+1", "'+44 20", "'-x", "'@SUM(A1)", "'\tx", "-12.5", "12", "a=b", ""),
        List.of("=1+1", "+44 20", "-x", "@SUM(A1)", "\tx", "-12.5", "12", "a=b", "").stream().map(SpreadsheetCsv::safe).toList());
  }
}
