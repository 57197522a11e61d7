package org.iatipub.publish.dataset;

import org.iatipub.validation.DocumentKind;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * One IATI file growing in the staging directory: root start tag, records as they come, root end
 * tag. It hashes its bytes as they are written, and also hashes them as they would be had the file
 * the previous version's {@code generated-datetime}: when that equals the previous version's
 * SHA-256, nothing but the time differs and the previous file is kept, byte for byte.
 *
 * <p>While every record comes, in order, from the previous version of the file itself (taken as it
 * was, see {@link PublishedBytes}), nothing is written: the file is still that version. Only when a
 * record comes that breaks the run (a record built anew, or one from elsewhere) is the file written,
 * the part so far copied from the previous version. A night on which nothing changed thus writes
 * and hashes no file at all.
 */
final class DatasetFile {
  static final String VERSION = "2.03";
  private static final int COPY_BUFFER = 1 << 16;

  private final String name;
  private final DocumentKind kind;
  private final String generated;
  private final Path path;
  private final Manifest.Entry previous;
  private final PublishedBytes published;
  private final byte[] footer;
  private final int headerLength;
  private FileChannel channel;
  private OutputStream out;
  private MessageDigest actual;
  private MessageDigest asBefore;
  /** True while every record so far is the previous version's, at its place: nothing written yet. */
  private boolean following;
  /** The checksum of the records taken while following, to check the copy of them against. */
  private final CRC32C taken = new CRC32C();
  private long size;
  private int records;

  private DatasetFile(String name, DocumentKind kind, String generated, Path path, Manifest.Entry previous,
      PublishedBytes published) {
    this.name = name;
    this.kind = kind;
    this.generated = generated;
    this.path = path;
    this.previous = previous;
    this.published = published;
    this.footer = ("</" + kind.rootElement() + ">\n").getBytes(StandardCharsets.UTF_8);
    this.headerLength = header(kind, generated).length;
    this.following = previous != null && published != null;
    this.size = headerLength;
  }

  /**
   * Starts a file named {@code name} in {@code staging}.
   *
   * @param previous the previous version of the file (as the manifest lists it), or null
   * @param published where that version's bytes can be read, or null when none are to be read
   */
  static DatasetFile start(Path staging, String name, DocumentKind kind, String generated, Manifest.Entry previous,
      PublishedBytes published) throws IOException {
    DatasetFile file = new DatasetFile(name, kind, generated, staging.resolve(name), previous, published);
    if (!file.following) {
      file.open();
    }
    return file;
  }

