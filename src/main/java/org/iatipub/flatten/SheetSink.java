package org.iatipub.flatten;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where flattened sheets go, one whole sheet after another: the header, then its rows. Nothing
 * reaches {@code target} before {@link #commit}: a run that fails half-way leaves no half set.
 */
interface SheetSink extends Closeable {
  void startSheet(String name, java.util.List<String> header) throws IOException;

  /** One row, a value (possibly empty) per header column. */
  void row(java.util.List<String> values) throws IOException;

  /** Puts the finished sheets in place, replacing what was there. */
  Path commit() throws IOException;

  /** Removes whatever was written and not committed. */
  @Override
  void close() throws IOException;
}
