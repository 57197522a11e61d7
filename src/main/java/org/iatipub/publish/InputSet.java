package org.iatipub.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.iatipub.mapping.Crosswalk;
import org.iatipub.mapping.MappingFile;
import org.iatipub.mapping.MappingRule;
import org.iatipub.mapping.PathHeaderMapping;
import org.iatipub.source.ActivityJoin;
import org.iatipub.source.CsvFile;
import org.iatipub.source.CsvTable;
import org.iatipub.source.SourceRule;
import org.iatipub.source.Table;
import org.iatipub.source.Workbook;

/**
 * One set of tables that becomes one output file, a directory of CSV files or a workbook (each
 * sheet a file), with everything needed to read it, checked before any data is read: a run whose
 * configuration is wrong publishes nothing.
 *
 * @param name the directory's name or the workbook's (without its extension), part of the output file name
 * @param source the directory of CSV files, or the workbook
 * @param shown the directory or workbook as findings show it (as the user named the input)
 * @param form own columns or path headers
 * @param mapping the mapping file (own form only)
 * @param crosswalks the mapping file's crosswalks by name (own form only)
 * @param tables the tables to read by their name under the mapping file's {@code files:} (or the
 *     file's or sheet's name): a CSV file's path relative to {@code source}, or a sheet's name
 * @param records what the sheets hold, activities or organisations (path headers only, else null)
 * @param link the column that links every sheet's rows to their record (path headers only, else null)
 * @param notes what is told about the set when it is published but is no problem: the sheets of a
 *     workbook that are not read (hidden, or named by no mapping), the columns and CSV files no
 *     mapping reads, so that nothing is left out unsaid
 * @param mappingPath where the mapping file was read (own form only, else null)
 */
