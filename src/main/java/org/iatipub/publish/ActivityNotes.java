package org.iatipub.publish;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iatipub.finding.Finding;
import org.iatipub.finding.FindingJson;
import org.iatipub.finding.Location;
import org.iatipub.source.ActivityRows;
import org.iatipub.source.SourceRow;
import org.iatipub.validation.Node;

/**
 * What publish keeps in the state about an activity it published, to publish it again on a later
 * night without building it, when its input fingerprint is the same: what it needs to place the
 * activity and to report what a full run would report.
 *
 * @param identifier the activity's identifier as its findings name it (the one it is published
 *     under, but for spaces around it)
 * @param checked when it was checked (the run's time): the checks of dates judge by "today", and
 *     what passed then passes on any later day, but not on an earlier one
 * @param country its recipient country of largest share (its file when split by country), or null
 * @param region its recipient region of largest share, or null
 * @param title its title's first narrative, empty when none: reports name each activity by it
 * @param findings what was found when it was built (warnings and notes: it was published), in the
 *     order they were reported, each with the check that found it
 * @param view what the checks that compare activities read of it
 * @param moved true when the notes were read for rows now numbered otherwise: the findings are
 *     placed at the new numbers, and the notes are to be kept anew with them
 */
record ActivityNotes(String identifier, String checked, String country, String region, String title, List<Kept> findings,
    Node view, boolean moved) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonFactory FACTORY = JSON.getFactory();

  ActivityNotes {
    findings = List.copyOf(findings);
    title = title == null ? "" : title;
  }

  /**
   * A finding kept.
   *
   * @param check the index of the check that found it in the run's checks, or -1 for one found
   *     while mapping, binding or writing the activity
   */
  record Kept(int check, Finding finding) {}

  /**
   * The notes as a JSON value. With findings come the activity's rows by number, file by file: a
   * later night whose rows are the same but numbered otherwise (a row added above them) reports
   * the findings at the rows' new numbers. What is null is left out, as is the identifier when it
   * is the one the activity is published under ({@code published}), as it nearly always is.
   */
  String json(ActivityRows rows, String published) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(text)) {
      json.writeStartObject();
      if (!identifier.equals(published)) {
        json.writeStringField("identifier", identifier);
      }
      json.writeStringField("checked", checked);
      if (country != null) {
        json.writeStringField("country", country);
      }
      if (region != null) {
        json.writeStringField("region", region);
      }
      if (!title.isEmpty()) {
        json.writeStringField("title", title);
      }
      if (!findings.isEmpty()) {
        json.writeArrayFieldStart("findings");
        for (Kept kept : findings) {
          json.writeStartObject();
          json.writeNumberField("check", kept.check());
          json.writeFieldName("finding");
          FindingJson.write(json, kept.finding());
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeObjectFieldStart("rows");
        for (Map.Entry<String, List<Long>> file : rowsByFile(rows).entrySet()) {
          json.writeArrayFieldStart(file.getKey());
          for (long row : file.getValue()) {
            json.writeNumber(row);
          }
          json.writeEndArray();
        }
        json.writeEndObject();
      }
      json.writeFieldName("view");
      CrossCheckView.write(json, view);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return text.toString();
  }

  /**
   * The notes {@link #json} wrote, their findings placed at the numbers {@code rows} have now.
   *
   * @throws IllegalArgumentException when the notes cannot be read (the activity is then built again)
   */
  static ActivityNotes read(String notes, ActivityRows rows, String published) {
    JsonNode json;
    try {
      json = JSON.readTree(notes);
    } catch (IOException e) {
      throw new IllegalArgumentException("the notes on the activity cannot be read: " + e.getMessage(), e);
    }
    List<Kept> findings = new ArrayList<>();
    boolean anyMoved = false;
    if (json.has("findings")) {
      Map<String, Map<Long, Long>> moved = moves(json.path("rows"), rows);
      anyMoved = moved.values().stream().anyMatch(file -> file.entrySet().stream().anyMatch(m -> !m.getKey().equals(m.getValue())));
      for (JsonNode kept : json.get("findings")) {
        Finding finding = FindingJson.read(kept.get("finding"));
        if (finding.location() instanceof Location.Cell cell) {
          // Rows are kept by the table as tallies show it: a sheet's cell names its workbook and sheet apart.
          String table = cell.sheet().isEmpty() ? cell.file() : Location.Cell.sheetOf(cell.file(), cell.sheet());
          Long now = moved.getOrDefault(table, Map.of()).get(cell.row());
          if (now != null) {
            finding = new Finding(finding.severity(), finding.rule(), cell.atRow(now), finding.message());
          }
        }
        findings.add(new Kept(kept.path("check").asInt(-1), finding));
      }
    }
    return new ActivityNotes(json.path("identifier").asText(published), json.path("checked").asText(), text(json, "country"),
        text(json, "region"), text(json, "title"), findings, CrossCheckView.read(json.path("view")), anyMoved);
  }

  /** The findings of one step: -1 for mapping, binding and writing, else the check of that index. */
  List<Finding> foundBy(int check) {
    List<Finding> found = new ArrayList<>();
    for (Kept kept : findings) {
      if (kept.check() == check) {
        found.add(kept.finding());
      }
    }
    return found;
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** Each file's rows of the activity, by number, in the order they were joined. */
  private static Map<String, List<Long>> rowsByFile(ActivityRows rows) {
    Map<String, List<Long>> byFile = new LinkedHashMap<>();
    for (SourceRow row : rows.allRows()) {
      byFile.computeIfAbsent(row.file(), k -> new ArrayList<>()).add(row.row());
    }
    return byFile;
  }

  /** Each file's row numbers as kept, to the numbers the same rows have now (the same rows, in the same order). */
  private static Map<String, Map<Long, Long>> moves(JsonNode kept, ActivityRows rows) {
    Map<String, List<Long>> now = rowsByFile(rows);
    Map<String, Map<Long, Long>> moves = new HashMap<>();
    for (Map.Entry<String, List<Long>> file : now.entrySet()) {
      JsonNode then = kept.path(file.getKey());
      Map<Long, Long> moved = new HashMap<>();
      for (int i = 0; i < then.size() && i < file.getValue().size(); i++) {
        moved.put(then.get(i).asLong(), file.getValue().get(i));
      }
      moves.put(file.getKey(), moved);
    }
    return moves;
  }
}
