package org.iatipub.publish.dataset;

import org.iatipub.validation.DocumentKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The files one input set publishes, built in the staging directory. Each record gets its
 * {@code last-updated-datetime} here: the one the input gives, else the previous one when its
 * content is unchanged, else this run's time. Records go to the file of their split key, and a file
 * that would pass the maximum size continues in the next part. Safe to call from several threads
 * (records are written in the order the calls come).
 *
 * <p>What the set holds per record is on disk, not here: the previous entries in the release's
 * {@link PreviousState}, and each record's new entry (or its being withheld) in the release's
 * {@link RunRecords}, which the commit reads back sorted.
 */
public final class Dataset {
  private static final Logger LOG = LogManager.getLogger(Dataset.class);

  private final String set;
  private final String base;
  private final DocumentKind kind;
  private final Layout layout;
  private final String generated;
  private final Path staging;
  private final Manifest previousFiles;
  private final PreviousState previous;
  private final RunRecords run;
  private final PublishedBytes publishedBytes;
  private final ContentStamp stamp;
  private final Progress progress;
  private final Map<String, DatasetFile> open = new LinkedHashMap<>();
  private final Map<String, Integer> parts = new TreeMap<>();
  private final List<DatasetFile.Finished> finished = new ArrayList<>();
  private int published;
  private String firstFile;

  Dataset(String set, String base, DocumentKind kind, Layout layout, String generated, Path staging, Manifest previousFiles,
      PreviousState previous, RunRecords run, PublishedBytes published, Progress progress) {
    this.set = set;
    this.progress = progress;
    this.base = base.toLowerCase(Locale.ROOT);
    this.kind = kind;
    this.layout = layout;
    this.generated = generated;
    this.staging = staging;
    this.previousFiles = previousFiles;
    this.previous = previous;
    this.run = run;
    this.publishedBytes = published;
    this.stamp = new ContentStamp(kind.recordElement());
  }

  public String set() {
    return set;
  }

  DocumentKind kind() {
    return kind;
  }

  /** The name of the first file written, or null while none is. */
  public synchronized String firstFile() {
    return firstFile;
  }

  /** How many records were published. */
  public synchronized int records() {
    return published;
  }

  /** Adds one record that is not an activity (an organisation): it has no part in the portfolio. */
  public void add(String identifier, String splitKey, byte[] xml) throws IOException {
    add(identifier, splitKey, xml, null);
  }

  /**
   * Adds one record, already valid.
   *
   * @param identifier its IATI identifier
   * @param splitKey its recipient country or region code for a split layout, or null
   * @param xml its bytes as written, with or without a last-updated-datetime
   * @param portfolio its part in the portfolio, from what was written; null for a record that is not an activity
   */
  public void add(String identifier, String splitKey, byte[] xml, PortfolioFacts portfolio) throws IOException {
    add(identifier, splitKey, xml, portfolio, null);
  }

  /**
   * Adds one record, already valid, with what lets a later run take it as it is.
   *
   * @param portfolio its part in the portfolio, from what was written; null for a record that is not an activity
   * @param input the fingerprint of its input, and the publishing stage's notes on it; null when
   *     a later run is to build it again whatever happens
   */
  public synchronized void add(String identifier, String splitKey, byte[] xml, PortfolioFacts portfolio, Input input)
      throws IOException {
    ContentStamp.Parts split = stamp.split(xml);
    String sha = ContentStamp.sha256(split.content());
    PublishState.Entry before = previous.lookUp(set, identifier);
    String when = split.explicit() != null ? split.explicit()
        : before != null && before.sha256().equals(sha) ? before.lastUpdated() : generated;
    byte[] record = stamp.stamp(split.content(), when);
    DatasetFile file = fileFor(key(splitKey), record);
    // A record that is new, changed or moved in from another file makes this file another.
    long at = file.append(record, before == null || before.withheld() || !before.sha256().equals(sha)
        || !file.name().equals(before.file()));
    PublishState.Reuse reuse = input == null ? null
        : new PublishState.Reuse(input.fingerprint(), at, record.length, PublishedBytes.checksum(record), input.notes());
    run.published(set, identifier, new PublishState.Entry(sha, when, file.name(), false,
        portfolio == null ? "" : portfolio.encode(), reuse));
    published++;
    progress.record(set);
  }