record InputSet(String name, Path source, String shown, InputForm form, MappingFile mapping, Map<String, Crosswalk> crosswalks,
    Map<String, String> tables, PathHeaderMapping.Records records, String link, List<Finding> notes, Path mappingPath) {

  static final String MAPPING_FILE = "mapping.yaml";
  static final String MAIN_SHEET = "main.csv";
  /** The main sheet of a workbook in the path-header form, when it has one of this name; else its first sheet. */
  static final String MAIN_WORKBOOK_SHEET = "main";

  InputSet {
    tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables)); // in order: the main table first
    notes = List.copyOf(notes);
  }

  /** The output file name: {@code <publisher>-<set>.xml}, or {@code <set>.xml} for path headers. */
  String outputName() {
    return mapping == null ? name + ".xml" : mapping.publisher() + "-" + name + ".xml";
  }

  /** The mapping file as messages name it (its file name), or "" for path headers. */
  String mappingName() {
    return mappingPath == null ? "" : mappingPath.getFileName().toString();
  }

  /** True when the set is a workbook, not a directory of CSV files. */
  boolean isWorkbook() {
    return !Files.isDirectory(source);
  }

  /** Opens the set's workbook, for reading its sheets; null when the set is a directory of CSV files. */
  Workbook openWorkbook() throws IOException {
    return isWorkbook() ? Workbook.open(source, shown) : null;
  }

  /**
   * The set's tables to join, its main table (one row per activity) first, each with its id column;
   * a workbook's sheets are read from {@code workbook}, open while they are.
   */
  List<ActivityJoin.Source> sources(Workbook workbook, char delimiter) {
    List<ActivityJoin.Source> sources = new ArrayList<>();
    for (Map.Entry<String, String> entry : tables.entrySet()) {
      String idColumn = form == InputForm.OWN ? mapping.files().get(entry.getKey()).link() : link;
      Table table = workbook != null ? workbook.sheet(entry.getValue())
          : new CsvFile(source.resolve(entry.getValue()), shown(entry.getValue()), delimiter);
      ActivityJoin.Source joined = new ActivityJoin.Source(entry.getKey(), table, idColumn);
      boolean isMain = form == InputForm.OWN ? mapping.files().get(entry.getKey()).isProjects() : sources.isEmpty();
      sources.add(isMain ? 0 : sources.size(), joined);
    }
    return sources;
  }

  private String shown(String file) {
    return shown.isEmpty() ? file : shown + "/" + file;
  }

  /** The mapping file of an own-form set as {@code request} names it (or the one beside its files or workbook). */
  Path mappingFile(PublishRequest request) {
    return mappingFile(source, request);
  }

  private static Path mappingFile(Path source, PublishRequest request) {
    return request.mapping() != null ? request.mapping()
        : Files.isDirectory(source) ? source.resolve(MAPPING_FILE) : source.resolveSibling(MAPPING_FILE);
  }

  /**
   * The sets of {@code request.input()}, each checked; every problem is reported at once. The input
   * is a workbook (one set), or a directory: its CSV files are one set, each workbook in it another;
   * a directory without CSV files is a directory of sets, each subdirectory with a
   * {@value #MAPPING_FILE} or CSV files with path headers being one, each workbook in one another.
   */
  static List<InputSet> discover(PublishRequest request) throws CannotPublish {
    Path input = request.input();
    List<String> problems = new ArrayList<>();
    List<InputSet> sets = new ArrayList<>();
    try {
      if (Files.isRegularFile(input) && Workbook.isWorkbook(input)) {
        sets.add(workbook(input, input.toString(), request, problems));
      } else if (!Files.isDirectory(input)) {
        throw new CannotPublish(List.of(input + ": no such directory, nor a workbook (.xlsx, .ods)"));
      } else {
        boolean csv = !csvFiles(input).isEmpty();
        if (csv) {
          sets.add(prepare(input, input.toString(), request, problems));
        }
        for (Path book : workbooks(input)) {
          sets.add(workbook(book, input.resolve(book.getFileName()).toString(), request, problems));
        }
        if (!csv) {
          for (Path dir : subdirectories(input)) {
            String shownDir = input.resolve(dir.getFileName()).toString();
            List<Path> books = workbooks(dir);
            // A mapping file beside workbooks alone maps the workbooks; beside CSV files, they are a set too.
            boolean mapped = Files.exists(dir.resolve(MAPPING_FILE)) && (books.isEmpty() || !csvFiles(dir).isEmpty());
            if (mapped || hasPathHeaders(dir, request.delimiter())) {
              sets.add(prepare(dir, shownDir, request, problems));
            } else {
              // A header that cannot be read may be hiding the 'iati-identifier' column of a set.
              unreadableHeaders(dir, shownDir, request.delimiter()).forEach(finding -> problems.add(finding
                  + "; so it cannot be told whether " + dir + " is a set of sheets with IATI path headers"));
            }
            for (Path book : books) {
              sets.add(workbook(book, shownDir + "/" + book.getFileName(), request, problems));
            }
          }
        }
        if (sets.isEmpty()) {
          problems.add(input + ": no CSV files or workbooks, and no directory of them with a " + MAPPING_FILE
              + " or IATI path headers");
        }
      }
    } catch (IOException e) {
      problems.add(input + ": cannot be read (" + e.getMessage() + ")");
    }
    sameNames(sets, problems);
    if (!problems.isEmpty()) {
      throw new CannotPublish(problems);
    }
    return sets;
  }

  /** Two sets of one name would write one output file and share one history: each needs its own. */
  private static void sameNames(List<InputSet> sets, List<String> problems) {
    Map<String, InputSet> byName = new HashMap<>();
    for (InputSet set : sets) {
      if (set == null) {
        continue;
      }
      InputSet other = byName.putIfAbsent(set.name().toLowerCase(Locale.ROOT), set);
      if (other != null) {
        problems.add(set.shown() + ": has the same name as " + other.shown() + ", so both would publish "
            + other.outputName().toLowerCase(Locale.ROOT) + "; rename one");
      }
    }
  }

  private static InputSet prepare(Path dir, String shown, PublishRequest request, List<String> problems) throws IOException {
    String name = dir.toAbsolutePath().normalize().getFileName().toString();
    InputForm form = request.form() != null ? request.form()
        : hasPathHeaders(dir, request.delimiter()) ? InputForm.PATH_HEADERS : InputForm.OWN;
    return form == InputForm.PATH_HEADERS
        ? pathHeaders(dir, name, shown, request, problems)
        : own(dir, name, shown, request, problems, new CsvHeaders(dir, shown, request.delimiter()), List.of());
  }

  private static InputSet pathHeaders(Path dir, String name, String shown, PublishRequest request, List<String> problems)
      throws IOException {
    List<Path> csvs = csvFiles(dir);
    Path main = csvs.stream().filter(p -> p.getFileName().toString().equals(MAIN_SHEET)).findFirst()
        .orElse(csvs.isEmpty() ? null : csvs.get(0));
    if (main == null) {
      problems.add(dir + ": no CSV files");
      return null;
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    Map<String, Finding> unreadable = new LinkedHashMap<>();
    for (Path csv : csvs) {
      CsvTable.Header header = CsvTable.readHeader(csv, shownOf(shown, csv), request.delimiter());
      headers.put(csv.getFileName().toString(), header.names());
      if (header.problem() != null) {
        unreadable.put(csv.getFileName().toString(), header.problem());
      }
    }
    return pathHeaderSet(name, dir, shown, headers, unreadable, main.getFileName().toString(),
        file -> shownOf(shown, dir.resolve(file)), "", List.of(), problems);
  }

  /**
   * A set in the path-header form: the main table ({@code main}) says what its rows are (activities
   * or organisations) and which column links the other tables' rows to them, which every table needs.
   *
   * @param headers each table's header, by name
   * @param unreadable why a table's header row cannot be read as it must be, by name, for those
   *     that cannot: its names may then be wrong, and reading the table reports it where it is
   * @param shownTable how a table is shown in a problem
   * @param hint said after the problem of a table without the link column
   */
  private static InputSet pathHeaderSet(String name, Path source, String shown, Map<String, List<String>> headers,
      Map<String, Finding> unreadable, String main, java.util.function.Function<String, String> shownTable, String hint,
      List<Finding> notes, List<String> problems) {
    List<String> mainHeader = headers.get(main);
    PathHeaderMapping.Records records = PathHeaderMapping.Records.ofHeader(mainHeader);
    if (records == null && unreadable.containsKey(main)) {
      problems.add(unreadable.get(main) + "; so it cannot be told whether this main sheet names its activities"
          + " (or organisations) in an '" + PathHeaderMapping.ID_COLUMN + "' column");
      return null;
    }
    if (records == null) {
      problems.add(shownTable.apply(main) + ": has no '" + PathHeaderMapping.ID_COLUMN + "' column (nor '"
          + PathHeaderMapping.Records.ORGANISATIONS.idColumn() + "' for organisations); in the path-header form"
          + " the main sheet has one row per activity, named in it");
      return null;
    }
    String link = records.linkColumn(mainHeader);
    Map<String, String> tables = new LinkedHashMap<>();
    tables.put(main, main);
    headers.forEach((table, header) -> {
      tables.put(table, table);
      // A header that cannot be read is reported where it is by reading the table, which stops the set.
      if (!unreadable.containsKey(table) && !header.contains(link)) {
        problems.add(shownTable.apply(table) + ": has no '" + link + "' column; in the path-header form every sheet"
            + " names the " + (records == PathHeaderMapping.Records.ACTIVITIES ? "activity" : "organisation")
            + " its rows belong to" + (link.equals(records.keyColumn()) ? ", here by the main sheet's '" + link + "'" : "")
            + hint);
      }
    });
    return new InputSet(name, source, shown, InputForm.PATH_HEADERS, null, Map.of(), tables, records, link, notes, null);
  }

  /** A workbook as a set: each visible sheet a file, the form told from the header rows as for CSV files. */
  private static InputSet workbook(Path file, String shown, PublishRequest request, List<String> problems) throws IOException {
    String name = Workbook.baseName(file);
    try (Workbook book = Workbook.open(file, shown)) {
      Map<String, List<String>> headers = book.headers();
      List<Finding> notes = new ArrayList<>();
      for (Workbook.Sheet sheet : book.sheets()) {
        if (sheet.hidden()) {
          notes.add(SourceRule.WORKBOOK_HIDDEN_SHEET.at(new Location.WholeFile(Location.Cell.sheetOf(shown, sheet.name())),
              "the sheet is hidden, so it is not read: a hidden sheet is taken for the workbook's own workings"
                  + " (lists of codes, notes); unhide it to publish its rows"));
        }
      }
      boolean pathHeaders = headers.values().stream().anyMatch(h -> PathHeaderMapping.Records.ofHeader(h) != null);
      InputForm form = request.form() != null ? request.form() : pathHeaders ? InputForm.PATH_HEADERS : InputForm.OWN;
      if (form == InputForm.OWN) {
        return own(file, name, shown, request, problems, new SheetHeaders(book, headers), notes);
      }
      Map<String, List<String>> sheets = new LinkedHashMap<>();
      // An empty sheet (a new workbook has some) has nothing to publish or lose.
      headers.forEach((sheet, header) -> {
        if (!header.isEmpty()) {
          sheets.put(sheet, header);
        }
      });
      String main = sheets.keySet().stream().filter(s -> s.equalsIgnoreCase(MAIN_WORKBOOK_SHEET)).findFirst()
          .orElse(sheets.isEmpty() ? null : sheets.keySet().iterator().next());
      if (main == null) {
        problems.add(shown + ": no sheet with anything in it");
        return null;
      }
      return pathHeaderSet(name, file, shown, sheets, Map.of(), main, sheet -> Location.Cell.sheetOf(shown, sheet),
          " (hide a sheet that is not data)", notes, problems);
    } catch (Workbook.Unreadable e) {
      problems.add(e.getMessage());
      return null;
    }
  }

  /** What discovery needs of a set's tables: each one's header row, by the name the mapping gives it. */
  private interface Headers {
    /** The name the mapping gives the table of {@code table}: a file, or a sheet. */
    String nameOf(MappingFile.FileMapping file);

    /**
     * The table the mapping means by {@code name}; null, with the reason in {@code problems}, when
     * there is none. {@code key} and {@code mappingPath} say where the mapping names it.
     */
    String find(String name, String key, Path mappingPath, List<String> problems);

    /** The header of the table {@code table}, as {@link #find} named it. */
    List<String> header(String table) throws IOException;

    /** The table as findings show it. */
    String shown(String table);

    /** Where a table's header row lacks {@code column}, as a problem names it. */
    String lacking(String table, String column);

    /** The header cell of {@code column}, the {@code index}th of the table's header (from 0), for a finding. */
    Location.Cell headerCell(String table, String column, int index);
  }

  private record CsvHeaders(Path dir, String shown, char delimiter) implements Headers {
    @Override
    public String nameOf(MappingFile.FileMapping file) {
      return file.file();
    }

    @Override
    public String find(String name, String key, Path mappingPath, List<String> problems) {
      if (!Files.isRegularFile(dir.resolve(name))) {
        problems.add(shown(name) + ": no such file (named in " + mappingPath + " under files." + key + ")");
        return null;
      }
      return name;
    }

    @Override
    public List<String> header(String table) throws IOException {
      CsvTable.Header header = CsvTable.readHeader(dir.resolve(table), shown(table), delimiter);
      return header.problem() != null ? List.of() : header.names(); // reading the file reports why, where it is
    }

    @Override
    public String shown(String table) {
      return shownOf(shown, dir.resolve(table));
    }

    @Override
    public String lacking(String table, String column) {
      return shown(table) + ":1:" + column + ": no such column";
    }

    @Override
    public Location.Cell headerCell(String table, String column, int index) {
      return new Location.Cell(shown(table), 1, column);
    }
  }

  /** A workbook's visible sheets; a sheet is named as Excel names them, whatever the case (Excel allows no two alike). */
  private record SheetHeaders(Workbook book, Map<String, List<String>> headers) implements Headers {
    @Override
    public String nameOf(MappingFile.FileMapping file) {
      return file.sheet();
    }

    @Override
    public String find(String name, String key, Path mappingPath, List<String> problems) {
      String sheet = headers.keySet().stream().filter(s -> s.equalsIgnoreCase(name)).findFirst().orElse(null);
      if (sheet == null) {
        boolean hidden = book.sheets().stream().anyMatch(s -> s.hidden() && s.name().equalsIgnoreCase(name));
        problems.add(book.shown() + ": no " + (hidden ? "visible " : "") + "sheet '" + name + "' (named in " + mappingPath
            + " under files." + key + (hidden ? "; it is hidden, and hidden sheets are not read" : "")
            + "); its sheets: " + String.join(", ", headers.keySet()));
      }
      return sheet;
    }

    @Override
    public List<String> header(String table) {
      return headers.get(table);
    }

    @Override
    public String shown(String table) {
      return Location.Cell.sheetOf(book.shown(), table);
    }

    @Override
    public String lacking(String table, String column) {
      return shown(table) + ": no column '" + column + "' in the header row";
    }

    @Override
    public Location.Cell headerCell(String table, String column, int index) {
      return new Location.Cell(book.shown(), 1, column).inSheet(table, index + 1);
    }
  }

  private static InputSet own(Path source, String name, String shown, PublishRequest request, List<String> problems,
      Headers headers, List<Finding> notes) throws IOException {
    Path mappingPath = mappingFile(source, request);
    if (!Files.isRegularFile(mappingPath)) {
      problems.add(mappingPath + ": no mapping file; the own-column form needs one (--mapping FILE),"
          + " or use IATI path headers (an 'iati-identifier' column)");
      if (headers instanceof CsvHeaders csv) {
        unreadableHeaders(csv.dir(), shown, csv.delimiter()).forEach(finding ->
            problems.add(finding + "; so it cannot be told whether this header names an 'iati-identifier' column"));
      }
      return null;
    }
    MappingFile mapping;
    try {
      mapping = MappingFile.load(mappingPath);
    } catch (MappingFile.MappingException e) {
      e.problems().forEach(p -> problems.add(mappingPath + ": " + p));
      return null;
    }
    Map<String, Crosswalk> crosswalks = new LinkedHashMap<>();
    for (Map.Entry<String, Path> entry : mapping.crosswalks().entrySet()) {
      Path file = entry.getValue();
      if (!Files.isRegularFile(file)) {
        problems.add(mappingPath + ": crosswalks." + entry.getKey() + ": no such file " + file);
        continue;
      }
      List<Finding> findings = new ArrayList<>();
      crosswalks.put(entry.getKey(), Crosswalk.read(entry.getKey(), file, file.toString(), ',', findings));
      findings.stream().filter(Finding::isError).forEach(f -> problems.add(f.toString()));
    }
    mapping.crosswalkProblems(crosswalks).forEach(p -> problems.add(mappingPath + ": " + p));
    Map<String, String> tables = new LinkedHashMap<>();
    List<Finding> unmapped = new ArrayList<>();
    for (MappingFile.FileMapping fileMapping : mapping.files().values()) {
      String table = headers.find(headers.nameOf(fileMapping), fileMapping.name(), mappingPath, problems);
      if (table == null) {
        continue;
      }
      tables.put(fileMapping.name(), table);
      List<String> header = headers.header(table);
      if (header.isEmpty()) {
        continue; // reading the table reports why
      }
      String at = mappingPath + " maps files." + fileMapping.name() + ".";
      Map<String, String> uses = new LinkedHashMap<>();
      uses.put(fileMapping.link(), at + "columns.project");
      fileMapping.fields().forEach((field, from) ->
          MappingFile.columnsOf(from).forEach(c -> uses.putIfAbsent(c, at + "columns." + field.key())));
      fileMapping.paths().forEach(path ->
          MappingFile.columnsOf(path.source()).forEach(c -> uses.putIfAbsent(c, at + "paths." + path.written())));
      if (fileMapping.within() != null) {
        uses.putIfAbsent(fileMapping.within().column(), at + "within.column");
      }
      if (fileMapping.key() != null) {
        uses.putIfAbsent(fileMapping.key(), at + "key");
      }
      uses.forEach((column, use) -> {
        if (!header.contains(column)) {
          problems.add(headers.lacking(table, column) + ", but " + use + " to it (columns here: "
              + String.join(", ", header.stream().filter(h -> !h.isEmpty()).toList()) + ")");
        }
      });
      // Nothing read is dropped unsaid: a column no field or path reads is named once per table.
      for (int i = 0; i < header.size(); i++) {
        String column = header.get(i);
        if (!column.isEmpty() && !uses.containsKey(column) && !fileMapping.ignored().contains(column)) {
          unmapped.add(MappingRule.UNMAPPED_COLUMN.at(headers.headerCell(table, column, i), "no field or path of "
              + mappingPath.getFileName() + " reads the column '" + column + "', so its cells are not published; map it under"
              + " files." + fileMapping.name() + " (a field under 'columns:' or an IATI path under 'paths:'), or list it under"
              + " files." + fileMapping.name() + ".ignore"));
        }
      }
    }
    if (headers instanceof CsvHeaders csv) {
      Set<Path> read = new HashSet<>();
      tables.values().forEach(table -> read.add(csv.dir().resolve(table).toAbsolutePath().normalize()));
      mapping.crosswalks().values().forEach(p -> read.add(p.toAbsolutePath().normalize()));
      for (Path file : csvFiles(csv.dir())) {
        String fileName = csv.dir().relativize(file).toString();
        if (!read.contains(file.toAbsolutePath().normalize()) && !mapping.ignoredFiles().contains(fileName)) {
          unmapped.add(MappingRule.UNMAPPED_FILE.at(new Location.WholeFile(shownOf(shown, file)), "no entry under 'files:' of "
              + mappingPath.getFileName() + " reads this file, so it is not published; map it (a file with named fields, or"
              + " one with 'element:' and paths), or list '" + fileName + "' under 'ignore:'"));
        }
      }
    }
    List<Finding> told = new ArrayList<>(notes);
    told.addAll(unmapped);
    if (headers instanceof SheetHeaders sheets) {
      sheets.headers().forEach((sheet, header) -> {
        if (!header.isEmpty() && !tables.containsValue(sheet)) {
          told.add(SourceRule.WORKBOOK_UNREAD_SHEET.at(new Location.WholeFile(Location.Cell.sheetOf(shown, sheet)), "no file of " + mappingPath
                  + " names this sheet (files.<file>.sheet), so it is not read"));
        }
      });
    }
    return new InputSet(name, source, shown, InputForm.OWN, mapping, crosswalks, tables, null, null, told, mappingPath);
  }

  private static String shownOf(String shown, Path file) {
    return shown.isEmpty() ? file.getFileName().toString() : shown + "/" + file.getFileName();
  }

  private static boolean hasPathHeaders(Path dir, char delimiter) throws IOException {
    for (Path csv : csvFiles(dir)) {
      // A name with bad bytes is read with U+FFFD in their place: the others still tell the form.
      if (PathHeaderMapping.Records.ofHeader(CsvTable.readHeader(csv, csv.toString(), delimiter).names()) != null) {
        return true;
      }
    }
    return false;
  }

  /** Why the header rows of {@code dir}'s CSV files cannot be read, for those that cannot. */
  private static List<Finding> unreadableHeaders(Path dir, String shown, char delimiter) throws IOException {
    List<Finding> findings = new ArrayList<>();
    for (Path csv : csvFiles(dir)) {
      Finding problem = CsvTable.readHeader(csv, shownOf(shown, csv), delimiter).problem();
      if (problem != null) {
        findings.add(problem);
      }
    }
    return findings;
  }

  private static List<Path> csvFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      // The organisation CSV feeds the organisation file, never an activity set.
      return files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") && Files.isRegularFile(p)
              && !p.getFileName().toString().equals(PublishRequest.ORGANISATION_FILE))
          .sorted().toList();
    }
  }

  private static List<Path> workbooks(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> Workbook.isWorkbook(p) && Files.isRegularFile(p)).sorted().toList();
    }
  }

  private static List<Path> subdirectories(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isDirectory).sorted().toList();
    }
  }
}
