package org.iatipub.reports;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.iatipub.finding.Finding;
import org.iatipub.validation.FileVerdict;

/**
 * One line per finding ({@code file:line:column: severity: message [rule]}), a verdict per file,
 * a summary, and what the files were checked with.
 */
public final class TextValidationReport implements ValidationReport {
  private final PrintWriter out;
  private final boolean quiet;
  private final VersionStamp stamp;

  /** @param quiet leaves out the per-file verdicts */
  public TextValidationReport(PrintWriter out, boolean quiet, VersionStamp stamp) {
    this.out = out;
    this.quiet = quiet;
    this.stamp = stamp;
  }

  @Override
  public void startFile(String shown, Path file) {}

  @Override
  public void finding(Finding finding) {
    out.println(finding);
  }

  @Override
  public void endFile(FileVerdict verdict) {
    if (!quiet) {
      String kind = verdict.kind().map(k -> k.rootElement()).orElse("not IATI");
      out.println(verdict.path() + ": " + (verdict.valid() ? "valid" : "INVALID") + " (" + kind + ", "
          + verdict.errors() + " errors, " + verdict.warnings() + " warnings)");
    }
    out.flush();
  }

  @Override
  public void finish(Totals totals) {
    out.println(totals.files() + " files checked: " + (totals.files() - totals.invalid()) + " valid, " + totals.invalid() + " invalid; "
        + totals.errors() + " errors, " + totals.warnings() + " warnings");
    for (Map.Entry<String, String> line : stamp.lines().entrySet()) {
      out.println(line.getKey() + ": " + line.getValue());
    }
    out.flush();
  }
}
