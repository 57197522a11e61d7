package org.iatipub.reports;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Function;
import org.iatipub.validation.FileValidator;
import org.iatipub.validation.FileVerdict;
import org.iatipub.validation.SchemaSet;
import org.iatipub.validation.StandardChecks;
import org.iatipub.validation.rules.RuleCatalogue;

/** Runs a report over files written by a test, as {@code validate} does, at a fixed time. */
final class Reported {
  /** "Now" for every report test: 1 June 2024, noon UTC. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);
  static final VersionStamp STAMP = VersionStamp.of("bundled IATI 2.03 schemas", RuleCatalogue.standard().rules(), CLOCK);

  private Reported() {}

  /** A file of the given content in {@code dir}. */
  static Path file(Path dir, String name, String content) {
    try {
      return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The report {@code make} writes over {@code files}, each shown by its file name. */
  static String report(Function<StringWriter, ValidationReport> make, Path... files) throws IOException {
    StringWriter out = new StringWriter();
    FileValidator validator = new FileValidator(SchemaSet.bundled(), StandardChecks.suite(CLOCK));
    int invalid = 0;
    long errors = 0;
    long warnings = 0;
    try (ValidationReport report = make.apply(out)) {
      for (Path file : files) {
        String shown = file.getFileName().toString();
        report.startFile(shown, file);
        FileVerdict verdict = validator.validate(file, shown, f -> {
          try {
            report.finding(f);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }, span -> {
          try {
            report.record(span);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
        report.endFile(verdict);
        invalid += verdict.valid() ? 0 : 1;
        errors += verdict.errors();
        warnings += verdict.warnings();
      }
      report.finish(new ValidationReport.Totals(files.length, invalid, errors, warnings));
    }
    return out.toString();
  }

  /** For lambdas that make a report, whose constructors may throw. */
  interface Make {
    ValidationReport make(StringWriter out) throws IOException;
  }

  static Function<StringWriter, ValidationReport> with(Make make) {
    return out -> {
      try {
        return make.make(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }
}
