package org.iatipub.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.iatipub.codelist.Code;
import org.iatipub.codelist.Codelist;
import org.iatipub.codelist.CodelistImport;
import org.iatipub.codelist.CodelistSnapshot;
import org.iatipub.codelist.SnapshotFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code iatipub codelists}: make the codelist snapshot from an official release, and look into it. */
@Command(
    name = "codelists",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "The IATI codelists that validate and publish check codes against.",
    subcommands = {CodelistsCommand.Import.class, CodelistsCommand.Show.class})
final class CodelistsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Name a codelists command: import or show.");
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = {
        "Reads official IATI codelists (embedded/*.xml, non-embedded/*.xml, mapping.xml) and writes the project's codelist snapshot, which validate and publish use.",
        "Exit codes: 0 written, 2 unreadable or not a codelists directory."
      })
  static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "a directory of official IATI codelists")
    Path dir;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "src/main/resources/" + CodelistSnapshot.RESOURCE_DIR,
        description = "where to write the snapshot (default: ${DEFAULT-VALUE}, the one the build bundles)")
    Path output;

    @Option(names = "--rule-ids", paramLabel = "FILE",
        description = "the official IATI Validator's data-quality-rules.csv: findings then carry its rule ids")
    Path ruleCatalogue;

    @Override
    public Integer call() throws IOException {
      CodelistSnapshot snapshot;
      try {
        snapshot = CodelistImport.from(dir, Optional.ofNullable(ruleCatalogue));
      } catch (CodelistImport.ImportFailure e) {
        spec.commandLine().getErr().println("iatipub codelists import: " + e.getMessage());
        return ExitCode.CANNOT_RUN;
      }
      SnapshotFormat.write(snapshot, output);
      long codes = snapshot.codelists().values().stream().mapToLong(c -> c.codes().size()).sum();
      spec.commandLine().getOut().printf("%s: %d codelists, %d codes, %d mappings written to %s%n",
          snapshot.source().describe(), snapshot.codelists().size(), codes, snapshot.mappings().size(), output);
      return ExitCode.OK;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = {
        "Without NAME: the bundled snapshot's source and every codelist with its number of codes.",
        "With NAME: that codelist's codes (code, status, category, name), tab-separated.",
        "Exit codes: 0 shown, 2 no such codelist."
      })
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "a codelist's name, e.g. Sector")
    String name;

    @Override
    public Integer call() {
      CodelistSnapshot snapshot = CodelistSnapshot.bundled();
      PrintWriter out = spec.commandLine().getOut();
      if (name == null) {
        out.println(snapshot.source().describe());
        for (Codelist codelist : snapshot.codelists().values()) {
          out.printf("%-36s %5d  %s%n", codelist.name(), codelist.codes().size(), codelist.title());
        }
        return ExitCode.OK;
      }
      Optional<Codelist> codelist = snapshot.codelist(name);
      if (codelist.isEmpty()) {
        spec.commandLine().getErr().println("iatipub codelists show: no codelist named " + name + "; 'iatipub codelists show' lists them");
        return ExitCode.CANNOT_RUN;
      }
      for (Code code : codelist.get().codes().values()) {
        out.println(String.join("\t", code.value(), code.status().word(), code.category(), code.name()));
      }
      return ExitCode.OK;
    }
  }
}
