package org.iatipub.publish.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A later stage of the pipeline that adds files to an edition (the exports, for one), made only
 * from the edition's IATI activity files as they will be published: it sees the files, never the
 * publishing. Its files are staged, listed in the manifest with their SHA-256, and committed with
 * the rest, so they are always of the same edition as the files they were made from.
 */
public interface DerivedFiles {
  /** The set its files are listed under in the manifest. */
  String SET = "exports";

  /**
   * One file written.
   *
   * @param name a plain file name, unlike any of the edition's own
   * @param kind what it is, for the manifest ({@code datacube}, {@code crs}, {@code reconciliation} ...)
   */
  record Written(String name, String kind) {}

  /**
   * Writes the stage's files into {@code dir}.
   *
   * @param activityFiles the edition's activity files, in manifest order, where they can be read now
   *     (staged, or already published when unchanged)
   * @return the files written, each directly in {@code dir}
   */
  List<Written> write(List<Path> activityFiles, Path dir) throws IOException;
}
