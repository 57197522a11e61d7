package org.iatipub.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.iatipub.SharedIati;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Every {@code iati-activity} of the official schema tests and real files (organisation files
 * left out), to hold the model's reading and writing to JAXB's on all of them. Files that are not
 * well-formed (the schema tests have a few, on purpose) are skipped. The blank text between child
 * elements is removed, since a draft never mixes text and elements.
 */
public final class OfficialActivities {
  /** One activity and where it is: its file (under {@code ../shared/iati}) and position, for assertion messages. */
  public record Activity(String where, Element element) {}

  private OfficialActivities() {}

  public static List<Activity> all() throws IOException {
    List<Path> files = new ArrayList<>();
    Path iati = SharedIati.require("schema-tests").getParent();
    for (Path dir : List.of(SharedIati.require("schema-tests"), SharedIati.require("real-files"))) {
      try (Stream<Path> found = Files.walk(dir)) {
        found.filter(p -> p.toString().endsWith(".xml") && !p.toString().contains("organisation")).sorted().forEach(files::add);
      }
    }
    List<Activity> activities = new ArrayList<>();
    for (Path file : files) {
      Document document = parse(file);
      if (document != null) {
        NodeList found = document.getElementsByTagNameNS("", "iati-activity");
        for (int i = 0; i < found.getLength(); i++) {
          activities.add(new Activity(iati.relativize(file) + " activity " + (i + 1), (Element) found.item(i)));
        }
      }
    }
    return activities;
  }

  private static Document parse(Path file) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document document = factory.newDocumentBuilder().parse(file.toFile());
      dropIndentation(document.getDocumentElement());
      return document;
    } catch (SAXException e) {
      return null;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void dropIndentation(Element element) {
    boolean hasElements = false;
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      hasElements |= child instanceof Element;
    }
    Node child = element.getFirstChild();
    while (child != null) {
      Node next = child.getNextSibling();
      if (child instanceof Element childElement) {
        dropIndentation(childElement);
      } else if (hasElements && child.getNodeType() == Node.TEXT_NODE && child.getNodeValue().isBlank()) {
        element.removeChild(child);
      }
      child = next;
    }
  }
}
