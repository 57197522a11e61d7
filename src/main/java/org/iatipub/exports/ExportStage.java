package org.iatipub.exports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.iatipub.finding.Finding;
import org.iatipub.publish.dataset.DerivedFiles;

/**
 * The exports as a stage of {@code publish}: made from the edition's activity files as staged, and
 * committed in the same edition, so the exports always match the published files they came from.
 */
public final class ExportStage implements DerivedFiles {
  private final Exports exports;
  private final Consumer<Finding> findings;
  private Exports.Outcome outcome;

  public ExportStage(ExportSettings settings, List<ExportKind> kinds, int year, Consumer<Finding> findings) {
    this.exports = new Exports(settings, kinds, year);
    this.findings = findings;
  }

  @Override
  public List<Written> write(List<Path> activityFiles, Path dir) throws IOException {
    List<Exports.Input> inputs = new ArrayList<>();
    for (Path file : activityFiles) {
      inputs.add(new Exports.Input(file, file.getFileName().toString()));
    }
    outcome = exports.run(inputs, dir, findings);
    List<Written> written = new ArrayList<>();
    for (String name : outcome.files()) {
      written.add(new Written(name, name.substring(0, name.indexOf('-'))));
    }
    return written;
  }

  /** What the exports gave, once the edition was committed; null before (or when nothing was committed). */
  public Exports.Outcome outcome() {
    return outcome;
  }
}
