package org.iatipub.codelist;

import java.util.Objects;

/**
 * Which release of the official codelists a snapshot was made from, so a finding can be traced
 * to the codelists that judged it.
 *
 * @param standardVersion the newest IATI version in the Version codelist (2.03)
 * @param latestChange the latest activation or withdrawal date in the codelists (yyyy-mm-dd), empty when none
 * @param digest {@code sha256:} of the files imported, so two snapshots of the same release compare equal
 * @param ruleIds where the official rule ids came from, empty when none were given
 */
public record SnapshotSource(String standardVersion, String latestChange, String digest, String ruleIds) {
  public SnapshotSource {
    Objects.requireNonNull(standardVersion, "standardVersion");
    Objects.requireNonNull(latestChange, "latestChange");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(ruleIds, "ruleIds");
  }

  /** One line for people: which codelists these are. */
  public String describe() {
    return "IATI " + standardVersion + " codelists"
        + (latestChange.isEmpty() ? "" : ", latest change " + latestChange)
        + " (" + digest.substring(0, Math.min(digest.length(), 19)) + ")";
  }
}
