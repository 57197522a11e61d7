package org.iatipub.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.iatipub.publish.FindingSink;

/**
 * A publish run's findings for a spreadsheet, one row each as they are found: the cell (file,
 * sheet of a workbook, row, column, and the whole reference as a person types it:
 * {@code projects.csv:3:budget}, {@code book.xlsx!projects!C3}) and its value, the set and activity, severity, rule and message; then what the run
 * checked with. A data team sorts it by file and row, fixes its source rows and publishes again.
 */
public final class PublishCsvReport implements FindingSink {
  static final List<String> HEADER = List.of("file", "sheet", "row", "column", "cell", "value", "set", "activity", "severity", "rule", "message");

  private final SpreadsheetCsv csv;

  public PublishCsvReport(Writer out) throws IOException {
    this.csv = new SpreadsheetCsv(out, HEADER);
  }

  @Override
  public void accept(Finding finding) {
    row(finding, "", "");
  }

  @Override
  public void activity(ActivityOutcome activity, List<Finding> findings) {
    for (Finding finding : findings) {
      row(finding, activity.set(), activity.identifier());
    }
  }

  private void row(Finding finding, String set, String activity) {
    Location at = finding.location();
    try {
      if (at instanceof Location.Cell cell) {
        csv.row(cell.file(), cell.sheet(), cell.row(), cell.column(), cell.toString(), cell.value(), set, activity, severity(finding), finding.rule(), finding.message());
      } else if (at instanceof Location.XmlPosition position) {
        csv.row(position.file(), "", position.line(), String.valueOf(position.column()), position.toString(), "", set, activity, severity(finding), finding.rule(),
            finding.message());
      } else {
        csv.row(at.file(), "", "", "", at.toString(), "", set, activity, severity(finding), finding.rule(), finding.message());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the CSV report cannot be written: " + e.getMessage(), e);
    }
  }

  private static String severity(Finding finding) {
    return OfficialSeverity.of(finding.severity(), finding.rule());
  }

  /** After the run: the stamp, after a blank row. */
  public void finish(VersionStamp stamp) throws IOException {
    csv.stamp(stamp);
    csv.close();
  }
}
