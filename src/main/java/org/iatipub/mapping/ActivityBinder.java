package org.iatipub.mapping;

import jakarta.xml.bind.JAXBElement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.iatipub.model.ModelEvents;
import org.iatipub.model.ModelType;
import org.iatipub.model.iati.IatiActivityType;
import org.iatipub.model.iati.IatiOrganisationType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Binds drafts to the IATI 2.03 model generated from the schemas. The model reads elements in any
 * order and writes them in schema order, which is how flat files get a valid element order.
 * A value the model cannot hold (a date that is no date, a number that is no number) becomes a
 * finding at the cell it came from.
 *
 * <p>Drafts are filled into the model directly, field by field, as the model's JAXB annotations
 * say ({@link ModelType}), rather than sent through JAXB's unmarshaller as SAX events: that round
 * trip was a quarter of the CPU of publishing an activity. What the unmarshaller does with a tree
 * is kept: an element or attribute the model has no field for goes to its extension list or map
 * when it has one (the schema then judges it when the activity is written), and is otherwise left
 * out, for the completeness check after writing to report at its cell. Thread-safe: nothing is
 * kept between calls but what was read from the model's classes.
 */
public final class ActivityBinder {
  private static final QName ROOT = new QName("iati-activity");
  private static final QName ORGANISATION = new QName("iati-organisation");

  private final ModelType activityType;
  private final ModelType organisationType;
  private final DocumentBuilderFactory documents;

  private ActivityBinder() {
    this.activityType = ModelType.reachableFrom(IatiActivityType.class).get(IatiActivityType.class);
    this.organisationType = ModelType.reachableFrom(IatiOrganisationType.class).get(IatiOrganisationType.class);
    this.documents = DocumentBuilderFactory.newInstance();
    documents.setNamespaceAware(true);
  }

  public static ActivityBinder create() {
    return new ActivityBinder();
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
    Fill fill = new Fill(draft.rows().main().whole());
    IatiActivityType activity = (IatiActivityType) fill.bean(draft.activity(), activityType);
    JAXBElement<IatiActivityType> bound = new JAXBElement<>(ROOT, IatiActivityType.class, activity);
    return new Bound(fill.findings.isEmpty() ? bound : null, fill.findings, fill.cells);
  }

  /**
   * A bound organisation (from path-header sheets), or the findings that stop it.
   *
   * @param organisation the {@code iati-organisation} in the model, or null when binding failed
   * @param findings values the model could not take, at their cells
   * @param cells the cells those findings point to
   */
  public record BoundOrganisation(JAXBElement<IatiOrganisationType> organisation, List<Finding> findings,
      Set<Location.Cell> cells) {
    public boolean ok() {
      return organisation != null && findings.isEmpty();
    }
  }

  /** Binds an organisation drafted from path-header sheets, as {@link #bind} binds an activity. */
  public BoundOrganisation bindOrganisation(ActivityDraft draft) {
    Fill fill = new Fill(draft.rows().main().whole());
    IatiOrganisationType organisation = (IatiOrganisationType) fill.bean(draft.activity(), organisationType);
    JAXBElement<IatiOrganisationType> bound = new JAXBElement<>(ORGANISATION, IatiOrganisationType.class, organisation);
    return new BoundOrganisation(fill.findings.isEmpty() ? bound : null, fill.findings, fill.cells);
  }

  /** One draft being filled in, with the values the model could not take. */
  private final class Fill {
    private final Location.Cell fallback;
    private final List<Finding> findings = new ArrayList<>();
    private final Set<Location.Cell> cells = new HashSet<>();
    private Document document;

    Fill(Location.Cell fallback) {
      this.fallback = fallback;
    }

    Object bean(XmlElement element, ModelType model) {
      Object bean = model.create();
      for (XmlElement.Attribute attribute : element.attributes()) {
        ModelType.Slot slot = model.attribute(attribute.name());
        if (slot != null) {
          Object value = read(slot, attribute.value(), attribute.source(),
              "@" + ModelEvents.written(attribute.name()) + " of " + ModelEvents.written(element.name()));
          if (value != null) {
            slot.put(bean, value);
          }
        } else {
          Map<QName, String> open = model.anyAttributes(bean);
          if (open != null) {
            open.put(attribute.name(), attribute.value());
          }
        }
      }
      ModelType.Slot value = model.value();
      if (value != null) {
        Object text = read(value, element.text() == null ? "" : element.text(), element.source(), ModelEvents.written(element.name()));
        if (text != null) {
          value.put(bean, text);
        }
      }
      for (XmlElement child : element.children()) {
        ModelType.Slot slot = model.element(child.name());
        if (slot == null) {
          List<Object> open = model.anyElements(bean);
          if (open != null) {
            open.add(dom(child));
          }
        } else if (slot.reading() == null) {
          slot.put(bean, bean(child, slot.model()));
        } else {
          Object item = read(slot, child.text() == null ? "" : child.text(), child.source(), ModelEvents.written(child.name()));
          if (item != null) {
            slot.put(bean, item);
          }
        }
      }
      return bean;
    }

    /** The value of a text for a slot, or null (and a finding at its cell) when the model cannot hold it. */
    private Object read(ModelType.Slot slot, String text, Location.Cell source, String where) {
      if (text.isEmpty() && slot.itemType() != String.class) {
        return null; // as JAXB: nothing to read is no value, which the schema then judges
      }
      try {
        return slot.reading().read(text);
      } catch (IllegalArgumentException e) {
        Location.Cell cell = source == null ? fallback : source;
        cells.add(cell);
        findings.add(Finding.error("model/bad-value", cell,
            "'" + text + "' in " + where + " is not valid IATI data (" + e.getMessage() + ")"));
        return null;
      }
    }

    /** An element the model keeps as it is (an extension), as a DOM element like JAXB's. */
    private Element dom(XmlElement element) {
      if (document == null) {
        try {
          // Factories promise no thread safety; extensions are rare enough for a lock.
          synchronized (documents) {
            document = documents.newDocumentBuilder().newDocument();
          }
        } catch (ParserConfigurationException e) {
          throw new IllegalStateException("no DOM implementation: " + e, e);
        }
      }
      QName name = element.name();
      Element made = document.createElementNS(name.getNamespaceURI(), ModelEvents.written(name));
      declare(made, name);
      for (XmlElement.Attribute attribute : element.attributes()) {
        QName attributeName = attribute.name();
        if (!XMLConstants.XML_NS_URI.equals(attributeName.getNamespaceURI())) {
          declare(made, attributeName);
        }
        made.setAttributeNS(attributeName.getNamespaceURI().isEmpty() ? null : attributeName.getNamespaceURI(),
            ModelEvents.written(attributeName), attribute.value());
      }
      if (element.text() != null) {
        made.appendChild(document.createTextNode(element.text()));
      }
      for (XmlElement child : element.children()) {
        made.appendChild(dom(child));
      }
      return made;
    }

    /** The namespace declaration a parser would have kept on an element that uses the name's prefix. */
    private void declare(Element element, QName name) {
      if (!name.getNamespaceURI().isEmpty()) {
        String attribute = name.getPrefix().isEmpty() ? "xmlns" : "xmlns:" + name.getPrefix();
        element.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, attribute, name.getNamespaceURI());
      }
    }
  }
}
