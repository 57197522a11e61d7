package org.iatipub.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.iatipub.model.ModelType;

/**
 * An organisation's mapping file (YAML): who publishes, its defaults, its crosswalks and which of
 * its columns feed which IATI field or path. docs/mapping.md is the reference; {@code samples/}
 * has examples. Every name in it (files, fields, IATI paths, crosswalks, prefixes) is checked when
 * it is loaded, and every problem is reported at once.
 *
 * @param publisher the publisher name used in output file names (e.g. {@code ilo})
 * @param identifierPrefix put before each project id to make the IATI identifier
 * @param reportingOrg the reporting organisation
 * @param defaults the organisation's defaults, written on every activity
 * @param defaultPaths values for any path of the activity, written unless the projects file gives one
 * @param namespaces prefix to URI, for extension elements and attributes in paths
 * @param crosswalks crosswalk name to CSV file (resolved against the mapping file's directory)
 * @param ignoredFiles CSV files of the set that are read by nothing, on purpose
 * @param files the files of the set by name, each before the files nested in it
 */
public record MappingFile(
    String publisher, String identifierPrefix, Organisation reportingOrg, Defaults defaults, List<PathField> defaultPaths,
    Map<String, String> namespaces, Map<String, Path> crosswalks, Set<String> ignoredFiles, Map<String, FileMapping> files) {

  /** The reporting organisation: IATI organisation identifier, type code, name per language. */
  public record Organisation(String ref, String type, Map<String, String> name) {}

  /** Values written on every activity unless its project row says otherwise; currency may be null. */
  public record Defaults(
      String currency, String language, String flowType, String financeType, String aidType,
      String aidTypeVocabulary, String tiedStatus, String collaborationType) {}

  /** Where a value is read from. */
  public sealed interface Field permits Column, Text {}

  /**
   * One column, its codes optionally translated through a named crosswalk.
   *
   * @param labelAsNarrative the crosswalk entry's label is written as the element's narrative
   */
  public record Column(String column, String crosswalk, boolean labelAsNarrative) implements Field {
    public Column(String column, String crosswalk) {
      this(column, crosswalk, false);
    }
  }

  /** A narrative: one column per language (language code to column name; "" for the default language). */
  public record Text(Map<String, String> columns) implements Field {}

  /**
   * A column (or a constant) sent to an IATI path relative to the element a row makes.
   *
   * @param written the path as the mapping file writes it, e.g. {@code sector/@vocabulary-uri}
   * @param resolved the path checked against the model (for the file's first kind of element)
   * @param source where the value is read from; null for a constant
   * @param fallback the value when the cell is empty (or always, for a constant); null for none
   * @param notIn the kinds of element a file makes that have no such path (only {@code countries}
   *     makes two), each with why
   */
  public record PathField(String written, IatiPaths.Resolved resolved, Field source, String fallback,
      Map<String, String> notIn) {
    public PathField {
      notIn = Map.copyOf(notIn);
    }
  }

  /** The link from a row of a nested file to the row of {@code file} whose key is in {@code column}. */
  public record Within(String file, String column) {}

  /**
   * One file of the set and what its rows feed.
   *
   * @param name its name under {@code files:}
   * @param file its CSV file name, relative to the set (when the set is a directory of CSV files)
   * @param sheet its sheet (when the set is a workbook): {@code sheet:}, else its name under {@code files:}
   * @param table the own-form file with named fields it is, or null for a file of paths only
   * @param element what each row makes, by path from the element of the file it is nested in
   *     ({@code within}) or from the activity ("" for {@code projects})
   * @param within the file whose rows hold this file's rows, or null when that is the activity
   * @param key the column naming each row within its project, for files nested in this one; or null
   * @param link the column naming each row's project (for {@code projects}, the project's own id)
   * @param fields the named fields and their columns
   * @param paths the paths and their columns, relative to the element each row makes
   * @param ignored columns read by nothing, on purpose
   */
  public record FileMapping(String name, String file, String sheet, OwnTable table, String element, Within within, String key,
      String link, Map<OwnField, Field> fields, List<PathField> paths, Set<String> ignored) {
    public FileMapping {
      fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields)); // in the order the file names them
      paths = List.copyOf(paths);
      ignored = Set.copyOf(ignored);
    }

    public Field field(OwnField field) {
      return fields.get(field);
    }

    public boolean isProjects() {
      return table == OwnTable.PROJECTS;
    }
  }

  /** The columns a field reads. */
  public static List<String> columnsOf(Field field) {
    if (field instanceof Column c) {
      return List.of(c.column());
    }
    return field instanceof Text t ? List.copyOf(t.columns().values()) : List.of();
  }

  public MappingFile {
    defaultPaths = List.copyOf(defaultPaths);
    namespaces = Map.copyOf(namespaces);
    crosswalks = Map.copyOf(crosswalks);
    ignoredFiles = Set.copyOf(ignoredFiles);
    files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
  }

  /** The mapping of an own-form file with named fields, or null when the set has none. */
  public FileMapping table(OwnTable table) {
    // A file with named fields is always under its own name (any other name makes a file of paths).
    return files.get(table.key());
  }

  /**
   * What is wrong in using these crosswalks where the mapping uses them: a crosswalk that gives
   * vocabularies (or vocabulary URIs) serves only a code whose element says which vocabulary it is
   * from ({@code sector/@code}, {@code recipient-region/@code} …); elsewhere its vocabularies
   * would be lost, so it is refused before any row is read.
   */
  public List<String> crosswalkProblems(Map<String, Crosswalk> read) {
    List<String> problems = new ArrayList<>();
    for (FileMapping file : files.values()) {
      String at = "files." + file.name() + ".";
      file.fields().forEach((field, source) -> {
        if (source instanceof Column c && c.crosswalk() != null && read.containsKey(c.crosswalk())) {
          String target = field.target().replaceAll("\\[[^]]*]", "");
          int slash = target.lastIndexOf('/');
          ModelType element = IatiPaths.activity().element(slash < 0 ? "" : target.substring(0, slash));
          vocabularyProblem(read.get(c.crosswalk()), target, element, target.endsWith("/@code"),
              at + "columns." + field.key(), problems);
        }
      });
      for (PathField path : file.paths()) {
        if (path.source() instanceof Column c && c.crosswalk() != null && read.containsKey(c.crosswalk())) {
          vocabularyProblem(read.get(c.crosswalk()), path.written(), path.resolved().target(),
              "code".equals(path.resolved().attribute() == null ? null : path.resolved().attribute().getLocalPart()),
              at + "paths." + path.written(), problems);
        }
      }
    }
    return problems;
  }

  private static void vocabularyProblem(Crosswalk crosswalk, String target, ModelType element, boolean isCode, String where,
      List<String> problems) {
    boolean vocabulary = element != null && element.attribute(new javax.xml.namespace.QName("vocabulary")) != null;
    boolean uri = element != null && element.attribute(new javax.xml.namespace.QName("vocabulary-uri")) != null;
    if (crosswalk.givesVocabularies() && !(isCode && vocabulary)) {
      problems.add(where + ": the crosswalk '" + crosswalk.name() + "' gives vocabularies, but " + target
          + " has none to write them to, so they would be lost; empty its vocabulary column, or use it for a code that has one"
          + " (such as sector/@code)");
    }
    if (crosswalk.givesVocabularyUris() && !(isCode && uri)) {
      problems.add(where + ": the crosswalk '" + crosswalk.name() + "' gives vocabulary URIs, but " + target
          + " has no vocabulary-uri to write them to, so they would be lost; empty its vocabulary_uri column");
    }
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

  /**
   * The named fields whose element has a narrative beside its code, for a crosswalk's label: a list,
   * so a problem names them in the same order on every run (a Set.of's order changes from run to run).
   */
  private static final List<OwnField> LABELLED = List.of(OwnField.SECTOR_CODE, OwnField.REGION_CODE, OwnField.MARKER_CODE);

  private static final Set<String> TOP_KEYS = Set.of("publisher", "identifier-prefix", "reporting-org", "defaults",
      "namespaces", "crosswalks", "ignore", "files");
  private static final Set<String> DEFAULT_KEYS = Set.of("currency", "language", "flow-type", "finance-type",
      "aid-type", "aid-type-vocabulary", "tied-status", "collaboration-type");
  private static final Set<String> FILE_KEYS = Set.of("file", "sheet", "element", "within", "key", "columns", "paths",
      "ignore");
  private static final Set<String> COLUMN_KEYS = Set.of("column", "crosswalk", "narrative", "default");

  /** Reads and checks a mapping file; every problem is listed in the exception, by key. */
  public static MappingFile load(Path file) throws IOException, MappingException {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new MappingException(file, List.of("not readable YAML: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")));
    }
    if (root == null || !root.isObject()) {
      throw new MappingException(file, List.of("expected a YAML mapping with the keys " + new TreeSet<>(TOP_KEYS)));
    }
    Loading loading = new Loading(file.toAbsolutePath().getParent());
    MappingFile mapping = loading.mapping(root);
    if (!loading.problems.isEmpty()) {
      throw new MappingException(file, loading.problems);
    }
    return mapping;
  }

  /** One mapping file being read: what it says so far, and every problem found. */
  private static final class Loading {
    private final Path base;
    private final List<String> problems = new ArrayList<>();
    private final IatiPaths iati = IatiPaths.activity();
    private Map<String, String> namespaces = Map.of();
    private Set<String> crosswalkNames = Set.of();

    Loading(Path base) {
      this.base = base;
    }

    MappingFile mapping(JsonNode root) {
      unknownKeys(root, TOP_KEYS, "");
      String publisher = required(root, "publisher", "");
      if (!publisher.matches("[a-z0-9_-]*")) {
        problems.add("publisher: '" + publisher + "' must be lower-case letters, digits, '-' or '_' (it names the output file)");
      }
      String prefix = root.path("identifier-prefix").asText("");
      JsonNode org = root.path("reporting-org");
      Organisation reporting = new Organisation(required(org, "ref", "reporting-org."), required(org, "type", "reporting-org."),
          languages(org.path("name"), "reporting-org.name"));
      namespaces = stringMap(root.path("namespaces"), "namespaces");
      Map<String, Path> crosswalks = new LinkedHashMap<>();
      stringMap(root.path("crosswalks"), "crosswalks").forEach((name, path) -> crosswalks.put(name, base.resolve(path)));
      crosswalkNames = crosswalks.keySet();
      JsonNode d = root.path("defaults");
      Defaults defaults = new Defaults(text(d, "currency"), required(d, "language", "defaults."),
          text(d, "flow-type"), text(d, "finance-type"), text(d, "aid-type"), text(d, "aid-type-vocabulary"),
          text(d, "tied-status"), text(d, "collaboration-type"));
      List<PathField> defaultPaths = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = d.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        if (DEFAULT_KEYS.contains(entry.getKey())) {
          continue;
        }
        String where = "defaults." + entry.getKey();
        if (!entry.getValue().isValueNode()) {
          problems.add(where + ": give the value to write");
          continue;
        }
        PathField path = path(entry.getKey(), List.of(""), where + " (not a named default " + new TreeSet<>(DEFAULT_KEYS)
            + ", so an IATI path of the activity)", null, entry.getValue().asText());
        if (path != null) {
          defaultPaths.add(path);
        }
      }
      Set<String> ignoredFiles = new LinkedHashSet<>(strings(root.path("ignore"), "ignore"));
      Map<String, FileMapping> files = files(root.path("files"));
      return new MappingFile(publisher, prefix, reporting, defaults, defaultPaths, namespaces, crosswalks, ignoredFiles, files);
    }

    private Map<String, FileMapping> files(JsonNode files) {
      if (!files.isObject()) {
        problems.add("files: missing; list the CSV files with their columns (at least 'projects')");
        return Map.of();
      }
      // First what each file is, then where each sits (a file may be nested in one named after it).
      Map<String, JsonNode> nodes = new LinkedHashMap<>();
      files.fields().forEachRemaining(e -> nodes.put(e.getKey(), e.getValue()));
      if (!nodes.containsKey(OwnTable.PROJECTS.key())) {
        problems.add("files.projects: missing; it holds one row per activity");
      }
      Map<String, FileMapping> placed = new LinkedHashMap<>();
      Map<String, List<String>> roots = new LinkedHashMap<>();
      List<String> pending = new ArrayList<>(nodes.keySet());
      pending.remove(OwnTable.PROJECTS.key());
      pending.add(0, OwnTable.PROJECTS.key());
      // Each round places the files whose parent is placed; a round that places none leaves a loop or a missing parent.
      while (!pending.isEmpty()) {
        boolean progress = false;
        for (Iterator<String> it = pending.iterator(); it.hasNext(); ) {
          String name = it.next();
          JsonNode node = nodes.get(name);
          String parent = node == null ? null : node.path("within").path("file").asText(null);
          if (parent != null && !placed.containsKey(parent) && nodes.containsKey(parent)) {
            continue;
          }
          it.remove();
          progress = true;
          if (node != null) {
            FileMapping file = file(name, node, placed, roots);
            if (file != null) {
              placed.put(name, file);
            }
          }
        }
        if (!progress) {
          pending.forEach(name -> problems.add("files." + name + ".within: the files nest in a loop (" + pending + ")"));
          break;
        }
      }
      return placed;
    }

    private FileMapping file(String name, JsonNode node, Map<String, FileMapping> placed, Map<String, List<String>> roots) {
      String at = "files." + name + ".";
      if (!node.isObject()) {
        problems.add("files." + name + ": give its 'columns' (and 'paths')");
        return null;
      }
      unknownKeys(node, FILE_KEYS, at);
      OwnTable table = OwnTable.byKey(name).orElse(null);
      String element = text(node, "element");
      Within within = null;
      if (node.has("within")) {
        JsonNode w = node.path("within");
        unknownKeys(w, Set.of("file", "column"), at + "within.");
        within = new Within(required(w, "file", at + "within."), required(w, "column", at + "within."));
      }
      List<String> parentRoots = List.of("");
      if (table != null) {
        if (element != null || within != null) {
          problems.add(at + "element: '" + name + "' is a file with named fields; its rows make "
              + String.join(" or ", table.elements().stream().map(e -> e.isEmpty() ? "the activity" : e).toList())
              + ". To make other elements, give the file another name");
          return null;
        }
      } else if (element == null) {
        problems.add("files." + name + ": not a file with named fields (those are "
            + java.util.Arrays.stream(OwnTable.values()).map(OwnTable::key).toList()
            + "); to make one element per row from paths, say which with 'element:' (e.g. contact-info)");
        return null;
      } else if (within != null) {
        FileMapping parent = placed.get(within.file());
        if (parent == null) {
          problems.add(at + "within.file: no file named '" + within.file() + "' under 'files'");
          return null;
        }
        if (parent.key() == null) {
          problems.add(at + "within.file: '" + within.file() + "' has no 'key:' (the column naming each of its rows"
              + " within its project), so its rows cannot be found");
          return null;
        }
        parentRoots = roots.get(within.file());
        if (parentRoots.size() > 1) {
          problems.add(at + "within.file: the rows of '" + within.file() + "' make " + String.join(" or ", parentRoots)
              + "; nest in a file whose rows make one kind of element");
          return null;
        }
      }
      List<String> myRoots;
      if (table != null) {
        myRoots = table.elements();
      } else {
        String full = (parentRoots.get(0).isEmpty() ? "" : parentRoots.get(0) + "/") + element;
        try {
          iati.element(full);
          PathHeader parsed = PathHeader.parse(element);
          if (parsed.attribute() != null || parsed.steps().stream().anyMatch(s -> s.index() > 0)) {
            throw new IllegalArgumentException("name an element by its name alone, without @ or positions");
          }
        } catch (IllegalArgumentException e) {
          problems.add(at + "element: '" + element + "' is not an element each row can make: " + e.getMessage());
          return null;
        }
        myRoots = List.of(full);
      }
      roots.put(name, myRoots);
      String file = node.path("file").asText(name + ".csv");
      String sheet = node.path("sheet").asText(name);
      Map<OwnField, Field> fields = table == null ? Map.of() : fields(table, node.path("columns"), at);
      String link = table == null ? linkOnly(node.path("columns"), at)
          : fields.get(table.linkField()) instanceof Column c ? c.column() : "";
      List<PathField> paths = new ArrayList<>();
      JsonNode pathNodes = node.path("paths");
      if (!pathNodes.isMissingNode() && !pathNodes.isObject()) {
        problems.add(at + "paths: give one entry per IATI path, e.g. narrative: column_name");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = pathNodes.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        PathField path = path(entry.getKey(), myRoots, at + "paths." + entry.getKey(), entry.getValue(), null);
        if (path != null) {
          alreadyNamed(table, fields, path, myRoots.get(0), at + "paths." + entry.getKey());
          paths.add(path);
        }
      }
      String key = text(node, "key");
      Set<String> ignored = new LinkedHashSet<>(strings(node.path("ignore"), at + "ignore"));
      return new FileMapping(name, file, sheet, table, table == null ? element : myRoots.get(0), within, key, link, fields, paths,
          ignored);
    }

    /**
     * A path that a named field of the same file already writes would be written twice: refused. A
     * path with a position beyond the first addresses another item of a list, which is allowed.
     */
    private void alreadyNamed(OwnTable table, Map<OwnField, Field> fields, PathField path, String root, String where) {
      if (table == null || path.resolved().path().steps().stream().anyMatch(s -> s.index() > 0)) {
        return;
      }
      String full = (root.isEmpty() ? "" : root + "/") + plain(path.written());
      for (OwnField field : fields.keySet()) {
        String target = field.target().replaceAll("\\[[^]]*]", "");
        if (field.kind() != OwnField.Kind.LINK && field.kind() != OwnField.Kind.GROUP && target.equals(full)) {
          problems.add(where + ": the field '" + field.key() + "' already writes " + full
              + (field.isText() ? "; give its languages there instead ({en: ..., fr: ...})" : "; map one or the other"));
        }
      }
    }

    /** A path without its positions. */
    private static String plain(String path) {
      return path.replaceAll("/[0-9]+(?=/|$)", "");
    }

    private Map<OwnField, Field> fields(OwnTable table, JsonNode columns, String at) {
      Map<OwnField, Field> fields = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = columns.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        OwnField field = table.field(entry.getKey()).orElse(null);
        JsonNode spec = entry.getValue();
        String where = at + "columns." + entry.getKey();
        if (field == null) {
          problems.add(where + ": not a field of " + table.key() + "; its fields are "
              + table.fields().stream().map(OwnField::key).toList() + " (any other IATI path goes under 'paths:')");
        } else if (field.isText()) {
          fields.put(field, spec.isTextual() ? new Text(Map.of("", spec.asText())) : new Text(languages(spec, where)));
        } else if (spec.isTextual()) {
          fields.put(field, new Column(spec.asText(), null));
        } else if (spec.isObject() && spec.has("column")) {
          unknownKeys(spec, Set.of("column", "crosswalk", "narrative"), where + ".");
          Column column = column(spec, where);
          if (column.labelAsNarrative() && !LABELLED.contains(field)) {
            problems.add(where + ".narrative: only " + LABELLED.stream().map(f -> f.table().key() + "." + f.key()).toList()
                + " write a narrative beside their code; for another field, send the label's column to a path");
          }
          fields.put(field, column);
        } else {
          problems.add(where + ": give a column name, or {column: NAME, crosswalk: NAME}");
        }
      }
      if (!fields.containsKey(table.linkField())) {
        problems.add(at + "columns." + table.linkField().key() + ": missing; it links each row to its project");
      }
      return fields;
    }

    /** A file of paths only names in {@code columns:} just the column linking its rows to their project. */
    private String linkOnly(JsonNode columns, String at) {
      unknownKeys(columns, Set.of("project"), at + "columns.");
      if (!columns.path("project").isTextual()) {
        problems.add(at + "columns.project: missing; it links each row to its project (every other column goes under 'paths:')");
        return "";
      }
      return columns.path("project").asText();
    }

    private Column column(JsonNode spec, String where) {
      String crosswalk = spec.path("crosswalk").asText(null);
      if (crosswalk != null && !crosswalkNames.contains(crosswalk)) {
        problems.add(where + ".crosswalk: no crosswalk named '" + crosswalk + "' under 'crosswalks'");
      }
      boolean label = false;
      if (spec.has("narrative")) {
        if (!"label".equals(spec.path("narrative").asText()) || crosswalk == null) {
          problems.add(where + ".narrative: write 'narrative: label' beside a crosswalk, to write each entry's label as the narrative");
        }
        label = true;
      }
      return new Column(spec.path("column").asText(), crosswalk, label);
    }

    /**
     * A path and its source, checked against each kind of element the file's rows make.
     *
     * @param spec the column, {column, crosswalk, default, narrative} or {language: column}; null for a constant
     * @param constant the value of a constant path; null when {@code spec} is given
     */
    private PathField path(String written, List<String> roots, String where, JsonNode spec, String constant) {
      IatiPaths.Resolved resolved = null;
      Map<String, String> notIn = new LinkedHashMap<>();
      for (String root : roots) {
        try {
          ModelType type = iati.element(root);
          IatiPaths.Resolved r = iati.resolve(type, root.isEmpty() ? "iati-activity" : root.substring(root.lastIndexOf('/') + 1),
              written, namespaces);
          resolved = resolved == null ? r : resolved;
        } catch (IllegalArgumentException e) {
          notIn.put(root, e.getMessage());
        }
      }
      if (resolved == null) {
        problems.add(where + ": not an IATI path here: " + String.join("; ", notIn.values()));
        return null;
      }
      if (spec == null) {
        return new PathField(written, resolved, null, constant, notIn);
      }
      Field source;
      String fallback = null;
      if (spec.isTextual()) {
        source = new Column(spec.asText(), null);
      } else if (spec.isObject() && hasOnly(spec, COLUMN_KEYS)) {
        if (!spec.has("column") && !spec.has("default")) {
          problems.add(where + ": give a column, a default, or both");
          return null;
        }
        source = spec.has("column") ? column(spec, where) : null;
        fallback = spec.has("default") ? spec.path("default").asText() : null;
        if (source instanceof Column c && c.labelAsNarrative() && !resolved.targetHasChild("narrative")) {
          problems.add(where + ".narrative: the element of " + written + " has no narrative for the label");
        }
      } else if (spec.isObject()) {
        if (resolved.attribute() != null || !resolved.steps().get(resolved.steps().size() - 1).getLocalPart().equals("narrative")) {
          problems.add(where + ": one column per language goes to a narrative; give a column, or {column: NAME, crosswalk: NAME, default: VALUE}");
          return null;
        }
        source = new Text(languages(spec, where));
      } else {
        problems.add(where + ": give a column name, {column: NAME, crosswalk: NAME, default: VALUE}, or one column per language");
        return null;
      }
      return new PathField(written, resolved, source, fallback, notIn);
    }

    private static boolean hasOnly(JsonNode node, Set<String> keys) {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        if (!keys.contains(it.next())) {
          return false;
        }
      }
      return true;
    }

    private Map<String, String> languages(JsonNode node, String where) {
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

    private Map<String, String> stringMap(JsonNode node, String where) {
      Map<String, String> map = new LinkedHashMap<>();
      if (node.isMissingNode()) {
        return map;
      }
      if (!node.isObject()) {
        problems.add(where + ": give one entry per name, e.g. name: value");
        return map;
      }
      node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
      return map;
    }

    private List<String> strings(JsonNode node, String where) {
      List<String> strings = new ArrayList<>();
      if (node.isMissingNode()) {
        return strings;
      }
      if (!node.isArray()) {
        problems.add(where + ": give a list, e.g. [notes, owner]");
        return strings;
      }
      node.forEach(n -> strings.add(n.asText()));
      return strings;
    }

    private String required(JsonNode node, String key, String at) {
      String value = text(node, key);
      if (value == null || value.isBlank()) {
        problems.add(at + key + ": missing");
        return "";
      }
      return value;
    }

    private void unknownKeys(JsonNode node, Set<String> known, String at) {
      node.fieldNames().forEachRemaining(key -> {
        if (!known.contains(key)) {
          problems.add(at + key + ": unknown key; expected one of " + new TreeSet<>(known));
        }
      });
    }
  }

  private static String text(JsonNode node, String key) {
    JsonNode value = node.path(key);
    return value.isValueNode() ? value.asText() : null;
  }
}
