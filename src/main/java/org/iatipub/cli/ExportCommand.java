package org.iatipub.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.iatipub.exports.ExportKind;
import org.iatipub.exports.ExportSettings;
import org.iatipub.exports.Exports;
import org.iatipub.finding.Finding;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code iatipub export}: the UN Data Cube and OECD-DAC CRS made from published IATI files. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Derives the UN Data Cube (CEB) tables and the OECD-DAC CRS report from IATI activity files, reconciled.",
    subcommands = {ExportCommand.DataCube.class, ExportCommand.Crs.class, ExportCommand.All.class, ExportCodesCommand.class})
final class ExportCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Name an export: datacube, crs or all (or codes).");
  }

  @Command(name = "datacube", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = {
        "Writes the UN Data Cube tables (CEB standards II-VI) of one calendar year, in US dollars, from IATI activity",
        "files, then reconciles them with the files' transactions.",
        "Exit codes: 0 written and reconciled, 1 findings or a total that does not agree, 2 could not run."
      })
  static final class DataCube extends Run {
    @Override
    List<ExportKind> kinds() {
      return List.of(ExportKind.DATACUBE);
    }
  }

  @Command(name = "crs", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = {
        "Writes the OECD-DAC CRS report of one calendar year, in US dollars, from IATI activity files, then",
        "reconciles it with the files' transactions.",
        "Exit codes: 0 written and reconciled, 1 findings or a total that does not agree, 2 could not run."
      })
  static final class Crs extends Run {
    @Override
    List<ExportKind> kinds() {
      return List.of(ExportKind.CRS);
    }
  }

  @Command(name = "all", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = {
        "Writes the UN Data Cube tables and the OECD-DAC CRS report of one calendar year in one pass, reconciled",
        "with each other and with the files' transactions.",
        "Exit codes: 0 written and reconciled, 1 findings or a total that does not agree, 2 could not run."
      })
  static final class All extends Run {
    @Override
    List<ExportKind> kinds() {
      return List.of(ExportKind.DATACUBE, ExportKind.CRS);
    }
  }

  /** What every export command shares. */
  abstract static class Run implements Callable<Integer> {
    enum Format { text, json }

    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "IATI activity files, or directories searched recursively for *.xml")
    List<Path> paths;

    @Option(names = "--year", paramLabel = "YYYY", description = "the calendar year (default: the settings' year)")
    Integer year;

    @Option(names = "--output", paramLabel = "DIR", required = true, description = "where the export files are written")
    Path output;

    @Option(names = "--settings", paramLabel = "FILE",
        description = "the export settings (YAML: entity, rates, crosswalks, CRS defaults; see docs/exports.md)")
    Path settingsFile;

    @Option(names = "--entity", paramLabel = "CODE", description = "the CEB entity code of every row, e.g. ILO (default: the settings'"
        + " entity, else each activity's reporting-org ref)")
    String entity;

    @Option(names = "--rates", paramLabel = "FILE",
        description = "exchange rates to the US dollar: CSV with currency, period, rate (default: the settings' rates)")
    Path rates;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
        description = "text (findings, then the reconciliation) or one JSON document (default: ${DEFAULT-VALUE})")
    Format format;

    abstract List<ExportKind> kinds();

    @Override
    public Integer call() throws IOException {
      PrintWriter err = spec.commandLine().getErr();
      String command = "iatipub export " + spec.name();
      ExportSettings settings;
      try {
        settings = settingsFile == null ? ExportSettings.none() : ExportSettings.load(settingsFile);
        if (entity != null) {
          settings = settings.withEntity(entity);
        }
        if (rates != null) {
          settings = settings.withRates(rates);
        }
      } catch (ExportSettings.Invalid e) {
        e.problems().forEach(p -> err.println(command + ": " + p));
        return ExitCode.CANNOT_RUN;
      }
      Integer exportYear = year != null ? year : settings.year();
      if (exportYear == null) {
        err.println(command + ": name the calendar year with --year YYYY (or 'year:' in the settings)");
        return ExitCode.CANNOT_RUN;
      }
      List<Exports.Input> inputs = new ArrayList<>();
      for (Path path : paths) {
        if (!Files.exists(path)) {
          err.println(command + ": " + path + ": no such file or directory");
          return ExitCode.CANNOT_RUN;
        }
        for (Path file : ValidateCommand.xmlFiles(path)) {
          inputs.add(new Exports.Input(file, file.toString()));
        }
      }
      if (inputs.isEmpty()) {
        err.println(command + ": no *.xml files found in " + paths);
        return ExitCode.CANNOT_RUN;
      }
      PrintWriter out = spec.commandLine().getOut();
      if (format == Format.json) {
        try (FindingSpool spool = FindingSpool.create()) {
          Exports.Outcome outcome = export(settings, exportYear, inputs, spool);
          int exit = outcome.clean() ? ExitCode.OK : ExitCode.FINDINGS;
          Map<String, Object> document = new LinkedHashMap<>();
          document.put("findings", spool.shown());
          document.put("files", outcome.files().stream().map(f -> output.resolve(f).toString()).toList());
          document.put("reconciliation", outcome.reconciliation().asMap());
          document.put("exit-code", exit);
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writer()
              .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, document);
          out.println();
          return exit;
        }
      }
      Exports.Outcome outcome = export(settings, exportYear, inputs, finding -> out.println(finding));
      for (String file : outcome.files()) {
        out.println("written: " + output.resolve(file));
      }
      out.print(outcome.reconciliation().text());
      out.flush();
      return outcome.clean() ? ExitCode.OK : ExitCode.FINDINGS;
    }

    /**
     * Writes the exports in a directory beside the output's files, then moves each into place, so
     * a run that fails leaves the files of the previous one whole.
     */
    private Exports.Outcome export(ExportSettings settings, int exportYear, List<Exports.Input> inputs, Consumer<Finding> findings)
        throws IOException {
      Files.createDirectories(output);
      Path staging = Files.createTempDirectory(output, ".iatipub-export-");
      try {
        Exports.Outcome outcome = new Exports(settings, kinds(), exportYear).run(inputs, staging, findings);
        for (String file : outcome.files()) {
          Files.move(staging.resolve(file), output.resolve(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return outcome;
      } finally {
        try (Stream<Path> left = Files.walk(staging)) {
          for (Path p : left.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    }
  }
}
