package org.iatipub.cli;

import java.io.IOException;
import org.iatipub.finding.Finding;
import org.iatipub.validation.FileVerdict;

/** Where {@code validate} writes what it finds, file by file, as it finds it. */
interface ValidationReport {
  void startFile(String path) throws IOException;

  void finding(Finding finding) throws IOException;

  void endFile(FileVerdict verdict) throws IOException;

  /** After the last file; {@code files} and {@code invalid} count the files validated. */
  void finish(int files, int invalid, int errors, int warnings) throws IOException;
}
