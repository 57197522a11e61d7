package org.iatipub.xml;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Parsers for files from anyone. DOCTYPE declarations are refused outright: IATI files never need
 * one, and refusing them rules out external entities (XXE) and entity-expansion bombs before a byte
 * of them is acted on.
 */
public final class SafeXml {
  /** Word that the JDK parser puts in its message when it refuses a DOCTYPE. */
  public static final String DOCTYPE_REFUSED = "DOCTYPE";

  /**
   * The deepest element nesting read. IATI files nest about ten deep; the checks walk records
   * recursively, so a hostile file nested thousands deep would overflow the stack instead of
   * getting a finding. The JDK parser stops at this depth with a parse error at its line.
   */
  public static final int MAX_ELEMENT_DEPTH = 256;
  private static final String MAX_ELEMENT_DEPTH_PROPERTY = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";

  private SafeXml() {}

  /** A namespace-aware streaming reader that reads nothing but the document itself. */
  public static XMLReader newReader() {
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setXIncludeAware(false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      XMLReader reader = factory.newSAXParser().getXMLReader();
      reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      reader.setProperty(MAX_ELEMENT_DEPTH_PROPERTY, String.valueOf(MAX_ELEMENT_DEPTH));
      return reader;
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("this Java runtime cannot make a hardened XML parser: " + e.getMessage(), e);
    }
  }
}
