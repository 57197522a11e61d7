package org.iatipub.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.iatipub.finding.Finding;
import org.iatipub.mapping.Crosswalk;
import org.iatipub.mapping.MappingFile;
import org.iatipub.mapping.PathHeaderMapping;
import org.iatipub.source.CsvTable;

/**
 * One directory of CSV files that becomes one output file, with everything needed to read it,
 * checked before any data is read: a run whose configuration is wrong publishes nothing.
 *
 * @param name the directory name, part of the output file name
 * @param shown the directory as findings show it (as the user named the input)
 * @param form own columns or path headers
 * @param mapping the mapping file (own form only)
 * @param crosswalks the mapping file's crosswalks by name (own form only)
 * @param files the CSV files to read, by their name under the mapping file's {@code files:} (or the file name)
 * @param records what the sheets hold, activities or organisations (path headers only, else null)
 * @param link the column that links every sheet's rows to their record (path headers only, else null)
 */
record InputSet(String name, Path dir, String shown, InputForm form, MappingFile mapping, Map<String, Crosswalk> crosswalks,
    Map<String, Path> files, PathHeaderMapping.Records records, String link) {

  static final String MAPPING_FILE = "mapping.yaml";
  static final String MAIN_SHEET = "main.csv";

  /** The output file name: {@code <publisher>-<set>.xml}, or {@code <set>.xml} for path headers. */
  String outputName() {
    return mapping == null ? name + ".xml" : mapping.publisher() + "-" + name + ".xml";
  }

  /** The mapping file of an own-form set as {@code request} names it (or the one beside its files). */
  Path mappingFile(PublishRequest request) {
    return mappingFile(dir, request);
  }

  private static Path mappingFile(Path dir, PublishRequest request) {
    return request.mapping() != null ? request.mapping() : dir.resolve(MAPPING_FILE);
  }

  String shown(String file) {
    return shown.isEmpty() ? file : shown + "/" + file;
  }

  /** The sets under {@code request.input()}, each checked; every problem is reported at once. */
  static List<InputSet> discover(PublishRequest request) throws CannotPublish {
    Path input = request.input();
    List<String> problems = new ArrayList<>();
    if (!Files.isDirectory(input)) {
      throw new CannotPublish(List.of(input + ": no such directory"));
    }
    List<InputSet> sets = new ArrayList<>();
    try {
      if (!csvFiles(input).isEmpty()) {
        sets.add(prepare(input, input.toString(), request, problems));
      } else {
        for (Path dir : subdirectories(input)) {
          if (Files.exists(dir.resolve(MAPPING_FILE)) || hasPathHeaders(dir, request.delimiter())) {
            sets.add(prepare(dir, input.resolve(dir.getFileName()).toString(), request, problems));
          } else {
            // A header that cannot be read may be hiding the 'iati-identifier' column of a set.
            unreadableHeaders(dir, input.resolve(dir.getFileName()).toString(), request.delimiter()).forEach(finding ->
                problems.add(finding + "; so it cannot be told whether " + dir + " is a set of sheets with IATI path headers"));
          }
        }
        if (sets.isEmpty()) {
          problems.add(input + ": no CSV files, and no directory of them with a " + MAPPING_FILE + " or IATI path headers");
        }
      }
    } catch (IOException e) {
      problems.add(input + ": cannot be read (" + e.getMessage() + ")");
    }
    if (!problems.isEmpty()) {
      throw new CannotPublish(problems);
    }
    return sets;
  }

  private static InputSet prepare(Path dir, String shown, PublishRequest request, List<String> problems) throws IOException {
    String name = dir.toAbsolutePath().normalize().getFileName().toString();
    InputForm form = request.form() != null ? request.form()
        : hasPathHeaders(dir, request.delimiter()) ? InputForm.PATH_HEADERS : InputForm.OWN;
    return form == InputForm.PATH_HEADERS
        ? pathHeaders(dir, name, shown, request, problems)
        : own(dir, name, shown, request, problems);
  }

  private static InputSet pathHeaders(Path dir, String name, String shown, PublishRequest request, List<String> problems)
      throws IOException {
    Map<String, Path> files = new LinkedHashMap<>();
    List<Path> csvs = csvFiles(dir);
    Path main = csvs.stream().filter(p -> p.getFileName().toString().equals(MAIN_SHEET)).findFirst()
        .orElse(csvs.isEmpty() ? null : csvs.get(0));
    if (main == null) {
      problems.add(dir + ": no CSV files");
      return null;
    }
    files.put(main.getFileName().toString(), main);
    csvs.stream().filter(p -> !p.equals(main)).forEach(p -> files.put(p.getFileName().toString(), p));
    CsvTable.Header mainRow = CsvTable.readHeader(main, shownOf(shown, main), request.delimiter());
    List<String> mainHeader = mainRow.names();
    PathHeaderMapping.Records records = PathHeaderMapping.Records.ofHeader(mainHeader);
    if (records == null && mainRow.problem() != null) {
      problems.add(mainRow.problem() + "; so it cannot be told whether this main sheet names its activities"
          + " (or organisations) in an '" + PathHeaderMapping.ID_COLUMN + "' column");
      return null;
    }
    if (records == null) {
      problems.add(shownOf(shown, main) + ": has no '" + PathHeaderMapping.ID_COLUMN + "' column (nor '"
          + PathHeaderMapping.Records.ORGANISATIONS.idColumn() + "' for organisations); in the path-header form"
          + " the main sheet has one row per activity, named in it");
      return null;
    }
    String link = records.linkColumn(mainHeader);
    for (Path file : files.values()) {
      CsvTable.Header header = CsvTable.readHeader(file, shownOf(shown, file), request.delimiter());
      // A header that cannot be read is reported where it is by reading the file, which stops the set.
      if (header.problem() == null && !header.contains(link)) {
        problems.add(shownOf(shown, file) + ": has no '" + link + "' column; in the path-header form every sheet"
            + " names the " + (records == PathHeaderMapping.Records.ACTIVITIES ? "activity" : "organisation")
            + " its rows belong to" + (link.equals(records.keyColumn()) ? ", here by the main sheet's '" + link + "'" : ""));
      }
    }
    return new InputSet(name, dir, shown, InputForm.PATH_HEADERS, null, Map.of(), files, records, link);
  }

  private static InputSet own(Path dir, String name, String shown, PublishRequest request, List<String> problems)
      throws IOException {
    Path mappingPath = mappingFile(dir, request);
    if (!Files.isRegularFile(mappingPath)) {
      problems.add(mappingPath + ": no mapping file; the own-column form needs one (--mapping FILE),"
          + " or use IATI path headers (an 'iati-identifier' column)");
      unreadableHeaders(dir, shown, request.delimiter()).forEach(finding ->
          problems.add(finding + "; so it cannot be told whether this header names an 'iati-identifier' column"));
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
    Map<String, Path> files = new LinkedHashMap<>();
    for (MappingFile.FileMapping fileMapping : mapping.files().values()) {
      Path file = dir.resolve(fileMapping.file());
      String shownFile = shownOf(shown, file);
      if (!Files.isRegularFile(file)) {
        problems.add(shownFile + ": no such file (named in " + mappingPath + " under files." + fileMapping.name() + ")");
        continue;
      }
      files.put(fileMapping.name(), file);
      CsvTable.Header header = CsvTable.readHeader(file, shownFile, request.delimiter());
      if (header.problem() != null || header.names().isEmpty()) {
        continue; // reading the file reports why, where it is
      }
      String at = mappingPath + " maps files." + fileMapping.name() + ".";
      Map<String, String> uses = new LinkedHashMap<>();
      uses.put(fileMapping.link(), at + "columns.project");
      fileMapping.fields().forEach((field, source) ->
          MappingFile.columnsOf(source).forEach(c -> uses.putIfAbsent(c, at + "columns." + field.key())));
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
          problems.add(shownFile + ":1:" + column + ": no such column, but " + use + " to it (columns here: "
              + String.join(", ", header.names()) + ")");
        }
      });
    }
    return new InputSet(name, dir, shown, InputForm.OWN, mapping, crosswalks, files, null, null);
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

  private static List<Path> subdirectories(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isDirectory).sorted().toList();
    }
  }
}
