package org.iatipub.cli;

import java.io.IOException;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.logging.log4j.Level;
import org.iatipub.exports.ExportKind;
import org.iatipub.exports.ExportSettings;
import org.iatipub.exports.ExportStage;
import org.iatipub.exports.Exports;
import org.iatipub.finding.Finding;
import org.iatipub.mapping.ActivityBinder;
import org.iatipub.publish.CannotPublish;
import org.iatipub.publish.FindingSink;
import org.iatipub.publish.InputForm;
import org.iatipub.publish.PublishReport;
import org.iatipub.publish.PublishRequest;
import org.iatipub.publish.Publisher;
import org.iatipub.publish.dataset.Layout;
import org.iatipub.publish.dataset.PortfolioSummary;
import org.iatipub.publish.dataset.Progress;
import org.iatipub.publish.dataset.Release;
import org.iatipub.publish.dataset.SplitRule;
import org.iatipub.validation.CheckSuite;
import org.iatipub.validation.SchemaSet;
import org.iatipub.validation.StandardChecks;
import org.iatipub.validation.rules.RuleCatalogue;
import org.iatipub.reports.PublishCsvReport;
import org.iatipub.reports.PublishHtmlReport;
import org.iatipub.reports.PublishIatiValidatorReport;
import org.iatipub.reports.VersionStamp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Publishes CSV exports as IATI 2.03 activity files (and an organisation file), each written and schema-checked",
      "in one pass. The new edition is built beside the published files and swapped in only when complete;",
      "an activity with a problem is withheld and reported as file:row:column: severity: message [rule].",
      "With no options it publishes the bundled samples (samples/) into output/.",
      "With --export (or an exports.yaml beside the input) the UN Data Cube and CRS exports are written into the",
      "same edition, reconciled (see 'iatipub export').",
      "Exit codes: 0 everything published, 1 something withheld or rejected (or --strict refused, or an export",
      "found a problem or does not agree),",
      "2 could not run (nothing published), 3 the output directory could not be written or is in use",
      "(it is as the previous run left it)."
    })
