package org.iatipub.publish.dataset;

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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
  private final PublishState previousState;
  private final Map<String, Dataset> datasets = new LinkedHashMap<>();
  private final Set<String> kept = new LinkedHashSet<>();
  private boolean committed;

  private Release(Path output, String generated, Layout layout, Progress progress, FileChannel lockChannel, FileLock lock, Path staging,
      Manifest previousFiles, PublishState previousState) {
    this.output = output;
    this.generated = generated;
    this.layout = layout;
    this.progress = progress;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.staging = staging;
    this.previousFiles = previousFiles;
    this.previousState = previousState;
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
      Release release = new Release(output, generated, layout, progress, channel, lock, Staging.create(output),
          Manifest.readFrom(output), PublishState.readFrom(output));
      LOG.info("building the new edition of {} in {}", output, release.staging.getFileName());
      return release;
    } catch (IOException | RuntimeException e) {
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
    Dataset dataset = new Dataset(set, base, kind, used, generated, staging, previousFiles, previousState.set(set), progress);
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

  /**
   * Commits this edition: the new files, the state and the manifest take their places.
   *
   * @return what changed since the previous run, and the manifest now published
   */
  public Committed commit() throws IOException {
    progress.finished();
    List<Manifest.Entry> files = new ArrayList<>();
    List<String> moves = new ArrayList<>();
    Map<String, Map<String, PublishState.Entry>> state = new TreeMap<>();
    ChangeList changes = new ChangeList();
    Map<String, String> previousSets = new TreeMap<>();
    previousState.sets().keySet().forEach(s -> previousSets.put(s, s));
    previousFiles.files().forEach(f -> previousSets.put(f.set(), f.set()));
    for (Dataset dataset : datasets.values()) {
      String set = dataset.set();
      Dataset.Built built = dataset.finish();
      Map<String, PublishState.Entry> before = previousState.set(set);
      if (kept.contains(set)) {
        previousFiles.files().stream().filter(f -> f.set().equals(set)).forEach(files::add);
        state.put(set, before);
        built.withheld().forEach(id -> changes.withheld(set, id, before.get(id)));
        continue;
      }
      for (DatasetFile.Finished file : built.files()) {
        if (unchanged(file)) {
          Files.delete(file.staged());
          files.add(previousFiles.file(file.entry().name()).orElseThrow());
        } else {
          files.add(file.entry());
          moves.add(file.entry().name());
        }
      }
      Map<String, PublishState.Entry> now = new TreeMap<>(built.published());
      for (String id : built.withheld()) {
        PublishState.Entry was = before.get(id);
        changes.withheld(set, id, was);
        if (was != null) {
          now.put(id, new PublishState.Entry(was.sha256(), was.lastUpdated(), was.file(), true));
        }
      }
      changes.compare(set, before, now);
      state.put(set, now);
    }
    for (String set : previousSets.keySet()) {
      if (!datasets.containsKey(set)) {
        changes.compare(set, previousState.set(set), Map.of()); // the set is gone from the input
      }
    }
    Manifest manifest = new Manifest(files);
    StoredJson.write(staging.resolve(PublishState.FILE), new PublishState(state));
    StoredJson.write(staging.resolve(Manifest.FILE), manifest);
    moves.add(PublishState.FILE);
    moves.add(Manifest.FILE); // last: a manifest only ever lists files already in place
    List<String> removals = previousFiles.files().stream().map(Manifest.Entry::name)
        .filter(name -> manifest.file(name).isEmpty()).toList();
    StoredJson.syncDirectory(staging);
    CommitJournal journal = new CommitJournal(staging.getFileName().toString(), moves, removals);
    journal.write(output);
    journal.apply(output);
    committed = true;
    LOG.info("committed {}: {} files replaced, {} removed, {} unchanged", output, moves.size() - 2, removals.size(),
        files.size() - (moves.size() - 2));
    return new Committed(changes.report(), manifest);
  }

  /** What a commit published. */
  public record Committed(ChangeReport changes, Manifest manifest) {}

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
      lock.release();
      lockChannel.close();
    }
  }

  /** Collects the changes set by set. */
  private static final class ChangeList {
    private final List<ChangeReport.Change> added = new ArrayList<>();
    private final List<ChangeReport.Change> changed = new ArrayList<>();
    private final List<ChangeReport.Change> removed = new ArrayList<>();
    private final List<ChangeReport.Change> withheld = new ArrayList<>();
    private int unchanged;

    void withheld(String set, String id, PublishState.Entry was) {
      withheld.add(new ChangeReport.Change(set, id, was == null ? null : was.file()));
    }

    void compare(String set, Map<String, PublishState.Entry> before, Map<String, PublishState.Entry> now) {
      now.forEach((id, entry) -> {
        if (entry.withheld()) {
          return;
        }
        PublishState.Entry was = before.get(id);
        if (was == null || was.withheld()) {
          added.add(new ChangeReport.Change(set, id, entry.file()));
        } else if (!was.sha256().equals(entry.sha256())) {
          changed.add(new ChangeReport.Change(set, id, entry.file()));
        } else {
          unchanged++;
        }
      });
      before.forEach((id, was) -> {
        if (!was.withheld() && !now.containsKey(id)) {
          removed.add(new ChangeReport.Change(set, id, was.file()));
        }
      });
    }

    ChangeReport report() {
      return new ChangeReport(added, changed, removed, withheld, unchanged);
    }
  }
}
