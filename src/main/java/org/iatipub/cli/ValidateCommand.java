package org.iatipub.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.iatipub.reports.CsvValidationReport;
import org.iatipub.reports.HtmlValidationReport;
import org.iatipub.reports.IatiValidatorReport;
import org.iatipub.reports.JsonValidationReport;
import org.iatipub.reports.TextValidationReport;
import org.iatipub.reports.ValidationReport;
import org.iatipub.reports.VersionStamp;
import org.iatipub.validation.CheckSuite;
import org.iatipub.validation.FileValidator;
import org.iatipub.validation.FileVerdict;
import org.iatipub.validation.SchemaSet;
import org.iatipub.validation.StandardChecks;
import org.iatipub.validation.rules.RuleCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Validates IATI activity and organisation files (any publisher's) against the IATI 2.03 schema,",
      "the IATI codelists and the IATI rules (see 'iatipub rules').",
      "Every problem is reported as file:line:column: severity: message [rule], or in the format chosen:",
      "json, csv (a spreadsheet), html (a report for people) or iati-validator (the official validator's JSON).",
      "Exit codes: 0 all valid, 1 some file invalid, 2 usage error or unreadable input."
    })
final class ValidateCommand implements Callable<Integer> {
  enum Format {
    text, json, csv, html, iati_validator;

    static Format of(String name) {
      return valueOf(name.replace('-', '_'));
    }

    String shown() {
      return name().replace('_', '-');
    }
  }

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "XML files, or directories searched recursively for *.xml")
  List<Path> paths;

  @Option(names = "--format", paramLabel = "text|json|csv|html|iati-validator", defaultValue = "text", converter = FormatName.class,
      description = "how to report (default: ${DEFAULT-VALUE})")
  Format format;

  @Option(names = "--output", paramLabel = "FILE",
      description = "write the report to FILE instead of standard output")
  Path output;

  @Option(names = "--flat",
      description = "iati-validator format: one list of errors, each naming its activity, instead of grouped by activity and category")
  boolean flat;

  @Option(names = "--schema-dir", paramLabel = "DIR",
      description = "validate with the schemas in DIR (e.g. an official IATI release) instead of the bundled ones")
  Path schemaDir;

  @Option(names = "--schema-only",
      description = "check against the schema alone, without the codelist and IATI rule checks")
  boolean schemaOnly;

  @Option(names = {"-q", "--quiet"}, description = "text format: print findings and the summary only, no per-file verdicts")
  boolean quiet;

  /** picocli's converter for the format's names as the user writes them ({@code iati-validator}). */
  static final class FormatName implements picocli.CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      try {
        return Format.of(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a format: use text, json, csv, html or iati-validator");
      }
    }
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (!Files.exists(path)) {
        err.println("iatipub validate: " + path + ": no such file or directory");
        return ExitCode.CANNOT_RUN;
      }
      files.addAll(xmlFiles(path));
    }
    SchemaSet schemas;
    try {
      schemas = schemaDir == null ? SchemaSet.bundled() : SchemaSet.fromDirectory(schemaDir);
    } catch (SchemaSet.SchemaSetException e) {
      err.println("iatipub validate: " + e.getMessage());
      return ExitCode.CANNOT_RUN;
    }
    Clock clock = Clock.systemUTC();
    VersionStamp stamp = VersionStamp.of(schemas.origin(),
        (schemaOnly ? RuleCatalogue.fileLevel() : RuleCatalogue.standard()).rules(), clock);
    FileValidator validator = new FileValidator(schemas, schemaOnly ? CheckSuite.none() : StandardChecks.suite(clock));
    Writer target;
    try {
      target = output == null ? spec.commandLine().getOut()
          : new BufferedWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8), 1 << 16);
    } catch (IOException e) {
      err.println("iatipub validate: cannot write the report to " + output + ": " + e.getMessage());
      return ExitCode.CANNOT_RUN;
    }
    int invalid = 0;
    long errors = 0;
    long warnings = 0;
    boolean unreadable = false;
    try (ValidationReport report = report(target, stamp, files.size())) {
      for (Path file : files) {
        String shown = file.toString();
        report.startFile(shown, file);
        FileVerdict verdict;
        try {
          verdict = validator.validate(file, shown, finding -> write(() -> report.finding(finding)), span -> write(() -> report.record(span)));
        } catch (IOException e) {
          unreadable = true;
          err.println("iatipub validate: " + shown + ": cannot read: " + e.getMessage());
          verdict = new FileVerdict(shown, Optional.empty(), 1, 0, 1);
        }
        report.endFile(verdict);
        invalid += verdict.valid() ? 0 : 1;
        errors += verdict.errors();
        warnings += verdict.warnings();
      }
      report.finish(new ValidationReport.Totals(files.size(), invalid, errors, warnings));
    } finally {
      if (output != null) {
        target.close();
      } else {
        target.flush();
      }
    }
    if (files.isEmpty()) {
      err.println("iatipub validate: no *.xml files found in " + paths);
      return ExitCode.CANNOT_RUN;
    }
    if (unreadable) {
      return ExitCode.CANNOT_RUN;
    }
    return invalid == 0 ? ExitCode.OK : ExitCode.FINDINGS;
  }

  private ValidationReport report(Writer out, VersionStamp stamp, int files) throws IOException {
    return switch (format) {
      case text -> new TextValidationReport(out instanceof PrintWriter p ? p : new PrintWriter(out), quiet, stamp);
      case json -> new JsonValidationReport(out, stamp);
      case csv -> new CsvValidationReport(out, stamp);
      case html -> new HtmlValidationReport(out, stamp, "iatipub validate --format csv --output findings.csv "
          + paths.stream().map(Path::toString).collect(Collectors.joining(" ")));
      case iati_validator -> new IatiValidatorReport(out, !flat, files != 1, stamp);
    };
  }

  /** A report's write, from inside the validator's callback, which cannot throw IOException. */
  private interface Write {
    void run() throws IOException;
  }

  private static void write(Write write) {
    try {
      write.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file as given, or a directory's *.xml files in a stable (sorted) order. */
  static List<Path> xmlFiles(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> walk = Files.walk(path)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xml"))
          .sorted()
          .toList();
    }
  }
}
