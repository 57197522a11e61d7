package org.iatipub.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.validation.Schema;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.iatipub.finding.Severity;
import org.iatipub.mapping.ActivityBinder;
import org.iatipub.mapping.ActivityDraft;
import org.iatipub.mapping.ActivityMapping;
import org.iatipub.mapping.MappingFile;
import org.iatipub.mapping.OwnColumnsMapping;
import org.iatipub.mapping.OwnTable;
import org.iatipub.mapping.PathHeaderMapping;
import org.iatipub.source.ActivityRows;
import org.iatipub.source.CsvTable;
import org.iatipub.source.LinkedRows;
import org.iatipub.source.SourceRow;
import org.iatipub.validation.CheckSuite;
import org.iatipub.validation.StandardChecks;

/**
 * Publishes input sets: reads each set's CSV files, maps each activity, writes and validates it in
 * one pass, and publishes the set's file only complete and valid. An activity with any error is
 * withheld and reported with its rows; the others are published. Every row read ends up counted as
 * published, withheld or rejected.
 */
public final class Publisher {
  private static final Pattern ATTRIBUTE = Pattern.compile("attribute '([^']+)'");

  private final ActivityBinder binder;
  private final Schema schema;
  private final CheckSuite checks;
  private final Clock clock;

  /** A publisher that runs the codelist and IATI rule checks of {@code validate} on every activity. */
  public Publisher(ActivityBinder binder, Schema schema, Clock clock) {
    this(binder, schema, StandardChecks.suite(), clock);
  }

  /** A publisher that runs the given checks beyond the schema ({@link CheckSuite#none()}: schema only). */
  public Publisher(ActivityBinder binder, Schema schema, CheckSuite checks, Clock clock) {
    this.binder = binder;
    this.schema = schema;
    this.checks = checks;
    this.clock = clock;
  }

  /**
   * Publishes every set of {@code request}; findings go to {@code sink} as they are found.
   *
   * @throws CannotPublish when the configuration or input is unusable: nothing is published
   * @throws IOException when the output directory cannot be written
   */
  public PublishReport publish(PublishRequest request, Consumer<Finding> sink) throws CannotPublish, IOException {
    List<InputSet> sets = InputSet.discover(request);
    Map<Severity, Long> counts = new EnumMap<>(Severity.class);
    Consumer<Finding> counted = finding -> {
      counts.merge(finding.severity(), 1L, Long::sum);
      sink.accept(finding);
    };
    String generated = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    List<SetOutcome> outcomes = new ArrayList<>();
    List<OutputFile> held = new ArrayList<>();
    try {
      for (InputSet set : sets) {
        OutputFile file = OutputFile.start(request.output(), set.outputName(), generated);
        SetOutcome outcome = publishSet(set, request.delimiter(), file, counted);
        if (file.activities() == 0) {
          file.discard();
          outcome = new SetOutcome(outcome.set(), null, 0, outcome.withheld(), outcome.files());
        } else if (request.strict()) {
          held.add(file); // published only if the whole run is clean
        } else {
          file.commit();
        }
        outcomes.add(outcome);
      }
      if (request.strict()) {
        boolean clean = counts.getOrDefault(Severity.ERROR, 0L) == 0;
        for (OutputFile file : held) {
          if (clean) {
            file.commit();
          } else {
            file.discard();
          }
        }
        if (!clean) {
          outcomes.replaceAll(SetOutcome::unpublished);
        }
      }
    } finally {
      for (OutputFile file : held) {
        file.close();
      }
    }
    return new PublishReport(outcomes, counts);
  }

  private SetOutcome publishSet(InputSet set, char delimiter, OutputFile file, Consumer<Finding> sink) throws IOException {
    Map<String, CsvTable> tables = new LinkedHashMap<>();
    Map<String, FileTally> tallies = new LinkedHashMap<>();
    boolean complete = true;
    for (Map.Entry<String, Path> entry : set.files().entrySet()) {
      CsvTable table = CsvTable.read(entry.getValue(), set.shown(set.dir().relativize(entry.getValue()).toString()), delimiter);
      tables.put(entry.getKey(), table);
      tallies.put(table.file(), new FileTally(table.file(), table.rowsRead(), 0, 0, table.rowsRejected()));
      table.findings().forEach(sink);
      complete &= table.complete();
    }
    if (!complete) {
      // Rows may be missing anywhere, so no activity can be trusted; every row read is withheld.
      for (CsvTable table : tables.values()) {
        if (!table.complete()) {
          sink.accept(Finding.error("publish/set-incomplete", new Location.WholeFile(table.file()),
              "this file could not be read to its end, so no activity of " + set.shown()
                  + " is published: any of them could be missing rows"));
        }
        tallies.computeIfPresent(table.file(), (k, t) -> t.plus(0, table.rows().size(), 0));
      }
      int activities = tables.values().iterator().next().rows().size();
      return new SetOutcome(set.shown(), null, 0, activities, List.copyOf(tallies.values()));
    }
    LinkedRows linked = link(set, tables);
    linked.findings().forEach(sink);
    for (SourceRow row : linked.rejected()) {
      tallies.computeIfPresent(row.file(), (k, t) -> t.plus(0, 0, 1));
    }
    int published = 0;
    int withheld = 0;
    ActivityMapping mapping = set.form() == InputForm.OWN
        ? new OwnColumnsMapping(set.mapping(), set.crosswalks(), linked.activities())
        : new PathHeaderMapping();
    ActivityWriter writer = new ActivityWriter(binder.context(), schema);
    ActivityChecks checks = new ActivityChecks(this.checks, new Location.WholeFile(set.shown()));
    for (ActivityRows rows : linked.activities()) {
      if (publishActivity(rows, mapping, writer, checks, file, sink)) {
        published++;
        for (SourceRow row : rows.allRows()) {
          tallies.computeIfPresent(row.file(), (k, t) -> t.plus(1, 0, 0));
        }
      } else {
        withheld++;
        withhold(rows, tallies);
        sink.accept(Finding.error("publish/withheld", rows.main().whole(),
            "activity '" + rows.id() + "' is withheld because of the errors above; its " + rows.allRows().size()
                + " rows (this one and the rows linked to it) are not published"));
      }
    }
    checks.finish().forEach(sink);
    return new SetOutcome(set.shown(), file.target(), published, withheld, List.copyOf(tallies.values()));
  }

