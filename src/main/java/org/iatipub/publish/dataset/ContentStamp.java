package org.iatipub.publish.dataset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The {@code last-updated-datetime} of a serialised record ({@code iati-activity} or {@code
 * iati-organisation}), kept apart from its content: the content hash leaves the timestamp out, so
 * a record whose data did not change hashes the same whatever its timestamp, and the timestamp is
 * put back on its start tag only once it is decided.
 *
 * <p>It works on the writer's own output, whose start tag is well-formed XML: attribute values are
 * quoted and hold no raw {@code <}, and UTF-8 never uses ASCII bytes inside a multi-byte character,
 * so scanning the bytes for quotes and brackets is exact.
 *
 * @param element the record's element name
 */
record ContentStamp(String element) {
  static final String ATTRIBUTE = "last-updated-datetime";

  /**
   * A record split into its content and its timestamp.
   *
   * @param content the bytes without the {@code last-updated-datetime} attribute
   * @param explicit the timestamp the input gave, or null when it gave none
   */
  record Parts(byte[] content, String explicit) {}

  Parts split(byte[] xml) {
    int open = startTag(xml);
    int i = open + 1 + element.length();
    while (i < xml.length) {
      int gap = i;
      while (i < xml.length && isSpace(xml[i])) {
        i++;
      }
      if (i >= xml.length || xml[i] == '>' || xml[i] == '/') {
        break;
      }
      int nameStart = i;
      while (xml[i] != '=' && !isSpace(xml[i])) {
        i++;
      }
      String name = new String(xml, nameStart, i - nameStart, StandardCharsets.US_ASCII);
      while (xml[i] != '"' && xml[i] != '\'') {
        i++;
      }
      byte quote = xml[i];
      int valueStart = ++i;
      while (xml[i] != quote) {
        i++;
      }
      int valueEnd = i++;
      if (name.equals(ATTRIBUTE)) {
        byte[] content = new byte[xml.length - (i - gap)];
        System.arraycopy(xml, 0, content, 0, gap);
        System.arraycopy(xml, i, content, gap, xml.length - i);
        return new Parts(content, new String(xml, valueStart, valueEnd - valueStart, StandardCharsets.UTF_8));
      }
    }
    return new Parts(xml, null);
  }

  /** The content with {@code last-updated-datetime="when"} as the start tag's first attribute. */
  byte[] stamp(byte[] content, String when) {
    int at = startTag(content) + 1 + element.length();
    byte[] attribute = (" " + ATTRIBUTE + "=\"" + when + "\"").getBytes(StandardCharsets.UTF_8);
    byte[] stamped = Arrays.copyOf(content, content.length + attribute.length);
    System.arraycopy(attribute, 0, stamped, at, attribute.length);
    System.arraycopy(content, at, stamped, at + attribute.length, content.length - at);
    return stamped;
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private int startTag(byte[] xml) {
    byte[] open = ("<" + element).getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i + open.length < xml.length; i++) {
      if (Arrays.equals(xml, i, i + open.length, open, 0, open.length)
          && (isSpace(xml[i + open.length]) || xml[i + open.length] == '>' || xml[i + open.length] == '/')) {
        return i;
      }
    }
    throw new IllegalArgumentException("no <" + element + "> start tag in the record");
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }
}
