package org.iatipub.scratch;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** How a record of type {@code T} is written to a scratch file and read back, for an {@link ExternalSort}. */
public interface RecordFormat<T> {
  void write(DataOutput out, T record) throws IOException;

  /** Reads back one record as {@link #write} wrote it; never null. */
  T read(DataInput in) throws IOException;
}
