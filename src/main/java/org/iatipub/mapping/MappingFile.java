package org.iatipub.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An organisation's mapping file (YAML): who publishes, its defaults, its crosswalks and which of
 * its columns feed which IATI field. The README documents the format; {@code samples/} has two.
 *
 * @param publisher the publisher name used in output file names (e.g. {@code ilo})
 * @param identifierPrefix put before each project id to make the IATI identifier
 * @param reportingOrg the reporting organisation
 * @param defaults the organisation's defaults, written on every activity
 * @param crosswalks crosswalk name to CSV file (resolved against the mapping file's directory)
 * @param tables the files present, with their field-to-column mapping
 */
public record MappingFile(
    String publisher, String identifierPrefix, Organisation reportingOrg, Defaults defaults,
    Map<String, Path> crosswalks, Map<OwnTable, TableMapping> tables) {

  /** The reporting organisation: IATI organisation identifier, type code, name per language. */
  public record Organisation(String ref, String type, Map<String, String> name) {}

  /** Values written on every activity unless its project row says otherwise. */
  public record Defaults(
      String currency, String language, String flowType, String financeType, String aidType,
      String aidTypeVocabulary, String tiedStatus, String collaborationType) {}

  /** Where one IATI field is read from. */
  public sealed interface Field permits Column, Text {}

  /** One column, its codes optionally translated through a named crosswalk. */
  public record Column(String column, String crosswalk) implements Field {}

  /** A narrative: one column per language (language code to column name). */
  public record Text(Map<String, String> columns) implements Field {}

  /**
   * One file of the own form and its fields.
   *
   * @param file the CSV file, when the set is a directory of them
   * @param sheet the sheet, when the set is a workbook
   */
  public record TableMapping(String file, String sheet, Map<String, Field> fields) {
    public Field field(String name) {
      return fields.get(name);
    }
  }

  public MappingFile {
    crosswalks = Map.copyOf(crosswalks);
    tables = new EnumMap<>(tables);
  }

  /** A mapping file that cannot be used, with every problem found in it. */
  public static final class MappingException extends Exception {
    private final List<String> problems;

    MappingException(Path file, List<String> problems) {
      super(file + ": " + String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  private static final Set<String> TOP_KEYS =
      Set.of("publisher", "identifier-prefix", "reporting-org", "defaults", "crosswalks", "files");
  private static final Set<String> DEFAULT_KEYS = Set.of("currency", "language", "flow-type", "finance-type",
      "aid-type", "aid-type-vocabulary", "tied-status", "collaboration-type");

  /** Reads and checks a mapping file; every problem is listed in the exception, by key. */
  public static MappingFile load(Path file) throws IOException, MappingException {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new MappingException(file, List.of("not readable YAML: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")));
    }
    List<String> problems = new ArrayList<>();
    if (root == null || !root.isObject()) {
      throw new MappingException(file, List.of("expected a YAML mapping with the keys " + TOP_KEYS));
    }
    unknownKeys(root, TOP_KEYS, "", problems);
    String publisher = required(root, "publisher", "", problems);
    if (!publisher.matches("[a-z0-9_-]*")) {
      problems.add("publisher: '" + publisher + "' must be lower-case letters, digits, '-' or '_' (it names the output file)");
    }
    String prefix = root.path("identifier-prefix").asText("");
    JsonNode org = root.path("reporting-org");
    Organisation reporting = new Organisation(
        required(org, "ref", "reporting-org.", problems),
        required(org, "type", "reporting-org.", problems),
        languages(org.path("name"), "reporting-org.name", problems));
    JsonNode d = root.path("defaults");
    unknownKeys(d, DEFAULT_KEYS, "defaults.", problems);
    Defaults defaults = new Defaults(
        required(d, "currency", "defaults.", problems), required(d, "language", "defaults.", problems),
        text(d, "flow-type"), text(d, "finance-type"), text(d, "aid-type"), text(d, "aid-type-vocabulary"),
        text(d, "tied-status"), text(d, "collaboration-type"));
    Map<String, Path> crosswalks = new LinkedHashMap<>();
    Path base = file.toAbsolutePath().getParent();
    root.path("crosswalks").fields().forEachRemaining(e -> crosswalks.put(e.getKey(), base.resolve(e.getValue().asText())));
    Map<OwnTable, TableMapping> tables = new EnumMap<>(OwnTable.class);
    JsonNode files = root.path("files");
    if (!files.isObject()) {
      problems.add("files: missing; list the CSV files with their columns (at least 'projects')");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      OwnTable table = OwnTable.byKey(entry.getKey()).orElse(null);
      if (table == null) {
        problems.add("files." + entry.getKey() + ": not a known file; known: " + knownTables());
        continue;
      }
      tables.put(table, table(table, entry.getValue(), crosswalks.keySet(), problems));
    }
    if (files.isObject() && !tables.containsKey(OwnTable.PROJECTS)) {
      problems.add("files.projects: missing; it holds one row per activity");
    }
    if (!problems.isEmpty()) {
      throw new MappingException(file, problems);
    }
    return new MappingFile(publisher, prefix, reporting, defaults, crosswalks, tables);
  }

  private static TableMapping table(OwnTable table, JsonNode node, Set<String> crosswalks, List<String> problems) {
    String at = "files." + table.key() + ".";
    unknownKeys(node, Set.of("file", "sheet", "columns"), at, problems);
    String file = node.path("file").asText(table.key() + ".csv");
    String sheet = node.path("sheet").asText(table.key());
    Map<String, Field> fields = new LinkedHashMap<>();
    JsonNode columns = node.path("columns");
    for (Iterator<Map.Entry<String, JsonNode>> it = columns.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String field = entry.getKey();
      JsonNode spec = entry.getValue();
      String where = at + "columns." + field;
      if (!table.fields().contains(field)) {
        problems.add(where + ": not a field of " + table.key() + "; its fields are " + table.fields());
      } else if (table.isText(field)) {
        fields.put(field, spec.isTextual() ? new Text(Map.of("", spec.asText())) : new Text(languages(spec, where, problems)));
      } else if (spec.isTextual()) {
        fields.put(field, new Column(spec.asText(), null));
      } else if (spec.isObject() && spec.has("column")) {
        unknownKeys(spec, Set.of("column", "crosswalk"), where + ".", problems);
        String crosswalk = spec.path("crosswalk").asText(null);
        if (crosswalk != null && !crosswalks.contains(crosswalk)) {
          problems.add(where + ".crosswalk: no crosswalk named '" + crosswalk + "' under 'crosswalks'");
        }
        fields.put(field, new Column(spec.path("column").asText(), crosswalk));
      } else {
        problems.add(where + ": give a column name, or {column: NAME, crosswalk: NAME}");
      }
    }
    if (!fields.containsKey(table.linkField())) {
      problems.add(at + "columns." + table.linkField() + ": missing; it links each row to its project");
    }
    return new TableMapping(file, sheet, fields);
  }

  private static Map<String, String> languages(JsonNode node, String where, List<String> problems) {
    Map<String, String> byLanguage = new LinkedHashMap<>();
    if (node.isTextual()) {
      byLanguage.put("", node.asText());
    } else if (node.isObject()) {
      node.fields().forEachRemaining(e -> byLanguage.put(e.getKey(), e.getValue().asText()));
    } else {
      problems.add(where + ": give a text, or one entry per language such as {en: ..., zh: ...}");
    }
    return byLanguage;
  }

  private static String required(JsonNode node, String key, String at, List<String> problems) {
    String value = text(node, key);
    if (value == null || value.isBlank()) {
      problems.add(at + key + ": missing");
      return "";
    }
    return value;
  }

  private static String text(JsonNode node, String key) {
    JsonNode value = node.path(key);
    return value.isValueNode() ? value.asText() : null;
  }

  private static void unknownKeys(JsonNode node, Set<String> known, String at, List<String> problems) {
    node.fieldNames().forEachRemaining(key -> {
      if (!known.contains(key)) {
        problems.add(at + key + ": unknown key; expected one of " + new TreeSet<>(known));
      }
    });
  }

  private static List<String> knownTables() {
    List<String> keys = new ArrayList<>();
    for (OwnTable t : OwnTable.values()) {
      keys.add(t.key());
    }
    return keys;
  }
}
