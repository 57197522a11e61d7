package org.iatipub.reports;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iatipub.finding.Finding;
import org.iatipub.scratch.ExternalSort;
import org.iatipub.scratch.RecordFormat;
import org.iatipub.scratch.ScratchDir;
import org.iatipub.validation.RecordSpan;

/**
 * The findings of one file and where its records lie, kept on disk while the file is validated, then
 * gone through in line order with the record each finding is in. A file may have millions of
 * findings and records; the heap holds a sort's buffer and one record at a time.
 */
final class FileFindings implements Closeable {
  /** Bytes of findings held in memory before they go to a run on disk. */
  private static final long BUDGET = 8L << 20;

  private final ExternalSort<Spooled> findings;
  private final Path spansFile;
  private final DataOutputStream spans;
  private final ScratchDir dir;

  FileFindings(ScratchDir dir, String name) throws IOException {
    this.dir = dir;
    this.findings = new ExternalSort<>(dir, name + "-findings", Spooled.FORMAT, Spooled.BY_POSITION,
        new ExternalSort.Budget<>(BUDGET, Spooled::weight, false));
    this.spansFile = dir.file(name + "-records");
    this.spans = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spansFile), 1 << 16));
  }

  void add(Finding finding) throws IOException {
    findings.add(Spooled.of(finding));
  }

  /** Spans come in document order, as the validator reads the records. */
  void add(RecordSpan span) throws IOException {
    spans.writeLong(span.firstLine());
    spans.writeLong(span.lastLine());
    RecordFormat.writeText(spans, span.identifier());
    RecordFormat.writeText(spans, span.title());
  }

  /** Told of each finding in line order (the file's own first), with the record it is in. */
  interface Visitor {
    /** @param record the record the finding is in, or null for the file as a whole or a place between records */
    void finding(Spooled finding, Placed record) throws IOException;
  }

  /**
   * A record as reports name it.
   *
   * @param span where it lies
   * @param number its place among the file's records, from 1
   * @param label its identifier as the official validator labels it: {@code noIdentifier} when
   *     blank, and {@code (2)}, {@code (3)} … after the second and later records with the same one
   */
  record Placed(RecordSpan span, long number, String label) {}

  /** Goes through the findings in line order; then once through every record, for counts. */
  void inOrder(Visitor visitor, RecordCounter counter) throws IOException {
    spans.close();
    try (ExternalSort.Cursor<Spooled> sorted = findings.sorted();
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(spansFile), 1 << 16));
        Occurrences occurrences = new Occurrences(dir)) {
      Placed current = null;
      long number = 0;
      boolean more = true;
      for (Spooled finding = sorted.next(); finding != null; finding = sorted.next()) {
        while (more && (current == null || current.span().lastLine() < finding.line())) {
          RecordSpan span = read(in);
          if (span == null) {
            more = false;
            current = null;
            break;
          }
          number++;
          current = new Placed(span, number, occurrences.label(span.identifier()));
          counter.record(current);
        }
        visitor.finding(finding, current != null && current.span().holds(finding.line()) ? current : null);
      }
      for (RecordSpan span = more ? read(in) : null; span != null; span = read(in)) {
        number++;
        counter.record(new Placed(span, number, occurrences.label(span.identifier())));
      }
    }
  }

  /** Told of every record, in order (whether or not it has findings). */
  interface RecordCounter {
    void record(Placed record);
  }

  private static RecordSpan read(DataInputStream in) throws IOException {
    long first;
    try {
      first = in.readLong();
    } catch (EOFException end) {
      return null;
    }
    return new RecordSpan(first, in.readLong(), RecordFormat.readText(in), RecordFormat.readText(in));
  }

  @Override
  public void close() throws IOException {
    try {
      spans.close();
    } finally {
      findings.close();
    }
  }
}
