package org.iatipub.exports;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.iatipub.exports.PublishedActivity.Transaction;
import org.iatipub.exports.codes.StandardCodes;
import org.iatipub.finding.Finding;
import org.iatipub.validation.Node;

/**
 * Makes the exports of one calendar year from IATI activity files, in one streaming pass: each
 * activity is read, its transactions of the year converted to US dollars once, and handed to the
 * Data Cube (small tables) and the CRS report (records written as they come); every transaction of
 * the year is counted or listed as left out. Last come the tables and the reconciliation.
 *
 * <p>Which transaction types feed what: disbursements (3) and expenditure (4) are the Data Cube's
 * expenses and the CRS's amounts extended; incoming funds (1) the Data Cube's revenue; outgoing
 * commitments (2) the CRS's commitments; loan repayments (6) its amounts received. The year is the
 * transaction date's.
 */
public final class Exports {
  /** An activity file to read and its name in findings. */
  public record Input(Path file, String shown) {}

  /**
   * What a run wrote.
   *
   * @param files the files written into the output directory, by name
   * @param reconciliation the year's totals, IATI beside the exports
   * @param errors error findings reported
   */
  public record Outcome(List<String> files, Reconciliation reconciliation, long errors) {
    /** True when the exports agree with IATI and nothing was found wrong. */
    public boolean clean() {
      return errors == 0 && reconciliation.agrees();
    }
  }

  private final ExportSettings settings;
  private final List<ExportKind> kinds;
  private final int year;
  private final StandardCodes codes;

