package org.iatipub.source;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.iatipub.scratch.ScratchDir;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The shared strings of an .xlsx workbook (the text of its text cells, each stored once, cells
 * citing it by number), kept in memory-mapped scratch files rather than on the heap: a workbook of
 * a large publisher has hundreds of thousands of them (an identifier, a reference, a description
 * per row), and memory must not grow with the workbook. Read once, in order, as the part is
 * streamed; looked up by number as the sheets are read.
 *
 * <p>A string longer than a cell may hold ({@link SheetRows#MAX_CELL_CHARS}) is not kept: only its
 * length, for the finding at the cell that cites it.
 */
final class SharedStrings implements Closeable {
  /** Strings files are mapped in windows this far apart, each overlapping the next by a whole record. */
  private static final long WINDOW = 1L << 28;
  /** The largest record: a length and a cell's most text in UTF-8 (at most three bytes a character). */
  private static final int MAX_RECORD = Integer.BYTES + 3 * SheetRows.MAX_CELL_CHARS + Long.BYTES;
  private static final long OFFSETS_WINDOW = 1L << 27;

  /** What one string of the part is, as it is read. */
  interface Listener {
    /** The {@code index}th string: its text, or null when it has {@code length} characters, more than a cell holds. */
    void string(int index, String text, long length) throws SAXException;
  }

  private final ScratchDir dir;
  private final int count;
  private final List<MappedByteBuffer> strings = new ArrayList<>();
  private final List<MappedByteBuffer> offsets = new ArrayList<>();

  private SharedStrings(ScratchDir dir, int count, Path stringsFile, Path offsetsFile) throws IOException {
    this.dir = dir;
    this.count = count;
    try (FileChannel channel = FileChannel.open(stringsFile, StandardOpenOption.READ)) {
      long size = channel.size();
      for (long start = 0; start < size; start += WINDOW) {
        strings.add(channel.map(FileChannel.MapMode.READ_ONLY, start, Math.min(size - start, WINDOW + MAX_RECORD)));
      }
    }
    try (FileChannel channel = FileChannel.open(offsetsFile, StandardOpenOption.READ)) {
      long size = channel.size();
      for (long start = 0; start < size; start += OFFSETS_WINDOW) {
        offsets.add(channel.map(FileChannel.MapMode.READ_ONLY, start, Math.min(size - start, OFFSETS_WINDOW)));
      }
    }
  }

  /**
   * Reads the shared-strings part into scratch files.
   *
   * @throws SAXException when the part is not well-formed (or declares a DOCTYPE)
   */
  static SharedStrings read(InputStream part) throws IOException, SAXException {
    ScratchDir dir = ScratchDir.create("shared-strings");
    try {
      Path stringsFile = dir.file("strings");
      Path offsetsFile = dir.file("offsets");
      int[] count = {0};
      long[] written = {0};
      try (DataOutputStream text = data(stringsFile); DataOutputStream at = data(offsetsFile)) {
        stream(part, (index, string, length) -> {
          try {
            at.writeLong(written[0]);
            written[0] += write(text, string, length);
          } catch (IOException e) {
            throw new SAXException(e);
          }
          count[0]++;
        }, Integer.MAX_VALUE);
      }
      return new SharedStrings(dir, count[0], stringsFile, offsetsFile);
    } catch (IOException | SAXException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  private static DataOutputStream data(Path file) throws IOException {
    OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
  }

  /** Writes one string's record; returns its size in bytes. */
  private static int write(DataOutputStream out, String text, long length) throws IOException {
    if (text == null) {
      out.writeInt(-1);
      out.writeLong(length);
      return Integer.BYTES + Long.BYTES;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
    return Integer.BYTES + bytes.length;
  }

  /**
   * Streams the strings of the part to {@code listener}, up to and including the one numbered
   * {@code last}: a header row needs only the few strings it cites.
   */
  static void stream(InputStream part, Listener listener, int last) throws IOException, SAXException {
    XMLReader reader = Workbook.xmlReader();
    Handler handler = new Handler(listener, last);
    reader.setContentHandler(handler);
    try {
      reader.parse(new InputSource(part));
    } catch (Handler.Enough enough) {
      // every string asked for was read
    }
  }

  /** How many strings the workbook has. */
  int size() {
    return count;
  }

  /** The {@code index}th string; null when it is longer than a cell may hold ({@link #length} says how long). */
  String get(int index) {
    ByteBuffer record = record(index);
    int bytes = record.getInt();
    if (bytes < 0) {
      return null;
    }
    byte[] text = new byte[bytes];
    record.get(text);
    return new String(text, StandardCharsets.UTF_8);
  }

  /** How many characters a string too long to keep had. */
  long length(int index) {
    ByteBuffer record = record(index);
    return record.getInt() < 0 ? record.getLong() : -1;
  }

  private ByteBuffer record(int index) {
    if (index < 0 || index >= count) {
      throw new IndexOutOfBoundsException(index);
    }
    long at = (long) index * Long.BYTES;
    long offset = offsets.get((int) (at / OFFSETS_WINDOW)).getLong((int) (at % OFFSETS_WINDOW));
    ByteBuffer window = strings.get((int) (offset / WINDOW)).duplicate();
    window.position((int) (offset % WINDOW));
    return window;
  }

  /** Deletes the scratch files (the mappings go with the garbage collector, as the JDK gives no other way). */
  @Override
  public void close() {
    strings.clear();
    offsets.clear();
    dir.close();
  }

  /**
   * Collects each {@code <si>} item's text: its {@code <t>} elements, plain or in rich-text runs,
   * but not the phonetic guide ({@code <rPh>}) that East Asian workbooks add to names.
   */
  private static final class Handler extends DefaultHandler {
    /** Thrown to stop reading once the last string asked for is read. */
    static final class Enough extends SAXException {}

    private final Listener listener;
    private final int last;
    private final CellText text = new CellText();
    private int index;
    private boolean inItem;
    private boolean inText;
    private int phonetic;

    Handler(Listener listener, int last) {
      this.listener = listener;
      this.last = last;
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes attributes) {
      switch (local) {
        case "si" -> {
          inItem = true;
          text.clear();
        }
        case "rPh" -> phonetic++;
        case "t" -> inText = inItem && phonetic == 0;
        default -> { }
      }
    }

    @Override
    public void endElement(String uri, String local, String qName) throws SAXException {
      switch (local) {
        case "si" -> {
          inItem = false;
          listener.string(index, text.tooLong() ? null : CellValues.unescape(text.toString()), text.length());
          if (index++ >= last) {
            throw new Enough();
          }
        }
        case "rPh" -> phonetic--;
        case "t" -> inText = false;
        default -> { }
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inText) {
        text.append(ch, start, length);
      }
    }
  }
}
