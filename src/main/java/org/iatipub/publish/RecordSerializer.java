package org.iatipub.publish;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.sax.SAXTransformerFactory;
import javax.xml.transform.sax.TransformerHandler;

/**
 * The serializer that turns one record's SAX events into indented UTF-8 bytes without an XML
 * declaration, ready to be placed inside a file's root element.
 */
final class RecordSerializer {
  private RecordSerializer() {}

  static TransformerHandler create() {
    try {
      TransformerHandler handler = ((SAXTransformerFactory) SAXTransformerFactory.newInstance()).newTransformerHandler();
      handler.getTransformer().setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      handler.getTransformer().setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      handler.getTransformer().setOutputProperty(OutputKeys.INDENT, "yes");
      handler.getTransformer().setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
      return handler;
    } catch (TransformerConfigurationException e) {
      throw new IllegalStateException("this Java runtime cannot write XML: " + e.getMessage(), e);
    }
  }
}
