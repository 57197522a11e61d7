package org.iatipub.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code iatipub} command: one subcommand per job. */
@Command(
    name = "iatipub",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Turns development-cooperation records into valid, publishable IATI 2.03 data.",
    subcommands = {ValidateCommand.class, CodelistsCommand.class, RulesCommand.class, PublishCommand.class,
        ExportCommand.class, FlattenCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code, without exiting (used by tests). */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the command line with its output going to the given writers. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new UnexpectedFailure());
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Name a command, e.g. 'iatipub validate FILE'.");
  }
}
