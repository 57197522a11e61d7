package org.iatipub.validation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * A release of the IATI schemas, compiled once: the project's own (bundled in the jar) or one from
 * a directory such as an official IATI download. Compiled schemas are thread-safe and shared.
 */
public final class SchemaSet {
  private static final String BUNDLED_DIR = "/schemas/";

  private final String origin;
  private final Map<DocumentKind, Schema> schemas;

  private SchemaSet(String origin, Map<DocumentKind, Schema> schemas) {
    this.origin = origin;
    this.schemas = schemas;
  }

  /** The project's own IATI 2.03 schemas, from {@code schemas/} in the source tree. */
  public static SchemaSet bundled() {
    Map<DocumentKind, Schema> schemas = new EnumMap<>(DocumentKind.class);
    for (DocumentKind kind : DocumentKind.values()) {
      URL url = SchemaSet.class.getResource(BUNDLED_DIR + kind.schemaFile());
      if (url == null) {
        throw new IllegalStateException("the bundled schema " + kind.schemaFile() + " is missing from the build");
      }
      try (InputStream in = url.openStream()) {
        schemas.put(kind, compile(new StreamSource(in, url.toExternalForm())));
      } catch (IOException | SAXException e) {
        throw new IllegalStateException("the bundled schema " + kind.schemaFile() + " does not compile: " + e.getMessage(), e);
      }
    }
    return new SchemaSet("bundled IATI 2.03 schemas", schemas);
  }

  /**
   * Schemas from a directory holding {@code iati-activities-schema.xsd} and {@code
   * iati-organisations-schema.xsd} with the files they include.
   */
  public static SchemaSet fromDirectory(Path dir) throws SchemaSetException {
    Map<DocumentKind, Schema> schemas = new EnumMap<>(DocumentKind.class);
    for (DocumentKind kind : DocumentKind.values()) {
      Path file = dir.resolve(kind.schemaFile());
      if (!Files.isRegularFile(file)) {
        throw new SchemaSetException(dir + ": no " + kind.schemaFile() + " in this directory");
      }
      try {
        schemas.put(kind, compile(new StreamSource(file.toFile())));
      } catch (SAXException e) {
        throw new SchemaSetException(file + ": not a usable XML schema: " + e.getMessage());
      }
    }
    return new SchemaSet("schemas in " + dir, schemas);
  }

  private static Schema compile(StreamSource source) throws SAXException {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    // Schemas may include their siblings (from disk or from inside the jar), but never a DTD.
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
    return factory.newSchema(source);
  }

  public Schema schema(DocumentKind kind) {
    return schemas.get(kind);
  }

  public Schema activities() {
    return schema(DocumentKind.ACTIVITIES);
  }

  public Schema organisations() {
    return schema(DocumentKind.ORGANISATIONS);
  }

  /** Where these schemas came from, for reports. */
  public String origin() {
    return origin;
  }

  /** A schema directory that cannot be used. */
  public static final class SchemaSetException extends Exception {
    public SchemaSetException(String message) {
      super(message);
    }
  }
}
