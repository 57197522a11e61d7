package org.iatipub.publish.dataset;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Path;
import org.iatipub.scratch.RecordFormat;

/**
 * {@code iatipub-state.json}: what the previous run published, kept in the output directory so the
 * next run can tell which records changed: per input set, per identifier, the hash of the record's
 * content (without its timestamp) and the {@code last-updated-datetime} it was given. It is
 * committed with the files it describes, so it never disagrees with them.
 *
 * <pre>{"sets": {set: {identifier: {"sha256", "last-updated", "file", "withheld", "portfolio"}}}}</pre>
 *
 * A record published with the fingerprint of its input also has {@code "input-fingerprint",
 * "offset", "length", "crc32c", "notes"} (see {@link Reuse}): what lets the next run take its bytes
 * as they are when its input is the same.
 *
 * Sets and identifiers are sorted. At hundreds of thousands of records the file is tens of
 * megabytes, so it is read and written a record at a time, never held whole.
 */
public final class PublishState {
  public static final String FILE = "iatipub-state.json";

  private PublishState() {}

  /**
   * One record as last published.
   *
   * @param sha256 its content without the last-updated-datetime
   * @param lastUpdated the last-updated-datetime it carries
   * @param file the file it is in
   * @param withheld true when this run withheld it: it is in no file, and kept here so that it keeps
   *     its timestamp when it comes back unchanged
   * @param portfolio its part in the published portfolio ({@link PortfolioFacts#encode}), empty
   *     when not known (an organisation, or a state written before these were kept)
   */
  public record Entry(String sha256, String lastUpdated, String file, boolean withheld, String portfolio, Reuse reuse) {
    public Entry {
      portfolio = portfolio == null ? "" : portfolio;
    }

    /** A record with nothing that lets a later run take its bytes as they are, its part in the portfolio not known. */
    public Entry(String sha256, String lastUpdated, String file, boolean withheld) {
      this(sha256, lastUpdated, file, withheld, "", null);
    }

    void writeTo(DataOutput out) throws IOException {
      out.writeBoolean(withheld);
      RecordFormat.writeText(out, sha256);
      RecordFormat.writeText(out, lastUpdated);
      RecordFormat.writeText(out, file);
      RecordFormat.writeText(out, portfolio);
      out.writeBoolean(reuse != null);
      if (reuse != null) {
        reuse.writeTo(out);
      }
    }

    static Entry readFrom(DataInput in) throws IOException {
      boolean withheld = in.readBoolean();
      return new Entry(RecordFormat.readText(in), RecordFormat.readText(in), RecordFormat.readText(in), withheld,
          RecordFormat.readText(in), in.readBoolean() ? Reuse.readFrom(in) : null);
    }

    /** As {@link #readFrom}, leaving out what lets the record be taken as it is (its notes are long). */
    static Entry readSummaryFrom(DataInput in) throws IOException {
      boolean withheld = in.readBoolean();
      return new Entry(RecordFormat.readText(in), RecordFormat.readText(in), RecordFormat.readText(in), withheld,
          RecordFormat.readText(in), null);
    }

    /** The same record, withheld by this run: in no file, so with nothing to take bytes from. */
    Entry asWithheld() {
      return new Entry(sha256, lastUpdated, file, true, portfolio, null);
    }

    /** The same record at another place. */
    Entry at(String file, Reuse reuse) {
      return new Entry(sha256, lastUpdated, file, withheld, portfolio, reuse);
    }
  }

  /**
   * What lets a later run publish a record again without building it: when the fingerprint of its
   * input is the same, its bytes are taken from its file as they are, once the checksum says they
   * are still the bytes written.
   *
   * @param input the fingerprint of everything the record was built from (its rows, the mapping,
   *     the codelists, the program and its options), as the publishing stage computes it
   * @param offset where its bytes start in its file
   * @param length how many bytes it has there, from its start tag to its end tag
   * @param crc32c a checksum of those bytes (8 hex digits): cheap enough to check every record
   *     taken, and enough to tell a file that is no longer the one the state describes
   * @param notes what the publishing stage keeps about the record (its findings, for one), as a
   *     JSON value, handed back as it was given; while a run carries a record taken as it was, null
   *     for the previous run's notes, looked up only when the state is written (they are most of an
   *     entry's size, and a run sorts its entries twice)
   */
  public record Reuse(String input, long offset, long length, String crc32c, String notes) {
    void writeTo(DataOutput out) throws IOException {
      RecordFormat.writeText(out, input);
      out.writeLong(offset);
      out.writeLong(length);
      RecordFormat.writeText(out, crc32c);
      RecordFormat.writeText(out, notes);
    }

    static Reuse readFrom(DataInput in) throws IOException {
      return new Reuse(RecordFormat.readText(in), in.readLong(), in.readLong(), RecordFormat.readText(in),
          RecordFormat.readText(in));
    }

    Reuse movedTo(long offset) {
      return new Reuse(input, offset, length, crc32c, notes);
    }

    /** The same, its notes to be looked up in the previous state when written. */
    Reuse notesAsBefore() {
      return new Reuse(input, offset, length, crc32c, null);
    }

