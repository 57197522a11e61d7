package org.iatipub.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.iatipub.source.ActivityRows;
import org.iatipub.source.SourceRow;

/**
 * The fingerprint of everything one activity's output depends on: the set's shared inputs (the
 * program, the codelists, the checks, the input form, the mapping file and crosswalks as files, each
 * sheet's columns) and the activity's own: its rows in every file, cell by cell in order, as the
 * source stage gives them, and what the mapping takes from other activities (its sub-activities,
 * for one). Row numbers are not in it: a row moved down by a row added above it is the same input.
 * When an activity's fingerprint is last night's, its output would be last night's.
 *
 * <p>The first 128 bits of a SHA-256 (as hex), each text written with its length so that no two
 * inputs run together into the same bytes: as safe from two inputs meeting by chance or by design
 * as a fingerprint can be asked to be, at half the size in the state. Safe from any thread.
 */
final class InputFingerprint {
  private static final int FINGERPRINT_BYTES = 16;
  private final byte[] shared;

  private InputFingerprint(byte[] shared) {
    this.shared = shared;
  }

  /**
   * The fingerprints of a set's activities.
   *
   * @param texts what the set's activities share, as texts (program, codelists, checks, form…)
   * @param files files the set's activities share (the mapping file, the crosswalks), by a name
   *     that does not depend on the order they come in
   * @param columns each sheet of the set (as shown) with its columns, in the order the sheets are read
   */
  static InputFingerprint forSet(List<String> texts, Map<String, Path> files, Map<String, List<String>> columns)
      throws IOException {
    MessageDigest digest = digest();
    for (String text : texts) {
      update(digest, text);
    }
    for (Map.Entry<String, Path> file : new java.util.TreeMap<>(files).entrySet()) {
      update(digest, file.getKey());
      digest.update(ByteBuffer.allocate(Long.BYTES).putLong(Files.size(file.getValue())).array());
      try (InputStream in = Files.newInputStream(file.getValue())) {
        byte[] buffer = new byte[1 << 14];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          digest.update(buffer, 0, n);
        }
      }
    }
    for (Map.Entry<String, List<String>> sheet : columns.entrySet()) {
      update(digest, sheet.getKey());
      updateCount(digest, sheet.getValue().size());
      for (String column : sheet.getValue()) {
        update(digest, column);
      }
    }
    return new InputFingerprint(digest.digest());
  }

  /** The fingerprint of one activity, from its rows and {@code context}: what its mapping takes from other activities. */
  String of(ActivityRows rows, List<String> context) {
    MessageDigest digest = digest();
    digest.update(shared);
    updateCount(digest, context.size());
    for (String text : context) {
      update(digest, text);
    }
    update(digest, rows.main());
    updateCount(digest, rows.children().size());
    for (Map.Entry<String, List<SourceRow>> file : rows.children().entrySet()) {
      update(digest, file.getKey());
      updateCount(digest, file.getValue().size());
      for (SourceRow row : file.getValue()) {
        update(digest, row);
      }
    }
    return HexFormat.of().formatHex(digest.digest(), 0, FINGERPRINT_BYTES);
  }

  /** The row's cells, as {@link SourceRow#cellBytes} gives them: each with its length. */
  private static void update(MessageDigest digest, SourceRow row) {
    updateCount(digest, row.cells().size());
    digest.update(row.cellBytes());
  }

  private static void update(MessageDigest digest, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    updateCount(digest, bytes.length);
    digest.update(bytes);
  }

  private static void updateCount(MessageDigest digest, int count) {
    digest.update((byte) (count >>> 24));
    digest.update((byte) (count >>> 16));
    digest.update((byte) (count >>> 8));
    digest.update((byte) count);
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