  public Exports(ExportSettings settings, List<ExportKind> kinds, int year) {
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("name at least one export");
    }
    this.settings = settings;
    this.kinds = List.copyOf(EnumSet.copyOf(kinds));
    this.year = year;
    this.codes = StandardCodes.bundled();
  }

  /** The file names a run writes, for the year and exports given. */
  public List<String> fileNames() {
    List<String> names = new ArrayList<>();
    if (kinds.contains(ExportKind.DATACUBE)) {
      for (String table : List.of("expenses-by-function", "expenses-by-location", "expenses-by-sdg",
          "revenue-by-financing-instrument", "revenue-by-contributor")) {
        names.add(DataCube.fileName(year, table));
      }
    }
    if (kinds.contains(ExportKind.CRS)) {
      names.add(CrsReport.fileName(year));
    }
    names.addAll(List.of(reconciliationName("txt"), reconciliationName("json"), leftOutName()));
    return names;
  }

  private String reconciliationName(String extension) {
    return "reconciliation-" + year + "." + extension;
  }

  private String leftOutName() {
    return "reconciliation-" + year + "-left-out.csv";
  }

  /** Reads {@code inputs} and writes the exports into {@code dir}; findings go to {@code sink} as they are found. */
  public Outcome run(List<Input> inputs, Path dir, Consumer<Finding> sink) throws IOException {
    long[] errors = new long[1];
    Consumer<Finding> findings = f -> {
      if (f.isError()) {
        errors[0]++;
      }
      sink.accept(f);
    };
    Files.createDirectories(dir);
    boolean cube = kinds.contains(ExportKind.DATACUBE);
    boolean crs = kinds.contains(ExportKind.CRS);
    DataCube dataCube = new DataCube(settings, codes, findings);
    Ledger ledger = new Ledger();
    try (CrsReport report = crs ? new CrsReport(dir.resolve(CrsReport.fileName(year)), year, settings, codes, findings) : null;
        Writer leftOutFile = Files.newBufferedWriter(dir.resolve(leftOutName()), StandardCharsets.UTF_8);
        CSVPrinter leftOut = new CSVPrinter(leftOutFile, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
      leftOut.printRecord("file", "line", "activity", "transaction", "type", "date", "value", "currency", "left_out_of", "reason", "detail");
      ActivityFiles.Visitor visitor = (node, file) -> activity(node, file, dataCube, report, ledger, leftOut, findings);
      for (Input input : inputs) {
        ActivityFiles.read(input.file(), input.shown(), visitor, findings);
      }
      List<DataCube.Table> tables = cube ? dataCube.write(dir, year) : List.of();
      Reconciliation reconciliation = ledger.reconciliation(dataCube, tables, report);
      if (!reconciliation.agrees()) {
        findings.accept(ExportRule.DISAGREES.finding(new org.iatipub.finding.Location.WholeFile(reconciliationName("txt")),
            "the exports of " + year + " do not agree with the IATI transactions: see " + reconciliationName("txt")));
      }
      Files.writeString(dir.resolve(reconciliationName("txt")), reconciliation.text(), StandardCharsets.UTF_8);
      try (Writer json = Files.newBufferedWriter(dir.resolve(reconciliationName("json")), StandardCharsets.UTF_8)) {
        reconciliation.json(json);
      }
      return new Outcome(fileNames(), reconciliation, errors[0]);
    }
  }

  private void activity(Node node, String file, DataCube dataCube, CrsReport report, Ledger ledger, CSVPrinter leftOut,
      Consumer<Finding> findings) throws IOException {
    PublishedActivity a = PublishedActivity.of(node, file);
    String entity = settings.entity().isEmpty() ? a.reportingOrg() : settings.entity();
    List<CrsReport.Flow> flows = new ArrayList<>();
    for (Transaction t : a.transactions()) {
      Optional<LocalDate> date = date(t.date());
      if (date.isPresent() && date.get().getYear() != year) {
        continue;
      }
      ledger.transactions++;
      Set<Use> uses = uses(t.type());
      if (uses.isEmpty()) {
        leftOut(leftOut, a, t, "datacube and crs", LeftOut.OTHER_TYPE, "type " + (t.type().isEmpty() ? "missing" : t.type()));
        ledger.leftOut(LeftOut.OTHER_TYPE, t.type(), false);
        continue;
      }
      long cents;
      try {
        cents = convert(a, t, date.orElse(null), findings);
      } catch (NotConverted e) {
        leftOut(leftOut, a, t, exportsOf(uses), e.why, e.detail);
        ledger.leftOut(e.why, t.type(), true);
        continue;
      }
      ledger.iati(t.type(), cents);
      Optional<DataCube.Missing> missing = Optional.empty();
      if (uses.contains(Use.EXPENSE)) {
        missing = dataCube.expense(a, t, cents, entity);
      } else if (uses.contains(Use.REVENUE)) {
        missing = dataCube.revenue(a, t, cents, entity);
      }
      if (missing.isPresent()) {
        leftOut(leftOut, a, t, "datacube", missing.get().why(), missing.get().detail());
        ledger.leftOut(missing.get().why(), t.type(), true);
      } else {
        ledger.counted++;
      }
      if (report != null) {
        CrsReport.Use crsUse = switch (t.type()) {
          case "2" -> CrsReport.Use.COMMITMENT;
          case "3", "4" -> CrsReport.Use.EXTENDED;
          case "6" -> CrsReport.Use.RECEIVED;
          default -> null;
        };
        if (crsUse != null) {
          flows.add(new CrsReport.Flow(t, cents, crsUse));
        }
      }
    }
    if (report != null) {
      report.activity(a, flows);
    }
  }

  /** What a transaction type feeds, among the exports made. */
  private enum Use { EXPENSE, REVENUE, CRS_ONLY }

  private Set<Use> uses(String type) {
    boolean cube = kinds.contains(ExportKind.DATACUBE);
    boolean crs = kinds.contains(ExportKind.CRS);
    Set<Use> uses = EnumSet.noneOf(Use.class);
    switch (type) {
      case "3", "4" -> {
        if (cube) {
          uses.add(Use.EXPENSE);
        }
        if (crs) {
          uses.add(Use.CRS_ONLY);
        }
      }
      case "1" -> {
        if (cube) {
          uses.add(Use.REVENUE);
        }
      }
      case "2", "6" -> {
        if (crs) {
          uses.add(Use.CRS_ONLY);
        }
      }
      default -> { }
    }
    return uses;
  }

  private static String exportsOf(Set<Use> uses) {
    boolean cube = uses.contains(Use.EXPENSE) || uses.contains(Use.REVENUE);
    boolean crs = uses.contains(Use.CRS_ONLY);
    return cube && crs ? "datacube and crs" : cube ? "datacube" : "crs";
  }

  /** Why a transaction has no amount in dollars. */
  private static final class NotConverted extends Exception {
    final LeftOut why;
    final String detail;

    NotConverted(LeftOut why, String detail) {
      super(detail, null, false, false);
      this.why = why;
      this.detail = detail;
    }
  }

  /** The transaction's value in US cents: its currency's rate at its value date (else its date), rounded once. */
  private long convert(PublishedActivity a, Transaction t, LocalDate date, Consumer<Finding> findings) throws NotConverted {
    BigDecimal value;
    try {
      value = new BigDecimal(t.value());
    } catch (NumberFormatException e) {
      value = null;
    }
    if (value == null || date == null) {
      String what = value == null ? "its value '" + t.value() + "' is not a number" : "its date '" + t.date() + "' is not a date";
      findings.accept(ExportRule.BAD_VALUE.finding(a.at(t.node()), a.name(t) + " is left out of the exports: " + what));
      throw new NotConverted(LeftOut.BAD_VALUE, what);
    }
    String currency = t.currency();
    if (currency.isEmpty()) {
      findings.accept(ExportRule.NO_CURRENCY.finding(a.at(t.node()), a.name(t) + " is left out of the exports: its value has no"
          + " currency and the activity no default-currency"));
      throw new NotConverted(LeftOut.NO_CURRENCY, "no currency");
    }
    if (currency.equals("USD")) {
      return Usd.cents(value);
    }
    LocalDate valueDate = date(t.valueDate()).orElse(date);
    Optional<BigDecimal> rate = settings.rates().rate(currency, valueDate);
    if (rate.isEmpty()) {
      findings.accept(ExportRule.NO_RATE.finding(a.at(t.node()), a.name(t) + " (" + currency + " " + value.toPlainString()
          + ") is left out of the exports: the rates file has no rate for " + currency + " on " + valueDate
          + "; add one for that day, month or year"));
      throw new NotConverted(LeftOut.NO_RATE, "no " + currency + " rate for " + valueDate);
    }
    return Usd.cents(value, rate.get());
  }

  private static Optional<LocalDate> date(String text) {
    if (text.length() < 10) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text.substring(0, 10)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static void leftOut(CSVPrinter out, PublishedActivity a, Transaction t, String of, LeftOut why, String detail)
      throws IOException {
    out.printRecord(a.file(), t.node().line(), a.identifier(), t.ref(), t.type(), t.date(), t.value(), t.currency(), of,
        why.reason(), detail);
  }

  /** The year's transactions as IATI has them, and what was left out. */
  private final class Ledger {
    long transactions;
    long counted;
    final Map<String, Long> leftOut = new LinkedHashMap<>();
    final Map<String, Long> cents = new LinkedHashMap<>();
    final Map<String, Long> count = new LinkedHashMap<>();
    final Map<String, Long> lost = new LinkedHashMap<>();

    void iati(String type, long amount) {
      cents.merge(type, amount, Long::sum);
      count.merge(type, 1L, Long::sum);
    }

    /**
     * Left out of at least one export; {@code feeding}: of a type an export counts, so an amount
     * is missing from its totals.
     */
    void leftOut(LeftOut why, String type, boolean feeding) {
      leftOut.merge(why.reason(), 1L, Long::sum);
      if (feeding) {
        lost.merge(type, 1L, Long::sum);
      }
    }

    Reconciliation reconciliation(DataCube cube, List<DataCube.Table> tables, CrsReport crs) {
      List<Reconciliation.Check> checks = new ArrayList<>();
      boolean withCube = kinds.contains(ExportKind.DATACUBE);
      boolean withCrs = kinds.contains(ExportKind.CRS);
      long expenseCents = cents.getOrDefault("3", 0L) + cents.getOrDefault("4", 0L);
      long expenseCount = count.getOrDefault("3", 0L) + count.getOrDefault("4", 0L);
      List<Reconciliation.Line> expenses = new ArrayList<>();
      expenses.add(new Reconciliation.Line("IATI disbursements (3) and expenditure (4)", expenseCents, expenseCount + " transactions"));
      if (withCube) {
        expenses.add(new Reconciliation.Line("Data Cube expenses", cube.expenses(), ""));
        for (DataCube.Table table : tables) {
          if (table.name().contains("-expenses-")) {
            expenses.add(new Reconciliation.Line("  " + table.name(), table.sum(), table.rows() + " rows"));
          }
        }
      }
      if (withCrs) {
        expenses.add(new Reconciliation.Line("CRS amounts extended", crs.extended(), crs.records() + " records"));
      }
      checks.add(new Reconciliation.Check("expenses", expenses, lost.getOrDefault("3", 0L) + lost.getOrDefault("4", 0L)));
      if (withCube) {
        List<Reconciliation.Line> revenue = new ArrayList<>();
        revenue.add(new Reconciliation.Line("IATI incoming funds (1)", cents.getOrDefault("1", 0L), count.getOrDefault("1", 0L) + " transactions"));
        revenue.add(new Reconciliation.Line("Data Cube revenue", cube.revenue(), ""));
        for (DataCube.Table table : tables) {
          if (table.name().contains("-revenue-")) {
            revenue.add(new Reconciliation.Line("  " + table.name(), table.sum(), table.rows() + " rows"));
          }
        }
        checks.add(new Reconciliation.Check("revenue", revenue, lost.getOrDefault("1", 0L)));
      }
      if (withCrs) {
        checks.add(new Reconciliation.Check("commitments", List.of(
            new Reconciliation.Line("IATI outgoing commitments (2)", cents.getOrDefault("2", 0L), count.getOrDefault("2", 0L) + " transactions"),
            new Reconciliation.Line("CRS commitments", crs.commitments(), "")), lost.getOrDefault("2", 0L)));
        checks.add(new Reconciliation.Check("amounts received", List.of(
            new Reconciliation.Line("IATI loan repayments (6)", cents.getOrDefault("6", 0L), count.getOrDefault("6", 0L) + " transactions"),
            new Reconciliation.Line("CRS amounts received", crs.received(), "")), lost.getOrDefault("6", 0L)));
      }
      return new Reconciliation(year, kinds, transactions, counted, leftOut, checks, leftOutName());
    }
  }
}
