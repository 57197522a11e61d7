package org.iatipub.publish;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.validation.Schema;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.iatipub.codelist.CodelistSnapshot;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.iatipub.finding.Severity;
import org.iatipub.mapping.ActivityBinder;
import org.iatipub.mapping.ActivityDraft;
import org.iatipub.mapping.ActivityMapping;
import org.iatipub.mapping.OwnColumnsMapping;
import org.iatipub.mapping.OwnFormHints;
import org.iatipub.mapping.PathHeaderMapping;
import org.iatipub.mapping.Programmes;
import org.iatipub.model.iati.IatiActivityType;
import org.iatipub.publish.dataset.Dataset;
import org.iatipub.mapping.XmlElement;
import org.iatipub.publish.dataset.DerivedFiles;
import org.iatipub.publish.dataset.Progress;
import org.iatipub.publish.dataset.Release;
import org.iatipub.source.ActivityJoin;
import org.iatipub.source.ActivityRows;
import org.iatipub.source.TableReading;
import org.iatipub.source.Workbook;
import org.iatipub.source.SourceRow;
import org.iatipub.validation.Check;
import org.iatipub.validation.CheckSuite;
import org.iatipub.validation.StandardChecks;

/**
 * Publishes input sets: reads each set's CSV files, maps each activity, writes and validates it in
 * one pass, and publishes the set's file only complete and valid. An activity with any error is
 * withheld and reported with its rows; the others are published. Every row read ends up counted as
 * published, withheld or rejected.
 */
public final class Publisher {
  private static final Logger LOG = LogManager.getLogger(Publisher.class);
  private static final Pattern ATTRIBUTE = Pattern.compile("attribute '([^']+)'", Pattern.CASE_INSENSITIVE);
  /** Activities handed to each worker ahead of the one being decided: keeps both cores busy, memory bounded. */
  private static final int IN_FLIGHT_PER_THREAD = 4;

  private final ActivityBinder binder;
  private final Schema schema;
  private final CheckSuite checks;
  private final Clock clock;
  private final int threads;
  /** Build every activity, whether or not its input changed since the previous run. */
  private final boolean full;
  /** The codelists' digest, as the input fingerprints name them. */
  private final String codelists;
  private final List<DerivedFiles> derived;

  /** A publisher that runs the codelist and IATI rule checks of {@code validate} on every activity, at {@code clock}'s time. */
  public Publisher(ActivityBinder binder, Schema schema, Clock clock) {
    this(binder, schema, StandardChecks.suite(clock), clock);
  }

  /** A publisher that runs the given checks beyond the schema ({@link CheckSuite#none()}: schema only). */
  public Publisher(ActivityBinder binder, Schema schema, CheckSuite checks, Clock clock) {
    this(binder, schema, checks, clock, Runtime.getRuntime().availableProcessors());
  }


  private Publisher(ActivityBinder binder, Schema schema, CheckSuite checks, Clock clock, int threads) {
    this(binder, schema, checks, clock, threads, false, CodelistSnapshot.bundled().source().digest(), List.of());
  }

  private Publisher(ActivityBinder binder, Schema schema, CheckSuite checks, Clock clock, int threads, boolean full,
      String codelists, List<DerivedFiles> derived) {
    if (threads < 1) {
      throw new IllegalArgumentException("at least one thread is needed, not " + threads);
    }
    this.binder = binder;
    this.schema = schema;
    this.checks = checks;
    this.clock = clock;
    this.threads = threads;
    this.full = full;
    this.codelists = codelists;
    this.derived = List.copyOf(derived);
  }

  /**
   * This publisher mapping and writing activities on {@code threads} threads (by default one per
   * core). The output and the findings are the same, byte for byte and in order, for any number.
   */
  public Publisher withThreads(int threads) {
    return new Publisher(binder, schema, checks, clock, threads, full, codelists, derived);
  }

