package org.iatipub.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Last line of defence: a bug or an environment failure becomes one clear line and exit code 2,
 * not a stack trace (which goes to the log for developers).
 */
final class UnexpectedFailure implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    cli.getErr().println("iatipub: " + what);
    if (System.getenv("IATIPUB_DEBUG") != null) {
      e.printStackTrace(cli.getErr());
    }
    return ExitCode.CANNOT_RUN;
  }
}
