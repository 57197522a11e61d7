package org.iatipub.reports;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.iatipub.finding.Finding;
import org.iatipub.validation.FileVerdict;
import org.iatipub.validation.RecordSpan;

/**
 * Where {@code validate} writes what it finds, file by file, as it finds it. A format that needs the
 * findings in line order or grouped by record keeps them on disk until the file ends; closing lets
 * go of them.
 */
public interface ValidationReport extends Closeable {
  /**
   * A file is about to be validated.
   *
   * @param shown the file as the user named it, as findings show it
   * @param file where it can be read again (for excerpts of its lines)
   */
  void startFile(String shown, Path file) throws IOException;

  /** A record of the current file was read: where it lies and what names it. */
  default void record(RecordSpan span) throws IOException {}

  void finding(Finding finding) throws IOException;

  void endFile(FileVerdict verdict) throws IOException;

  /** After the last file. */
  void finish(Totals totals) throws IOException;

  /** Lets go of what the report kept on disk; by default nothing. */
  @Override
  default void close() throws IOException {}

  /**
   * The run's counts.
   *
   * @param files files validated
   * @param invalid files with an error
   * @param errors error findings in all
   * @param warnings warning findings in all
   */
  record Totals(int files, int invalid, long errors, long warnings) {}
}