    Reuse withNotes(String notes) {
      return new Reuse(input, offset, length, crc32c, notes);
    }
  }

  /** Told of each record of a state file, in the file's order. */
  interface Reader {
    void entry(String set, String identifier, Entry entry) throws IOException;

    /** A set, told before its records (and told even when it has none). */
    default void set(String set) throws IOException {}
  }

  /**
   * Reads {@code file} record by record. Fields it does not know are skipped, a missing field is
   * null (false for {@code withheld}), as the whole-file reading of earlier versions did.
   */
  static void read(Path file, Reader reader) throws IOException {
    StoredJson.parse(file, json -> {
      expect(json, json.nextToken(), JsonToken.START_OBJECT);
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        if (!field.equals("sets") || value == JsonToken.VALUE_NULL) {
          json.skipChildren();
          continue;
        }
        expect(json, value, JsonToken.START_OBJECT);
        while (json.nextToken() == JsonToken.FIELD_NAME) {
          String set = json.currentName();
          if (json.nextToken() == JsonToken.VALUE_NULL) {
            continue;
          }
          expect(json, json.currentToken(), JsonToken.START_OBJECT);
          reader.set(set);
          while (json.nextToken() == JsonToken.FIELD_NAME) {
            String identifier = json.currentName();
            JsonToken entry = json.nextToken();
            if (entry != JsonToken.VALUE_NULL) {
              expect(json, entry, JsonToken.START_OBJECT);
              reader.entry(set, identifier, entry(json));
            }
          }
        }
      }
    });
  }

  private static Entry entry(JsonParser json) throws IOException {
    String sha256 = null;
    String lastUpdated = null;
    String file = null;
    boolean withheld = false;
    String input = null;
    long offset = -1;
    long length = -1;
    String crc32c = null;
    String notes = null;
    String portfolio = "";
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      json.nextToken();
      switch (field) {
        case "sha256" -> sha256 = json.getValueAsString();
        case "last-updated" -> lastUpdated = json.getValueAsString();
        case "file" -> file = json.getValueAsString();
        case "withheld" -> withheld = json.getValueAsBoolean();
        case "portfolio" -> portfolio = json.getValueAsString();
        case "input-fingerprint" -> input = json.getValueAsString();
        case "offset" -> offset = json.getValueAsLong(-1);
        case "length" -> length = json.getValueAsLong(-1);
        case "crc32c" -> crc32c = json.getValueAsString();
        case "notes" -> notes = StoredJson.subtree(json);
        default -> json.skipChildren();
      }
    }
    // A record whose place is not wholly known is built again, never taken from a guess.
    boolean whole = input != null && offset >= 0 && length > 0 && crc32c != null && notes != null && !withheld;
    return new Entry(sha256, lastUpdated, file, withheld, portfolio,
        whole ? new Reuse(input, offset, length, crc32c, notes) : null);
  }

  private static void expect(JsonParser json, JsonToken actual, JsonToken expected) throws IOException {
    if (actual != expected) {
      throw new JsonParseException(json, "expected " + expected.asString() + " but found " + actual);
    }
  }

  /** Writes a state file set by set, each set's records as they come; sets and records must come sorted. */
  static void write(Path file, Writing body) throws IOException {
    StoredJson.stream(file, json -> {
      json.writeStartObject();
      json.writeFieldName("sets");
      json.writeStartObject();
      Writer writer = new Writer(json);
      body.write(writer);
      writer.endSet();
      json.writeEndObject();
      json.writeEndObject();
    });
  }

  /** What {@link #write} writes. */
  interface Writing {
    void write(Writer state) throws IOException;
  }

  /** Writes the sets of a state file, and their records. */
  static final class Writer {
    private final JsonGenerator json;
    private boolean inSet;

    private Writer(JsonGenerator json) {
      this.json = json;
    }

    void set(String set) throws IOException {
      endSet();
      json.writeFieldName(set);
      json.writeStartObject();
      inSet = true;
    }

    void entry(String identifier, Entry entry) throws IOException {
      if (!inSet) {
        throw new IllegalStateException("a record of the state belongs to a set");
      }
      json.writeFieldName(identifier);
      json.writeStartObject();
      json.writeStringField("sha256", entry.sha256());
      json.writeStringField("last-updated", entry.lastUpdated());
      json.writeStringField("file", entry.file());
      json.writeBooleanField("withheld", entry.withheld());
      if (!entry.portfolio().isEmpty()) {
        json.writeStringField("portfolio", entry.portfolio());
      }
      Reuse reuse = entry.reuse();
      if (reuse != null) {
        json.writeStringField("input-fingerprint", reuse.input());
        json.writeNumberField("offset", reuse.offset());
        json.writeNumberField("length", reuse.length());
        json.writeStringField("crc32c", reuse.crc32c());
        json.writeFieldName("notes");
        json.writeRawValue(reuse.notes());
      }
      json.writeEndObject();
    }

    void endSet() throws IOException {
      if (inSet) {
        json.writeEndObject();
        inSet = false;
      }
    }
  }
}
