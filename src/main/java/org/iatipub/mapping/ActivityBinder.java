package org.iatipub.mapping;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.iatipub.model.iati.IatiActivityType;
import org.iatipub.model.iati.ObjectFactory;
import jakarta.xml.bind.UnmarshallerHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * Binds drafts to the IATI 2.03 model generated from the schemas. The model reads elements in any
 * order and writes them in schema order, which is how flat files get a valid element order.
 * A value the model cannot hold (a date that is no date, a number that is no number) becomes a
 * finding at the cell it came from. Thread-safe: the JAXB context is shared, each thread has its
 * own unmarshaller, the rest is per call.
 */
public final class ActivityBinder {
  private final JAXBContext context;
  // One unmarshaller per thread, reused: JAXB's unmarshaller has a finalizer, so one made per
  // activity keeps that activity's whole tree alive until the finalizer thread gets to it (hundreds
  // of activities at a time, promoted to the old generation, at 200,000 activities a night).
  private final ThreadLocal<Unmarshaller> unmarshallers;

  private ActivityBinder(JAXBContext context) {
    this.context = context;
    this.unmarshallers = ThreadLocal.withInitial(() -> {
      try {
        return context.createUnmarshaller();
      } catch (JAXBException e) {
        throw new IllegalStateException("the IATI model cannot be read: " + e, e);
      }
    });
  }

  public static ActivityBinder create() {
    try {
      return new ActivityBinder(JAXBContext.newInstance(ObjectFactory.class));
    } catch (JAXBException e) {
      throw new IllegalStateException("the IATI model cannot be loaded: " + e, e);
    }
  }

  /** The context of the IATI model, for writing bound activities. */
  public JAXBContext context() {
    return context;
  }

  /**
   * A bound activity, or the findings that stop it.
   *
   * @param activity the {@code iati-activity} in the model, or null when binding failed
   * @param findings values the model could not take, at their cells
   * @param cells the cells those findings point to (so later checks do not report them twice)
   */
  public record Bound(JAXBElement<IatiActivityType> activity, List<Finding> findings, Set<Location.Cell> cells) {
    public boolean ok() {
      return activity != null && findings.isEmpty();
    }
  }

  public Bound bind(ActivityDraft draft) {
    List<Finding> findings = new ArrayList<>();
    Set<Location.Cell> cells = new HashSet<>();
    Feed feed = new Feed(draft.rows().main().whole());
    try {
      JAXBElement<IatiActivityType> bound = feed.unmarshal(draft.activity(), null, findings, cells);
      return new Bound(findings.isEmpty() ? bound : null, findings, cells);
    } catch (RuntimeException | JAXBException | SAXException e) {
      // The model refused a value outright (it does so for attribute numbers): find which one.
      XmlElement failing = feed.current;
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      for (XmlElement.Attribute attribute : failing == null ? List.<XmlElement.Attribute>of() : failing.attributes()) {
        if (!new Feed(draft.rows().main().whole()).accepts(draft.activity(), failing, attribute)) {
          Location.Cell cell = attribute.source() == null ? draft.rows().main().whole() : attribute.source();
          cells.add(cell);
          findings.add(Finding.error("model/bad-value", cell, "'" + attribute.value() + "' in @"
              + XmlElement.written(attribute.name()) + " of " + XmlElement.written(failing.name())
              + " is not valid IATI data (" + why + ")"));
        }
      }
      if (findings.isEmpty()) {
        Location.Cell cell = failing == null || failing.source() == null ? draft.rows().main().whole() : failing.source();
        findings.add(Finding.error("model/bad-value", cell, "a value"
            + (failing == null ? "" : " in " + XmlElement.written(failing.name())) + " is not valid IATI data (" + why + ")"));
      }
      return new Bound(null, findings, cells);
    }
  }

  /**
   * Sends a tree to the model as SAX events, remembering which element is being read, so that a
   * problem the model reports (during that call) can be traced to the element's cell.
   */
  private final class Feed {
    private final Location.Cell fallback;
    private XmlElement current;

    Feed(Location.Cell fallback) {
      this.fallback = fallback;
    }

    JAXBElement<IatiActivityType> unmarshal(XmlElement root, Predicate<XmlElement.Attribute> only,
        List<Finding> findings, Set<Location.Cell> cells) throws JAXBException, SAXException {
      Unmarshaller unmarshaller = unmarshallers.get();
      unmarshaller.setEventHandler(event -> {
        if (findings != null && !String.valueOf(event.getMessage()).startsWith("unexpected element")) {
          // Unknown elements are reported by the completeness check after writing, with their path.
          Location.Cell cell = current == null || current.source() == null ? fallback : current.source();
          cells.add(cell);
          findings.add(Finding.error("model/bad-value", cell, describe(event, current)));
        }
        return true;
      });
      UnmarshallerHandler handler = unmarshaller.getUnmarshallerHandler();
      handler.startDocument();
      send(handler, root, only);
      handler.endDocument();
      @SuppressWarnings("unchecked")
      JAXBElement<IatiActivityType> result = (JAXBElement<IatiActivityType>) handler.getResult();
      return result;
    }

    /** True when the model takes {@code element} with {@code attribute} as its only attribute. */
    boolean accepts(XmlElement root, XmlElement element, XmlElement.Attribute attribute) {
      try {
        unmarshal(root, a -> a == attribute || !element.attributes().contains(a), null, new HashSet<>());
        return true;
      } catch (RuntimeException | JAXBException | SAXException e) {
        return false;
      }
    }

    private void send(ContentHandler handler, XmlElement element, Predicate<XmlElement.Attribute> only) throws SAXException {
      current = element;
      AttributesImpl attributes = new AttributesImpl();
      List<String> prefixes = new ArrayList<>();
      declare(handler, element.name(), prefixes);
      for (XmlElement.Attribute attribute : element.attributes()) {
        if (only == null || only.test(attribute)) {
          QName name = attribute.name();
          if (!XMLConstants.XML_NS_URI.equals(name.getNamespaceURI())) {
            declare(handler, name, prefixes);
          }
          attributes.addAttribute(name.getNamespaceURI(), name.getLocalPart(), XmlElement.written(name), "CDATA", attribute.value());
        }
      }
      QName name = element.name();
      handler.startElement(name.getNamespaceURI(), name.getLocalPart(), XmlElement.written(name), attributes);
      if (element.text() != null) {
        handler.characters(element.text().toCharArray(), 0, element.text().length());
      }
      for (XmlElement child : element.children()) {
        send(handler, child, only);
      }
      current = element;
      handler.endElement(name.getNamespaceURI(), name.getLocalPart(), XmlElement.written(name));
      for (String prefix : prefixes) {
        handler.endPrefixMapping(prefix);
      }
    }

    private void declare(ContentHandler handler, QName name, List<String> prefixes) throws SAXException {
      if (!name.getNamespaceURI().isEmpty() && !prefixes.contains(name.getPrefix())) {
        handler.startPrefixMapping(name.getPrefix(), name.getNamespaceURI());
        prefixes.add(name.getPrefix());
      }
    }
  }

  private static String describe(ValidationEvent event, XmlElement element) {
    String value = element == null || element.text() == null ? "a value" : "'" + element.text() + "'";
    String where = element == null ? "" : " in " + XmlElement.written(element.name());
    return value + where + " is not valid IATI data (" + event.getMessage() + ")";
  }

}
