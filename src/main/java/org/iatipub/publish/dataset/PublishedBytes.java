package org.iatipub.publish.dataset;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The files the previous run published, read at the places its state gives for its records. A
 * record is handed out only when its bytes still have the checksum they were written with, so a
 * file that is no longer the one the state describes (edited, cut short, replaced) is never copied
 * from: the record is built again instead. Only files the previous manifest lists are read. Safe
 * from any thread.
 */
final class PublishedBytes implements Closeable {
  private final Path output;
  private final Manifest manifest;
  private final Map<String, FileChannel> open = new HashMap<>();
  private boolean closed;

  PublishedBytes(Path output, Manifest manifest) {
    this.output = output;
    this.manifest = manifest;
  }

  /** The checksum a record's bytes are kept with: CRC-32C, 8 hex digits. */
  static String checksum(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    return HexFormat.of().toHexDigits((int) crc.getValue());
  }

  /**
   * The bytes of a record as the previous run published it, or null when they cannot be had as
   * they were written: its file is gone or shorter, or the checksum differs.
   */
  byte[] record(PublishState.Entry entry) throws IOException {
    PublishState.Reuse reuse = entry.reuse();
    if (reuse == null || entry.file() == null || reuse.length() > Integer.MAX_VALUE) {
      return null;
    }
    byte[] bytes = read(entry.file(), reuse.offset(), (int) reuse.length());
    return bytes != null && checksum(bytes).equals(reuse.crc32c()) ? bytes : null;
  }

  /** {@code length} bytes of a published file from {@code offset}, or null when it has not got them. */
  byte[] read(String file, long offset, int length) throws IOException {
    FileChannel channel = channel(file);
    if (channel == null || offset < 0 || offset + length > channel.size()) {
      return null;
    }
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, offset + buffer.position()) < 0) {
        return null;
      }
    }
    return buffer.array();
  }

  private synchronized FileChannel channel(String file) throws IOException {
    if (closed) {
      throw new IllegalStateException("the previous edition's files are closed");
    }
    FileChannel channel = open.get(file);
    if (channel == null && !open.containsKey(file)) {
      Path path = output.resolve(file);
      try {
        channel = manifest.file(file).isPresent() && Files.isRegularFile(path) && path.getParent().equals(output)
            ? FileChannel.open(path, StandardOpenOption.READ) : null;
      } catch (NoSuchFileException e) {
        channel = null;
      }
      open.put(file, channel);
    }
    return channel;
  }

  @Override
  public synchronized void close() throws IOException {
    closed = true;
    IOException failure = null;
    for (FileChannel channel : open.values()) {
      try {
        if (channel != null) {
          channel.close();
        }
      } catch (IOException e) {
        failure = failure == null ? e : failure;
      }
    }
    open.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
