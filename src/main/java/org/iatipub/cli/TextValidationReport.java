package org.iatipub.cli;

import java.io.PrintWriter;
import org.iatipub.finding.Finding;
import org.iatipub.validation.FileVerdict;

/** One line per finding ({@code file:line:column: severity: message [rule]}) and a summary. */
final class TextValidationReport implements ValidationReport {
  private final PrintWriter out;
  private final boolean quiet;

  TextValidationReport(PrintWriter out, boolean quiet) {
    this.out = out;
    this.quiet = quiet;
  }

  @Override
  public void startFile(String path) {}

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
  public void finish(int files, int invalid, int errors, int warnings) {
    out.println(files + " files checked: " + (files - invalid) + " valid, " + invalid + " invalid; "
        + errors + " errors, " + warnings + " warnings");
    out.flush();
  }
}