  private static void withhold(ActivityRows rows, Map<String, FileTally> tallies) {
    for (SourceRow row : rows.allRows()) {
      tallies.computeIfPresent(row.file(), (k, t) -> t.plus(0, 1, 0));
    }
  }

  private static LinkedRows link(InputSet set, Map<String, CsvTable> tables) {
    Map<String, LinkedRows.Linked> children = new LinkedHashMap<>();
    LinkedRows.Linked main = null;
    for (Map.Entry<String, CsvTable> entry : tables.entrySet()) {
      String idColumn = PathHeaderMapping.ID_COLUMN;
      if (set.form() == InputForm.OWN) {
        OwnTable table = OwnTable.byKey(entry.getKey()).orElseThrow();
        idColumn = ((MappingFile.Column) set.mapping().tables().get(table).field(table.linkField())).column();
      }
      LinkedRows.Linked linked = new LinkedRows.Linked(entry.getValue(), idColumn);
      boolean isMain = set.form() == InputForm.OWN ? entry.getKey().equals(OwnTable.PROJECTS.key()) : main == null;
      if (isMain) {
        main = linked;
      } else {
        children.put(entry.getKey(), linked);
      }
    }
    return LinkedRows.link(main, children, set.form() == InputForm.OWN ? "project id" : "iati-identifier");
  }

  /** Maps, binds, writes and validates one activity; true when it was published. */
  private boolean publishActivity(ActivityRows rows, ActivityMapping mapping, ActivityWriter writer, ActivityChecks checks, OutputFile file,
      Consumer<Finding> sink) throws IOException {
    ActivityDraft draft = mapping.map(rows);
    List<Finding> findings = new ArrayList<>(draft.findings());
    if (!draft.hasErrors()) {
      ActivityBinder.Bound bound = binder.bind(draft);
      findings.addAll(bound.findings());
      if (bound.ok()) {
        ActivityWriter.Written written = writer.write(bound.activity());
        Map<String, Location.Cell> paths = draft.activity().paths();
        for (ActivityWriter.Problem problem : written.problems()) {
          findings.add(Finding.error(problem.rule(), locate(problem, paths, rows), "activity '" + draft.identifier()
              + "', " + shortPath(problem.path()) + ": " + problem.message()));
        }
        findings.addAll(lost(draft, paths, written.written(), bound.cells()));
        if (written.valid()) {
          // The codelist and rule checks of validate; their errors withhold the activity too.
          findings.addAll(checks.check(written, paths, rows.main().whole(), draft.identifier()));
        }
        if (findings.stream().noneMatch(Finding::isError)) {
          file.append(written.xml());
          findings.forEach(sink);
          return true;
        }
      }
    }
    findings.forEach(sink);
    return false;
  }

  /** What the rows said that the IATI model had no place for: it would be lost, so it is an error. */
  private static List<Finding> lost(ActivityDraft draft, Map<String, Location.Cell> paths, Set<String> written,
      Set<Location.Cell> reported) {
    Set<String> missing = new TreeSet<>(paths.keySet());
    missing.removeAll(written);
    List<Finding> findings = new ArrayList<>();
    for (String path : missing) {
      String parent = path.substring(0, Math.max(path.lastIndexOf('/'), 0));
      Location.Cell cell = paths.get(path);
      if (missing.contains(parent) || reported.contains(cell)) {
        continue; // reported with its parent, or already as a bad value
      }
      String last = path.substring(path.lastIndexOf('/') + 1).replaceAll("\\[[0-9]+]$", "");
      String what = last.equals("#text") ? "text in '" + shortPath(parent) + "'" : "'" + last + "' in '" + shortPath(parent) + "'";
      findings.add(Finding.error("publish/not-in-iati", cell == null ? draft.rows().main().whole() : cell,
          "activity '" + draft.identifier() + "': IATI 2.03 has no place for " + what
              + "; the value would be lost, so the activity is withheld (check the column name)"));
    }
    return findings;
  }

  /** The cell a schema problem comes from: the attribute it names, else its element, else the row. */
  private static Location.Cell locate(ActivityWriter.Problem problem, Map<String, Location.Cell> paths, ActivityRows rows) {
    Matcher attribute = ATTRIBUTE.matcher(problem.message());
    if (attribute.find() && paths.get(problem.path() + "/@" + attribute.group(1)) != null) {
      return paths.get(problem.path() + "/@" + attribute.group(1));
    }
    for (String path = problem.path(); !path.isEmpty(); path = path.substring(0, Math.max(path.lastIndexOf('/'), 0))) {
      Location.Cell cell = paths.get(path);
      if (cell != null) {
        return cell;
      }
    }
    return rows.main().whole();
  }

  private static String shortPath(String path) {
    return path.equals("iati-activity") ? "iati-activity" : path.replaceFirst("^iati-activity/", "").replace("[1]", "");
  }
}
