package org.iatipub.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code iatipub export}: the UN Data Cube and OECD-DAC CRS made from published IATI files. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Derives the UN Data Cube (CEB) tables and the OECD-DAC CRS report from IATI activity files, reconciled.",
    subcommands = {ExportCodesCommand.class})
final class ExportCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Name an export: datacube, crs or all (or codes).");
  }
}
