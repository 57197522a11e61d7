package org.iatipub.publish;

import java.util.List;
import java.util.Map;
import org.iatipub.finding.Severity;
import org.iatipub.publish.dataset.ChangeReport;
import org.iatipub.publish.dataset.Manifest;

/**
 * The end of a run: per set what was published, how many findings of each severity, and (when the
 * run committed) what changed and the manifest now published.
 *
 * @param sets in the order they were published (the organisation file last)
 * @param findings count per severity
 * @param changes records added, changed, removed and withheld since the previous run; null when
 *     nothing was committed (--strict with errors)
 * @param manifest the files the output directory now publishes; null when nothing was committed
 * @param errorsByRule error findings per rule id: why rows were withheld or rejected
 * @param withheldByRule withheld activities per rule id: each activity counted once under every
 *     rule its errors break (so the counts may add up to more than the activities withheld)
 *
 * <p>Close it when done with it: the change lists are kept in files until then.
 */
public record PublishReport(List<SetOutcome> sets, Map<Severity, Long> findings, ChangeReport changes, Manifest manifest,
    Map<String, Long> errorsByRule, Map<String, Long> withheldByRule) implements AutoCloseable {
  public PublishReport {
    sets = List.copyOf(sets);
    findings = Map.copyOf(findings);
    errorsByRule = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(errorsByRule));
    withheldByRule = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(withheldByRule));
  }

  public long count(Severity severity) {
    return findings.getOrDefault(severity, 0L);
  }

  public boolean committed() {
    return manifest != null;
  }

  /** Deletes the change lists' files. */
  @Override
  public void close() {
    if (changes != null) {
      changes.close();
    }
  }

  /** True when every row of every file was published and nothing was found wrong. */
  public boolean everythingPublished() {
    return count(Severity.ERROR) == 0
        && sets.stream().allMatch(s -> s.withheld() == 0 && s.files().stream().allMatch(f -> f.read() == f.published()));
  }
}
