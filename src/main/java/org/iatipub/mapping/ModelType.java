package org.iatipub.mapping;

import jakarta.xml.bind.DatatypeConverter;
import jakarta.xml.bind.annotation.XmlAnyAttribute;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlSchemaType;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;
import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.namespace.QName;

/**
 * What one class of the generated IATI model takes from XML, read once from its JAXB annotations:
 * which child element and which attribute fill which field, where its text goes, where unknown
 * ones go, and how a text becomes a field's value. {@link ActivityBinder} fills the model with it
 * straight from a draft, as JAXB's unmarshaller would from the same tree sent as SAX events
 * ({@code ActivityBinderTest} holds the two to the same result), without the events.
 */
final class ModelType {
  private final Constructor<?> constructor;
  private final Map<QName, Slot> elements;
  private final Map<QName, Slot> attributes;
  private final Slot value;
  private final Field anyElements;
  private final Field anyAttributes;

  private ModelType(Constructor<?> constructor, Map<QName, Slot> elements, Map<QName, Slot> attributes, Slot value,
      Field anyElements, Field anyAttributes) {
    this.constructor = constructor;
    this.elements = elements;
    this.attributes = attributes;
    this.value = value;
    this.anyElements = anyElements;
    this.anyAttributes = anyAttributes;
  }

  /** Every class of the model reachable from {@code root}, read up front so a class it cannot read fails at once. */
  static Map<Class<?>, ModelType> reachableFrom(Class<?> root) {
    Map<Class<?>, ModelType> types = new HashMap<>();
    List<Class<?>> pending = new ArrayList<>(List.of(root));
    while (!pending.isEmpty()) {
      Class<?> type = pending.remove(pending.size() - 1);
      if (!types.containsKey(type)) {
        ModelType read = read(type);
        types.put(type, read);
        for (Slot slot : read.elements.values()) {
          if (slot.reading == null) {
            pending.add(slot.itemType);
          }
        }
      }
    }
    return Collections.unmodifiableMap(types);
  }

  Object create() {
    try {
      return constructor.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the IATI model class " + constructor.getDeclaringClass().getName() + " cannot be made", e);
    }
  }

  /** The field that takes a child element of this name, or null. */
  Slot element(QName name) {
    return elements.get(name);
  }

  /** The field that takes an attribute of this name, or null. */
  Slot attribute(QName name) {
    return attributes.get(name);
  }

  /** The field that takes this element's own text, or null when the type has none. */
  Slot value() {
    return value;
  }

  /** The list of elements the schema leaves open (extensions), or null when it has none. */
  @SuppressWarnings("unchecked")
  List<Object> anyElements(Object bean) {
    return anyElements == null ? null : (List<Object>) list(anyElements, bean);
  }

