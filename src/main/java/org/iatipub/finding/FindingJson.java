package org.iatipub.finding;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Locale;

/**
 * Findings as JSON objects, to be kept and read back whole: every component of {@link Finding}
 * and of each {@link Location} kind, by its name, read from the records themselves. A component
 * added to either is written and read without a change here; a location says its kind in {@code
 * "kind"} (the record's name in kebab case: {@code cell}, {@code xml-position}, {@code whole-file}).
 * A component missing from what was kept (it was added since) is read as null, zero or false.
 */
public final class FindingJson {
  private FindingJson() {}

  /** Writes {@code finding} as one JSON object. */
  public static void write(JsonGenerator json, Finding finding) throws IOException {
    writeRecord(json, finding);
  }

  /** The finding {@link #write} wrote. */
  public static Finding read(JsonNode json) {
    return (Finding) readValue(json, Finding.class);
  }

  private static void writeRecord(JsonGenerator json, Record record) throws IOException {
    json.writeStartObject();
    Class<?> type = record.getClass();
    if (Arrays.stream(type.getInterfaces()).anyMatch(Class::isSealed)) {
      json.writeStringField("kind", kind(type));
    }
    for (RecordComponent component : type.getRecordComponents()) {
      json.writeFieldName(component.getName());
      writeValue(json, value(component, record));
    }
    json.writeEndObject();
  }

  private static void writeValue(JsonGenerator json, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof String text) {
      json.writeString(text);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      json.writeNumber(((Number) value).longValue());
    } else if (value instanceof Boolean flag) {
      json.writeBoolean(flag);
    } else if (value instanceof Enum<?> constant) {
      json.writeString(constant.name());
    } else if (value instanceof Record record) {
      writeRecord(json, record);
    } else {
      throw new IllegalArgumentException("a finding's " + value.getClass().getSimpleName()
          + " cannot be kept as JSON; teach " + FindingJson.class.getSimpleName() + " its form");
    }
  }

  private static Object readValue(JsonNode json, Class<?> type) {
    boolean absent = json == null || json.isNull() || json.isMissingNode();
    if (type == long.class) {
      return absent ? 0L : json.asLong();
    } else if (type == int.class) {
      return absent ? 0 : json.asInt();
    } else if (type == short.class) {
      return absent ? (short) 0 : (short) json.asInt();
    } else if (type == boolean.class) {
      return !absent && json.asBoolean();
    } else if (absent) {
      return null;
    } else if (type == String.class) {
      return json.asText();
    } else if (type == Long.class) {
      return json.asLong();
    } else if (type == Integer.class) {
      return json.asInt();
    } else if (type == Boolean.class) {
      return json.asBoolean();
    } else if (type.isEnum()) {
      return enumConstant(type, json.asText());
    } else if (type.isSealed() && type.isInterface()) {
      String kind = json.path("kind").asText();
      for (Class<?> permitted : type.getPermittedSubclasses()) {
        if (kind(permitted).equals(kind)) {
          return readValue(json, permitted);
        }
      }
      throw new IllegalArgumentException("no " + type.getSimpleName() + " of kind '" + kind + "'");
    } else if (type.isRecord()) {
      RecordComponent[] components = type.getRecordComponents();
      Object[] values = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        values[i] = readValue(json.get(components[i].getName()), types[i]);
      }
      try {
        Constructor<?> constructor = type.getDeclaredConstructor(types);
        return constructor.newInstance(values);
      } catch (InvocationTargetException e) {
        throw new IllegalArgumentException("a kept " + type.getSimpleName() + " is not valid: " + e.getCause().getMessage(),
            e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(type + " cannot be made from its components", e);
      }
    }
    throw new IllegalArgumentException("a finding's " + type.getSimpleName() + " cannot be read from JSON; teach "
        + FindingJson.class.getSimpleName() + " its form");
  }

  private static Object value(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(component + " cannot be read", e);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumConstant(Class<?> type, String name) {
    return Enum.valueOf((Class) type, name);
  }

  /** {@code XmlPosition} → {@code xml-position}. */
  private static String kind(Class<?> type) {
    return type.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
