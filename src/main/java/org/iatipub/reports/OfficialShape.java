package org.iatipub.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the official validator's response lists errors, for the reports that write its shape: a
 * record's errors grouped by category ({@code group=true}, its default) or each on its own, naming
 * its record ({@code group=false}).
 */
final class OfficialShape {
  static final String FILE_IDENTIFIER = "file";
  static final String FILE_TITLE = "File level errors";

  private OfficialShape() {}

  /**
   * One place an error was found: its text, and the fields that say where, in the order written.
   */
  record Context(String text, Map<String, Object> where) {}

  /** One error of a record: a finding, or (for the schema) several findings together, one context each. */
  record Error(String id, String severity, String category, String message, Optional<String> codelist, List<Context> context) {}

  /** Writes a record's errors: as one group by category, or (flat) each with the record. */
  static void writeRecord(JsonGenerator json, boolean grouped, String identifier, String title, List<Error> errors) throws IOException {
    if (!grouped) {
      for (Error error : errors) {
        writeError(json, error, identifier, title);
      }
      return;
    }
    Map<String, List<Error>> byCategory = new LinkedHashMap<>();
    for (Error error : errors) {
      byCategory.computeIfAbsent(error.category(), c -> new ArrayList<>()).add(error);
    }
    json.writeStartObject();
    json.writeStringField("identifier", identifier);
    json.writeStringField("title", title);
    json.writeArrayFieldStart("errors");
    for (Map.Entry<String, List<Error>> category : byCategory.entrySet()) {
      json.writeStartObject();
      json.writeStringField("category", category.getKey());
      json.writeArrayFieldStart("errors");
      for (Error error : category.getValue()) {
        writeError(json, error, null, null);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** One error; with its record and category when flat ({@code identifier} not null). */
  private static void writeError(JsonGenerator json, Error error, String identifier, String title) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", error.id());
    json.writeStringField("severity", error.severity());
    if (identifier != null) {
      json.writeStringField("category", error.category());
    }
    json.writeStringField("message", error.message());
    if (error.codelist().isPresent()) {
      json.writeStringField("codelist", error.codelist().get());
    }
    json.writeArrayFieldStart("context");
    for (Context context : error.context()) {
      json.writeStartObject();
      json.writeStringField("text", context.text());
      for (Map.Entry<String, Object> field : context.where().entrySet()) {
        json.writeObjectField(field.getKey(), field.getValue());
      }
      json.writeEndObject();
    }
    json.writeEndArray();
    if (identifier != null) {
      json.writeStringField("identifier", identifier);
      json.writeStringField("title", title);
    }
    json.writeEndObject();
  }

  /** The response's fields that say what it was checked with. */
  static void writeChecked(JsonGenerator json, VersionStamp stamp) throws IOException {
    json.writeStringField("rulesetCommitSha", "iatipub " + stamp.iatipub() + ", " + stamp.rules().size() + " rules");
    json.writeStringField("codelistCommitSha", stamp.codelists().digest());
    json.writeStringField("orgIdPrefixFileName", "OrganisationRegistrationAgency codelist, " + stamp.codelists().describe());
    json.writeStringField("apiVersion", "iatipub " + stamp.iatipub());
  }

  static void writeSummary(JsonGenerator json, Map<String, Long> summary) throws IOException {
    json.writeObjectFieldStart("summary");
    for (Map.Entry<String, Long> count : summary.entrySet()) {
      json.writeNumberField(count.getKey(), count.getValue());
    }
    json.writeEndObject();
  }

  /** Counts by the four severities, all present. */
  static Map<String, Long> emptySummary() {
    Map<String, Long> summary = new LinkedHashMap<>();
    OfficialSeverity.ALL.forEach(s -> summary.put(s, 0L));
    return summary;
  }
}
