package org.iatipub.publish.dataset;

import org.iatipub.scratch.ExternalSort;
import org.iatipub.scratch.RecordFormat;
import org.iatipub.scratch.ScratchDir;
import org.iatipub.validation.DocumentKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One run's new edition of the output directory. Everything is built in a staging directory beside
 * the published files; {@link #commit} swaps it in by renames under a {@link CommitJournal}, the
 * manifest last. Until then the output directory is exactly as the previous run left it, so a run
 * that fails, crashes or is killed changes nothing there; closing an uncommitted release drops its
 * staging directory. A file whose content did not change is not replaced at all.
 *
 * <p>One run at a time: the output directory is locked for the whole run (an operating-system lock,
 * released even when the process is killed). At the start a run finishes a commit a killed run left
 * half-done and deletes staging directories of killed runs.
 *
 * <p>What a run knows per record (the previous state, this run's entries, the changes) is kept on
 * disk, in scratch files outside the output directory, and gone through in order at the commit, so
 * a run holds the same memory for any number of records, on a first run and on later ones.
 */
public final class Release implements AutoCloseable {
  private static final Logger LOG = LogManager.getLogger(Release.class);
  static final String LOCK = ".iatipub.lock";

  private final Path output;
  private final String generated;
  private final Layout layout;
  private final Progress progress;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Path staging;
  private final Manifest previousFiles;
  private final PreviousState previousState;
  private final ScratchDir scratch;
  private final RunRecords records;
  private final PublishedBytes published;
  private final Map<String, Dataset> datasets = new LinkedHashMap<>();
  private final Set<String> kept = new LinkedHashSet<>();
  private final List<DerivedFiles> derived = new ArrayList<>();
  private boolean committed;

  private Release(Path output, String generated, Layout layout, Progress progress, FileChannel lockChannel, FileLock lock, Path staging,
      Manifest previousFiles, PreviousState previousState, ScratchDir scratch) {
    this.output = output;
    this.generated = generated;
    this.layout = layout;
    this.progress = progress;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.staging = staging;
    this.previousFiles = previousFiles;
    this.previousState = previousState;
    this.scratch = scratch;
    this.records = new RunRecords(scratch);
    this.published = new PublishedBytes(output, previousFiles);
  }

  /** The output directory is in use by another run. */
  public static final class Busy extends IOException {
    Busy(Path output) {
      super("another publish run is writing " + output + " (it holds " + output.resolve(LOCK)
          + "); this run published nothing");
    }
  }

  /**
   * Locks {@code output}, repairs what a killed run left, and starts a staging directory.
   *
   * @param generated this run's time, the generated-datetime of new files and last-updated-datetime of changed records
   * @throws Busy when another run holds the output directory
   */
  public static Release begin(Path output, String generated, Layout layout, Progress progress) throws IOException {
    Files.createDirectories(output);
    FileChannel channel = FileChannel.open(output.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      throw new Busy(output);
    }
    PreviousState previousState = null;
    ScratchDir scratch = null;
    try {
      Optional<CommitJournal> interrupted = CommitJournal.readFrom(output);
      if (interrupted.isPresent()) {
        LOG.warn("finishing the commit of a run that stopped while committing ({})", interrupted.get().staging());
        interrupted.get().apply(output);
      }
      for (Path stale : Staging.stale(output)) {
        LOG.info("deleting {}, left by a run that did not finish", stale.getFileName());
        Staging.delete(stale);
      }
      Manifest previousFiles = Manifest.readFrom(output);
      previousState = PreviousState.readFrom(output);
      scratch = ScratchDir.create("state");
      Release release = new Release(output, generated, layout, progress, channel, lock, Staging.create(output),
          previousFiles, previousState, scratch);
      LOG.info("building the new edition of {} in {}", output, release.staging.getFileName());
      return release;
    } catch (IOException | RuntimeException e) {
      if (previousState != null) {
        previousState.close();
      }
      if (scratch != null) {
        scratch.close();
      }
      lock.release();
      channel.close();
      throw e;
    }
  }

  public Path output() {
    return output;
  }

  /** Starts the files of one set; {@code base} is their name without {@code .xml} (or split suffixes). */
  public Dataset dataset(String set, String base, DocumentKind kind) {
    Layout used = kind == DocumentKind.ORGANISATIONS ? new Layout(SplitRule.NONE, Long.MAX_VALUE) : layout;
    records.start(set);
    Dataset dataset = new Dataset(set, base, kind, used, generated, staging, previousFiles, previousState, records,
        published, progress);
    datasets.put(set, dataset);
    return dataset;
  }

  /**
   * Keeps what the previous run published for {@code set}, untouched: this run produced nothing
   * usable for it (it could not be read, or every record was withheld).
   */
  public void keepPrevious(Dataset dataset) throws IOException {
    kept.add(dataset.set());
    dataset.abandon();
  }

  /** Adds a later stage's files to this edition, made from its activity files when it is committed. */
  public void derive(DerivedFiles stage) {
    derived.add(stage);
  }

  /**
   * Commits this edition: the new files, the state and the manifest take their places.
   *
   * @return what changed since the previous run, and the manifest now published
   */
  public Committed commit() throws IOException {
    progress.finished();
    List<Manifest.Entry> files = new ArrayList<>();
    List<String> moves = new ArrayList<>();
    // Where each file's records start: after its header, which holds the time of the version published.
    Map<String, Integer> headers = new HashMap<>();
    for (Dataset dataset : datasets.values()) {
      String set = dataset.set();
      Dataset.Built built = dataset.finish();
      if (kept.contains(set)) {
        previousFiles.files().stream().filter(f -> f.set().equals(set)).forEach(files::add);
        continue;
      }
      for (DatasetFile.Finished file : built.files()) {
        Manifest.Entry entry;
        if (file.keptAsItWas()) {
          entry = previousFiles.file(file.entry().name()).orElseThrow();
        } else if (unchanged(file)) {
          Files.delete(file.staged());
          entry = previousFiles.file(file.entry().name()).orElseThrow();
        } else {
          entry = file.entry();
          moves.add(entry.name());
        }
        files.add(entry);
        headers.put(entry.name(), DatasetFile.headerLength(dataset.kind(), entry.generatedDatetime()));
      }
    }
    published.close();
    derive(files, moves);
    Manifest manifest;
    ChangeReport report;
    try (ChangeList changes = ChangeList.start();
        ExternalSort<Keyed> state = Keyed.sort(scratch, "state");
        ExternalSort<Keyed> removed = Keyed.sort(scratch, "removed")) {
      records.forEach((set, id, published, withheld) -> decide(set, id, placed(published, headers), withheld, changes, state));
      keptAndRemoved(state, removed);
      try (ExternalSort.Cursor<Keyed> cursor = removed.sorted()) {
        for (Keyed record = cursor.next(); record != null; record = cursor.next()) {
          String[] setAndFile = RecordBytes.read(record.value(), in -> new String[] {RecordFormat.readText(in),
              RecordFormat.readText(in)});
          String key = record.key();
          changes.add(ChangeReport.Kind.REMOVED, setAndFile[0], key.substring(key.indexOf('\0') + 1), setAndFile[1]);
        }
      }
      PortfolioSummary.Sum portfolio = new PortfolioSummary.Sum();
      writeState(state, portfolio);
      files.add(stagePortfolio(portfolio.summary(), moves));
      manifest = new Manifest(files);
      StoredJson.write(staging.resolve(Manifest.FILE), manifest);
      moves.add(PublishState.FILE);
      moves.add(Manifest.FILE); // last: a manifest only ever lists files already in place
      Manifest published = manifest;
      List<String> removals = previousFiles.files().stream().map(Manifest.Entry::name)
          .filter(name -> published.file(name).isEmpty()).toList();
      StoredJson.syncDirectory(staging);
      report = changes.report();
      try {
        CommitJournal journal = new CommitJournal(staging.getFileName().toString(), moves, removals);
        journal.write(output);
        journal.apply(output);
      } catch (IOException | RuntimeException e) {
        report.close();
        throw e;
      }
      committed = true;
      LOG.info("committed {}: {} files replaced, {} removed, {} unchanged", output, moves.size() - 2, removals.size(),
          files.size() - (moves.size() - 2));
    }
    try {
      dropScratch();
    } catch (IOException e) {
      // The edition is published: a scratch file left behind is removed by a later run.
      LOG.warn("could not delete all of this run's scratch files: {}", e.getMessage());
    }
    return new Committed(report, manifest);
  }

  /** A record's entry with its offset counted from the start of its file as published. */
  private static PublishState.Entry placed(PublishState.Entry entry, Map<String, Integer> headers) {
    if (entry == null || entry.reuse() == null) {
      return entry;
    }
    return entry.at(entry.file(), entry.reuse().movedTo(headers.get(entry.file()) + entry.reuse().offset()));
  }

  /**
   * Runs the later stages over the edition's activity files and lists what they wrote like the
   * edition's own files: an unchanged file is not replaced.
   */
  private void derive(List<Manifest.Entry> files, List<String> moves) throws IOException {
    if (derived.isEmpty()) {
      return;
    }
    List<Manifest.Entry> activityEntries = new Manifest(files).files().stream()
        .filter(e -> e.kind().equals(DocumentKind.ACTIVITIES.rootElement())).toList();
    List<Path> activityFiles = activityEntries.stream()
        .map(e -> moves.contains(e.name()) ? staging.resolve(e.name()) : output.resolve(e.name())).toList();
    int activities = activityEntries.stream().mapToInt(Manifest.Entry::activities).sum();
    for (DerivedFiles stage : derived) {
      for (DerivedFiles.Written written : stage.write(activityFiles, staging)) {
        String name = written.name();
        if (files.stream().anyMatch(e -> e.name().equals(name)) || name.startsWith(".") || name.equals(Manifest.FILE)
            || name.equals(PublishState.FILE) || name.equals(PortfolioSummary.FILE)) {
          throw new IllegalStateException("a later stage wrote " + name + ", a name the edition already uses");
        }
        Path staged = staging.resolve(name);
        try (FileChannel channel = FileChannel.open(staged, StandardOpenOption.WRITE)) {
          channel.force(true);
        }
        String sha = sha256(staged);
        Optional<Manifest.Entry> before = previousFiles.file(name);
        Path published = output.resolve(name);
        if (before.isPresent() && before.get().sha256().equals(sha) && Files.isRegularFile(published)
            && sha.equals(sha256(published))) {
          Files.delete(staged);
          files.add(before.get());
        } else {
          files.add(new Manifest.Entry(name, DerivedFiles.SET, written.kind(), activities, Files.size(staged), sha, generated, null));
          moves.add(name);
        }
      }
    }
  }

  /** What a commit published. */
  public record Committed(ChangeReport changes, Manifest manifest) {}

  /**
   * One identifier of a set: its changes, and its entry in the new state. A record withheld now
   * keeps its previous entry (so it keeps its timestamp when it comes back unchanged).
   */
  private void decide(String set, String id, PublishState.Entry published, boolean withheld, ChangeList changes,
      ExternalSort<Keyed> state) throws IOException {
    PublishState.Entry was = previousState.summary(set, id);
    if (withheld) {
      changes.add(ChangeReport.Kind.WITHHELD, set, id, was == null ? null : was.file());
    }
    if (kept.contains(set)) {
      return; // its previous entries stay, as they were
    }
    PublishState.Entry now = withheld && was != null ? was.asWithheld() : published;
    if (now == null) {
      return;
    }
    state.add(new Keyed(set + '\0' + id, RecordBytes.of(now::writeTo)));
    if (now.withheld()) {
      return;
    }
    if (was == null || was.withheld()) {
      changes.add(ChangeReport.Kind.ADDED, set, id, now.file());
    } else if (!was.sha256().equals(now.sha256())) {
      changes.add(ChangeReport.Kind.CHANGED, set, id, now.file());
    } else {
      changes.unchanged();
    }
  }

  /**
   * Goes once through the previous state: a kept set's entries go to the new state as they were;
   * an entry published before that no record of this run saw was removed (its whole set may be
   * gone from the input). Removed records are listed by set, the sets of this run in their order
   * and then the sets gone by name, and within a set by identifier.
   */
  private void keptAndRemoved(ExternalSort<Keyed> state, ExternalSort<Keyed> removed) throws IOException {
    List<String> order = List.copyOf(datasets.keySet());
    previousState.forEach((set, id, entry, seen) -> {
      boolean inRun = datasets.containsKey(set);
      if (kept.contains(set)) {
        state.add(new Keyed(set + '\0' + id, RecordBytes.of(entry::writeTo)));
      } else if (!entry.withheld() && !(inRun && seen)) {
        String place = inRun ? String.format(Locale.ROOT, "0%09d", order.indexOf(set)) : "1" + set;
        removed.add(new Keyed(place + '\0' + id, RecordBytes.of(out -> {
          RecordFormat.writeText(out, set);
          RecordFormat.writeText(out, entry.file());
        })));
      }
    }, kept::contains);
  }

  /**
   * Stages the portfolio summed from the new state, unless it is what the previous edition
   * published: then that one stays (so an unchanged run changes no file, the manifest included).
   */
  private Manifest.Entry stagePortfolio(PortfolioSummary summary, List<String> moves) throws IOException {
    Path staged = staging.resolve(PortfolioSummary.FILE);
    StoredJson.write(staged, summary);
    String sha = sha256(staged);
    Optional<Manifest.Entry> before = previousFiles.file(PortfolioSummary.FILE);
    Path published = output.resolve(PortfolioSummary.FILE);
    if (before.isPresent() && before.get().sha256().equals(sha) && Files.isRegularFile(published) && sha.equals(sha256(published))) {
      Files.delete(staged);
      return before.get();
    }
    moves.add(PortfolioSummary.FILE);
    return new Manifest.Entry(PortfolioSummary.FILE, PortfolioSummary.SET, PortfolioSummary.KIND, (int) summary.activities(),
        Files.size(staged), sha, generated, null);
  }

  /**
   * The new state file, streamed from the sorted entries: every set of this run, by name. The
   * portfolio is summed on the way from the entries of every activity published (withheld ones are
   * in no file).
   */
  private void writeState(ExternalSort<Keyed> state, PortfolioSummary.Sum portfolio) throws IOException {
    try (ExternalSort.Cursor<Keyed> cursor = state.sorted()) {
      PublishState.write(staging.resolve(PublishState.FILE), writer -> {
        for (String set : new TreeSet<>(datasets.keySet())) {
          writer.set(set);
          String prefix = set + '\0';
          while (cursor.peek() != null && cursor.peek().key().startsWith(prefix)) {
            Keyed keyed = cursor.next();
            String id = keyed.key().substring(prefix.length());
            PublishState.Entry entry = RecordBytes.read(keyed.value(), PublishState.Entry::readFrom);
            if (entry.reuse() != null && entry.reuse().notes() == null) {
              // Taken as it was: its notes are the previous run's.
              entry = entry.at(entry.file(), entry.reuse().withNotes(previousState.get(set, id).reuse().notes()));
            }
            writer.entry(id, entry);
            if (!entry.withheld()) {
              PortfolioFacts.decode(entry.portfolio()).ifPresent(portfolio::add);
            }
          }
        }
        if (cursor.peek() != null) {
          throw new IllegalStateException("a state entry of " + cursor.peek().key() + " belongs to no set of this run");
        }
      });
    }
  }

  /** Deletes what the run kept on disk about every record (the change report keeps its own files). */
  private void dropScratch() throws IOException {
    try {
      published.close();
      records.close();
    } finally {
      previousState.close();
      scratch.close();
    }
  }

  /** True when the staged file differs from the published one only in its generated-datetime. */
  private boolean unchanged(DatasetFile.Finished file) throws IOException {
    Optional<Manifest.Entry> before = previousFiles.file(file.entry().name());
    if (before.isEmpty() || !before.get().sha256().equals(file.sha256AsBefore())) {
      return false;
    }
    Path published = output.resolve(file.entry().name());
    // The manifest says what the file was; check it still is before keeping it.
    return Files.isRegularFile(published) && before.get().sha256().equals(sha256(published));
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest digest = ContentStamp.digest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Drops an uncommitted edition (the previous output stays as it was) and unlocks the output directory. */
  @Override
  public void close() throws IOException {
    try {
      if (!committed) {
        for (Dataset dataset : datasets.values()) {
          dataset.abandon();
        }
        Staging.delete(staging);
        LOG.info("nothing committed; {} is as the previous run left it", output);
      }
    } finally {
      try {
        dropScratch();
      } finally {
        lock.release();
        lockChannel.close();
      }
    }
  }
}
