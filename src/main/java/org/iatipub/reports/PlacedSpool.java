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
import org.iatipub.scratch.RecordFormat;

/**
 * Findings already in order, each with the label and title of its record, written to a file and
 * read back once in the same order: for reports that go through a file's findings twice.
 */
final class PlacedSpool implements Closeable {
  /** A finding and the record it is in (empty label and title for the file as a whole). */
  record Entry(Spooled finding, String label, String title) {}

  private final Path file;
  private final DataOutputStream out;
  private long size;

  PlacedSpool(Path file) throws IOException {
    this.file = file;
    this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
  }

  void add(Spooled finding, String label, String title) throws IOException {
    Spooled.FORMAT.write(out, finding);
    RecordFormat.writeText(out, label);
    RecordFormat.writeText(out, title);
    size++;
  }

  long size() {
    return size;
  }

  /** Told of each entry in the order added. */
  interface Reading {
    void entry(Entry entry) throws IOException;
  }

  void read(Reading reading) throws IOException {
    out.flush();
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      for (long i = 0; i < size; i++) {
        reading.entry(new Entry(Spooled.FORMAT.read(in), RecordFormat.readText(in), RecordFormat.readText(in)));
      }
    } catch (EOFException e) {
      throw new IOException(file + " ends before its " + size + " findings", e);
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
    Files.deleteIfExists(file);
  }
}