final class PublishCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--input", paramLabel = "DIR|WORKBOOK", defaultValue = "samples",
      description = "a directory of CSV files or workbooks (.xlsx, .ods), or of such directories; or one workbook"
          + " (default: ${DEFAULT-VALUE})")
  Path input;

  @Option(names = "--mapping", paramLabel = "FILE",
      description = "the mapping file for the own-column form (default: mapping.yaml in each input directory,"
          + " or beside each workbook)")
  Path mapping;

  @Option(names = "--output", paramLabel = "DIR", defaultValue = "output",
      description = "where the files are published (default: ${DEFAULT-VALUE})")
  Path output;

  @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",", converter = PublishOptionTypes.Delimiter.class,
      description = "the CSV cell delimiter: one character, or 'tab' (default: ${DEFAULT-VALUE})")
  char delimiter;

  @Option(names = "--form", paramLabel = "own|path-headers", converter = PublishOptionTypes.Form.class,
      description = "force the input form instead of telling it from the header rows")
  InputForm form;

  @Option(names = "--strict", description = "publish nothing at all if anything is withheld or rejected")
  boolean strict;

  @Option(names = "--full",
      description = "build every activity again, even one whose input is the same as when it was last published"
          + " (by default that one is taken from the published file as it is; the output is the same either way)")
  boolean full;

  @Option(names = "--schema-only",
      description = "withhold only what breaks the schema, skipping the codelist and IATI rule checks"
          + " (for moving existing spreadsheets over before they meet the rules)")
  boolean schemaOnly;

  @Option(names = "--split-by", paramLabel = "none|country|region", defaultValue = "none", converter = PublishOptionTypes.Split.class,
      description = "one file per set (none), or per recipient country or region (default: ${DEFAULT-VALUE})")
  SplitRule split;

  @Option(names = "--max-file-size", paramLabel = "SIZE", defaultValue = "30MB", converter = PublishOptionTypes.Size.class,
      description = "a file that would grow past SIZE (e.g. 30MB, 500KB) continues in <name>-2.xml (default: ${DEFAULT-VALUE})")
  long maxFileSize;

  @Option(names = "--organisation", paramLabel = "FILE",
      description = "the organisation CSV (default: organisation.csv in the input directory, when there is one)")
  Path organisation;

  enum Format { text, json, csv, iati_validator }

  @Option(names = "--format", paramLabel = "text|json|csv|iati-validator", defaultValue = "text",
      converter = PublishOptionTypes.ReportFormat.class,
      description = "text (findings, summary, changes), one JSON document, the findings as CSV for a spreadsheet, or the"
          + " findings in the official IATI Validator's response shape (default: ${DEFAULT-VALUE})")
  Format format;

  @Option(names = "--flat",
      description = "iati-validator format: one list of errors, each naming its activity, instead of grouped by activity and category")
  boolean flat;

  @Option(names = "--report", paramLabel = "FILE",
      description = "also write the run's report for people to FILE, one HTML file: findings at their cells, withheld activities,"
          + " changes, files, and the portfolio beside last night's")
  Path report;

  @Option(names = "--export", paramLabel = "LIST", split = ",", converter = PublishOptionTypes.Export.class,
      description = "also write these exports into the same edition: datacube, crs (default: the export settings' exports)")
  List<ExportKind> exports;

  @Option(names = "--year", paramLabel = "YYYY", description = "the calendar year the exports are of (default: the export settings' year)")
  Integer year;

  @Option(names = "--export-settings", paramLabel = "FILE",
      description = "the export settings (default: " + EXPORT_SETTINGS + " in the input directory, when there is one)")
  Path exportSettings;

  /** The export settings' name in an input directory. */
  static final String EXPORT_SETTINGS = "exports.yaml";

  @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "warn", converter = PublishOptionTypes.LogLevel.class,
      description = "what the log on standard error shows: error, warn, info, debug (default: ${DEFAULT-VALUE})")
  Level logLevel;

  @Option(names = "--log-file", paramLabel = "FILE",
      description = "also log to FILE, at info or finer, rolled daily and at 10 MB, the last 30 kept")
  Path logFile;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Clock clock = Clock.systemUTC();
    VersionStamp stamp = VersionStamp.of(SchemaSet.bundled().origin(),
        (schemaOnly ? RuleCatalogue.fileLevel() : RuleCatalogue.standard()).rules(), clock);
    List<FindingSink> sinks = new ArrayList<>();
    FindingSpool spool = null;
    PublishCsvReport csv = null;
    PublishIatiValidatorReport official = null;
    PublishHtmlReport html = null;
    try {
      switch (format) {
        case text -> sinks.add(finding -> out.println(finding));
        case json -> {
          // One JSON document at the end: the findings wait on disk, however many there are.
          spool = FindingSpool.create();
          sinks.add(spool::accept);
        }
        case csv -> {
          csv = new PublishCsvReport(out);
          sinks.add(csv);
        }
        case iati_validator -> {
          official = new PublishIatiValidatorReport(!flat);
          sinks.add(official);
        }
      }
      if (report != null) {
        html = new PublishHtmlReport();
        sinks.add(html);
      }
    } catch (IOException e) {
      err.println("iatipub publish: cannot keep the findings in the temporary directory: " + e.getMessage() + "; nothing was published");
      closeQuietly(spool, official, html);
      return ExitCode.OUTPUT_FAILED;
    }
    try {
      return publish(FindingSink.each(sinks), spool, csv, official, html, stamp, clock);
    } finally {
      closeQuietly(spool, official, html);
    }
  }

  private static void closeQuietly(FindingSpool spool, java.io.Closeable... reports) {
    if (spool != null) {
      spool.close();
    }
    for (java.io.Closeable report : reports) {
      if (report != null) {
        try {
          report.close();
        } catch (IOException e) {
          // only scratch files, which a later run removes
        }
      }
    }
  }

  /** Publishes, findings to {@code sink}; then the summary in the format asked for, and the HTML report when asked for. */
  private int publish(FindingSink sink, FindingSpool spool, PublishCsvReport csv, PublishIatiValidatorReport official,
      PublishHtmlReport html, VersionStamp stamp, Clock clock) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean quietOut = format != Format.text;
    PublishReport outcome;
    Optional<PortfolioSummary> before;
    try {
      before = PortfolioSummary.readFrom(output);
    } catch (IOException e) {
      before = Optional.empty(); // an unreadable summary is only a report's comparison; the run goes on
    }
    Progress progress = System.console() != null && !quietOut ? new TerminalProgress() : new LoggedProgress();
    ExportStage exportStage;
    try {
      exportStage = exportStage(sink);
    } catch (ExportSettings.Invalid e) {
      e.problems().forEach(problem -> err.println("iatipub publish: " + problem));
      err.println("iatipub publish: nothing was published");
      return ExitCode.CANNOT_RUN;
    } catch (IOException e) {
      err.println("iatipub publish: cannot read the export settings: " + e.getMessage() + "; nothing was published");
      return ExitCode.CANNOT_RUN;
    }
    try (RunLog log = RunLog.start(logLevel, logFile)) {
      Publisher publisher = new Publisher(ActivityBinder.create(), SchemaSet.bundled().activities(),
          schemaOnly ? CheckSuite.none() : StandardChecks.suite(clock), clock);
      if (full) {
        publisher = publisher.buildingEverything();
      }
      if (exportStage != null) {
        publisher = publisher.deriving(exportStage);
      }
      PublishRequest request = new PublishRequest(input, mapping, output, delimiter, form, strict,
          new Layout(split, maxFileSize), organisation);
      try {
        outcome = publisher.publish(request, sink, progress);
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
    try (outcome) {
      Exports.Outcome exported = exportStage == null || !outcome.committed() ? null : exportStage.outcome();
      int exit = outcome.everythingPublished() && (exported == null || exported.clean()) ? ExitCode.OK : ExitCode.FINDINGS;
      if (html != null) {
        writeReport(html, outcome, before, stamp, err);
      }
      switch (format) {
        case json -> PublishSummary.json(out, outcome, spool.shown(), exported, exit, stamp);
        case csv -> {
          try {
            csv.finish(stamp);
          } catch (IOException e) {
            err.println("iatipub publish: the CSV report could not be written: " + e.getMessage());
          }
        }
        case iati_validator -> {
          try {
            official.write(out, stamp);
          } catch (IOException e) {
            err.println("iatipub publish: the report could not be written: " + e.getMessage());
          }
        }
        case text -> {
          PublishSummary.text(out, outcome, output, strict, stamp);
          if (exported != null) {
            out.print(exported.reconciliation().text());
          }
        }
      }
      out.flush();
      return exit;
    }
  }

  /** The HTML report, written beside (never inside) a half-written file: to a temporary file, then moved. */
  private void writeReport(PublishHtmlReport html, PublishReport outcome, Optional<PortfolioSummary> before, VersionStamp stamp,
      PrintWriter err) {
    Path target = report.toAbsolutePath();
    try {
      Optional<PortfolioSummary> now = PortfolioSummary.readFrom(output);
      Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
      try (Writer writer = new BufferedWriter(Files.newBufferedWriter(partial, StandardCharsets.UTF_8), 1 << 16)) {
        html.write(writer, outcome, output, before, now, stamp, "iatipub publish --format csv > findings.csv (with this run's options)");
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(partial);
        throw e;
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      err.println("iatipub publish: the report could not be written to " + report + ": " + e.getMessage()
          + " (the run itself is done as told above)");
    }
  }

  /**
   * The exports to write into the edition, from the options and the export settings; null when
   * none are asked for. The settings are checked before anything is published.
   */
  private ExportStage exportStage(Consumer<Finding> sink) throws IOException, ExportSettings.Invalid {
    Path settingsFile = exportSettings != null ? exportSettings : input.resolve(EXPORT_SETTINGS);
    ExportSettings settings = exportSettings != null || Files.isRegularFile(settingsFile)
        ? ExportSettings.load(settingsFile) : ExportSettings.none();
    List<ExportKind> kinds = exports != null ? exports : settings.exports();
    if (kinds.isEmpty()) {
      return null;
    }
    Integer exportYear = year != null ? year : settings.year();
    if (exportYear == null) {
      throw new ExportSettings.Invalid(List.of("the exports need a calendar year: give --year YYYY, or 'year:' in " + settingsFile));
    }
    return new ExportStage(settings, kinds, exportYear, sink);
  }

}
