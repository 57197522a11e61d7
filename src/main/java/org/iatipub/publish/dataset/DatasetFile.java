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
import java.util.HexFormat;

/**
 * One IATI file growing in the staging directory: root start tag, records as they come, root end
 * tag. It hashes its bytes as they are written, and also hashes them as they would be had the file
 * the previous version's {@code generated-datetime}: when that equals the previous version's
 * SHA-256, nothing but the time differs and the previous file is kept, byte for byte.
 */
final class DatasetFile {
  static final String VERSION = "2.03";

  private final String name;
  private final DocumentKind kind;
  private final String generated;
  private final Path path;
  private final FileChannel channel;
  private final OutputStream out;
  private final MessageDigest actual = ContentStamp.digest();
  private final MessageDigest asBefore;
  private final byte[] footer;
  private long size;
  private int records;

  private DatasetFile(String name, DocumentKind kind, String generated, String previousGenerated, Path path, FileChannel channel) {
    this.name = name;
    this.kind = kind;
    this.generated = generated;
    this.path = path;
    this.channel = channel;
    this.out = Channels.newOutputStream(channel);
    this.asBefore = previousGenerated == null ? null : ContentStamp.digest();
    this.footer = ("</" + kind.rootElement() + ">\n").getBytes(StandardCharsets.UTF_8);
    if (asBefore != null) {
      asBefore.update(header(kind, previousGenerated));
    }
  }

  static DatasetFile start(Path staging, String name, DocumentKind kind, String generated, String previousGenerated)
      throws IOException {
    Path path = staging.resolve(name);
    FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    DatasetFile file = new DatasetFile(name, kind, generated, previousGenerated, path, channel);
    byte[] header = header(kind, generated);
    file.out.write(header);
    file.actual.update(header);
    file.size = header.length;
    return file;
  }

  private static byte[] header(DocumentKind kind, String generated) {
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

  void append(byte[] record) throws IOException {
    write(record);
    if (record.length > 0 && record[record.length - 1] != '\n') {
      write(new byte[] {'\n'});
    }
    records++;
  }

  /**
   * Closes the root and forces the bytes to disk.
   *
   * @return the file as the manifest lists it, and the SHA-256 it would have with the previous
   *     version's generated-datetime (null when there was none)
   */
  Finished finish(String set) throws IOException {
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
    channel.close();
  }

  record Finished(Manifest.Entry entry, String sha256AsBefore, Path staged) {}

  private void write(byte[] bytes) throws IOException {
    out.write(bytes);
    actual.update(bytes);
    if (asBefore != null) {
      asBefore.update(bytes);
    }
    size += bytes.length;
  }
}
