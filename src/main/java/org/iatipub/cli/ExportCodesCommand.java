package org.iatipub.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.iatipub.codelist.Code;
import org.iatipub.codelist.Codelist;
import org.iatipub.exports.codes.StandardCodes;
import org.iatipub.exports.codes.StandardCodesFormat;
import org.iatipub.exports.codes.StandardCodesImport;
import org.iatipub.exports.codes.StandardList;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code iatipub export codes}: the OECD-DAC CRS and UN CEB codes the exports check against. */
@Command(
    name = "codes",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "The OECD-DAC CRS and UN CEB code lists the exports check codes against.",
    subcommands = {ExportCodesCommand.Import.class, ExportCodesCommand.Show.class})
final class ExportCodesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Name a codes command: import or show.");
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = {
        "Reads the OECD-DAC CRS code lists (DIR/oecd) and the UN CEB's published lists (DIR/ceb) and writes the",
        "project's snapshot of them, which the exports use.",
        "Exit codes: 0 written, 2 unreadable, or a country that matches no IATI country."
      })
  static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "a directory with oecd/ and ceb/, e.g. ../shared/standards")
    Path dir;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "src/main/resources/" + StandardCodes.RESOURCE_DIR,
        description = "where to write the snapshot (default: ${DEFAULT-VALUE}, the one the build bundles)")
    Path output;

    @Override
    public Integer call() throws IOException {
      StandardCodes codes;
      try {
        codes = StandardCodesImport.from(dir);
      } catch (StandardCodesImport.ImportFailure e) {
        spec.commandLine().getErr().println("iatipub export codes import: " + e.getMessage());
        return ExitCode.CANNOT_RUN;
      }
      StandardCodesFormat.write(codes, output);
      long count = codes.lists().values().stream().mapToLong(c -> c.codes().size()).sum();
      spec.commandLine().getOut().printf("OECD lists of %s, CEB lists to %s: %d lists, %d codes written to %s%n",
          codes.source().oecdEdition(), codes.source().cebLatestYear(), codes.lists().size(), count, output);
      return ExitCode.OK;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = {
        "Without LIST: the bundled snapshot's editions and every list with its number of codes.",
        "With LIST: that list's codes (code, status, category, name), tab-separated.",
        "Exit codes: 0 shown, 2 no such list."
      })
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "LIST", description = "a list's name, e.g. crs-recipient")
    String name;

    @Override
    public Integer call() {
      StandardCodes codes = StandardCodes.bundled();
      PrintWriter out = spec.commandLine().getOut();
      if (name == null) {
        out.printf("OECD-DAC CRS code lists of %s; UN CEB lists as published to %s (%s)%n", codes.source().oecdEdition(),
            codes.source().cebLatestYear(), codes.source().digest());
        for (StandardList list : StandardList.values()) {
          out.printf("%-26s %5d  %s%n", list.key(), codes.list(list).codes().size(), list.title());
        }
        return ExitCode.OK;
      }
      Optional<StandardList> list = StandardList.byKey(name);
      if (list.isEmpty()) {
        spec.commandLine().getErr().println("iatipub export codes show: no list named " + name
            + "; 'iatipub export codes show' lists them");
        return ExitCode.CANNOT_RUN;
      }
      Codelist codelist = codes.list(list.get());
      for (Code code : codelist.codes().values()) {
        out.println(String.join("\t", code.value(), code.status().word(), code.category(), code.name()));
      }
      return ExitCode.OK;
    }
  }
}
