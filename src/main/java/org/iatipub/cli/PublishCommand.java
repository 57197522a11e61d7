package org.iatipub.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.Level;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Severity;
import org.iatipub.mapping.ActivityBinder;
import org.iatipub.publish.CannotPublish;
import org.iatipub.publish.FileTally;
import org.iatipub.publish.InputForm;
import org.iatipub.publish.PublishReport;
import org.iatipub.publish.PublishRequest;
import org.iatipub.publish.Publisher;
import org.iatipub.publish.SetOutcome;
import org.iatipub.publish.dataset.ChangeReport;
import org.iatipub.publish.dataset.Layout;
import org.iatipub.publish.dataset.Manifest;
import org.iatipub.publish.dataset.Progress;
import org.iatipub.publish.dataset.Release;
import org.iatipub.publish.dataset.SplitRule;
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
      "Publishes CSV exports as IATI 2.03 activity files (and an organisation file), each written and schema-checked",
      "in one pass. The new edition is built beside the published files and swapped in only when complete;",
      "an activity with a problem is withheld and reported as file:row:column: severity: message [rule].",
      "With no options it publishes the bundled samples (samples/) into output/.",
      "Exit codes: 0 everything published, 1 something withheld or rejected (or --strict refused),",
      "2 could not run (nothing published), 3 the output directory could not be written or is in use",
      "(it is as the previous run left it)."
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

  @Option(names = "--split-by", paramLabel = "none|country|region", defaultValue = "none", converter = SplitConverter.class,
      description = "one file per set (none), or per recipient country or region (default: ${DEFAULT-VALUE})")
  SplitRule split;

  @Option(names = "--max-file-size", paramLabel = "SIZE", defaultValue = "30MB", converter = SizeConverter.class,
      description = "a file that would grow past SIZE (e.g. 30MB, 500KB) continues in <name>-2.xml (default: ${DEFAULT-VALUE})")
  long maxFileSize;

  @Option(names = "--organisation", paramLabel = "FILE",
      description = "the organisation CSV (default: organisation.csv in the input directory, when there is one)")
  Path organisation;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      description = "text (findings, summary, changes) or one JSON document (default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "warn", converter = LevelConverter.class,
      description = "what the log on standard error shows: error, warn, info, debug (default: ${DEFAULT-VALUE})")
  Level logLevel;

  @Option(names = "--log-file", paramLabel = "FILE",
      description = "also log to FILE, at info or finer, rolled daily and at 10 MB, the last 30 kept")
  Path logFile;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!format.equals("text") && !format.equals("json")) {
      err.println("iatipub publish: '" + format + "' is not a format: use text or json");
      return ExitCode.CANNOT_RUN;
    }
    boolean json = format.equals("json");
    List<Finding> collected = new ArrayList<>();
    Consumer<Finding> sink = json ? collected::add : finding -> out.println(finding);
    PublishReport report;
    Progress progress = System.console() != null && !json ? new TerminalProgress() : new LoggedProgress();
    try (RunLog log = RunLog.start(logLevel, logFile)) {
      Publisher publisher = new Publisher(ActivityBinder.create(), SchemaSet.bundled().activities(),
          schemaOnly ? CheckSuite.none() : StandardChecks.suite(), Clock.systemUTC());
      PublishRequest request = new PublishRequest(input, mapping, output, delimiter, form, strict,
          new Layout(split, maxFileSize), organisation);
      try {
        report = publisher.publish(request, sink, progress);
      } finally {
        progress.finished();
      }
    } catch (CannotPublish e) {
      e.problems().forEach(problem -> err.println("iatipub publish: " + problem));
      err.println("iatipub publish: nothing was published");
      return ExitCode.CANNOT_RUN;
    } catch (Release.Busy e) {
      err.println("iatipub publish: " + e.getMessage());
      return ExitCode.OUTPUT_FAILED;
    } catch (IOException e) {
      err.println("iatipub publish: cannot write to " + output + ": " + e.getMessage()
          + "; nothing was published, " + output + " is as the previous run left it");
      return ExitCode.OUTPUT_FAILED;
    }
    int exit = report.everythingPublished() ? ExitCode.OK : ExitCode.FINDINGS;
    if (json) {
      json(out, report, collected, exit);
    } else {
      summary(out, report);
      changes(out, report);
    }
    return exit;
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
    Map<String, Long> reasons = reasons(report);
    if (!reasons.isEmpty()) {
      out.println("withheld or rejected because of: " + String.join(", ",
          reasons.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()));
    }
    out.printf("%d activities published, %d withheld; findings: %d errors, %d warnings, %d info%s%n",
        published, withheld, report.count(Severity.ERROR), report.count(Severity.WARNING), report.count(Severity.INFO),
        strict && !report.everythingPublished() ? " (--strict: nothing published)" : "");
  }

  /** The errors of the run by rule: why rows were withheld or rejected (each finding names its row). */
  private Map<String, Long> reasons(PublishReport report) {
    return report.errorsByRule();
  }

  private void changes(PrintWriter out, PublishReport report) {
    if (!report.committed()) {
      out.println("nothing committed: " + output + " is as the previous run left it");
      return;
    }
    ChangeReport changes = report.changes();
    out.printf("changes since the previous run: %d added, %d changed, %d removed, %d withheld, %d unchanged%n",
        changes.added().size(), changes.changed().size(), changes.removed().size(), changes.withheld().size(),
        changes.unchanged());
    print(out, "added", changes.added());
    print(out, "changed", changes.changed());
    print(out, "removed", changes.removed());
    print(out, "withheld", changes.withheld());
    for (Manifest.Entry file : report.manifest().files()) {
      out.printf("published: %s (%d %s, %d bytes, sha256 %s, generated %s)%n", output.resolve(file.name()),
          file.activities(), file.kind().equals("iati-organisations") ? "organisations" : "activities", file.size(),
          file.sha256(), file.generatedDatetime());
    }
  }

  private static void print(PrintWriter out, String what, List<ChangeReport.Change> changes) {
    for (ChangeReport.Change change : changes) {
      out.printf("  %s: %s (%s%s)%n", what, change.identifier(), change.set(), change.file() == null ? "" : ", " + change.file());
    }
  }

  private void json(PrintWriter out, PublishReport report, List<Finding> findings, int exit) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("findings", findings.stream().map(f -> Map.of("severity", f.severity().label(), "rule", f.rule(),
        "location", f.location().toString(), "message", f.message())).toList());
    document.put("sets", report.sets());
    document.put("reasons", report.errorsByRule());
    document.put("committed", report.committed());
    document.put("changes", report.changes());
    document.put("manifest", report.manifest());
    document.put("exit-code", exit);
    try {
      out.println(new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document));
    } catch (IOException e) {
      throw new IllegalStateException("the report cannot be written as JSON: " + e.getMessage(), e);
    }
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

  static final class SplitConverter implements ITypeConverter<SplitRule> {
    @Override
    public SplitRule convert(String value) {
      return switch (value) {
        case "none" -> SplitRule.NONE;
        case "country" -> SplitRule.COUNTRY;
        case "region" -> SplitRule.REGION;
        default -> throw new TypeConversionException("'" + value + "' is not a split: use none, country or region");
      };
    }
  }

  static final class SizeConverter implements ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("([0-9]+)\\s*(B|KB|MB)?", Pattern.CASE_INSENSITIVE);

    @Override
    public Long convert(String value) {
      Matcher size = SIZE.matcher(value.strip());
      if (!size.matches()) {
        throw new TypeConversionException("'" + value + "' is not a size: write it like 30MB, 500KB or 1000000");
      }
      long unit = switch (size.group(2) == null ? "B" : size.group(2).toUpperCase(Locale.ROOT)) {
        case "KB" -> 1024L;
        case "MB" -> 1024L * 1024;
        default -> 1L;
      };
      long bytes = Long.parseLong(size.group(1)) * unit;
      if (bytes < 1024) {
        throw new TypeConversionException("'" + value + "' is too small: a file needs room for at least one activity (1KB or more)");
      }
      return bytes;
    }
  }

  static final class LevelConverter implements ITypeConverter<Level> {
    @Override
    public Level convert(String value) {
      Level level = Level.toLevel(value.toUpperCase(Locale.ROOT), null);
      if (level == null) {
        throw new TypeConversionException("'" + value + "' is not a log level: use error, warn, info or debug");
      }
      return level;
    }
  }
}
