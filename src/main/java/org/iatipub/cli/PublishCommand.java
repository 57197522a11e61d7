package org.iatipub.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.iatipub.finding.Severity;
import org.iatipub.mapping.ActivityBinder;
import org.iatipub.publish.CannotPublish;
import org.iatipub.publish.FileTally;
import org.iatipub.publish.InputForm;
import org.iatipub.publish.PublishReport;
import org.iatipub.publish.PublishRequest;
import org.iatipub.publish.Publisher;
import org.iatipub.publish.SetOutcome;
import org.iatipub.validation.CheckSuite;
import org.iatipub.validation.SchemaSet;
import org.iatipub.validation.StandardChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Publishes CSV exports as IATI 2.03 activity files, each written and schema-checked in one pass.",
      "A file reaches the output directory only complete and valid; an activity with a problem is withheld",
      "and reported as file:row:column: severity: message [rule].",
      "With no options it publishes the bundled samples (samples/) into output/.",
      "Exit codes: 0 everything published, 1 something withheld or rejected, 2 could not run."
    })
final class PublishCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--input", paramLabel = "DIR", defaultValue = "samples",
      description = "a directory of CSV files, or of such directories (default: ${DEFAULT-VALUE})")
  Path input;

  @Option(names = "--mapping", paramLabel = "FILE",
      description = "the mapping file for the own-column form (default: mapping.yaml in each input directory)")
  Path mapping;

  @Option(names = "--output", paramLabel = "DIR", defaultValue = "output",
      description = "where the files are published (default: ${DEFAULT-VALUE})")
  Path output;

  @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",", converter = DelimiterConverter.class,
      description = "the CSV cell delimiter: one character, or 'tab' (default: ${DEFAULT-VALUE})")
  char delimiter;

  @Option(names = "--form", paramLabel = "own|path-headers", converter = FormConverter.class,
      description = "force the input form instead of telling it from the header rows")
  InputForm form;

  @Option(names = "--strict", description = "publish nothing at all if anything is withheld or rejected")
  boolean strict;

  @Option(names = "--schema-only",
      description = "withhold only what breaks the schema, skipping the codelist and IATI rule checks"
          + " (for moving existing spreadsheets over before they meet the rules)")
  boolean schemaOnly;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PublishReport report;
    try {
      Publisher publisher = new Publisher(ActivityBinder.create(), SchemaSet.bundled().activities(),
          schemaOnly ? CheckSuite.none() : StandardChecks.suite(), Clock.systemUTC());
      report = publisher.publish(new PublishRequest(input, mapping, output, delimiter, form, strict), out::println);
    } catch (CannotPublish e) {
      e.problems().forEach(problem -> err.println("iatipub publish: " + problem));
      err.println("iatipub publish: nothing was published");
      return ExitCode.CANNOT_RUN;
    } catch (IOException e) {
      err.println("iatipub publish: cannot write to " + output + ": " + e.getMessage() + "; nothing more was published");
      return ExitCode.CANNOT_RUN;
    }
    summary(out, report);
    return report.everythingPublished() ? ExitCode.OK : ExitCode.FINDINGS;
  }

  private void summary(PrintWriter out, PublishReport report) {
    int published = 0;
    int withheld = 0;
    for (SetOutcome set : report.sets()) {
      out.println(set.set() + ":");
      for (FileTally file : set.files()) {
        out.printf("  %s: %d rows read, %d published, %d withheld, %d rejected%n",
            file.file(), file.read(), file.published(), file.withheld(), file.rejected());
      }
      out.printf("  -> %s: %d activities published, %d withheld%n",
          set.output() == null ? "no file published" : set.output(), set.published(), set.withheld());
      published += set.published();
      withheld += set.withheld();
    }
    out.printf("%d activities published, %d withheld; findings: %d errors, %d warnings, %d info%s%n",
        published, withheld, report.count(Severity.ERROR), report.count(Severity.WARNING), report.count(Severity.INFO),
        strict && !report.everythingPublished() ? " (--strict: nothing published)" : "");
  }

  static final class DelimiterConverter implements ITypeConverter<Character> {
    @Override
    public Character convert(String value) {
      if (value.equals("tab") || value.equals("\\t")) {
        return '\t';
      }
      if (value.length() != 1 || value.equals("\"") || value.equals("\n") || value.equals("\r")) {
        throw new TypeConversionException("'" + value + "' is not a delimiter: give one character such as ';', or 'tab'");
      }
      return value.charAt(0);
    }
  }

  static final class FormConverter implements ITypeConverter<InputForm> {
    @Override
    public InputForm convert(String value) {
      return switch (value) {
        case "own" -> InputForm.OWN;
        case "path-headers" -> InputForm.PATH_HEADERS;
        default -> throw new TypeConversionException("'" + value + "' is not a form: use own or path-headers");
      };
    }
  }
}
