package org.iatipub.cli;

/** The exit codes every command shares; cron jobs and CI scripts branch on them. */
final class ExitCode {
  /** Everything valid, everything published. */
  static final int OK = 0;
  /** Ran to the end, but something is invalid or was withheld. */
  static final int FINDINGS = 1;
  /** Could not run: bad arguments or unreadable input. */
  static final int CANNOT_RUN = 2;
  /** publish: the output directory could not be written, or another run holds it; it is as the previous run left it. */
  static final int OUTPUT_FAILED = 3;

  private ExitCode() {}
}
