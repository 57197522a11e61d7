package org.iatipub.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.iatipub.finding.Finding;
import org.iatipub.flatten.Flattener;
import org.iatipub.validation.DocumentKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "flatten",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Turns IATI activity and organisation files into spreadsheets with IATI path headers (the flatten-tool / CoVE",
      "convention) that 'iatipub publish' reads back to the same activities: one set per file, a main sheet with a",
      "row per activity and a sheet per list (transactions, results, indicators ...). What a sheet cannot hold is",
      "reported as file:line:column: severity: message [rule].",
      "Exit codes: 0 every file flattened whole, 1 something reported or a file not flattened, 2 could not run",
      "(no such input, or the output cannot be written)."
    })
final class FlattenCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "IATI XML files, or directories searched recursively for *.xml")
  List<Path> inputs;

  @Option(names = "--output", paramLabel = "DIR", required = true,
      description = "where the sets go: DIR/<file>/ (csv) or DIR/<file>.xlsx; an earlier set of the same name is replaced")
  Path output;

  @Option(names = "--format", paramLabel = "csv|xlsx", defaultValue = "csv", converter = FormatName.class,
      description = "csv (a directory of CSV files per input file) or xlsx (a workbook per input file) (default: ${DEFAULT-VALUE})")
  Flattener.Format format;

  /** Format names in lower case, as the command line writes them. */
  static final class FormatName implements ITypeConverter<Flattener.Format> {
    @Override
    public Flattener.Format convert(String value) {
      return switch (value) {
        case "csv" -> Flattener.Format.CSV;
        case "xlsx" -> Flattener.Format.XLSX;
        default -> throw new IllegalArgumentException("'" + value + "' is not a format: csv or xlsx");
      };
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Finding> found = new ArrayList<>();
    List<Flattener.Result> results;
    try {
      results = new Flattener(format).flatten(inputs, output, finding -> {
        found.add(finding);
        out.println(finding);
      });
    } catch (IOException e) {
      err.println("iatipub flatten: " + e.getMessage());
      return ExitCode.CANNOT_RUN;
    }
    boolean whole = found.isEmpty();
    for (Flattener.Result result : results) {
      if (result.target() == null) {
        whole = false;
        out.println(result.file() + ": not flattened");
        continue;
      }
      String records = result.kind() == DocumentKind.ORGANISATIONS ? " organisations" : " activities";
      List<String> sheets = new ArrayList<>();
      for (Map.Entry<String, Long> sheet : result.rows().entrySet()) {
        sheets.add(sheet.getKey() + " " + sheet.getValue());
      }
      out.println(result.file() + ": " + result.records() + records + " -> " + result.target()
          + (sheets.isEmpty() ? "" : " (rows: " + String.join(", ", sheets) + ")"));
    }
    out.println(results.stream().filter(r -> r.target() != null).count() + " of " + results.size()
        + " files flattened into " + output + "; publish them with: iatipub publish --input " + output + " --schema-only");
    return whole ? ExitCode.OK : ExitCode.FINDINGS;
  }
}