  /**
   * This publisher building every activity, as if none had been published before ({@code
   * publish --full}). By default an activity whose input fingerprint is the one it was published
   * with last time is taken from the published file as it is: the files and the findings are the
   * same, byte for byte, either way.
   */
  public Publisher buildingEverything() {
    return new Publisher(binder, schema, checks, clock, threads, true, codelists, derived);
  }

  /**
   * This publisher naming {@code digest} as the codelists' digest in the input fingerprints (the
   * bundled snapshot's otherwise): a new snapshot changes every activity's fingerprint.
   */
  Publisher withCodelistDigest(String digest) {
    return new Publisher(binder, schema, checks, clock, threads, full, digest, derived);
  }

  /**
   * This publisher adding a later stage's files (the exports) to each edition it commits, made from
   * the edition's activity files; publishing itself is the same.
   */
  public Publisher deriving(DerivedFiles stage) {
    List<DerivedFiles> stages = new ArrayList<>(derived);
    stages.add(stage);
    return new Publisher(binder, schema, checks, clock, threads, full, codelists, stages);
  }

  /**
   * Publishes every set of {@code request}; findings go to {@code sink} as they are found.
   *
   * @throws CannotPublish when the configuration or input is unusable: nothing is published
   * @throws IOException when the output directory cannot be written
   */
  public PublishReport publish(PublishRequest request, Consumer<Finding> sink) throws CannotPublish, IOException {
    return publish(request, sink, Progress.NONE);
  }

  /** As {@link #publish(PublishRequest, Consumer)}, telling {@code progress} of each activity decided on. */
  public PublishReport publish(PublishRequest request, Consumer<Finding> sink, Progress progress)
      throws CannotPublish, IOException {
    return publish(request, (FindingSink) sink::accept, progress);
  }

  /**
   * As {@link #publish(PublishRequest, Consumer, Progress)}, telling {@code sink} of each activity
   * with its findings when it is decided on.
   */
  public PublishReport publish(PublishRequest request, FindingSink sink, Progress progress) throws CannotPublish, IOException {
    List<InputSet> sets = InputSet.discover(request);
    Map<Severity, Long> counts = new EnumMap<>(Severity.class);
    Map<String, Long> errors = new java.util.concurrent.ConcurrentHashMap<>();
    Map<String, Long> withheldBecause = new java.util.TreeMap<>();
    FindingSink counted = new FindingSink() {
      @Override
      public void accept(Finding finding) {
        count(finding);
        sink.accept(finding);
      }

      @Override
      public void activity(ActivityOutcome activity, List<Finding> findings) {
        findings.forEach(this::count);
        sink.activity(activity, findings);
      }

      private void count(Finding finding) {
        counts.merge(finding.severity(), 1L, Long::sum);
        if (finding.isError()) {
          errors.merge(finding.rule(), 1L, Long::sum);
        }
      }
    };
    String generated = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    List<SetOutcome> outcomes = new ArrayList<>();
    // Staging the first set's files needs nothing of the output directory: it runs while the release
    // begins (reading the previous state takes a while at hundreds of thousands of activities).
    // Beginning reports no findings, so they come in the same order.
    InputSet first = sets.isEmpty() || sets.get(0).records() == PathHeaderMapping.Records.ORGANISATIONS ? null : sets.get(0);
    ExecutorService early = first == null ? null : Executors.newSingleThreadExecutor(Publisher::worker);
    Future<Staged> firstStaged = first == null ? null : early.submit(() -> stage(first, request.delimiter(), counted));
    boolean firstTaken = false;
    // Everything is built beside the published files and swapped in only at the commit: a run that
    // fails or is killed before it leaves the output directory exactly as it was.
    try (Release release = Release.begin(request.output(), generated, request.layout(), progress)) {
      List<String> shared = shared();
      for (InputSet set : sets) {
        if (set.records() == PathHeaderMapping.Records.ORGANISATIONS) {
          outcomes.add(OrganisationSheets.publish(set, request.delimiter(), binder, release, counted));
          continue;
        }
        Staged staged;
        if (set == first) {
          firstTaken = true;
          staged = done(firstStaged);
        } else {
          staged = stage(set, request.delimiter(), counted);
        }
        OutputFile file = OutputFile.start(release, set, request.layout().split());
        SetOutcome outcome = publishSet(set, staged, request, file, counted, progress, shared, generated, withheldBecause);
        if (file.activities() == 0) {
          release.keepPrevious(file.dataset()); // nothing usable: the previous run's files stay
          outcome = new SetOutcome(outcome.set(), null, 0, outcome.withheld(), outcome.files());
        }
        outcomes.add(outcome);
      }
      Path organisation = request.organisationFile();
      if (organisation != null) {
        outcomes.add(OrganisationPublication.publish(organisation, sets, request.delimiter(), release, counted));
      }
      if (request.strict() && counts.getOrDefault(Severity.ERROR, 0L) > 0) {
        outcomes.replaceAll(SetOutcome::unpublished);
        // Not committed: yesterday's output stays.
        return new PublishReport(outcomes, counts, null, null, errors, withheldBecause);
      }
      derived.forEach(release::derive);
      Release.Committed committed = release.commit();
      return new PublishReport(outcomes, counts, committed.changes(), committed.manifest(), errors, withheldBecause);
    } finally {
      if (early != null) {
        early.shutdown();
        if (!firstTaken) {
          dropUnused(firstStaged);
        }
      }
    }
  }

