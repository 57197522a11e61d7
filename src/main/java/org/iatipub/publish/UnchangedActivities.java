package org.iatipub.publish;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.iatipub.finding.Finding;
import org.iatipub.mapping.ActivityMapping;
import org.iatipub.publish.dataset.Dataset;
import org.iatipub.source.ActivityRows;

/**
 * The activities of one set whose input is the one they were last published with: found by their
 * input fingerprint in the previous state, their bytes taken from the published file (checked
 * against their checksum first), and published again as they were, with the findings a full run
 * would report. An activity that cannot be so taken, for whatever reason, is built. See {@code
 * docs/incremental.md}.
 *
 * <p>{@link #take} may run on any thread; {@link #publish} runs in input order, on one.
 */
final class UnchangedActivities {
  private final InputFingerprint fingerprints;
  private final OutputFile file;
  private final ActivityChecks checks;
  private final boolean enabled;
  private final String generated;
  private final AtomicInteger unreadable = new AtomicInteger();

  /**
   * @param fingerprints the fingerprints of the set's activities' inputs
   * @param file where the set's activities go, and where the previous run's are found
   * @param checks the set's checks, which read the view of each activity taken
   * @param enabled false to build every activity ({@code --full}); the fingerprints are still kept
   * @param generated this run's time
   */
  UnchangedActivities(InputFingerprint fingerprints, OutputFile file, ActivityChecks checks, boolean enabled,
      String generated) {
    this.fingerprints = fingerprints;
    this.file = file;
    this.checks = checks;
    this.enabled = enabled;
    this.generated = generated;
  }

  /**
   * An activity whose input is the one it was last published with: its bytes, checked, and what
   * was kept about it.
   */
  record Taken(ActivityRows rows, Dataset.Previous previous, ActivityNotes notes, byte[] bytes) implements Publisher.Ready {
    @Override
    public String identifier() {
      return notes.identifier();
    }
  }

  /** The fingerprint of the activity of {@code rows}, whose mapping takes {@code context} from other activities. */
  String fingerprint(ActivityRows rows, List<String> context) {
    return fingerprints.of(rows, context);
  }

  /** This run's time, when what is built now is checked. */
  String generated() {
    return generated;
  }

  /**
   * The activity as last published from the same input, when its bytes are still as written; null
   * when it is to be built: taking is off, its rows had problems joining them (a repeated id), no
   * activity was published from that input, its notes cannot be read, it was checked on a later
   * day than today (the clock was set back, and the date checks may judge otherwise), or its bytes
   * are not as the state says.
   */
  Taken take(ActivityRows rows, String fingerprint) throws IOException {
    if (!enabled || !rows.findings().isEmpty()) {
      return null;
    }
    Dataset.Previous previous = file.previous(fingerprint);
    if (previous == null) {
      return null;
    }
    ActivityNotes notes;
    try {
      notes = ActivityNotes.read(previous.notes(), rows, previous.identifier());
    } catch (RuntimeException cannotRead) {
      return null;
    }
    if (!notLater(notes.checked(), generated) || notes.findings().stream().anyMatch(kept -> kept.check() >= checks.count())) {
      return null;
    }
    byte[] bytes = file.bytesOf(previous);
    if (bytes == null) {
      unreadable.incrementAndGet();
      return null;
    }
    return new Taken(rows, previous, notes, bytes);
  }

  /**
   * Publishes or withholds an activity taken as last published, reporting the findings a full run
   * would, as {@code Publisher} reports a built one: those kept, and those of the checks that
   * compare activities, which read its view now (an error there withholds it).
   *
   * @param set the input set, as shown
   * @return why it was withheld: the ids of the rules its errors break, in order; empty when it was published
   */
  Set<String> publish(Taken taken, ActivityMapping mapping, String set, FindingSink sink) throws IOException {
    ActivityNotes notes = taken.notes();
    List<Finding> findings = new ArrayList<>(notes.foundBy(-1));
    List<List<Finding>> kept = new ArrayList<>();
    for (int i = 0; i < checks.count(); i++) {
      kept.add(notes.foundBy(i));
    }
    ActivityRows rows = taken.rows();
    // The rows are mapped again only if a finding needs the cell a path came from.
    findings.addAll(checks.checkTaken(notes.view(), kept, new Publisher.DraftCells(() -> mapping.map(rows)),
        rows.main().whole(), notes.identifier()));
    if (findings.stream().anyMatch(Finding::isError)) {
      Set<String> reasons = new TreeSet<>();
      findings.stream().filter(Finding::isError).forEach(f -> reasons.add(f.rule()));
      findings.add(Publisher.withheld(rows, notes.identifier()));
      sink.activity(new FindingSink.ActivityOutcome(set, notes.identifier(), notes.title(), false), findings);
      return reasons;
    }
    // Findings placed at rows numbered anew are kept with the new numbers, as a full run keeps them.
    file.appendTaken(taken.previous(), notes, taken.bytes(),
        notes.moved() ? notes.json(rows, taken.previous().identifier()) : null);
    sink.activity(new FindingSink.ActivityOutcome(set, notes.identifier(), notes.title(), true), findings);
    return Set.of();
  }

  /** How many activities could not be taken because their bytes were not as the state says. */
  int unreadable() {
    return unreadable.get();
  }

  private static boolean notLater(String checked, String now) {
    try {
      return !OffsetDateTime.parse(checked).isAfter(OffsetDateTime.parse(now));
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
