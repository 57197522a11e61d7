package org.iatipub.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.iatipub.finding.Finding;
import org.iatipub.validation.CheckSuite;
import org.iatipub.validation.FileValidator;
import org.iatipub.validation.FileVerdict;
import org.iatipub.validation.SchemaSet;
import org.iatipub.validation.StandardChecks;
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
      "Every problem is reported as file:line:column: severity: message [rule].",
      "Exit codes: 0 all valid, 1 some file invalid, 2 usage error or unreadable input."
    })
final class ValidateCommand implements Callable<Integer> {
  enum Format { text, json }

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "XML files, or directories searched recursively for *.xml")
  List<Path> paths;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
  Format format;

  @Option(names = "--schema-dir", paramLabel = "DIR",
      description = "validate with the schemas in DIR (e.g. an official IATI release) instead of the bundled ones")
  Path schemaDir;

  @Option(names = "--schema-only",
      description = "check against the schema alone, without the codelist and IATI rule checks")
  boolean schemaOnly;

  @Option(names = {"-q", "--quiet"}, description = "text format: print findings and the summary only, no per-file verdicts")
  boolean quiet;

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
    PrintWriter out = spec.commandLine().getOut();
    ValidationReport report = format == Format.json ? new JsonValidationReport(out) : new TextValidationReport(out, quiet);
    FileValidator validator = new FileValidator(schemas, schemaOnly ? CheckSuite.none() : StandardChecks.suite(Clock.systemUTC()));
    int invalid = 0, errors = 0, warnings = 0;
    boolean unreadable = false;
    for (Path file : files) {
      String shown = file.toString();
      report.startFile(shown);
      FileVerdict verdict;
      try {
        verdict = validator.validate(file, shown, finding -> write(report, finding));
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
    report.finish(files.size(), invalid, errors, warnings);
    if (files.isEmpty()) {
      err.println("iatipub validate: no *.xml files found in " + paths);
      return ExitCode.CANNOT_RUN;
    }
    if (unreadable) {
      return ExitCode.CANNOT_RUN;
    }
    return invalid == 0 ? ExitCode.OK : ExitCode.FINDINGS;
  }

  private static void write(ValidationReport report, Finding finding) {
    try {
      report.finding(finding);
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
