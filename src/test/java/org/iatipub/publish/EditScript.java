package org.iatipub.publish;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.iatipub.SharedIati;
import org.iatipub.bench.SyntheticPortfolio;
import org.iatipub.finding.Finding;
import org.iatipub.mapping.ActivityBinder;
import org.iatipub.publish.dataset.ChangeReport;
import org.iatipub.publish.dataset.Layout;
import org.iatipub.publish.dataset.PublishState;
import org.iatipub.validation.SchemaSet;

/**
 * Random edit scripts over a generated portfolio, night after night, each night published twice
 * over copies of the same output: taking what did not change, and building everything ({@code
 * --full}). The two must give the same files, byte for byte, the same manifest, findings, change
 * report, and state but for when each activity was checked; and the incremental run must take
 * exactly the activities published the night before whose rows, and what their mapping takes from
 * other activities, did not change (worked out here from the CSV files on their own).
 *
 * <p>Edits: cells changed, rows and activities added and removed (so rows are numbered anew), ids
 * repeated, programmes changed (own columns), warnings made (an activity with no country and no
 * transactions, and another reporting organisation; some from the first night on), a crosswalk
 * entry and a default changed (own columns), the codelists' digest changed. {@code IncrementalRunTest} runs a few small scripts;
 * {@link IncrementalDifferential} runs bigger ones outside the unit suite.
 */
final class EditScript {
  private static final ActivityBinder BINDER = ActivityBinder.create();
  private static final String PREFIX = "XM-DAC-41302-";

  private EditScript() {}

  /**
   * One input form: its main file and id column, its child files. A workbook is the path-header
   * files, edited as CSV files and written as one .xlsx workbook before each night, a sheet per file.
   */
  enum Form {
    OWN("projects.csv", "project_code", List.of("participants.csv", "budgets.csv", "transactions.csv", "deliverables.csv",
        "sectors.csv", "countries.csv")),
    PATH_HEADERS("activities.csv", "iati-identifier", List.of("transactions.csv", "countries.csv")),
    WORKBOOK("activities.csv", "iati-identifier", List.of("transactions.csv", "countries.csv"));

    final String main;
    final String id;
    final List<String> children;

    Form(String main, String id, List<String> children) {
      this.main = main;
      this.id = id;
      this.children = children;
    }

    String identifier(String id) {
      return this == OWN ? PREFIX + id : id;
    }
  }

