package org.iatipub.publish;

import java.util.List;
import java.util.Map;
import org.iatipub.finding.Severity;

/**
 * The end of a run: per set what was published, and how many findings of each severity.
 *
 * @param sets in the order they were published
 * @param findings count per severity
 */
public record PublishReport(List<SetOutcome> sets, Map<Severity, Long> findings) {
  public PublishReport {
    sets = List.copyOf(sets);
    findings = Map.copyOf(findings);
  }

  public long count(Severity severity) {
    return findings.getOrDefault(severity, 0L);
  }

  /** True when every row of every file was published and nothing was found wrong. */
  public boolean everythingPublished() {
    return count(Severity.ERROR) == 0
        && sets.stream().allMatch(s -> s.withheld() == 0 && s.files().stream().allMatch(f -> f.read() == f.published()));
  }
}
