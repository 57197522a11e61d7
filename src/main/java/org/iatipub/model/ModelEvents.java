package org.iatipub.model;

import jakarta.xml.bind.JAXBElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * Writes an element of the model as SAX events, in schema order: the events JAXB's marshaller
 * sends to a content handler for the same object ({@code ModelEventsTest} holds the two to the same
 * events), without its per-element bookkeeping. The schema validator, the serializer and the
 * checks' tree all take these events. Not thread-safe: one per thread, reused.
 */
public final class ModelEvents {
  private final Map<Class<?>, ModelType> types;
  private final AttributesImpl attributes = new AttributesImpl();
  // The namespaces declared on the open elements, innermost last: prefix and URI side by side.
  private final List<String> prefixes = new ArrayList<>();
  private final List<String> uris = new ArrayList<>();
  private char[] chars = new char[256];

  /** Writes elements of the model classes reachable from {@code root}. */
  public ModelEvents(Class<?> root) {
    this.types = ModelType.reachableFrom(root);
  }

  /** Sends {@code element} to {@code out}, without start and end of document. */
  public void write(JAXBElement<?> element, ContentHandler out) throws SAXException {
    Object value = element.getValue();
    bean(element.getName(), value, type(value), out);
  }

  private ModelType type(Object bean) {
    ModelType type = types.get(bean.getClass());
    if (type == null) {
      throw new IllegalStateException(bean.getClass().getName() + " is not a class these events write");
    }
    return type;
  }

  private void bean(QName name, Object bean, ModelType type, ContentHandler out) throws SAXException {
    attributes.clear();
    for (ModelType.Slot slot : type.attributeOrder()) {
      Object value = slot.get(bean);
      if (value != null) {
        QName attribute = slot.name();
        attributes.addAttribute(attribute.getNamespaceURI(), attribute.getLocalPart(), written(attribute), "CDATA", slot.print(value));
      }
    }
    int declared = prefixes.size();
    Map<QName, String> open = type.anyAttributesIfAny(bean);
    if (open != null) {
      for (Map.Entry<QName, String> entry : open.entrySet()) {
        QName attribute = entry.getKey();
        declare(attribute, out);
        attributes.addAttribute(attribute.getNamespaceURI(), attribute.getLocalPart(), written(attribute), "CDATA", entry.getValue());
      }
    }
    start(name, out);
    ModelType.Slot value = type.value();
    if (value != null) {
      Object text = value.get(bean);
      if (text != null) {
        characters(value.print(text), out);
      }
    }
    for (ModelType.Slot slot : type.contentOrder()) {
      if (slot == null) {
        List<Object> any = type.anyElementsIfAny(bean);
        if (any != null) {
          for (Object item : any) {
            dom((Element) item, out);
          }
        }
      } else if (slot.isList()) {
        List<?> items = (List<?>) slot.get(bean);
        if (items != null) {
          for (Object item : items) {
            child(slot, item, out);
          }
        }
      } else {
        Object item = slot.get(bean);
        if (item != null) {
          child(slot, item, out);
        }
      }
    }
    end(name, declared, out);
  }

  private void child(ModelType.Slot slot, Object item, ContentHandler out) throws SAXException {
    if (slot.reading() == null) {
      if (item.getClass() != slot.itemType()) {
        throw new IllegalStateException(item.getClass().getName() + " where the model has " + slot.itemType().getName());
      }
      bean(slot.name(), item, slot.model(), out);
    } else {
      attributes.clear();
      int declared = prefixes.size();
      start(slot.name(), out);
      characters(slot.print(item), out);
      end(slot.name(), declared, out);
    }
  }

  /** An element kept as it was (an extension), with the namespaces it declares and those it and its attributes use. */
  private void dom(Element element, ContentHandler out) throws SAXException {
    QName name = name(element);
    int declared = prefixes.size();
    NamedNodeMap map = element.getAttributes();
    for (int i = 0; i < map.getLength(); i++) {
      Attr attribute = (Attr) map.item(i);
      if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
        declare(attribute.getPrefix() == null ? "" : attribute.getLocalName(), attribute.getValue(), out);
      }
    }
    declare(name, out);
    attributes.clear();
    for (int i = 0; i < map.getLength(); i++) {
      Attr attribute = (Attr) map.item(i);
      if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
        QName attributeName = name(attribute);
        declare(attributeName, out);
        attributes.addAttribute(attributeName.getNamespaceURI(), attributeName.getLocalPart(), written(attributeName),
            "CDATA", attribute.getValue());
      }
    }
    out.startElement(name.getNamespaceURI(), name.getLocalPart(), written(name), attributes);
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        dom(childElement, out);
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        characters(child.getNodeValue(), out);
      }
    }
    end(name, declared, out);
  }

  private void start(QName name, ContentHandler out) throws SAXException {
    declare(name, out);
    out.startElement(name.getNamespaceURI(), name.getLocalPart(), written(name), attributes);
  }

  private void end(QName name, int declared, ContentHandler out) throws SAXException {
    out.endElement(name.getNamespaceURI(), name.getLocalPart(), written(name));
    while (prefixes.size() > declared) {
      uris.remove(uris.size() - 1);
      out.endPrefixMapping(prefixes.remove(prefixes.size() - 1));
    }
  }

  /** Declares a name's namespace on the element about to start, unless it is XML's own. */
  private void declare(QName name, ContentHandler out) throws SAXException {
    if (!name.getNamespaceURI().isEmpty() && !XMLConstants.XML_NS_URI.equals(name.getNamespaceURI())) {
      declare(name.getPrefix(), name.getNamespaceURI(), out);
    }
  }

  /** Declares {@code prefix} for {@code uri}, unless the innermost declaration of that prefix already says so. */
  private void declare(String prefix, String uri, ContentHandler out) throws SAXException {
    int i = prefixes.lastIndexOf(prefix);
    if (i < 0 || !uris.get(i).equals(uri)) {
      prefixes.add(prefix);
      uris.add(uri);
      out.startPrefixMapping(prefix, uri);
    }
  }

  private void characters(String text, ContentHandler out) throws SAXException {
    if (chars.length < text.length()) {
      chars = new char[Math.max(text.length(), chars.length * 2)];
    }
    text.getChars(0, text.length(), chars, 0);
    out.characters(chars, 0, text.length());
  }

  private static QName name(Node node) {
    String uri = node.getNamespaceURI() == null ? "" : node.getNamespaceURI();
    String prefix = node.getPrefix() == null ? "" : node.getPrefix();
    return new QName(uri, node.getLocalName(), prefix);
  }

  /** The qualified name as written in XML: {@code xml:lang}, {@code prefix:local} or {@code local}. */
  public static String written(QName name) {
    if (XMLConstants.XML_NS_URI.equals(name.getNamespaceURI())) {
      return "xml:" + name.getLocalPart();
    }
    return name.getPrefix().isEmpty() ? name.getLocalPart() : name.getPrefix() + ":" + name.getLocalPart();
  }
}
