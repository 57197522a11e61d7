package org.iatipub.reports;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.iatipub.finding.Severity;
import org.iatipub.publish.FindingSink;
import org.iatipub.scratch.RecordFormat;
import org.iatipub.scratch.ScratchDir;

/**
 * A publish run's findings kept on disk in the order they are found (already by set and activity),
 * each with the activity it is about, for reports written once the run is done. A run over bad
 * data can have a finding for every row; they must not pile up in memory.
 */
class RunFindings implements FindingSink, Closeable {
  /** What a finding is about: no one activity, an activity published, or one withheld. */
  enum About { NONE, PUBLISHED, WITHHELD }

  /**
   * One finding as kept: the activity it is about, where (a cell, or a line for XML), what.
   *
   * @param sheet the workbook's sheet, empty for a CSV file (or XML)
   * @param cell where as a person reads it: {@code file:row:column}, {@code book.xlsx!sheet!C3},
   *     {@code file:line:column} or {@code file}
   */
  record Entry(About about, String set, String identifier, String title, Severity severity, String rule, String file, String sheet,
      long row, String column, String cell, String value, String message) {
    String official() {
      return OfficialSeverity.of(severity, rule);
    }

    boolean sameActivity(Entry other) {
      return other != null && about == other.about && set.equals(other.set) && identifier.equals(other.identifier);
    }
  }

  private final ScratchDir scratch;
  private final Path file;
  private final DataOutputStream out;
  private long entries;

  RunFindings() throws IOException {
    this.scratch = ScratchDir.create("report");
    this.file = scratch.file("findings");
    this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
  }

  ScratchDir scratch() {
    return scratch;
  }

  long size() {
    return entries;
  }

  @Override
  public void accept(Finding finding) {
    keep(About.NONE, "", "", "", finding);
  }

  @Override
  public void activity(ActivityOutcome activity, List<Finding> findings) {
    for (Finding finding : findings) {
      keep(activity.published() ? About.PUBLISHED : About.WITHHELD, activity.set(), activity.identifier(), activity.title(), finding);
    }
  }

  private void keep(About about, String set, String identifier, String title, Finding finding) {
    Location at = finding.location();
    long row = 0;
    String column = "";
    String value = "";
    String sheet = "";
    if (at instanceof Location.Cell cell) {
      sheet = cell.sheet();
      row = cell.row();
      column = cell.column();
      value = cell.value();
    } else if (at instanceof Location.XmlPosition position) {
      row = position.line();
      column = String.valueOf(position.column());
    }
    try {
      out.writeByte(about.ordinal());
      for (String text : List.of(set, identifier, title)) {
        RecordFormat.writeText(out, text);
      }
      out.writeByte(finding.severity().ordinal());
      RecordFormat.writeText(out, finding.rule());
      RecordFormat.writeText(out, at.file());
      RecordFormat.writeText(out, sheet);
      out.writeLong(row);
      RecordFormat.writeText(out, column);
      RecordFormat.writeText(out, at.toString());
      RecordFormat.writeText(out, value);
      RecordFormat.writeText(out, finding.message());
      entries++;
    } catch (IOException e) {
      throw new UncheckedIOException("the findings cannot be kept for the report in " + file, e);
    }
  }

  /** Told of each finding in the order found. */
  interface Reading {
    void entry(Entry entry) throws IOException;
  }

  /** Goes through the findings kept so far, in the order found; may be done more than once. */
  void read(Reading reading) throws IOException {
    out.flush();
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      for (long i = 0; i < entries; i++) {
        About about = About.values()[in.readByte()];
        String set = RecordFormat.readText(in);
        String identifier = RecordFormat.readText(in);
        String title = RecordFormat.readText(in);
        Severity severity = Severity.values()[in.readByte()];
        String rule = RecordFormat.readText(in);
        String at = RecordFormat.readText(in);
        String sheet = RecordFormat.readText(in);
        long row = in.readLong();
        String column = RecordFormat.readText(in);
        String cell = RecordFormat.readText(in);
        String value = RecordFormat.readText(in);
        reading.entry(new Entry(about, set, identifier, title, severity, rule, at, sheet, row, column, cell, value,
            RecordFormat.readText(in)));
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      out.close();
    } finally {
      scratch.close();
    }
  }
}
