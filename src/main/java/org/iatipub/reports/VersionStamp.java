package org.iatipub.reports;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.iatipub.codelist.CodelistSnapshot;
import org.iatipub.codelist.SnapshotSource;
import org.iatipub.validation.rules.Rule;

/**
 * What a report was checked with and when, stamped on every report so that two reports can be told
 * apart years later: the iatipub release, the schemas, the codelist snapshot, the rules run (as
 * {@code iatipub rules} lists them) and the time.
 *
 * @param iatipub the release, e.g. {@code 0.1.0}, or "development build" when not run from the jar
 * @param schemas the schemas used, e.g. "bundled IATI 2.03 schemas"
 * @param codelists the codelist snapshot's source: release, latest change, digest
 * @param rules the rules run, in {@code iatipub rules} order
 * @param checkedAt when the check ran, to the second
 */
public record VersionStamp(String iatipub, String schemas, SnapshotSource codelists, List<Rule> rules, OffsetDateTime checkedAt) {
  public VersionStamp {
    Objects.requireNonNull(iatipub, "iatipub");
    Objects.requireNonNull(schemas, "schemas");
    Objects.requireNonNull(codelists, "codelists");
    rules = List.copyOf(rules);
    Objects.requireNonNull(checkedAt, "checkedAt");
  }

  /** This build of iatipub with the bundled codelists, having run {@code rules} now. */
  public static VersionStamp of(String schemas, List<Rule> rules, Clock clock) {
    String version = VersionStamp.class.getPackage().getImplementationVersion();
    return new VersionStamp(version == null ? "development build" : version, schemas, CodelistSnapshot.bundled().source(), rules,
        OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS));
  }

  /** The rules' ids, in order. */
  public List<String> ruleIds() {
    return rules.stream().map(Rule::id).toList();
  }

  /** {@code 2024-06-01T12:00:00Z}. */
  public String checkedAtText() {
    return checkedAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /** The stamp as labelled lines, in the order every report shows them. */
  public Map<String, String> lines() {
    Map<String, String> lines = new LinkedHashMap<>();
    lines.put("checked by", "iatipub " + iatipub);
    lines.put("checked at", checkedAtText());
    lines.put("schemas", schemas);
    lines.put("codelists", "IATI " + codelists.standardVersion() + " codelists"
        + (codelists.latestChange().isEmpty() ? "" : ", latest change " + codelists.latestChange()));
    lines.put("codelists digest", codelists.digest());
    lines.put("rules run", rules.size() + " (as 'iatipub rules' lists them): " + String.join(" ", ruleIds()));
    return lines;
  }
}