  /** A set's files read to their end and staged, with the programme hierarchy learnt from them. */
  private record Staged(Programmes programmes, ActivityJoin join) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      try {
        join.close();
      } finally {
        if (programmes != null) {
          programmes.close();
        }
      }
    }
  }

  /** Reads and stages a set's files; findings go to {@code sink} as they are found. */
  private static Staged stage(InputSet set, char delimiter, Consumer<Finding> sink) throws IOException {
    // The programme hierarchy is learnt from the projects file as it is staged, before any mapping.
    Programmes programmes = set.form() == InputForm.OWN ? Programmes.create(set.mapping()) : null;
    try {
      ActivityJoin join = stage(set, delimiter, set.form() == InputForm.OWN ? "project id" : set.link(), sink,
          programmes == null ? (id, row) -> { } : programmes::learn);
      return new Staged(programmes, join);
    } catch (IOException | RuntimeException | Error e) {
      if (programmes != null) {
        programmes.close();
      }
      throw e;
    }
  }

  /** Waits for a staging no set came to use (the run stopped before), and drops what it staged. */
  private static void dropUnused(Future<Staged> staging) {
    try {
      staging.get().close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | IOException e) {
      // The run has already stopped for its own reason; a staging that failed too adds nothing.
    }
  }

  /** What every activity of every set depends on: this program, the codelists, the checks run. */
  private List<String> shared() {
    List<String> shared = new ArrayList<>(List.of("iatipub " + ProgramBuild.identity(), "codelists " + codelists));
    for (Check check : checks.forOneFile()) {
      shared.add("check " + check.getClass().getName());
      check.close();
    }
    return shared;
  }

  /** @param withheldBecause counts, per rule, the activities withheld for breaking it */
  private SetOutcome publishSet(InputSet set, Staged staged, PublishRequest request, OutputFile file,
      FindingSink sink, Progress progress, List<String> shared, String generated, Map<String, Long> withheldBecause)
      throws IOException {
    try (staged) {
      ActivityJoin join = staged.join();
      Programmes programmes = staged.programmes();
      Map<String, FileTally> tallies = tallies(join);
      if (!join.complete()) {
        return incomplete(set, join, tallies, "activity", sink);
      }
      progress.expect(set.name(), join.activities());
      int published = 0;
      int withheld = 0;
      ActivityMapping mapping = set.form() == InputForm.OWN
          ? new OwnColumnsMapping(set.mapping(), set.crosswalks(), programmes, join::contains, !checks.checks().isEmpty())
          : new PathHeaderMapping(set.records());
      // Taking unchanged activities needs the checks (to read their findings by check): made inside.
      // The checks that compare activities may keep what they compare in scratch files: closed here
      // whatever happens, as finish() is not reached when publishing fails.
      ActivityChecks.Wording wording = set.form() == InputForm.OWN
          ? new OwnFormHints(set.mapping(), set.mappingName())::message : ActivityChecks.Wording.AS_CHECKED;
      try (ActivityChecks checks = new ActivityChecks(this.checks, new Location.WholeFile(set.shown()), wording)) {
        UnchangedActivities unchanged = new UnchangedActivities(fingerprints(set, request, shared, join.readings()), file,
            checks, !full, generated);
        // Mapping, binding, writing, schema validation and the checks of one activity alone run on
        // worker threads, each with its own writer (marshallers and validators are not thread-safe).
        // The checks that compare activities, appending and reporting run here, in input order, so
        // the file and the findings are the same for any number of threads. At most a few activities
        // per thread are in flight at once.
        ThreadLocal<ActivityWriter> writers = ThreadLocal.withInitial(() -> new ActivityWriter(schema));
        ExecutorService workers = threads == 1 ? null : Executors.newFixedThreadPool(threads, Publisher::worker);
        Deque<Future<Ready>> inFlight = new ArrayDeque<>();
        int taken = 0;
        try {
          for (ActivityRows next = join.next(); next != null || !inFlight.isEmpty(); next = next == null ? null : join.next()) {
            Ready prepared;
            if (workers == null) {
              prepared = prepare(next, mapping, writers.get(), checks, unchanged, wording);
            } else {
              if (next != null) {
                ActivityRows submitted = next;
                inFlight.add(workers.submit(() -> prepare(submitted, mapping, writers.get(), checks, unchanged, wording)));
                if (inFlight.size() < threads * IN_FLIGHT_PER_THREAD) {
                  continue;
                }
              }
              prepared = done(inFlight.remove());
            }
            ActivityRows rows = prepared.rows();
            Set<String> reasons = prepared instanceof UnchangedActivities.Taken took
                ? unchanged.publish(took, mapping, set.shown(), sink)
                : decide((Prepared) prepared, checks, file, set.shown(), sink);
            if (reasons.isEmpty()) {
              published++;
              taken += prepared instanceof UnchangedActivities.Taken ? 1 : 0;
              for (SourceRow row : rows.allRows()) {
                tallies.computeIfPresent(row.file(), (k, t) -> t.plus(1, 0, 0));
              }
            } else {
              withheld++;
              reasons.forEach(rule -> withheldBecause.merge(rule, 1L, Long::sum));
              file.withhold(rows.id());
              withhold(rows, tallies);
            }
          }
        } finally {
          if (workers != null) {
            workers.shutdownNow();
          }
        }
        checks.finish().forEach(sink);
        if (unchanged.unreadable() > 0) {
          LOG.warn("{}: {} activities could not be taken from the published files as the state describes them"
              + " (a file changed or missing); they were built again", set.shown(), unchanged.unreadable());
        }
        LOG.info("{}: {} of {} activities published as they were (their input unchanged), the others built",
            set.shown(), taken, published);
        return new SetOutcome(set.shown(), file.target(), published, withheld, List.copyOf(tallies.values()), taken);
      }
    }
  }

  /** A tally per file of a staged set, with the rows already rejected on their own. */
  static Map<String, FileTally> tallies(ActivityJoin join) {
    Map<String, FileTally> tallies = new LinkedHashMap<>();
    for (TableReading reading : join.readings()) {
      tallies.put(reading.file(), new FileTally(reading.file(), reading.rowsRead(), 0, 0,
          reading.rowsRejected() + join.unlinked(reading.file())));
    }
    return tallies;
  }

  /**
   * A set a file of which could not be read to its end: rows may be missing anywhere, so no record
   * ({@code what}: activity, organisation) can be trusted; every row read is withheld but for those
   * already rejected on their own (a row with no id, or an id no record has).
   */
  static SetOutcome incomplete(InputSet set, ActivityJoin join, Map<String, FileTally> tallies, String what,
      Consumer<Finding> sink) {
    for (TableReading reading : join.readings()) {
      if (!reading.complete()) {
        sink.accept(PublishRule.SET_INCOMPLETE.at(new Location.WholeFile(reading.file()),
            "this file could not be read to its end, so no " + what + " of " + set.shown()
                + " is published: any of them could be missing rows"));
      }
      long withheld = reading.rowsKept() - join.unlinked(reading.file());
      tallies.computeIfPresent(reading.file(), (k, t) -> t.plus(0, withheld, 0));
    }
    return new SetOutcome(set.shown(), null, 0, join.activities(), List.copyOf(tallies.values()));
  }

  private static void withhold(ActivityRows rows, Map<String, FileTally> tallies) {
    for (SourceRow row : rows.allRows()) {
      tallies.computeIfPresent(row.file(), (k, t) -> t.plus(0, 1, 0));
    }
  }

  /**
   * Reads every table of the set once, staging its rows, after telling what of the set is not read
   * (a workbook's hidden sheets): a workbook is open only while its sheets are read, as everything
   * is on disk afterwards. {@code what} names the id in messages; {@code mainRows} sees each main row.
   */
  static ActivityJoin stage(InputSet set, char delimiter, String what, Consumer<Finding> sink,
      BiConsumer<String, SourceRow> mainRows) throws IOException {
    set.notes().forEach(sink);
    try (Workbook workbook = set.openWorkbook()) {
      List<ActivityJoin.Source> sources = set.sources(workbook, delimiter);
      return ActivityJoin.stage(sources.get(0), sources.subList(1, sources.size()), what, sink, mainRows);
    }
  }

  /** An activity ready to be decided on, in input order: built now, or taken as it was published. */
  sealed interface Ready permits Prepared, UnchangedActivities.Taken {
    ActivityRows rows();

    /** Its identifier as its findings name it. */
    String identifier();
  }

  /**
   * One activity mapped, bound, written and schema-validated: the work that can run on any thread.
   *
   * @param input the fingerprint of its input
   * @param draft the mapped activity
   * @param bound the bound activity, or null when mapping failed
   * @param written the written activity, or null when mapping or binding failed
   * @param cells the source cell of each path of the draft, worked out only if a finding needs it
   * @param findings what was found so far
   * @param alone the findings of the checks of the activity on its own, by check; null when not checked
   * @param notes what to keep about it if it is published (JSON); null when it is not to be
   */
  record Prepared(ActivityRows rows, String input, ActivityDraft draft, ActivityBinder.Bound bound,
      ActivityWriter.Written written, DraftCells cells, List<Finding> findings, List<List<Finding>> alone, String notes)
      implements Ready {
    @Override
    public String identifier() {
      return draft.identifier();
    }
  }

  private Ready prepare(ActivityRows rows, ActivityMapping mapping, ActivityWriter writer, ActivityChecks checks,
      UnchangedActivities unchanged, ActivityChecks.Wording wording) throws IOException {
    String input = unchanged.fingerprint(rows, mapping.context(rows));
    UnchangedActivities.Taken taken = unchanged.take(rows, input);
    return taken != null ? taken : build(rows, input, mapping, writer, checks, unchanged.generated(), wording);
  }

  private Prepared build(ActivityRows rows, String input, ActivityMapping mapping, ActivityWriter writer,
      ActivityChecks checks, String generated, ActivityChecks.Wording wording) {
    ActivityDraft draft = mapping.map(rows);
    List<Finding> findings = new ArrayList<>(draft.findings());
    DraftCells cells = new DraftCells(draft);
    if (draft.hasErrors()) {
      return new Prepared(rows, input, draft, null, null, cells, findings, null, null);
    }
    ActivityBinder.Bound bound = binder.bind(draft);
    findings.addAll(bound.findings());
    if (!bound.ok()) {
      return new Prepared(rows, input, draft, bound, null, cells, findings, null, null);
    }
    ActivityWriter.Written written = writer.write(bound.activity());
    for (ActivityWriter.Problem problem : written.problems()) {
      findings.add(Finding.error(problem.rule(), locate(problem, cells.get(), rows), "activity '" + draft.identifier()
          + "', " + shortPath(problem.path()) + ": " + wording.message(problem.rule(), problem.path(), problem.message())));
    }
    // Equal prints mean every path of the draft was written; only when they differ is it worth
    // listing the paths of both to name what the model had no place for.
    if (!written.print().equals(draft.activity().print())) {
      findings.addAll(lost("activity", draft, cells.get(), writer.paths(bound.activity()), bound.cells()));
    }
    List<List<Finding>> alone = written.valid()
        ? checks.checkAlone(written, cells, rows.main().whole(), draft.identifier()) : null;
    String notes = null;
    if (alone != null && findings.stream().noneMatch(Finding::isError)
        && alone.stream().flatMap(List::stream).noneMatch(Finding::isError)) {
      List<ActivityNotes.Kept> kept = new ArrayList<>();
      findings.forEach(f -> kept.add(new ActivityNotes.Kept(-1, f)));
      for (int i = 0; i < alone.size(); i++) {
        for (Finding finding : alone.get(i)) {
          kept.add(new ActivityNotes.Kept(i, finding));
        }
      }
      IatiActivityType activity = bound.activity().getValue();
      notes = new ActivityNotes(draft.identifier(), generated, OutputFile.country(activity), OutputFile.region(activity),
          title(draft.activity()), kept, checks.view(written.record()), false).json(rows, activity.getIatiIdentifier().getValue());
    }
    return new Prepared(rows, input, draft, bound, written, cells, findings, alone, notes);
  }

  /** The source cell of each path of a draft, worked out once, when first asked for. */
  static final class DraftCells {
    private final Supplier<ActivityDraft> draft;
    private Map<String, Location.Cell> cells;

    DraftCells(ActivityDraft draft) {
      this(() -> draft);
    }

    /** The cells of a draft made only if a cell is asked for (an activity taken as published has none). */
    DraftCells(Supplier<ActivityDraft> draft) {
      this.draft = draft;
    }

    synchronized Map<String, Location.Cell> get() {
      if (cells == null) {
        cells = draft.get().activity().paths();
      }
      return cells;
    }
  }

  /** The digests of the set's activities' inputs: what they share, then each one's rows. */
  private static InputFingerprint fingerprints(InputSet set, PublishRequest request, List<String> shared,
      List<TableReading> readings) throws IOException {
    List<String> texts = new ArrayList<>(shared);
    texts.add("form " + set.form());
    texts.add("set " + set.shown()); // findings name the files as shown
    Map<String, Path> files = new LinkedHashMap<>();
    if (set.form() == InputForm.OWN) {
      files.put("mapping", set.mappingFile(request));
      set.crosswalks().forEach((name, crosswalk) -> files.put("crosswalk " + name, set.mapping().crosswalks().get(name)));
    }
    Map<String, List<String>> columns = new LinkedHashMap<>();
    for (TableReading reading : readings) {
      // A sheet's columns as numbered: a finding names its cell by number, so an unnamed column
      // added before it moves it.
      columns.put(reading.file(), reading.headerRow());
    }
    return InputFingerprint.forSet(texts, files, columns);
  }

  /**
   * Runs the checks over a prepared activity and publishes or withholds it, telling {@code sink}
   * with its findings.
   *
   * @return why it was withheld: the ids of the rules its errors break, in order; empty when it was published
   */
  private static Set<String> decide(Prepared prepared, ActivityChecks checks, OutputFile file, String set, FindingSink sink)
      throws IOException {
    List<Finding> findings = new ArrayList<>(prepared.findings());
    ActivityWriter.Written written = prepared.written();
    String title = title(prepared.draft().activity());
    if (written != null) {
      if (written.valid()) {
        // The codelist and rule checks of validate; their errors withhold the activity too.
        findings.addAll(checks.checkInOrder(written, prepared.alone(), prepared.cells(), prepared.rows().main().whole(),
            prepared.draft().identifier()));
      }
      if (findings.stream().noneMatch(Finding::isError)) {
        file.append(prepared.bound().activity().getValue(), written.xml(),
            prepared.notes() == null ? null : new Dataset.Input(prepared.input(), prepared.notes()));
        sink.activity(new FindingSink.ActivityOutcome(set, prepared.draft().identifier(), title, true), findings);
        return Set.of();
      }
    }
    Set<String> reasons = new TreeSet<>();
    findings.stream().filter(Finding::isError).forEach(f -> reasons.add(f.rule()));
    ActivityRows rows = prepared.rows();
    findings.add(withheld(rows, prepared.draft().identifier()));
    sink.activity(new FindingSink.ActivityOutcome(set, prepared.draft().identifier(), title, false), findings);
    return reasons;
  }

  /** The finding that says an activity is withheld, after the errors that withhold it. */
  static Finding withheld(ActivityRows rows, String identifier) {
    return PublishRule.WITHHELD.at(rows.main().whole(), "activity '" + identifier
        + "' is withheld because of the errors above; its " + rows.allRows().size()
        + " rows (this one and the rows linked to it) are not published");
  }

  /** The first narrative of the draft's title, for reports; empty when it has none. */
  private static String title(XmlElement activity) {
    for (XmlElement child : activity.children()) {
      if (child.name().getLocalPart().equals("title") && child.name().getNamespaceURI().isEmpty()) {
        for (XmlElement narrative : child.children()) {
          if (narrative.name().getLocalPart().equals("narrative") && narrative.text() != null) {
            return narrative.text().strip();
          }
        }
      }
    }
    return "";
  }

  private static <T> T done(Future<T> prepared) throws IOException {
    try {
      return prepared.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while publishing");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IOException(e.getCause());
    }
  }

  /** Worker threads never keep the JVM alive, and are named for thread dumps. */
  private static Thread worker(Runnable work) {
    Thread thread = new Thread(work, "iatipub-publish");
    thread.setDaemon(true);
    return thread;
  }

  /** What the rows said that the IATI model had no place for: it would be lost, so it is an error. */
  static List<Finding> lost(String what, ActivityDraft draft, Map<String, Location.Cell> paths, Set<String> written,
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
      String missed = last.equals("#text") ? "text in '" + shortPath(parent) + "'" : "'" + last + "' in '" + shortPath(parent) + "'";
      findings.add(PublishRule.NOT_IN_IATI.at(cell == null ? draft.rows().main().whole() : cell,
          what + " '" + draft.identifier() + "': IATI 2.03 has no place for " + missed
              + "; the value would be lost, so the " + what + " is withheld (check the column name)"));
    }
    return findings;
  }

  /** The cell a schema problem comes from: the attribute it names, else its element, else the row. */
  static Location.Cell locate(ActivityWriter.Problem problem, Map<String, Location.Cell> paths, ActivityRows rows) {
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

  static String shortPath(String path) {
    return path.matches("iati-(activity|organisation)") ? path : path.replaceFirst("^iati-(activity|organisation)/", "").replace("[1]", "");
  }
}