  static byte[] header(DocumentKind kind, String generated) {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + kind.rootElement() + " version=\"" + VERSION
        + "\" generated-datetime=\"" + generated + "\">\n").getBytes(StandardCharsets.UTF_8);
  }

  String name() {
    return name;
  }

  int records() {
    return records;
  }

  /** The size the file would have, closed, with {@code record} appended. */
  long sizeWith(byte[] record) {
    return size + record.length + 1 + footer.length;
  }

  /**
   * Appends a record.
   *
   * @return where it starts, counted from the end of the file's header (which holds this run's
   *     time, or the previous version's when the file is kept as it was)
   */
  long append(byte[] record) throws IOException {
    return append(record, false);
  }

  /**
   * As {@link #append}; {@code elsewhere} tells that the record was not in the previous version of
   * this file at this place (it is new, changed, or was in another file), so this file is not that
   * version and is not hashed as it would be with its time.
   */
  long append(byte[] record, boolean elsewhere) throws IOException {
    if (following) {
      writeSoFar();
    }
    if (elsewhere) {
      asBefore = null;
    }
    long at = size - headerLength;
    write(record);
    if (record.length > 0 && record[record.length - 1] != '\n') {
      write(new byte[] {'\n'});
    }
    records++;
    return at;
  }

  /**
   * Appends a record taken as it was from {@code file} at {@code offset}: when that is the
   * previous version of this file, at the place this record has here, nothing needs writing yet.
   *
   * @return as {@link #append}
   */
  long appendTaken(byte[] record, String file, long offset) throws IOException {
    long at = size - headerLength;
    if (following && file.equals(name) && offset == previousHeaderLength() + at && record.length > 0
        && record[record.length - 1] != '\n') {
      taken.update(record);
      taken.update('\n');
      size += record.length + 1;
      records++;
      return at;
    }
    boolean samePlace = previous != null && file.equals(name) && offset == previousHeaderLength() + at;
    return append(record, !samePlace);
  }

  /**
   * Closes the root and forces the bytes to disk.
   *
   * @return the file as the manifest lists it, and the SHA-256 it would have with the previous
   *     version's generated-datetime (null when there was none)
   */
  Finished finish(String set) throws IOException {
    if (following && isPreviousVersion()) {
      return new Finished(previous, previous.sha256(), null);
    }
    if (following) {
      writeSoFar();
    }
    write(footer);
    out.flush();
    channel.force(true);
    channel.close();
    String sha = HexFormat.of().formatHex(actual.digest());
    String shaAsBefore = asBefore == null ? null : HexFormat.of().formatHex(asBefore.digest());
    return new Finished(new Manifest.Entry(name, set, kind.rootElement(), records, size, sha, generated, VERSION), shaAsBefore, path);
  }

  /** Closes without finishing, for a run that stops; the staging directory goes with it. */
  void abandon() throws IOException {
    if (channel != null) {
      channel.close();
    }
  }

  /**
   * A finished file.
   *
   * @param entry the file as the manifest lists it
   * @param sha256AsBefore the SHA-256 it would have with the previous version's generated-datetime
   * @param staged the file in the staging directory; null when it is the previous version, which stays
   */
  record Finished(Manifest.Entry entry, String sha256AsBefore, Path staged) {
    /** True when nothing was written: the previous version of the file is this one. */
    boolean keptAsItWas() {
      return staged == null;
    }
  }

  /** How long the header of the file as published is (its time is the previous version's when it is kept). */
  static int headerLength(DocumentKind kind, String generated) {
    return header(kind, generated).length;
  }

  private int previousHeaderLength() {
    return header(kind, previous.generatedDatetime()).length;
  }

  /**
   * Whether the records taken are the whole of the previous version: its size, count and the
   * bytes around them (its header and footer, read back) are what this file would have.
   */
  private boolean isPreviousVersion() throws IOException {
    long body = size - headerLength;
    int previousHeader = previousHeaderLength();
    if (previous.activities() != records || previous.size() != previousHeader + body + footer.length) {
      return false;
    }
    byte[] head = published.read(name, 0, previousHeader);
    byte[] foot = published.read(name, previousHeader + body, footer.length);
    return head != null && foot != null && Arrays.equals(head, header(kind, previous.generatedDatetime()))
        && Arrays.equals(foot, footer);
  }

  private void open() throws IOException {
    channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    out = Channels.newOutputStream(channel);
    actual = ContentStamp.digest();
    asBefore = previous == null ? null : ContentStamp.digest();
    byte[] header = header(kind, generated);
    out.write(header);
    actual.update(header);
    if (asBefore != null) {
      asBefore.update(header(kind, previous.generatedDatetime()));
    }
  }

  /** Stops following the previous version: writes the records taken from it so far, as they are there. */
  private void writeSoFar() throws IOException {
    following = false;
    long body = size - headerLength;
    open();
    long from = previousHeaderLength();
    CRC32C copied = new CRC32C();
    for (long done = 0; done < body; ) {
      int n = (int) Math.min(COPY_BUFFER, body - done);
      byte[] bytes = published.read(name, from + done, n);
      if (bytes == null) {
        throw new IOException(previous.name() + " was cut short while this run read it");
      }
      copied.update(bytes);
      out.write(bytes);
      actual.update(bytes);
      asBefore.update(bytes);
      done += n;
    }
    // Each record was checked when it was taken; the copy is checked against them all.
    if (copied.getValue() != taken.getValue()) {
      throw new IOException(previous.name() + " was changed while this run read it");
    }
  }

  private void write(byte[] bytes) throws IOException {
    out.write(bytes);
    actual.update(bytes);
    if (asBefore != null) {
      asBefore.update(bytes);
    }
    size += bytes.length;
  }
}
