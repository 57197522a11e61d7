package org.iatipub.publish.dataset;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The run's own JSON files (manifest, state, commit journal): kebab-case keys like IATI's
 * attributes, keys in a fixed order so an unchanged run writes the same bytes, and forced to disk
 * when written, as the commit relies on them.
 */
final class StoredJson {
  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * For reading token by token. Field names are not canonicalised: in the state file they are the
   * records' identifiers, and a table of them would hold megabytes for the length of the read.
   */
  private static final JsonFactory STREAMING = JsonFactory.builder()
      .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
      .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
      .build();

  private StoredJson() {}

  static <T> T read(Path file, Class<T> type) throws IOException {
    try {
      return JSON.readValue(file.toFile(), type);
    } catch (IOException e) {
      throw new IOException(file + " cannot be read (" + e.getMessage() + ")", e);
    }
  }

  static void write(Path file, Object value) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      OutputStream out = Channels.newOutputStream(channel);
      out.write(JSON.writeValueAsBytes(value));
      out.write('\n');
      out.flush();
      channel.force(true);
    }
  }

  /**
   * Writes {@code file} piece by piece through {@code body}, in the same form as {@link #write}
   * (indented, a final newline, forced to disk), for files too large to build in memory first.
   */
  static void stream(Path file, JsonBody body) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
      try (JsonGenerator json = JSON.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out)) {
        body.write(json);
      }
      out.write('\n');
      out.flush();
      channel.force(true);
    }
  }

  /** What {@link #stream} writes. */
  interface JsonBody {
    void write(JsonGenerator json) throws IOException;
  }

  /** Reads {@code file} token by token through {@code body}; errors name the file, as {@link #read}'s do. */
  static void parse(Path file, JsonReading body) throws IOException {
    try (JsonParser json = STREAMING.createParser(file.toFile())) {
      body.read(json);
    } catch (IOException e) {
      throw new IOException(file + " cannot be read (" + e.getMessage() + ")", e);
    }
  }

  /** What {@link #parse} does with the tokens. */
  interface JsonReading {
    void read(JsonParser json) throws IOException;
  }

  /** The value the parser stands at, with everything in it, as compact JSON text. */
  static String subtree(JsonParser json) throws IOException {
    java.io.StringWriter text = new java.io.StringWriter();
    try (JsonGenerator copy = STREAMING.createGenerator(text)) {
      copy.copyCurrentStructure(json);
    }
    return text.toString();
  }

  static String text(Object value) throws IOException {
    return JSON.writeValueAsString(value);
  }

  /** Forces a directory's entries (renames, new and deleted files) to disk. */
  static void syncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some file systems cannot open a directory for syncing; their renames are then as durable as they make them.
      if (!Files.isDirectory(dir)) {
        throw e;
      }
    }
  }
}
