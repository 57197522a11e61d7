package org.iatipub.reports;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import org.iatipub.finding.Finding;
import org.iatipub.scratch.ScratchDir;
import org.iatipub.validation.FileVerdict;
import org.iatipub.validation.RecordSpan;

/**
 * One row per finding, for a spreadsheet: file, line, column, the activity (or organisation) it is
 * in, the element's XPath, severity, rule, message. Each file's rows come in line order, so a
 * sorted sheet reads like the file; findings wait on disk until their file is done.
 */
public final class CsvValidationReport implements ValidationReport {
  static final List<String> HEADER = List.of("file", "line", "column", "activity", "xpath", "severity", "rule", "message");

  private final SpreadsheetCsv csv;
  private final VersionStamp stamp;
  private final ScratchDir scratch;
  private FileFindings current;
  private String shown;
  private int files;

  public CsvValidationReport(Writer out, VersionStamp stamp) throws IOException {
    this.csv = new SpreadsheetCsv(out, HEADER);
    this.stamp = stamp;
    this.scratch = ScratchDir.create("report");
  }

  @Override
  public void startFile(String shown, Path file) throws IOException {
    this.shown = shown;
    current = new FileFindings(scratch, "file-" + files++);
  }

  @Override
  public void record(RecordSpan span) throws IOException {
    current.add(span);
  }

  @Override
  public void finding(Finding finding) throws IOException {
    current.add(finding);
  }

  @Override
  public void endFile(FileVerdict verdict) throws IOException {
    try (FileFindings findings = current) {
      findings.inOrder((f, record) -> csv.row(shown, f.line() == 0 ? "" : f.line(), f.line() == 0 ? "" : f.column(),
          record == null ? "" : record.span().identifier(), f.xpath(), f.officialSeverity(), f.rule(), f.message()), record -> { });
    }
    current = null;
    csv.flush();
  }

  @Override
  public void finish(Totals totals) throws IOException {
    csv.stamp(stamp);
    csv.close();
  }

  @Override
  public void close() throws IOException {
    try {
      if (current != null) {
        current.close();
      }
    } finally {
      scratch.close();
    }
  }
}