  /**
   * What a record was built from, to be kept with it in the state.
   *
   * @param fingerprint the fingerprint of everything it was built from
   * @param notes the publishing stage's notes on it, a JSON value
   */
  public record Input(String fingerprint, String notes) {}

  /**
   * A record of the previous run that can be published again as it is.
   *
   * @param identifier its IATI identifier
   * @param notes the notes it was published with
   */
  public record Previous(String identifier, String notes, PublishState.Entry entry) {}

  /**
   * The record the previous run published from the same input, when it can be taken as it is;
   * null when there is none. Safe from any thread.
   */
  public Previous previous(String fingerprint) {
    String identifier = previous.identifierOf(set, fingerprint);
    PublishState.Entry entry = identifier == null ? null : previous.get(set, identifier);
    return entry == null || entry.reuse() == null || !entry.reuse().input().equals(fingerprint) ? null
        : new Previous(identifier, entry.reuse().notes(), entry);
  }

  /**
   * The bytes of a previous record as published, checked against their checksum; null when they
   * are not as they were written (the record must then be built again). Safe from any thread.
   */
  public byte[] bytesOf(Previous record) throws IOException {
    return publishedBytes == null ? null : publishedBytes.record(record.entry());
  }

  /**
   * Adds a record of the previous run as it was: its bytes (from {@link #bytesOf}), its content
   * hash and its timestamp. A full run would give it the same, as its input is the same.
   *
   * @param notes the notes to keep with it from now on, or null to keep those it had
   */
  public synchronized void addTaken(Previous record, String splitKey, byte[] bytes, String notes) throws IOException {
    previous.see(set, record.identifier()); // not removed
    PublishState.Entry entry = record.entry();
    DatasetFile file = fileFor(key(splitKey), bytes);
    long at = file.appendTaken(bytes, entry.file(), entry.reuse().offset());
    PublishState.Reuse reuse = notes == null ? entry.reuse().movedTo(at).notesAsBefore()
        : entry.reuse().movedTo(at).withNotes(notes);
    run.published(set, record.identifier(), entry.at(file.name(), reuse));
    published++;
    progress.record(set);
  }

  /** Notes a record of the input that this run withholds. */
  public synchronized void withhold(String identifier) throws IOException {
    previous.lookUp(set, identifier); // seen: withheld is not removed
    run.withheld(set, identifier);
    progress.record(set);
  }

  private String key(String splitKey) {
    if (layout.split() == SplitRule.NONE) {
      return "";
    }
    return splitKey == null || splitKey.isBlank() ? "other" : splitKey.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  private DatasetFile fileFor(String key, byte[] record) throws IOException {
    DatasetFile file = open.get(key);
    if (file != null && file.records() > 0 && file.sizeWith(record) > layout.maxFileSize()) {
      finished.add(file.finish(set)); // complete: the next part takes over
      file = null;
    }
    if (file == null) {
      int part = parts.merge(key, 1, Integer::sum);
      String name = base + (key.isEmpty() ? "" : "-" + key) + (part == 1 ? "" : "-" + part) + ".xml";
      file = DatasetFile.start(staging, name, kind, generated, previousFiles.file(name).orElse(null), publishedBytes);
      open.put(key, file);
      if (firstFile == null) {
        firstFile = name;
      }
    }
    if (file.sizeWith(record) > layout.maxFileSize()) {
      LOG.warn("{} alone is {} bytes, over the maximum file size of {}; it gets a file of its own", set, record.length,
          layout.maxFileSize());
    }
    return file;
  }

  /** Closes every file; what the set gives to the commit. */
  synchronized Built finish() throws IOException {
    for (DatasetFile file : open.values()) {
      finished.add(file.finish(set));
    }
    open.clear();
    return new Built(set, List.copyOf(finished));
  }

  synchronized void abandon() throws IOException {
    for (DatasetFile file : open.values()) {
      file.abandon();
    }
    open.clear();
  }

  /** A finished set: its staged files. */
  record Built(String set, List<DatasetFile.Finished> files) {}
}
