package org.iatipub.reports;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines around findings, read in one pass over the file: excerpts are asked for in line and
 * column order, and the file is read as far as the last one needs. Only a few lines are held, each
 * cut to {@value #KEEP} characters, so a file of any size, or of one enormous line, costs the same.
 * Lines end at LF, CRLF or a lone CR, as XML counts them.
 */
final class SourceExcerpts implements Closeable {
  /** Lines shown before and after the finding's. */
  static final int CONTEXT = 2;
  /** Characters of a line kept: a column beyond them cannot be shown. */
  static final int KEEP = 4096;
  /** Characters shown of a line before the spot and after it. */
  static final int BEFORE = 60;
  static final int AFTER = 100;

  private static final Pattern DECLARED = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

  /**
   * One line of an excerpt: its number, the part shown, whether text was left out before or after
   * it, and the span marked (as indexes into {@code text}; -1 when nothing on this line is).
   */
  record Line(long number, String text, boolean cutBefore, boolean cutAfter, int markFrom, int markTo) {
    boolean marked() {
      return markFrom >= 0;
    }
  }

  /** The lines around a finding, its own marked; {@code note} says why the spot is not shown, when it is not. */
  record Excerpt(List<Line> lines, String note) {}

  private final Reader in;
  /** Lines read and kept, oldest first; the last may be followed by more to read. */
  private final Deque<Kept> kept = new ArrayDeque<>();
  private long nextLine = 1;
  private boolean ended;
  private int pending = -2;

  private record Kept(long number, String text, boolean cut) {}

  SourceExcerpts(Path file) throws IOException {
    InputStream bytes = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    this.in = new java.io.BufferedReader(new InputStreamReader(bytes, decoder(bytes)), 1 << 16);
  }

  /** The file's encoding: from its byte-order mark, else its XML declaration, else UTF-8; bad bytes become U+FFFD. */
  private static CharsetDecoder decoder(InputStream bytes) throws IOException {
    bytes.mark(256);
    byte[] head = bytes.readNBytes(256);
    bytes.reset();
    Charset charset = StandardCharsets.UTF_8;
    if (head.length >= 2 && (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff) {
      charset = StandardCharsets.UTF_16BE;
    } else if (head.length >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe) {
      charset = StandardCharsets.UTF_16LE;
    } else if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
      bytes.skip(3);
    } else {
      Matcher declared = DECLARED.matcher(new String(head, StandardCharsets.ISO_8859_1));
      if (declared.find() && Charset.isSupported(declared.group(1))) {
        charset = Charset.forName(declared.group(1));
      }
    }
    return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
  }

  /**
   * The excerpt for a finding at {@code line}:{@code column} (1-based); calls come in line and
   * column order. A line of 0 (the file as a whole) has no excerpt.
   */
  Excerpt at(long line, long column) throws IOException {
    if (line <= 0) {
      return new Excerpt(List.of(), "");
    }
    while (kept.size() > 0 && kept.peekFirst().number() < line - CONTEXT) {
      kept.removeFirst();
    }
    while (!ended && nextLine <= line + CONTEXT) {
      readLine();
      while (kept.size() > 2 * CONTEXT + 1 && kept.peekFirst().number() < line - CONTEXT) {
        kept.removeFirst();
      }
    }
    List<Line> lines = new ArrayList<>();
    String note = "";
    boolean found = false;
    for (Kept k : kept) {
      if (k.number() < line - CONTEXT || k.number() > line + CONTEXT) {
        continue;
      }
      if (k.number() != line) {
        boolean cut = k.text().length() > BEFORE + AFTER;
        lines.add(new Line(k.number(), cut ? k.text().substring(0, BEFORE + AFTER) : k.text(), false, cut || k.cut(), -1, -1));
        continue;
      }
      found = true;
      if (column > KEEP) {
        note = "column " + column + " is past the first " + KEEP + " characters of this line, which is all a report keeps of a line";
        lines.add(new Line(k.number(), k.text().substring(0, Math.min(k.text().length(), BEFORE + AFTER)), false, true, -1, -1));
        continue;
      }
      lines.add(spot(k, (int) column));
    }
    if (!found) {
      note = "the file has no line " + line;
    }
    return new Excerpt(List.copyOf(lines), note);
  }

  /**
   * The finding's line, around the spot: the parser places a finding just after the tag it is
   * about, so the mark runs from that tag's {@code <} to the column (or is the one character
   * before it).
   */
  private static Line spot(Kept k, int column) {
    String text = k.text();
    int end = Math.min(Math.max(column - 1, 0), text.length());
    int tag = end > 0 ? text.lastIndexOf('<', end - 1) : -1;
    int markFrom = tag >= 0 && end - tag <= 2 * AFTER ? tag : Math.max(end - 1, 0);
    int markTo = Math.max(end, Math.min(markFrom + 1, text.length()));
    int from = Math.max(0, markFrom - BEFORE);
    int to = Math.min(text.length(), Math.max(markTo, markFrom + AFTER));
    return new Line(k.number(), text.substring(from, to), from > 0, to < text.length() || k.cut(), markFrom - from, markTo - from);
  }

  /** Reads the next line, keeping its first {@value #KEEP} characters. */
  private void readLine() throws IOException {
    StringBuilder text = new StringBuilder();
    boolean cut = false;
    int c = pending != -2 ? pending : in.read();
    pending = -2;
    if (c == -1) {
      ended = true;
      return;
    }
    while (c != -1 && c != '\n' && c != '\r') {
      if (text.length() < KEEP) {
        text.append((char) c);
      } else {
        cut = true;
      }
      c = in.read();
    }
    if (c == '\r') {
      int next = in.read();
      if (next != '\n') {
        pending = next;
      }
    }
    if (c == -1) {
      ended = true;
    }
    kept.addLast(new Kept(nextLine++, text.toString(), cut));
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
