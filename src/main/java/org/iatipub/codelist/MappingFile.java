package org.iatipub.codelist;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the official {@code mapping.xml}: which codelist governs which XPath, with an optional
 * XPath condition. Only the XPath forms the standard uses are accepted, and anything else stops
 * the import: a condition read wrongly would check codes against the wrong list without a word.
 */
final class MappingFile extends DefaultHandler {
  /** One mapping as written in the official file, before rule ids are attached. */
  record Entry(String officialPath, CodedPath path, String codelist, Optional<VocabularyCondition> condition) {}

  private static final Pattern EQUALS = Pattern.compile("@([\\w:-]+)\\s*=\\s*'([^']*)'");
  private static final Pattern NOT = Pattern.compile("not\\(@([\\w:-]+)\\)");
  private static final Pattern STEP = Pattern.compile("[\\w-]+");

  private final List<Entry> entries = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private String path;
  private String codelist;
  private String condition;

  List<Entry> entries() {
    return List.copyOf(entries);
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts) {
    text.setLength(0);
    switch (localName) {
      case "mapping" -> {
        path = null;
        codelist = null;
        condition = null;
      }
      case "codelist" -> codelist = atts.getValue("ref");
      default -> { }
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    text.append(ch, start, length);
  }

  @Override
  public void endElement(String uri, String localName, String qName) throws SAXException {
    String content = text.toString().strip();
    text.setLength(0);
    switch (localName) {
      case "path" -> path = content;
      case "condition" -> condition = content;
      case "mapping" -> {
        if (path == null || codelist == null) {
          throw new SAXException("a mapping without a path or a codelist ref");
        }
        entries.add(new Entry(path, codedPath(path), codelist, Optional.ofNullable(condition).map(MappingFile::vocabularyCondition)));
      }
      default -> { }
    }
  }

  /** {@code //iati-activity/sector/@code}, {@code //a/b/text()} or {@code //@xml:lang}. */
  static CodedPath codedPath(String xpath) throws SAXException {
    if (!xpath.startsWith("//")) {
      throw new SAXException("mapping path " + xpath + " does not start with //");
    }
    String[] steps = xpath.substring(2).split("/");
    String last = steps[steps.length - 1];
    boolean inText = last.equals("text()");
    if (!inText && !last.startsWith("@")) {
      throw new SAXException("mapping path " + xpath + " ends neither in an attribute nor in text()");
    }
    List<String> elements = List.of(steps).subList(0, steps.length - 1);
    for (String step : elements) {
      if (!STEP.matcher(step).matches()) {
        throw new SAXException("mapping path " + xpath + " has a step iatipub does not understand: " + step);
      }
    }
    if (elements.isEmpty() && inText) {
      throw new SAXException("mapping path " + xpath + " names no element");
    }
    return new CodedPath(elements, inText ? "" : last.substring(1));
  }

  /** {@code @vocabulary = '1' or not(@vocabulary)}: values of one attribute, or its absence. */
  static VocabularyCondition vocabularyCondition(String xpath) {
    String attribute = null;
    Set<String> values = new TreeSet<>();
    boolean whenAbsent = false;
    for (String term : xpath.split("\\s+or\\s+")) {
      Matcher equals = EQUALS.matcher(term.strip());
      Matcher not = NOT.matcher(term.strip());
      String named;
      if (equals.matches()) {
        named = equals.group(1);
        values.add(equals.group(2));
      } else if (not.matches()) {
        named = not.group(1);
        whenAbsent = true;
      } else {
        throw new IllegalArgumentException("mapping condition " + xpath + " is not of a form iatipub understands (@attribute = 'value' or not(@attribute))");
      }
      if (attribute != null && !attribute.equals(named)) {
        throw new IllegalArgumentException("mapping condition " + xpath + " mixes attributes " + attribute + " and " + named);
      }
      attribute = named;
    }
    return new VocabularyCondition(attribute, values, whenAbsent);
  }
}
