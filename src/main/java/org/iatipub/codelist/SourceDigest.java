package org.iatipub.codelist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over the names and bytes of the files a snapshot is imported from, in import order: it
 * says which release a snapshot was made from, and changes when any of them does.
 */
public final class SourceDigest {
  private final MessageDigest sha256;

  public SourceDigest() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Adds {@code file} under {@code name} (a path relative to what was imported, so the digest does not depend on where it lay). */
  public void add(String name, Path file) throws IOException {
    sha256.update((name + "\n").getBytes(StandardCharsets.UTF_8));
    sha256.update(Files.readAllBytes(file));
  }

  /** {@code sha256:} and the hex digest; the digest is finished by this call. */
  public String value() {
    return "sha256:" + HexFormat.of().formatHex(sha256.digest());
  }
}