  /** The map of attributes the schema leaves open, or null when it has none. */
  @SuppressWarnings("unchecked")
  Map<QName, String> anyAttributes(Object bean) {
    if (anyAttributes == null) {
      return null;
    }
    try {
      Map<QName, String> map = (Map<QName, String>) anyAttributes.get(bean);
      if (map == null) {
        map = new HashMap<>();
        anyAttributes.set(bean, map);
      }
      return map;
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<?> list(Field field, Object bean) {
    try {
      @SuppressWarnings("unchecked")
      List<Object> list = (List<Object>) field.get(bean);
      if (list == null) {
        list = new ArrayList<>();
        field.set(bean, list);
      }
      return list;
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Turns a text into a field's value; throws IllegalArgumentException, with what was expected, when it cannot. */
  @FunctionalInterface
  interface Reading {
    Object read(String text);
  }

  /**
   * One field fed by an element, an attribute or the text.
   *
   * @param itemType the field's type, or its items' type for a list
   * @param reading how a text becomes the value; null when the items are model classes
   */
  static final class Slot {
    private final Field field;
    private final boolean list;
    final Class<?> itemType;
    final Reading reading;

    private Slot(Field field, boolean list, Class<?> itemType, Reading reading) {
      this.field = field;
      this.list = list;
      this.itemType = itemType;
      this.reading = reading;
    }

    /** Sets the field, or adds to it when it holds a list; a single field set twice keeps the last value, as JAXB does. */
    void put(Object bean, Object item) {
      try {
        if (list) {
          @SuppressWarnings("unchecked")
          List<Object> items = (List<Object>) list(field, bean);
          items.add(item);
        } else {
          field.set(bean, item);
        }
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static ModelType read(Class<?> type) {
    if (type.getAnnotation(XmlType.class) == null) {
      throw new IllegalStateException(type.getName() + " is not a class of the IATI model");
    }
    Map<QName, Slot> elements = new HashMap<>();
    Map<QName, Slot> attributes = new HashMap<>();
    Slot value = null;
    Field anyElements = null;
    Field anyAttributes = null;
    for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        field.setAccessible(true);
        XmlElement element = field.getAnnotation(XmlElement.class);
        XmlAttribute attribute = field.getAnnotation(XmlAttribute.class);
        if (element != null) {
          elements.put(new QName(namespace(element.namespace()), name(element.name(), field)), slot(field));
        } else if (attribute != null) {
          attributes.put(new QName(namespace(attribute.namespace()), name(attribute.name(), field)), slot(field));
        } else if (field.getAnnotation(XmlValue.class) != null) {
          value = slot(field);
        } else if (field.getAnnotation(XmlAnyElement.class) != null) {
          anyElements = field;
        } else if (field.getAnnotation(XmlAnyAttribute.class) != null) {
          anyAttributes = field;
        } else {
          // XJC leaves out @XmlElement where the element's name is the field's own.
          elements.put(new QName(field.getName()), slot(field));
        }
      }
    }
    try {
      Constructor<?> constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      return new ModelType(constructor, Map.copyOf(elements), Map.copyOf(attributes), value, anyElements, anyAttributes);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(type.getName() + " has no constructor without arguments", e);
    }
  }

  /** The model has no namespace of its own: IATI elements and attributes are unqualified. */
  private static String namespace(String declared) {
    return "##default".equals(declared) ? "" : declared;
  }

  /** An annotation names its element or attribute unless it leaves the name as the field's own. */
  private static String name(String declared, Field field) {
    return "##default".equals(declared) ? field.getName() : declared;
  }

  private static Slot slot(Field field) {
    boolean list = List.class.isAssignableFrom(field.getType());
    Class<?> itemType = list
        ? (Class<?>) ((ParameterizedType) field.getGenericType()).getActualTypeArguments()[0]
        : field.getType();
    XmlJavaTypeAdapter adapter = field.getAnnotation(XmlJavaTypeAdapter.class);
    Reading reading = reading(itemType, field);
    if (adapter != null) {
      reading = adapted(adapter.value(), reading, field);
    }
    return new Slot(field, list, itemType, reading);
  }

  private static Reading adapted(Class<? extends XmlAdapter> adapterType, Reading inner, Field field) {
    try {
      @SuppressWarnings("unchecked")
      XmlAdapter<Object, Object> adapter = (XmlAdapter<Object, Object>) adapterType.getDeclaredConstructor().newInstance();
      return text -> {
        try {
          return adapter.unmarshal(inner.read(text));
        } catch (IllegalArgumentException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalArgumentException(String.valueOf(e.getMessage()), e);
        }
      };
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(field + ": its adapter cannot be made", e);
    }
  }

  /** How a text becomes a value of {@code type}; null for classes of the model itself. */
  private static Reading reading(Class<?> type, Field field) {
    if (type.getAnnotation(XmlType.class) != null) {
      return null;
    }
    if (type == String.class) {
      return text -> text;
    }
    if (type == BigDecimal.class) {
      return text -> {
        try {
          return DatatypeConverter.parseDecimal(text.strip());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("not a decimal number");
        }
      };
    }
    if (type == BigInteger.class) {
      return text -> {
        try {
          return DatatypeConverter.parseInteger(text.strip());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("not a whole number");
        }
      };
    }
    if (type == Integer.class || type == int.class) {
      return text -> {
        try {
          return DatatypeConverter.parseInt(text.strip());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("not a whole number");
        }
      };
    }
    if (type == Boolean.class || type == boolean.class) {
      return text -> switch (text.strip()) {
        case "true", "1" -> Boolean.TRUE;
        case "false", "0" -> Boolean.FALSE;
        default -> throw new IllegalArgumentException("not a boolean: true, false, 1 or 0");
      };
    }
    if (type == XMLGregorianCalendar.class) {
      XmlSchemaType schemaType = field.getAnnotation(XmlSchemaType.class);
      String expected = schemaType == null ? "date or date-time" : "xs:" + schemaType.name();
      DatatypeFactory factory = datatypeFactory();
      return text -> {
        try {
          return factory.newXMLGregorianCalendar(text.strip());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("not a valid " + expected + " value");
        }
      };
    }
    throw new IllegalStateException(field + " holds " + type.getName() + ", which this reader cannot fill from a text");
  }

  private static DatatypeFactory datatypeFactory() {
    try {
      // The JDK's factory keeps no state between calls, so one serves every thread.
      return DatatypeFactory.newInstance();
    } catch (DatatypeConfigurationException e) {
      throw new IllegalStateException("no XML datatype factory: " + e, e);
    }
  }
}
