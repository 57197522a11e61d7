package org.iatipub.model;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.namespace.QName;

/**
 * How one class of the generated IATI model stands for XML, read once from its JAXB annotations:
 * which child element and which attribute fill which field, where its text goes, where the ones
 * the schema leaves open go, how a text becomes a field's value and back, and in which order the
 * schema wants them. The mapping fills the model with it straight from a draft, and publishing
 * writes the model with it ({@link ModelEvents}), as JAXB's unmarshaller and marshaller would
 * ({@code ActivityBinderTest} and {@code ModelEventsTest} hold them to the same results), without
 * their per-event machinery, which was about half the CPU of publishing an activity.
 */
public final class ModelType {
  private final Constructor<?> constructor;
  private final Map<QName, Slot> elements;
  private final Map<QName, Slot> attributes;
  private final Slot value;
  private final Field anyElements;
  private final Field anyAttributes;
  // For writing: attributes as JAXB writes them (a class's own in declaration order, then its
  // superclass's), and the content in schema order, where a null stands for the open elements.
  private final List<Slot> attributeOrder;
  private final List<Slot> contentOrder;

  private ModelType(Constructor<?> constructor, Map<QName, Slot> elements, Map<QName, Slot> attributes, Slot value,
      Field anyElements, Field anyAttributes, List<Slot> attributeOrder, List<Slot> contentOrder) {
    this.constructor = constructor;
    this.elements = elements;
    this.attributes = attributes;
    this.value = value;
    this.anyElements = anyElements;
    this.anyAttributes = anyAttributes;
    this.attributeOrder = attributeOrder;
    this.contentOrder = contentOrder;
  }

  /** Every class of the model reachable from {@code root}, read up front so a class it cannot read fails at once. */
  public static Map<Class<?>, ModelType> reachableFrom(Class<?> root) {
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
    // Each slot of model classes then points at its class's reading, saving a look-up per element.
    for (ModelType type : types.values()) {
      for (Slot slot : type.elements.values()) {
        if (slot.reading == null) {
          slot.model = types.get(slot.itemType);
        }
      }
    }
    return Collections.unmodifiableMap(types);
  }

  public Object create() {
    try {
      return constructor.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the IATI model class " + constructor.getDeclaringClass().getName() + " cannot be made", e);
    }
  }

  /** The field that takes a child element of this name, or null. */
  public Slot element(QName name) {
    return elements.get(name);
  }

  /** The field that takes an attribute of this name, or null. */
  public Slot attribute(QName name) {
    return attributes.get(name);
  }

  /** The names of the child elements it has fields for (not the open ones). */
  public java.util.Set<QName> elementNames() {
    return elements.keySet();
  }

  /** The names of the attributes it has fields for (not the open ones). */
  public java.util.Set<QName> attributeNames() {
    return attributes.keySet();
  }

  /** True when the schema leaves room for extension elements here. */
  public boolean takesOpenElements() {
    return anyElements != null;
  }

  /** True when the schema leaves room for extension attributes here. */
  public boolean takesOpenAttributes() {
    return anyAttributes != null;
  }

  /** The field that takes this element's own text, or null when the type has none. */
  public Slot value() {
    return value;
  }

  /** The list of elements the schema leaves open (extensions), or null when it has none. */
  public List<Object> anyElements(Object bean) {
    return anyElements == null ? null : filled(anyElements, bean, ArrayList::new);
  }

  /** The map of attributes the schema leaves open, or null when it has none. */
  public Map<QName, String> anyAttributes(Object bean) {
    return anyAttributes == null ? null : filled(anyAttributes, bean, HashMap::new);
  }

