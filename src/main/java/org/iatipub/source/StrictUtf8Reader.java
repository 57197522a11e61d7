package org.iatipub.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly (a byte that is not UTF-8 is an error, never a silent U+FFFD) and drops a
 * leading byte-order mark. An error says at which byte; which record and field that is, {@link
 * CsvCursor#scan} works out by reading the text up to it again (only then: following every
 * character of every file to that end would cost a good part of reading them).
 */
final class StrictUtf8Reader extends Reader {
  /** A byte sequence that is not UTF-8. */
  static final class NotUtf8Exception extends IOException {
    /** How many bytes of the file come before it. */
    final long byteOffset;

    NotUtf8Exception(long byteOffset) {
      super("not UTF-8 text (byte offset " + byteOffset + ")");
      this.byteOffset = byteOffset;
    }
  }

  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(8192);
  private final CharBuffer chars = CharBuffer.allocate(8192);
  private long bytesDecoded;
  private boolean atStart = true;
  private boolean endOfInput;
  private boolean flushed;
  /** The offset of a bad byte found while decoding, reported once the text before it is handed out; -1 while none. */
  private long badByte = -1;

  StrictUtf8Reader(InputStream in) {
    this.in = in;
    bytes.flip();
    chars.flip();
  }

  @Override
  public int read(char[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (!chars.hasRemaining()) {
      if (badByte >= 0) {
        throw new NotUtf8Exception(badByte);
      }
      if (flushed) {
        return -1;
      }
      fill();
    }
    int n = Math.min(length, chars.remaining());
    chars.get(target, offset, n);
    return n;
  }

  private void fill() throws IOException {
    chars.clear();
    if (!endOfInput && bytes.remaining() < 4) {
      // Fewer bytes than the longest UTF-8 sequence are left: read more before decoding.
      bytes.compact();
      int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (read < 0) {
        endOfInput = true;
      } else {
        bytes.position(bytes.position() + read);
      }
      bytes.flip();
    }
    int before = bytes.position();
    CoderResult result = decoder.decode(bytes, chars, endOfInput);
    bytesDecoded += bytes.position() - before;
    if (!result.isError() && endOfInput && !bytes.hasRemaining()) {
      decoder.flush(chars);
      flushed = true;
    }
    chars.flip();
    if (atStart && chars.hasRemaining()) {
      atStart = false;
      if (chars.get(chars.position()) == '\uFEFF') {
        chars.get();
      }
    }
    if (result.isError()) {
      // The text before the bad byte is handed out first, so the rows (and the header) before it are read.
      badByte = bytesDecoded;
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