  /**
   * Runs a script of {@code nights} random nights (after a first) over a generated portfolio of
   * {@code activities} in {@code work}, comparing each night's incremental run with a full run.
   *
   * @return how many activities the nights took in all
   * @throws AssertionError at the first difference, or when no night took any activity
   */
  static int run(Path work, Form form, long seed, Layout layout, int activities, int transactions, int nights,
      Consumer<String> log) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    Path input = work.resolve("input");
    Path output = work.resolve("output");
    generate(form, input, random, activities, transactions);
    String codelists = "sha256:night-0";
    Path published = form == Form.WORKBOOK ? work.resolve("book").resolve("portfolio.xlsx") : input;
    if (form == Form.WORKBOOK) {
      Files.createDirectories(published.getParent());
      SyntheticPortfolio.writeWorkbook(input, published, false);
    }
    Night first = night(form, published, output, layout, 0, codelists, false);
    Inputs before = Inputs.of(form, input);
    Set<String> publishedBefore = first.published;
    int tookSome = 0;
    for (int n = 1; n <= nights; n++) {
      boolean everything = false;
      int edits = random.nextInt(4); // a night may change nothing
      List<String> done = new ArrayList<>();
      for (int e = 0; e < edits; e++) {
        String edit = edit(form, input, random, n);
        done.add(edit);
        everything |= edit.startsWith("everything:");
        if (edit.equals("everything: codelists")) {
          codelists = "sha256:night-" + n;
        }
      }
      if (form == Form.WORKBOOK) {
        SyntheticPortfolio.writeWorkbook(input, published, false);
      }
      Path full = work.resolve("output-full-" + n);
      copy(output, full);
      Night incremental = night(form, published, output, layout, n, codelists, false);
      Night rebuilt = night(form, published, full, layout, n, codelists, true);
      String what = "night " + n + " after " + done;
      assertSame(rebuilt, incremental, what);

      Inputs after = Inputs.of(form, input);
      Set<String> expected = new HashSet<>(incremental.published);
      expected.retainAll(publishedBefore);
      if (everything) {
        expected.clear();
      } else {
        expected.removeAll(after.changedSince(before, form));
      }
      equal(expected.size(), incremental.taken, what + ": the activities published again unchanged are taken");
      equal(0, rebuilt.taken, what + ": a full run takes none");
      log.accept(String.format(java.util.Locale.ROOT, "%s %s: %d published, %d taken, %d findings", form, what,
          incremental.published.size(), incremental.taken, incremental.findings.size()));
      tookSome += incremental.taken;
      before = after;
      publishedBefore = incremental.published;
    }
    if (tookSome == 0) {
      throw new AssertionError("the script took no activity on any night");
    }
    return tookSome;
  }

  /** What a run gave, as it is compared. */
  record Night(Map<String, byte[]> files, String state, List<Finding> findings, List<SetOutcome> sets,
      Map<String, Long> errors, List<List<ChangeReport.Change>> changes, int unchanged, Set<String> published, int taken) {}

  static Night night(Form form, Path input, Path output, Layout layout, int n, String codelists, boolean full)
      throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2025-07-01T02:00:00Z").plus(n, ChronoUnit.DAYS), ZoneOffset.UTC);
    Publisher publisher = new Publisher(BINDER, SchemaSet.bundled().activities(), clock).withCodelistDigest(codelists);
    List<Finding> findings = new ArrayList<>();
    try (PublishReport report = (full ? publisher.buildingEverything() : publisher)
        .publish(new PublishRequest(input, null, output, ',', null, false, layout, null), findings::add)) {
      Map<String, byte[]> files = new TreeMap<>();
      for (String name : PublishRun.allFilesIn(output)) {
        if (!name.equals(PublishState.FILE) && Files.isRegularFile(output.resolve(name))) {
          files.put(name, Files.readAllBytes(output.resolve(name)));
        }
      }
      // When each activity was checked is the one thing a full run sets anew for all of them.
      String state = Files.readString(output.resolve(PublishState.FILE)).replaceAll("\"checked\":\"[^\"]*\"", "\"checked\":\"…\"");
      ChangeReport changes = report.changes();
      Set<String> published = new HashSet<>();
      for (String name : files.keySet()) {
        if (name.endsWith(".xml")) {
          java.util.regex.Matcher m = java.util.regex.Pattern.compile("<iati-identifier>([^<]*)</iati-identifier>")
              .matcher(new String(files.get(name), StandardCharsets.UTF_8));
          while (m.find()) {
            published.add(m.group(1));
          }
        }
      }
      int taken = report.sets().stream().mapToInt(SetOutcome::taken).sum();
      List<SetOutcome> sets = report.sets().stream()
          .map(s -> new SetOutcome(s.set(), s.output() == null ? null : s.output().getFileName(), s.published(), s.withheld(),
              s.files())).toList();
      return new Night(files, state, findings, sets, report.errorsByRule(),
          List.of(List.copyOf(changes.added()), List.copyOf(changes.changed()), List.copyOf(changes.removed()),
              List.copyOf(changes.withheld())), changes.unchanged(),
          published, taken);
    }
  }

  /** Throws when the two nights differ in their files, state, findings or report. */
  static void assertSame(Night full, Night incremental, String what) {
    equal(full.files.keySet(), incremental.files.keySet(), what + ": the files");
    full.files.forEach((name, bytes) ->
        equal(new String(bytes, StandardCharsets.UTF_8), new String(incremental.files.get(name), StandardCharsets.UTF_8),
            what + ": " + name));
    equal(full.state, incremental.state, what + ": the state");
    equal(full.findings, incremental.findings, what + ": the findings");
    equal(full.sets, incremental.sets, what + ": the tallies");
    equal(full.errors, incremental.errors, what + ": the errors by rule");
    equal(full.changes, incremental.changes, what + ": the changes");
    equal(full.unchanged, incremental.unchanged, what + ": the unchanged count");
  }

  private static void equal(Object expected, Object actual, String what) {
    if (!Objects.equals(expected, actual)) {
      throw new AssertionError(what + ": a full run gives\n" + expected + "\nbut this run\n" + actual);
    }
  }

  // ---- the portfolio and its edits ----

  private static void generate(Form form, Path input, SplittableRandom random, int activities, int transactions)
      throws IOException {
    SyntheticPortfolio portfolio = new SyntheticPortfolio(activities, transactions, random.nextLong());
    if (form == Form.OWN) {
      portfolio.writeOwnColumns(input, SharedIati.projectDir().resolve("samples/crosswalks"));
      // Programmes: some projects name another as theirs, which the mapping takes from both.
      Path mapping = input.resolve("mapping.yaml");
      Files.writeString(mapping, Files.readString(mapping).replace("id: project_code\n", "id: project_code\n      parent: programme\n"));
      Table projects = Table.read(input.resolve(form.main));
      projects.header.add("programme");
      for (List<String> row : projects.rows) {
        row.add(random.nextInt(5) == 0 ? projects.rows.get(random.nextInt(projects.rows.size())).get(0) : "");
      }
      projects.rows.forEach(row -> row.set(row.size() - 1, row.get(row.size() - 1).equals(row.get(0)) ? "" : row.get(row.size() - 1)));
      projects.write(input.resolve(form.main));
    } else {
      portfolio.writePathHeaders(input);
      // Related activities: some in the file, some not (a note at the end of the file for those).
      Table sheet = Table.read(input.resolve(form.main));
      sheet.header.addAll(List.of("related-activity/@ref", "related-activity/@type"));
      for (List<String> row : sheet.rows) {
        boolean cites = random.nextInt(3) == 0;
        String cited = random.nextBoolean() ? sheet.rows.get(random.nextInt(sheet.rows.size())).get(0)
            : PREFIX + "ZZ-" + random.nextInt(1000);
        row.addAll(List.of(cites ? cited : "", cites ? "3" : ""));
      }
      sheet.write(input.resolve(form.main));
    }
    // Activities published with warnings from the first night on: taken later, their warnings are
    // reported again from the state, at their rows as numbered then.
    Table main = Table.read(input.resolve(form.main));
    for (int i = 0; i < Math.max(1, activities / 5); i++) {
      warn(form, input, main, main.rows.get(random.nextInt(main.rows.size())).get(0));
    }
  }

  /** Applies one random edit to the input; says what it did ("everything: …" for one every activity depends on). */
  private static String edit(Form form, Path input, SplittableRandom random, int night) throws IOException {
    int kind = random.nextInt(form == Form.OWN ? 11 : 9);
    Table main = Table.read(input.resolve(form.main));
    if (main.rows.isEmpty()) {
      kind = 3;
    }
    switch (kind) {
      case 0, 1 -> { // a cell of any file
        String name = random.nextInt(3) == 0 ? form.main : form.children.get(random.nextInt(form.children.size()));
        Table table = Table.read(input.resolve(name));
        if (table.rows.isEmpty()) {
          return "nothing";
        }
        List<String> row = table.rows.get(random.nextInt(table.rows.size()));
        int column = 1 + random.nextInt(table.header.size() - 1);
        row.set(column, changed(row.get(column), random, table.rows));
        table.write(input.resolve(name));
        return "cell " + name + " " + table.header.get(column);
      }
      case 2 -> { // a child row added (a copy of another of its activity) or removed
        String name = form.children.get(random.nextInt(form.children.size()));
        Table table = Table.read(input.resolve(name));
        if (table.rows.isEmpty()) {
          return "nothing";
        }
        int at = random.nextInt(table.rows.size());
        if (random.nextBoolean()) {
          table.rows.add(random.nextInt(table.rows.size() + 1), new ArrayList<>(table.rows.get(at)));
        } else {
          table.rows.remove(at);
        }
        table.write(input.resolve(name));
        return "row of " + name;
      }
      case 3 -> { // an activity added, with rows in every file, anywhere in the main file
        List<String> copy = new ArrayList<>(main.rows.isEmpty() ? List.of() : main.rows.get(random.nextInt(main.rows.size())));
        if (copy.isEmpty()) {
          return "nothing";
        }
        String from = copy.get(0);
        String id = from + "-N" + night + random.nextInt(100);
        copy.set(0, id);
        main.rows.add(random.nextInt(main.rows.size() + 1), copy);
        main.write(input.resolve(form.main));
        for (String name : form.children) {
          Table table = Table.read(input.resolve(name));
          List<List<String>> rows = table.rows.stream().filter(r -> r.get(0).equals(from)).map(ArrayList::new)
              .peek(r -> r.set(0, id)).map(r -> (List<String>) r).toList();
          table.rows.addAll(random.nextInt(table.rows.size() + 1), rows);
          table.write(input.resolve(name));
        }
        return "activity added";
      }
      case 4 -> { // an activity removed, with or without its other rows (which are then rejected)
        String id = main.rows.remove(random.nextInt(main.rows.size())).get(0);
        main.write(input.resolve(form.main));
        if (random.nextInt(3) > 0) {
          for (String name : form.children) {
            Table table = Table.read(input.resolve(name));
            table.rows.removeIf(r -> r.get(0).equals(id));
            table.write(input.resolve(name));
          }
        }
        return "activity removed";
      }
      case 5 -> { // an id repeated in the main file: neither is published while it is
        main.rows.add(random.nextInt(main.rows.size() + 1), new ArrayList<>(main.rows.get(random.nextInt(main.rows.size()))));
        main.write(input.resolve(form.main));
        return "id repeated";
      }
      case 6 -> {
        warn(form, input, main, main.rows.get(random.nextInt(main.rows.size())).get(0));
        return "warning made";
      }
      case 7 -> {
        return "everything: codelists";
      }
      case 8 -> {
        return "nothing";
      }
      case 9 -> { // a crosswalk entry
        Path file = input.resolve("crosswalks/purpose-codes.csv");
        Table purpose = Table.read(file);
        List<String> row = purpose.rows.get(random.nextInt(purpose.rows.size()));
        String code = purpose.rows.get(random.nextInt(purpose.rows.size())).get(1);
        if (code.equals(row.get(1))) {
          return "nothing"; // the same code again: the file is as it was
        }
        row.set(1, code);
        purpose.write(file);
        return "everything: crosswalk";
      }
      default -> { // a default of the mapping file
        Path mapping = input.resolve("mapping.yaml");
        String text = Files.readString(mapping);
        Files.writeString(mapping, text.contains("collaboration-type: \"1\"")
            ? text.replace("collaboration-type: \"1\"", "collaboration-type: \"2\"")
            : text.replace("collaboration-type: \"2\"", "collaboration-type: \"1\""));
        return "everything: default";
      }
    }
  }

  /**
   * Makes activity {@code id} one published with warnings: no country and no transactions (3.7.1,
   * which a check of the activity alone finds, kept in the state), and in the path-header form
   * another reporting organisation too (1.1.21, which the identifier check that compares activities
   * finds again from the activity's view).
   */
  private static void warn(Form form, Path input, Table main, String id) throws IOException {
    for (String name : List.of("countries.csv", "transactions.csv")) {
      Table table = Table.read(input.resolve(name));
      table.rows.removeIf(r -> r.get(0).equals(id));
      table.write(input.resolve(name));
    }
    if (form != Form.OWN) {
      int ref = main.header.indexOf("reporting-org/@ref");
      main.rows.stream().filter(r -> r.get(0).equals(id)).forEach(r -> r.set(ref, "XM-DAC-7"));
      main.write(input.resolve(form.main));
    }
  }

  /** Another value for a cell: a number or date moved, a programme changed, a text revised (a code so revised is unknown). */
  private static String changed(String value, SplittableRandom random, List<List<String>> rows) {
    if (value.matches("[0-9]+(\\.[0-9]+)?")) {
      return (Long.parseLong(value.replaceAll("\\..*", "")) + 1 + random.nextInt(3)) + value.replaceAll("^[0-9]+", "");
    }
    if (value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
      return LocalDate.parse(value).plusDays(1 + random.nextInt(30)).toString();
    }
    if (value.isEmpty()) {
      return rows.get(random.nextInt(rows.size())).get(0); // a programme, or an id where none belongs
    }
    return random.nextInt(4) == 0 ? "" : value + " revised";
  }

  /** A CSV file as rows of cells. */
  private static final class Table {
    final List<String> header;
    final List<List<String>> rows;

    private Table(List<String> header, List<List<String>> rows) {
      this.header = header;
      this.rows = rows;
    }

    static Table read(Path file) throws IOException {
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
          CSVParser parser = CSVParser.parse(in, CSVFormat.DEFAULT)) {
        List<List<String>> records = new ArrayList<>();
        for (CSVRecord record : parser) {
          records.add(new ArrayList<>(record.toList()));
        }
        return new Table(records.remove(0), records);
      }
    }

    void write(Path file) throws IOException {
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
          CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
        printer.printRecord(header);
        for (List<String> row : rows) {
          printer.printRecord(row);
        }
      }
    }
  }

  /**
   * The input as the fingerprints see it, modelled here on its own: each activity's rows in every
   * file (row numbers aside), and in the own form the programme links its mapping takes.
   */
  private record Inputs(Map<String, List<List<String>>> rows, Map<String, String> context) {
    static Inputs of(Form form, Path input) throws IOException {
      Map<String, List<List<String>>> rows = new HashMap<>();
      Table main = Table.read(input.resolve(form.main));
      Set<String> ids = new HashSet<>();
      for (List<String> row : main.rows) {
        ids.add(row.get(0));
        rows.computeIfAbsent(row.get(0), k -> new ArrayList<>()).add(row);
      }
      for (String name : form.children) {
        for (List<String> row : Table.read(input.resolve(name)).rows) {
          List<String> keyed = new ArrayList<>(row);
          keyed.add(0, name);
          rows.computeIfAbsent(row.get(0), k -> new ArrayList<>()).add(keyed);
        }
      }
      Map<String, String> context = new LinkedHashMap<>();
      if (form == Form.OWN) {
        int programme = main.header.indexOf("programme");
        Map<String, List<String>> children = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (List<String> row : main.rows) {
          if (!seen.add(row.get(0))) {
            continue; // a repeated id starts no activity, and names no programme
          }
          String parent = row.get(programme);
          context.put(row.get(0), parent.isEmpty() ? "none" : ids.contains(parent) ? "in" : "elsewhere");
          if (!parent.isEmpty()) {
            children.computeIfAbsent(parent, k -> new ArrayList<>()).add(row.get(0));
          }
        }
        children.forEach((parent, list) -> context.merge(parent, list.toString(), (a, b) -> a + b));
      }
      return new Inputs(rows, context);
    }

    /** The identifiers of the activities whose input is not what it was {@code before}. */
    Set<String> changedSince(Inputs before, Form form) {
      Set<String> changed = new HashSet<>();
      Set<String> ids = new HashSet<>(rows.keySet());
      ids.addAll(before.rows.keySet());
      for (String id : ids) {
        if (!Objects.equals(rows.get(id), before.rows.get(id)) || !Objects.equals(context.get(id), before.context.get(id))) {
          changed.add(form.identifier(id));
        }
      }
      return changed;
    }
  }

  static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        if (Files.isRegularFile(file)) {
          Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
