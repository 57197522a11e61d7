package org.iatipub.publish;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;

/**
 * Turns one record's SAX events into indented UTF-8 bytes without an XML declaration, ready to be
 * placed inside a file's root element.
 *
 * <p>It writes what the JDK's serializer (an XSLT identity transform with two-space indentation)
 * writes, byte for byte, so files keep their form: each element on its own line, an element with
 * only text on one line, an empty one as {@code <a/>}; {@code & < >} escaped, and in attributes
 * also quotes, tabs and line breaks; control characters and characters beyond the Basic
 * Multilingual Plane as character references; text beside child elements on a line of its own.
 * It does only that, without the general serializer's machinery, which took about 7% of publish's
 * CPU. The tests hold it to the JDK's output on every character, on real files and on activities
 * the model writes. Reused for every record of a thread: {@link #to} starts the next.
 */
final class RecordSerializer implements ContentHandler {
  private ByteArrayOutputStream out;
  private final StringBuilder pendingText = new StringBuilder();
  private final List<String[]> pendingDeclarations = new ArrayList<>();
  // Where the writing is, as the JDK's serializer keeps it: the child nodes (elements, runs of
  // text) of each open element so far, whether a start tag waits for its '>', whether text was
  // the last thing written, and whether a line was started yet.
  private int[] childNodes = new int[16];
  private int depth;
  private boolean startTagOpen;
  private boolean textLast;
  private boolean lineStarted;
  // The record is built here and handed over whole at the end of the document.
  private byte[] buffer = new byte[1 << 14];
  private int length;

  /** Sends the next record to {@code bytes}. */
  RecordSerializer to(ByteArrayOutputStream bytes) {
    this.out = bytes;
    length = 0;
    pendingText.setLength(0);
    pendingDeclarations.clear();
    depth = 0;
    childNodes[0] = 0;
    startTagOpen = false;
    textLast = false;
    lineStarted = false;
    return this;
  }

  @Override
  public void startPrefixMapping(String prefix, String uri) {
    pendingDeclarations.add(new String[] {prefix, uri});
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
    childNodes[depth]++;
    flushText();
    closeStartTag();
    if (depth > 0) {
      indent(depth); // top-level elements go side by side, as the JDK's serializer writes them
    }
    lineStarted = true;
    write('<');
    write(qName);
    for (String[] declaration : pendingDeclarations) {
      write(declaration[0].isEmpty() ? " xmlns" : " xmlns:" + declaration[0]);
      write("=\"");
      attributeValue(declaration[1]);
      write('"');
    }
    for (int i = 0; i < atts.getLength(); i++) {
      String name = atts.getQName(i);
      if ((name.equals("xmlns") || name.startsWith("xmlns:")) && declared(name, atts.getValue(i))) {
        continue; // declared above already
      }
      write(' ');
      write(name);
      write("=\"");
      attributeValue(atts.getValue(i));
      write('"');
    }
    pendingDeclarations.clear();
    startTagOpen = true;
    if (++depth == childNodes.length) {
      childNodes = Arrays.copyOf(childNodes, depth * 2);
    }
    childNodes[depth] = 0;
    textLast = false;
  }

  private boolean declared(String attribute, String uri) {
    String prefix = attribute.equals("xmlns") ? "" : attribute.substring("xmlns:".length());
    for (String[] declaration : pendingDeclarations) {
      if (declaration[0].equals(prefix) && declaration[1].equals(uri)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    if (length > 0) {
      closeStartTag();
      pendingText.append(ch, start, length);
    }
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
    characters(ch, start, length);
  }

  @Override
  public void endElement(String uri, String localName, String qName) throws SAXException {
    flushText();
    if (startTagOpen) {
      write("/>");
      startTagOpen = false;
    } else {
      if (childNodes[depth] > 1 || !textLast) {
        indent(depth - 1); // an element with only text ends on its line; one with children on a new one
      }
      write("</");
      write(qName);
      write('>');
    }
    depth--;
    textLast = false;
  }

  @Override
  public void endDocument() throws SAXException {
    flushText();
    if (!textLast) {
      write('\n');
    }
    out.write(buffer, 0, length);
    length = 0;
  }

  /**
   * Writes the text gathered since the last tag: as it is when it is an element's only child;
   * otherwise on a line of its own, indented, without the line breaks it started with.
   */
  private void flushText() throws SAXException {
    if (pendingText.length() == 0) {
      return;
    }
    int from = 0;
    if (depth > 0 && ++childNodes[depth] > 1) {
      indent(depth);
      lineStarted = true;
      while (from < pendingText.length() && pendingText.charAt(from) == '\n') {
        from++;
      }
    }
    if (from < pendingText.length()) {
      text(pendingText, from);
      textLast = true;
    }
    pendingText.setLength(0);
  }

  private void closeStartTag() throws SAXException {
    if (startTagOpen) {
      write('>');
      startTagOpen = false;
    }
  }

  private void indent(int level) throws SAXException {
    if (lineStarted) {
      write('\n');
    }
    for (int i = 0; i < level; i++) {
      write("  ");
    }
  }

  private void text(CharSequence text, int from) throws SAXException {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> write("&amp;");
        case '<' -> write("&lt;");
        case '>' -> write("&gt;");
        case '\t', '\n' -> write(c);
        default -> {
          if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
            reference(c);
          } else {
            i = character(text, i);
          }
        }
      }
    }
  }

  private void attributeValue(String value) throws SAXException {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> write("&amp;");
        case '<' -> write("&lt;");
        case '>' -> write("&gt;");
        case '"' -> write("&quot;");
        default -> {
          if (c < 0x20) {
            reference(c);
          } else {
            i = character(value, i);
          }
        }
      }
    }
  }

  /** Writes the character at {@code i} (a pair of surrogates as one reference); returns the last index used. */
  private int character(CharSequence text, int i) throws SAXException {
    char c = text.charAt(i);
    if (c < 0x80) {
      write(c);
    } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
      reference(Character.toCodePoint(c, text.charAt(i + 1)));
      return i + 1;
    } else if (Character.isSurrogate(c)) {
      throw new SAXException("half a surrogate pair (U+" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
          + ") is no character; it cannot be written as XML");
    } else if (c < 0x800) {
      room(2);
      buffer[length++] = (byte) (0xc0 | c >> 6);
      buffer[length++] = (byte) (0x80 | c & 0x3f);
    } else {
      room(3);
      buffer[length++] = (byte) (0xe0 | c >> 12);
      buffer[length++] = (byte) (0x80 | c >> 6 & 0x3f);
      buffer[length++] = (byte) (0x80 | c & 0x3f);
    }
    return i;
  }

  private void reference(int codePoint) throws SAXException {
    write("&#");
    write(Integer.toString(codePoint));
    write(';');
  }

  private void write(char ascii) {
    room(1);
    buffer[length++] = (byte) ascii;
  }

  /** Writes markup or a name: ASCII but for names in other scripts, which are written as UTF-8. */
  private void write(String text) throws SAXException {
    int size = text.length();
    room(size);
    for (int i = 0; i < size; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        for (int j = i; j < size; j++) {
          j = character(text, j);
        }
        return;
      }
      buffer[length++] = (byte) c;
    }
  }

  private void room(int bytes) {
    if (length + bytes > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + bytes));
    }
  }

  @Override
  public void setDocumentLocator(Locator locator) {}

  @Override
  public void startDocument() {}

  @Override
  public void endPrefixMapping(String prefix) {}

  @Override
  public void processingInstruction(String target, String data) {}

  @Override
  public void skippedEntity(String name) {}
}
