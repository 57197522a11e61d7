package org.iatipub.publish.dataset;

import java.util.List;

/**
 * What this run changed in the published data since the previous run, record by record.
 *
 * @param added published now, not before (new, or back after being withheld or removed)
 * @param changed published before and now, with different content
 * @param removed published before, no longer in the input
 * @param withheld in the input but withheld by this run because of errors
 * @param unchanged how many records were published before and now with the same content
 */
public record ChangeReport(List<Change> added, List<Change> changed, List<Change> removed, List<Change> withheld,
    int unchanged) {

  /**
   * One record's change.
   *
   * @param set the input set
   * @param identifier its IATI identifier
   * @param file the file it is now in (or was in, when removed or withheld); null when it never was
   */
  public record Change(String set, String identifier, String file) {}

  public ChangeReport {
    added = List.copyOf(added);
    changed = List.copyOf(changed);
    removed = List.copyOf(removed);
    withheld = List.copyOf(withheld);
  }

  public boolean nothingChanged() {
    return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
  }
}
