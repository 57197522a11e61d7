package org.iatipub.source;

/**
 * Follows a CSV text character by character, just far enough to know which record and field each
 * character belongs to. The parser reads ahead through a buffer, so its own position cannot say
 * where a bad byte or a broken quote is; when reading a file fails, {@link #scan} reads it again
 * with a cursor up to where it failed.
 */
final class CsvCursor {
  private final char delimiter;
  private long record = 1;
  private int field;
  private boolean inQuotes;
  private boolean afterClosingQuote;
  private boolean atFieldStart = true;
  private boolean lastWasCarriageReturn;
  private long openQuoteRecord;
  private int openQuoteField;
  private Position firstQuotingProblem;
  // The header's cell names as the text goes by, so a problem found before the parser has
  // handed over the header row can still name its column.
  private final java.util.List<String> header = new java.util.ArrayList<>();
  private final StringBuilder headerCell = new StringBuilder();

  /** A record (1-based, the header is record 1) and field (0-based) in the text. */
  record Position(long record, int field, String problem) {}

  CsvCursor(char delimiter) {
    this.delimiter = delimiter;
  }

  /**
   * A cursor moved over the text of {@code file}: its first {@code bytes} bytes (the text before a
   * bad byte), or all of it when {@code bytes} is negative. A leading byte-order mark is no text.
   */
  static CsvCursor scan(java.nio.file.Path file, char delimiter, long bytes) throws java.io.IOException {
    CsvCursor cursor = new CsvCursor(delimiter);
    java.nio.charset.CharsetDecoder decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE);
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(file);
        java.io.Reader text = new java.io.InputStreamReader(bytes < 0 ? in : new Limited(in, bytes), decoder)) {
      char[] buffer = new char[8192];
      boolean first = true;
      for (int n = text.read(buffer); n >= 0; n = text.read(buffer)) {
        for (int i = 0; i < n; i++) {
          if (!(first && i == 0 && buffer[0] == '\uFEFF')) {
            cursor.advance(buffer[i]);
          }
        }
        first &= n == 0;
      }
    }
    return cursor;
  }

  /** The first bytes of a stream only. */
  private static final class Limited extends java.io.FilterInputStream {
    private long left;

    Limited(java.io.InputStream in, long left) {
      super(in);
      this.left = left;
    }

    @Override
    public int read() throws java.io.IOException {
      if (left <= 0) {
        return -1;
      }
      left--;
      return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws java.io.IOException {
      if (left <= 0) {
        return -1;
      }
      int n = super.read(b, off, (int) Math.min(len, left));
      left -= Math.max(n, 0);
      return n;
    }
  }

  void advance(char c) {
    boolean carriageReturn = c == '\r';
    if (record == 1) {
      collectHeader(c);
    }
    if (inQuotes) {
      if (c == '"') {
        inQuotes = false;
        afterClosingQuote = true;
      }
    } else if (afterClosingQuote && c == '"') {
      // A doubled quote inside a quoted field: the field goes on.
      inQuotes = true;
      afterClosingQuote = false;
    } else {
      if (afterClosingQuote && c != delimiter && c != '\r' && c != '\n' && firstQuotingProblem == null) {
        firstQuotingProblem = new Position(record, field,
            "text follows the closing quote of a quoted cell (a quote inside a cell must be doubled: \"\")");
      }
      afterClosingQuote = false;
      if (c == delimiter) {
        field++;
        atFieldStart = true;
      } else if (c == '\n' || carriageReturn) {
        if (!(c == '\n' && lastWasCarriageReturn)) {
          record++;
          field = 0;
        }
        atFieldStart = true;
      } else if (c == '"' && atFieldStart) {
        inQuotes = true;
        openQuoteRecord = record;
        openQuoteField = field;
        atFieldStart = false;
      } else {
        atFieldStart = false;
      }
    }
    lastWasCarriageReturn = carriageReturn;
  }

  private void collectHeader(char c) {
    boolean endsCell = !inQuotes && (c == delimiter || c == '\n' || c == '\r');
    if (endsCell) {
      header.add(headerCell.toString().strip());
      headerCell.setLength(0);
    } else if (c != '"') {
      headerCell.append(c);
    }
  }

  /** The name of a column (0-based), when the header row has been read that far. */
  String columnName(int field) {
    return field < header.size() ? header.get(field) : null;
  }

  /** Where the next character would go. */
  Position here() {
    return new Position(record, field, "");
  }

  /** The first quoting mistake in the text read so far, or at its end an unclosed quote. */
  Position quotingProblem(boolean atEnd) {
    if (firstQuotingProblem != null) {
      return firstQuotingProblem;
    }
    if (atEnd && inQuotes) {
      return new Position(openQuoteRecord, openQuoteField,
          "a quoted cell is never closed (the file ends inside it)");
    }
    return null;
  }
}
