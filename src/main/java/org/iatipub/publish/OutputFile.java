package org.iatipub.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * An activity file being written: it grows in a hidden temporary file beside its final name and
 * takes that name (an atomic rename) only when complete, so readers of the output directory, and a
 * nightly job that dies half-way, never see a partial file. Until then the previous version, if
 * any, stays in place.
 */
final class OutputFile implements AutoCloseable {
  private final Path target;
  private final Path temporary;
  private final FileChannel channel;
  private final OutputStream out;
  private int activities;
  private boolean finished;

  private OutputFile(Path target, Path temporary, FileChannel channel) {
    this.target = target;
    this.temporary = temporary;
    this.channel = channel;
    this.out = Channels.newOutputStream(channel);
  }

  /** Starts {@code dir/name}; {@code generated} is the file's generated-datetime. */
  static OutputFile start(Path dir, String name, String generated) throws IOException {
    Files.createDirectories(dir);
    Path temporary = Files.createTempFile(dir, "." + name + ".", ".partial");
    if (Files.getFileAttributeView(temporary, PosixFileAttributeView.class) != null) {
      // Temporary files are private; a published file is for everyone to read.
      Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
    }
    FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    OutputFile file = new OutputFile(dir.resolve(name), temporary, channel);
    file.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<iati-activities version=\"" + ActivityWriter.VERSION
        + "\" generated-datetime=\"" + generated + "\">\n");
    return file;
  }

  Path target() {
    return target;
  }

  int activities() {
    return activities;
  }

  /** Appends one activity, already checked against the schema. */
  void append(byte[] activity) throws IOException {
    out.write(activity);
    if (activity.length > 0 && activity[activity.length - 1] != '\n') {
      out.write('\n');
    }
    activities++;
  }

  /** Closes the root, forces the bytes to disk, and gives the file its name in one step. */
  Path commit() throws IOException {
    write("</iati-activities>\n");
    out.flush();
    channel.force(true);
    channel.close();
    finished = true;
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.deleteIfExists(temporary);
      throw new IOException(target.getParent() + " does not support atomic renames, so no file is published there", e);
    }
    return target;
  }

  /** Drops the temporary file; the previous published file, if any, stays. */
  void discard() throws IOException {
    if (!finished) {
      finished = true;
      channel.close();
    }
    Files.deleteIfExists(temporary);
  }

  @Override
  public void close() throws IOException {
    if (Files.exists(temporary)) {
      discard();
    }
  }

  private void write(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }
}
