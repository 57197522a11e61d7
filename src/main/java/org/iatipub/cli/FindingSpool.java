package org.iatipub.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import org.iatipub.finding.Finding;
import org.iatipub.scratch.RecordFormat;
import org.iatipub.scratch.ScratchDir;

/**
 * The findings of a {@code publish --format json} run, kept on disk until the one JSON document is
 * written at the end: a run over bad data can have a finding for every row, and they must not
 * pile up in memory. Each is kept as the document shows it (severity, rule, location, message).
 */
final class FindingSpool implements Consumer<Finding>, AutoCloseable {
  private final ScratchDir dir;
  private final Path file;
  private final DataOutputStream out;

  private FindingSpool(ScratchDir dir) throws IOException {
    this.dir = dir;
    this.file = dir.file("findings");
    this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
  }

  static FindingSpool create() throws IOException {
    ScratchDir dir = ScratchDir.create("findings");
    try {
      return new FindingSpool(dir);
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  @Override
  public void accept(Finding finding) {
    try {
      RecordFormat.writeText(out, finding.severity().label());
      RecordFormat.writeText(out, finding.rule());
      RecordFormat.writeText(out, finding.location().toString());
      RecordFormat.writeText(out, finding.message());
    } catch (IOException e) {
      throw new UncheckedIOException("the findings cannot be kept in " + file, e);
    }
  }

  /**
   * The findings in the order found, each as the JSON document shows it, read from disk each time
   * they are gone through.
   */
  Iterable<Map<String, String>> shown() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("the findings cannot be kept in " + file, e);
    }
    return () -> new Reading(file);
  }

  /** Deletes the findings' file. */
  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      // Only closing: the directory is deleted below either way.
    }
    dir.close();
  }

  /** Reads the file from the start; closes it when the last finding was read. */
  private static final class Reading implements Iterator<Map<String, String>> {
    private final DataInputStream in;
    private Map<String, String> next;

    Reading(Path file) {
      try {
        in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
      } catch (IOException e) {
        throw new UncheckedIOException("the findings kept in " + file + " cannot be read", e);
      }
      next = read();
    }

    private Map<String, String> read() {
      try {
        Map<String, String> shown = new LinkedHashMap<>();
        try {
          shown.put("severity", RecordFormat.readText(in));
        } catch (EOFException end) {
          in.close();
          return null;
        }
        shown.put("rule", RecordFormat.readText(in));
        shown.put("location", RecordFormat.readText(in));
        shown.put("message", RecordFormat.readText(in));
        return shown;
      } catch (IOException e) {
        throw new UncheckedIOException("the findings kept on disk cannot be read", e);
      }
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public Map<String, String> next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      Map<String, String> current = next;
      next = read();
      return current;
    }
  }
}
