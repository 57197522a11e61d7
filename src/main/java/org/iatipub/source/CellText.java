package org.iatipub.source;

/**
 * The text of one cell as a workbook part is streamed, kept up to the most a cell may hold
 * ({@link SheetRows#MAX_CELL_CHARS}) and only counted beyond: a cell of 10 MB costs no more memory
 * than a full one.
 */
final class CellText {
  private final StringBuilder text = new StringBuilder();
  private long length;

  void append(char[] chars, int start, int count) {
    int room = SheetRows.MAX_CELL_CHARS - text.length();
    if (room > 0) {
      text.append(chars, start, Math.min(room, count));
    }
    length += count;
  }

  void append(char c) {
    if (text.length() < SheetRows.MAX_CELL_CHARS) {
      text.append(c);
    }
    length++;
  }

  void clear() {
    text.setLength(0);
    length = 0;
    if (text.capacity() > 4 * 1024) {
      text.trimToSize(); // a long cell's buffer is not kept for the rest of the sheet
    }
  }

  /** How many characters the cell has, kept or not. */
  long length() {
    return length;
  }

  boolean tooLong() {
    return length > SheetRows.MAX_CELL_CHARS;
  }

  boolean isEmpty() {
    return length == 0;
  }

  /** The text kept (all of it unless {@link #tooLong}). */
  @Override
  public String toString() {
    return text.toString();
  }
}
