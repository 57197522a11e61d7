package org.iatipub.publish;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.file.Path;
import java.util.List;

/**
 * What publishing one input set gave.
 *
 * @param set the set's directory as shown
 * @param output the file published, or null when none was (nothing valid, or --strict)
 * @param published activities written to it
 * @param withheld activities left out, each reported with its rows
 * @param files the row tally of each input file
 * @param taken of the activities published, those taken as the previous run published them (their
 *     input unchanged) rather than built again; not part of the report, which is the same either way
 */
public record SetOutcome(String set, Path output, int published, int withheld, List<FileTally> files,
    @JsonIgnore int taken) {
  public SetOutcome {
    files = List.copyOf(files);
  }

  /** An outcome with every activity built. */
  public SetOutcome(String set, Path output, int published, int withheld, List<FileTally> files) {
    this(set, output, published, withheld, files, 0);
  }

  SetOutcome unpublished() {
    return new SetOutcome(set, null, 0, published + withheld,
        files.stream().map(f -> new FileTally(f.file(), f.read(), 0, f.withheld() + f.published(), f.rejected())).toList());
  }
}
