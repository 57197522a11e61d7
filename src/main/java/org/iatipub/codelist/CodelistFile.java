package org.iatipub.codelist;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads one official codelist file (IATI codelist XML, as {@code codelist.xsd} describes it) into
 * a {@link Codelist}, keeping only what the project uses: code, English name, status, category.
 * Also notes the latest activation or withdrawal date, to date the release.
 */
final class CodelistFile extends DefaultHandler {
  private final Deque<String> open = new ArrayDeque<>();
  private final List<Code> codes = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private String name = "";
  private String title = "";
  private String latestChange = "";

  // The code being read.
  private String value;
  private String codeName;
  private CodeStatus status;
  private String category;
  private boolean englishNarrative;

  Codelist codelist() {
    return Codelist.of(name, title.isEmpty() ? name : title, codes);
  }

  String latestChange() {
    return latestChange;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
    String parent = open.peek();
    open.push(localName);
    text.setLength(0);
    switch (localName) {
      case "codelist" -> name = atts.getValue("name") == null ? "" : atts.getValue("name");
      case "codelist-item" -> {
        value = null;
        codeName = "";
        category = "";
        status = statusOf(atts.getValue("status"));
        noteDate(atts.getValue("activation-date"));
        noteDate(atts.getValue("withdrawal-date"));
      }
      case "narrative" -> {
        // English is the names' language: a narrative without xml:lang inherits the file's "en".
        String lang = atts.getValue("xml:lang");
        englishNarrative = "name".equals(parent) && (lang == null || lang.equals("en"));
      }
      default -> { }
    }
  }

  private CodeStatus statusOf(String word) throws SAXException {
    try {
      return word == null ? CodeStatus.ACTIVE : CodeStatus.ofWord(word);
    } catch (IllegalArgumentException e) {
      throw new SAXException(e.getMessage());
    }
  }

  private void noteDate(String date) {
    if (date != null && date.compareTo(latestChange) > 0) {
      latestChange = date.strip();
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    text.append(ch, start, length);
  }

  @Override
  public void endElement(String uri, String localName, String qName) throws SAXException {
    open.pop();
    String parent = open.peek();
    String content = text.toString().strip().replaceAll("\\s+", " ");
    text.setLength(0);
    boolean inItem = open.contains("codelist-item");
    switch (localName) {
      case "code" -> {
        if (inItem) {
          value = content;
        }
      }
      case "category" -> {
        if ("codelist-item".equals(parent)) {
          category = content;
        }
      }
      case "narrative" -> {
        if (englishNarrative && open.size() >= 2) {
          String owner = List.copyOf(open).get(1);
          if (owner.equals("codelist-item") && codeName.isEmpty()) {
            codeName = content;
          } else if (owner.equals("metadata") && title.isEmpty()) {
            title = content;
          }
        }
      }
      case "codelist-item" -> {
        if (value == null || value.isEmpty()) {
          throw new SAXException("a codelist-item of " + name + " has no code");
        }
        codes.add(new Code(value, codeName, status, category));
      }
      default -> { }
    }
  }
}
