package org.iatipub.cli;

/** The exit codes every command shares; cron jobs and CI scripts branch on them. */
final class ExitCode {
  /** Everything valid, everything published. */
  static final int OK = 0;
  /** Ran to the end, but something is invalid or was withheld. */
  static final int FINDINGS = 1;
  /** Could not run: bad arguments or unreadable input. */
  static final int CANNOT_RUN = 2;

  private ExitCode() {}
}
