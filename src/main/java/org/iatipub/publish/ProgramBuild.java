package org.iatipub.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which build of iatipub is running, for the input fingerprints: another version, or another build
 * of the same version, may write an activity otherwise, so what it published before is not taken
 * as it is. Its version and, when it runs from a jar, the SHA-256 of the jar.
 */
final class ProgramBuild {
  private ProgramBuild() {}

  /** This build, worked out once per process. */
  static String identity() {
    return Identity.VALUE;
  }

  private static final class Identity {
    static final String VALUE = workOut();

    private static String workOut() {
      String version = Publisher.class.getPackage().getImplementationVersion();
      String identity = version == null ? "development build" : version;
      CodeSource code = Publisher.class.getProtectionDomain().getCodeSource();
      try {
        Path location = code == null ? null : Path.of(code.getLocation().toURI());
        if (location != null && Files.isRegularFile(location)) {
          MessageDigest digest = MessageDigest.getInstance("SHA-256");
          try (InputStream in = new DigestInputStream(Files.newInputStream(location), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
          }
          identity += " " + HexFormat.of().formatHex(digest.digest());
        }
      } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
        // Not a file (a class loader of another kind): the version alone names the build.
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java runtime has SHA-256", e);
      } catch (IOException e) {
        throw new UncheckedIOException("iatipub's own jar cannot be read: " + e.getMessage(), e);
      }
      return identity;
    }
  }
}