  /** The collection a field holds, an empty one put there first when it holds none. */
  @SuppressWarnings("unchecked")
  private static <T> T filled(Field field, Object bean, Supplier<T> empty) {
    try {
      Object value = field.get(bean);
      if (value == null) {
        value = empty.get();
        field.set(bean, value);
      }
      return (T) value;
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The open elements of a bean as they are (null when the schema leaves no room), for writing. */
  @SuppressWarnings("unchecked")
  List<Object> anyElementsIfAny(Object bean) {
    return anyElements == null ? null : (List<Object>) get(anyElements, bean);
  }

  @SuppressWarnings("unchecked")
  Map<QName, String> anyAttributesIfAny(Object bean) {
    return anyAttributes == null ? null : (Map<QName, String>) get(anyAttributes, bean);
  }

  /** The attributes in the order they are written (a class's own, then its superclass's). */
  public List<Slot> attributeOrder() {
    return attributeOrder;
  }

  /** The child elements in schema order; a null stands for the open (extension) elements. */
  public List<Slot> contentOrder() {
    return contentOrder;
  }

  private static Object get(Field field, Object bean) {
    try {
      return field.get(bean);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Turns a text into a field's value; throws IllegalArgumentException, with what was expected, when it cannot. */
  @FunctionalInterface
  public interface Reading {
    Object read(String text);
  }

  /**
   * One field fed by an element, an attribute or the text.
   *
   * @param itemType the field's type, or its items' type for a list
   * @param reading how a text becomes the value; null when the items are model classes
   */
  public static final class Slot {
    private final QName name;
    private final Field field;
    private final boolean list;
    private final Class<?> itemType;
    private final Reading reading;
    private final Function<Object, String> printing;
    private ModelType model; // set once, by reachableFrom, before the slot is used

    private Slot(QName name, Field field, boolean list, Class<?> itemType, Reading reading, Function<Object, String> printing) {
      this.name = name;
      this.field = field;
      this.list = list;
      this.itemType = itemType;
      this.reading = reading;
      this.printing = printing;
    }

    /** The element or attribute name; null for the text. */
    public QName name() {
      return name;
    }

    /** The field's type, or its items' type for a list. */
    public Class<?> itemType() {
      return itemType;
    }

    /** How the items' class stands for XML, when they are of a model class; null for texts. */
    public ModelType model() {
      return model;
    }

    /** How a text becomes the value; null when the items are classes of the model. */
    public Reading reading() {
      return reading;
    }

    /** The value as XML writes it. */
    String print(Object value) {
      return printing.apply(value);
    }

    /** True when the element may occur more than once (the field holds a list). */
    public boolean isList() {
      return list;
    }

    Object get(Object bean) {
      return ModelType.get(field, bean);
    }

    /** Sets the field, or adds to it when it holds a list; a single field set twice keeps the last value, as JAXB does. */
    public void put(Object bean, Object item) {
      try {
        if (list) {
          List<Object> items = filled(field, bean, ArrayList::new);
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
    List<Slot> attributeOrder = new ArrayList<>();
    List<Slot> contentOrder = new ArrayList<>();
    Slot value = null;
    Field anyElements = null;
    Field anyAttributes = null;
    List<Class<?>> chain = new ArrayList<>();
    for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
      chain.add(0, c);
    }
    for (Class<?> c : chain) {
      List<Slot> ownAttributes = new ArrayList<>();
      Map<String, Slot> content = new LinkedHashMap<>(); // by field name, in declaration order
      for (Field field : c.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        field.setAccessible(true);
        XmlElement element = field.getAnnotation(XmlElement.class);
        XmlAttribute attribute = field.getAnnotation(XmlAttribute.class);
        if (attribute != null) {
          Slot slot = slot(new QName(namespace(attribute.namespace()), name(attribute.name(), field)), field);
          attributes.put(slot.name, slot);
          ownAttributes.add(slot);
        } else if (field.getAnnotation(XmlValue.class) != null) {
          value = slot(null, field);
        } else if (field.getAnnotation(XmlAnyAttribute.class) != null) {
          anyAttributes = field;
        } else if (field.getAnnotation(XmlAnyElement.class) != null) {
          anyElements = field;
          content.put(field.getName(), null);
        } else {
          // XJC leaves out @XmlElement where the element's name is the field's own.
          QName name = element == null
              ? new QName(field.getName())
              : new QName(namespace(element.namespace()), name(element.name(), field));
          Slot slot = slot(name, field);
          elements.put(name, slot);
          content.put(field.getName(), slot);
        }
      }
      attributeOrder.addAll(0, ownAttributes); // JAXB writes a class's attributes before its superclass's
      String[] order = c.getAnnotation(XmlType.class).propOrder();
      if (order.length == 0 || order.length == 1 && order[0].isEmpty()) {
        contentOrder.addAll(content.values());
      } else {
        for (String field : order) {
          if (value != null && field.equals(value.field.getName())) {
            continue; // the text comes before any child, wherever propOrder lists it
          }
          if (!content.containsKey(field)) {
            throw new IllegalStateException(c.getName() + " orders a field it does not have: " + field);
          }
          contentOrder.add(content.get(field));
        }
      }
    }
    try {
      Constructor<?> constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      return new ModelType(constructor, Map.copyOf(elements), Map.copyOf(attributes), value, anyElements, anyAttributes,
          List.copyOf(attributeOrder), Collections.unmodifiableList(contentOrder));
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

  private static Slot slot(QName name, Field field) {
    boolean list = List.class.isAssignableFrom(field.getType());
    Class<?> itemType = list
        ? (Class<?>) ((ParameterizedType) field.getGenericType()).getActualTypeArguments()[0]
        : field.getType();
    Reading reading = reading(itemType, field);
    Function<Object, String> printing = printing(itemType);
    XmlJavaTypeAdapter adapter = field.getAnnotation(XmlJavaTypeAdapter.class);
    if (adapter != null) {
      XmlAdapter<Object, Object> made = adapter(adapter.value(), field);
      Reading inner = reading;
      reading = text -> {
        try {
          return made.unmarshal(inner.read(text));
        } catch (IllegalArgumentException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalArgumentException(String.valueOf(e.getMessage()), e);
        }
      };
      Function<Object, String> innerPrinting = printing;
      printing = v -> {
        try {
          return innerPrinting.apply(made.marshal(v));
        } catch (Exception e) {
          throw new IllegalStateException(field + ": its adapter cannot write " + v, e);
        }
      };
    }
    return new Slot(name, field, list, itemType, reading, printing);
  }

  @SuppressWarnings("unchecked")
  private static XmlAdapter<Object, Object> adapter(Class<? extends XmlAdapter> type, Field field) {
    try {
      return (XmlAdapter<Object, Object>) type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(field + ": its adapter cannot be made", e);
    }
  }

  /** How a value is written, as JAXB writes it: decimals in plain notation, dates in their schema form. */
  private static Function<Object, String> printing(Class<?> type) {
    if (type == BigDecimal.class) {
      return v -> ((BigDecimal) v).toPlainString();
    }
    if (type == XMLGregorianCalendar.class) {
      return v -> ((XMLGregorianCalendar) v).toXMLFormat();
    }
    return String::valueOf;
  }

  /** How a text becomes a value of {@code type}; null for classes of the model itself. */
  private static Reading reading(Class<?> type, Field field) {
    if (type.getAnnotation(XmlType.class) != null) {
      return null;
    }
    if (type == String.class || type == Object.class) {
      // Object: an element of xs:anyType (the organisation identifier), which IATI fills with text.
      return text -> text;
    }
    if (type == BigDecimal.class) {
      return number(DatatypeConverter::parseDecimal, "not a decimal number");
    }
    if (type == BigInteger.class) {
      return number(DatatypeConverter::parseInteger, "not a whole number");
    }
    if (type == Integer.class || type == int.class) {
      return number(DatatypeConverter::parseInt, "not a whole number");
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
      String kind = schemaType == null ? null : schemaType.name();
      return text -> {
        try {
          XMLGregorianCalendar calendar = factory.newXMLGregorianCalendar(text.strip());
          // A date-time where a date belongs would be written as nothing at all: refuse it here.
          if (kind != null && !kind.equals(calendar.getXMLSchemaType().getLocalPart())) {
            throw new IllegalArgumentException(kind);
          }
          return calendar;
        } catch (IllegalArgumentException | IllegalStateException e) {
          throw new IllegalArgumentException("not a valid " + expected + " value");
        }
      };
    }
    throw new IllegalStateException(field + " holds " + type.getName() + ", which this reader cannot fill from a text");
  }

  private static Reading number(Function<String, Object> parse, String expected) {
    return text -> {
      try {
        return parse.apply(text.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(expected);
      }
    };
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
