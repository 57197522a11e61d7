package org.iatipub.scratch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The activity identifiers of one file met so far, each with a number (the line where it was
 * first seen), for the rules that compare a file's activities. A file may hold any number of
 * activities and the heap must not grow with them, so past the first thousand the identifiers
 * move to a {@link DiskIndex}; the many small files (a test suite's, a small publisher's) never
 * touch the disk. {@link #close()} removes the index; a check closes it at the end of its file.
 */
public final class SeenIdentifiers implements AutoCloseable {
  /** How many identifiers stay on the heap before all of them move to disk. */
  static final int KEPT_IN_MEMORY = 1_000;
  /**
   * Longer identifiers (no real one comes near) are keyed by their SHA-256, so that no entry
   * reaches the index's limit on entry size; the prefix keeps those keys apart from any identifier
   * read from XML, which cannot contain U+0000.
   */
  private static final int LONGEST_KEY = 1 << 14;
  private static final String HASHED = "\u0000sha-256:";

  private final String purpose;
  private final int keptInMemory;
  private Map<String, Long> kept = new HashMap<>();
  private DiskIndex index;

  /** @param purpose a word naming the index's directory, should the identifiers move to disk */
  public SeenIdentifiers(String purpose) {
    this(purpose, KEPT_IN_MEMORY);
  }

  /** With another threshold, so tests can reach the disk with a few identifiers. */
  SeenIdentifiers(String purpose, int keptInMemory) {
    this.purpose = purpose;
    this.keptInMemory = keptInMemory;
  }

  /** Adds the identifier with its number unless it is there; returns the number it already had, or null. */
  public Long putIfAbsent(String identifier, long number) {
    String key = key(identifier);
    if (index == null) {
      Long first = kept.putIfAbsent(key, number);
      if (first == null && kept.size() > keptInMemory) {
        moveToDisk();
      }
      return first;
    }
    byte[] first = index.putIfAbsent(key, encode(number));
    return first == null ? null : ByteBuffer.wrap(first).getLong();
  }

  public boolean contains(String identifier) {
    String key = key(identifier);
    return index == null ? kept.containsKey(key) : index.containsKey(key);
  }

  /** Whether the identifiers are on disk (for tests). */
  boolean onDisk() {
    return index != null;
  }

  /** Forgets every identifier and removes the index's files; the object is not used afterwards. */
  @Override
  public void close() {
    kept = Map.of();
    if (index != null) {
      index.close();
    }
  }

  private void moveToDisk() {
    try {
      index = DiskIndex.create(purpose);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a scratch index for the activity identifiers of this file", e);
    }
    kept.forEach((key, number) -> index.put(key, encode(number)));
    kept = Map.of();
  }

  private static byte[] encode(long number) {
    return ByteBuffer.allocate(Long.BYTES).putLong(number).array();
  }

  private static String key(String identifier) {
    if (identifier.length() <= LONGEST_KEY) {
      return identifier;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(identifier.getBytes(StandardCharsets.UTF_8));
      return HASHED + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
