package org.iatipub.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Writes a large, realistic publisher's data set for benchmarks and scale tests: N activities,
 * each with K transactions, three budgets, two sectors, two countries and a result. The same seed
 * always gives the same files, so runs are comparable.
 *
 * <p>Both input forms: {@link #writePathHeaders} (flatten-tool/CoVE headers: {@code
 * activities.csv} and child sheets keyed by {@code iati-identifier}) and {@link #writeOwnColumns}
 * (the organisation's own columns and local codes, a {@code mapping.yaml} and the crosswalks, like
 * {@code samples/portfolio}). Each activity is drawn from its own seed, so any file can list the
 * activities in any order: transactions and budgets come sorted by activity, as project systems
 * export them; countries and sectors come in a scrambled order, so the join has to sort them.
 */
public final class SyntheticPortfolio {
  static final String PUBLISHER = "XM-DAC-41302";
  private static final String ILO = "International Labour Organization";

  private static final String[] COUNTRIES = {
    "KE", "ET", "BD", "NP", "VN", "PE", "CO", "JO", "LB", "SN", "GH", "MM", "KH", "TZ", "UG", "ZM", "MZ", "HT"
  };
  /** Local theme codes of the sample crosswalk {@code purpose-codes.csv}, and the DAC codes they map to. */
  private static final String[][] SECTORS = {
    {"EMP-YOUTH", "16020"}, {"SOCPRO", "16010"}, {"SKILLS", "11330"}, {"LAB-ADMIN", "15110"}, {"LMI", "16062"},
    {"COOP", "25030"}, {"SME", "32130"}, {"SOC-DIALOGUE", "16080"}, {"GENDER", "15170"}, {"OSH", "16070"}
  };
  private static final String[][] DONORS = {
    {"GB-GOV-1", "10", "Foreign, Commonwealth and Development Office"},
    {"XM-DAC-7", "10", "Ministry of Foreign Affairs of the Netherlands"},
    {"XM-DAC-5-7", "10", "Federal Ministry for Economic Cooperation and Development"},
    {"XI-IATI-EC_INTPA", "15", "European Commission - International Partnerships"},
    {"XM-DAC-11-1", "10", "Swiss Agency for Development and Cooperation"},
    {"XM-DAC-302-1", "10", "Global Affairs Canada"}
  };
  private static final String[] THEMES = {
    "Decent jobs for young women and men", "Social protection floors", "Skills for employment",
    "Occupational safety and health in supply chains", "Elimination of child labour",
    "Labour migration governance", "Social dialogue and industrial relations",
    "Cooperatives and the social and solidarity economy", "Women's economic empowerment",
    "Employment-intensive infrastructure"
  };
  private static final String[] CROSSWALKS = {
    "activity-status", "purpose-codes", "transaction-types", "org-roles", "result-types"
  };

  /** The calendar year the benchmark exports: most projects have transactions in it. */
  static final int EXPORT_YEAR = 2021;

  private final int activities;
  private final int transactionsPerActivity;
  private final long seed;

  public SyntheticPortfolio(int activities, int transactionsPerActivity, long seed) {
    this.activities = activities;
    this.transactionsPerActivity = transactionsPerActivity;
    this.seed = seed;
  }

  /** Generates {@code ACTIVITIES TRANSACTIONS DIR [own|path-headers|workbook]} from the command line. */
  public static void main(String[] args) throws IOException {
    SyntheticPortfolio portfolio = new SyntheticPortfolio(Integer.parseInt(args[0]), Integer.parseInt(args[1]), 2020_2025L);
    if (args.length > 3 && args[3].equals("own")) {
      portfolio.writeOwnColumns(Path.of(args[2]), Path.of("samples/crosswalks"));
    } else if (args.length > 3 && args[3].equals("workbook")) {
      Files.createDirectories(Path.of(args[2]));
      portfolio.writeWorkbook(Path.of(args[2]).resolve("portfolio.xlsx"));
    } else {
      portfolio.writePathHeaders(Path.of(args[2]));
    }
  }

  /**
   * Writes export settings for this publisher into {@code dir} and returns the settings file: the
   * UN system function of each purpose code, the financing instrument of the aid types used, each
   * donor's contributor type (their countries follow from their identifiers) and the CRS codes.
   */
  static Path writeExportSettings(Path dir) throws IOException {
    Files.createDirectories(dir);
    StringBuilder functions = new StringBuilder("local_code,iati_code\n");
    for (String[] sector : SECTORS) {
      functions.append(sector[1]).append(",Development Assistance\n");
    }
    Files.writeString(dir.resolve("functions.csv"), functions);
    Files.writeString(dir.resolve("instruments.csv"), "local_code,iati_code\nC01,R03E\nD02,R03E\n");
    StringBuilder contributors = new StringBuilder("local_code,iati_code\n");
    for (String[] donor : DONORS) {
      contributors.append(donor[0]).append(donor[0].startsWith("XI-IATI-EC") ? ",C08A\n" : ",C01\n");
    }
    Files.writeString(dir.resolve("contributors.csv"), contributors);
    Path settings = dir.resolve("exports.yaml");
    Files.writeString(settings, String.join("\n", "entity: ILO", "crosswalks:", "  un-system-function: functions.csv",
        "  financing-instrument: instruments.csv", "  contributor: contributors.csv", "crs:", "  donor-code: \"940\"",
        "  agency-code: \"1\"", "  nature-of-submission: \"1\"", ""));
    return settings;
  }

  /** One activity's data, drawn from its own seed. */
  private record Project(int n, String code, String country, String other, int countryShare, String[] sectorA,
      String[] sectorB, int sectorShare, String[] donor, String theme, LocalDate start, LocalDate end, long[] budgets,
      int baseline, int actual, long[] transactions) {

    String status() {
      return end.isBefore(LocalDate.of(2025, 1, 1)) ? "3" : "2";
    }

    /** The transaction type (IATI code): the donor's funds come in first, then disbursements and spending. */
    String transactionType(int t) {
      return t == 0 ? "1" : (t % 4 == 0 ? "3" : "4");
    }

    LocalDate transactionDate(int t) {
      return start.plusDays((long) t * (3 * 365L) / Math.max(1, transactions.length));
    }
  }

  private Project project(int n) {
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + n);
    int countryIndex = random.nextInt(COUNTRIES.length);
    String country = COUNTRIES[countryIndex];
    String other = COUNTRIES[(countryIndex + 1 + random.nextInt(COUNTRIES.length - 1)) % COUNTRIES.length];
    String[] donor = DONORS[random.nextInt(DONORS.length)];
    String theme = THEMES[random.nextInt(THEMES.length)];
    String code = country + "-" + String.format(Locale.ROOT, "%06d", n);
    LocalDate start = LocalDate.of(2018 + random.nextInt(6), 1 + random.nextInt(12), 1);
    int countryShare = 50 + 10 * random.nextInt(5);
    int sectorShare = 60 + 10 * random.nextInt(4);
    int sectorIndex = random.nextInt(SECTORS.length);
    String[] sectorA = SECTORS[sectorIndex];
    String[] sectorB = SECTORS[(sectorIndex + 1 + random.nextInt(SECTORS.length - 1)) % SECTORS.length];
    long[] budgets = new long[3];
    long total = 0;
    for (int b = 0; b < budgets.length; b++) {
      budgets[b] = 100_000 + 1_000L * random.nextInt(900);
      total += budgets[b];
    }
    int baseline = 10 + random.nextInt(40);
    int actual = baseline * 2 + random.nextInt(baseline);
    long[] transactions = new long[transactionsPerActivity];
    long spent = 0;
    for (int t = 0; t < transactions.length; t++) {
      transactions[t] = t == 0 ? total
          : Math.max(1_000, (total - spent) / (transactions.length - t + 1) + random.nextInt(5_000));
      if (t > 0) {
        spent += transactions[t];
      }
    }
    return new Project(n, code, country, other, countryShare, sectorA, sectorB, sectorShare, donor, theme, start,
        start.plusYears(3).minusDays(1), budgets, baseline, actual, transactions);
  }

  /** The activity at position {@code i} of a scrambled file: a fixed permutation of 1..N. */
  private int scrambled(int i) {
    long step = 7_919; // a prime; stepping by it visits every activity once when N is not its multiple
    if (activities % step == 0) {
      step = 7_927;
    }
    return (int) ((i * step) % activities) + 1;
  }

  // ---- path headers ----

  /** Writes {@code activities.csv}, {@code transactions.csv} and {@code countries.csv} into {@code dir}. */
  public void writePathHeaders(Path dir) throws IOException {
    Files.createDirectories(dir);
    try (BufferedWriter main = writer(dir, "activities.csv");
        BufferedWriter tx = writer(dir, "transactions.csv")) {
      line(main, activityHeader());
      line(tx, transactionHeader());
      for (int i = 1; i <= activities; i++) {
        Project p = project(i);
        line(main, activityCells(p));
        for (int t = 0; t < transactionsPerActivity; t++) {
          String in = p.transactionType(t);
          boolean incoming = t == 0;
          line(tx, List.of(identifier(p), in, p.transactionDate(t).toString(), p.transactionDate(t).toString(),
              String.valueOf(p.transactions()[t]), incoming ? p.donor()[0] : PUBLISHER, incoming ? p.donor()[2] : ILO,
              incoming ? PUBLISHER : "", incoming ? ILO : "Implementing partners, " + p.country()));
        }
      }
    }
    try (BufferedWriter countries = writer(dir, "countries.csv")) {
      line(countries, List.of("iati-identifier", "recipient-country/0/@code", "recipient-country/0/@percentage"));
      for (int i = 0; i < activities; i++) {
        Project p = project(scrambled(i));
        line(countries, List.of(identifier(p), p.country(), String.valueOf(p.countryShare())));
        line(countries, List.of(identifier(p), p.other(), String.valueOf(100 - p.countryShare())));
      }
    }
  }

  private static String identifier(Project p) {
    return PUBLISHER + "-" + p.code();
  }

  private static List<String> activityHeader() {
    List<String> h = new ArrayList<>(List.of(
        "iati-identifier", "@default-currency", "@xml:lang",
        "reporting-org/@ref", "reporting-org/@type", "reporting-org/narrative",
        "title/narrative/0", "title/narrative/1/@xml:lang", "title/narrative/1",
        "description/narrative",
        "participating-org/0/@role", "participating-org/0/@ref", "participating-org/0/@type", "participating-org/0/narrative",
        "participating-org/1/@role", "participating-org/1/@ref", "participating-org/1/@type", "participating-org/1/narrative",
        "activity-status/@code",
        "activity-date/0/@type", "activity-date/0/@iso-date", "activity-date/1/@type", "activity-date/1/@iso-date",
        "sector/0/@vocabulary", "sector/0/@code", "sector/0/@percentage",
        "sector/1/@vocabulary", "sector/1/@code", "sector/1/@percentage",
        "collaboration-type/@code", "default-flow-type/@code", "default-finance-type/@code",
        "default-aid-type/@code", "default-tied-status/@code"));
    for (int b = 0; b < 3; b++) {
      String p = "budget/" + b + "/";
      h.addAll(List.of(p + "@type", p + "@status", p + "period-start/@iso-date", p + "period-end/@iso-date",
          p + "value/@value-date", p + "value"));
    }
    String r = "result/0/";
    h.addAll(List.of(r + "@type", r + "title/narrative",
        r + "indicator/0/@measure", r + "indicator/0/title/narrative",
        r + "indicator/0/baseline/@year", r + "indicator/0/baseline/@value",
        r + "indicator/0/period/0/period-start/@iso-date", r + "indicator/0/period/0/period-end/@iso-date",
        r + "indicator/0/period/0/target/@value", r + "indicator/0/period/0/actual/@value"));
    return h;
  }

  private static List<String> activityCells(Project p) {
    List<String> cells = new ArrayList<>(List.of(
        identifier(p), "USD", "en", PUBLISHER, "40", ILO,
        title(p), "fr", titleFr(p.theme()) + " (" + p.country() + ")", description(p),
        "1", p.donor()[0], p.donor()[1], p.donor()[2],
        "4", PUBLISHER, "40", ILO,
        p.status(), "2", p.start().toString(), "3", p.end().toString(),
        "1", p.sectorA()[1], String.valueOf(p.sectorShare()), "1", p.sectorB()[1], String.valueOf(100 - p.sectorShare()),
        "1", "10", "110", "C01", "5"));
    for (int b = 0; b < 3; b++) {
      LocalDate from = p.start().plusYears(b);
      cells.addAll(List.of("1", "2", from.toString(), from.plusYears(1).minusDays(1).toString(), from.toString(),
          String.valueOf(p.budgets()[b])));
    }
    cells.addAll(List.of("1", result(p), "1", "Number of people reached", String.valueOf(p.start().getYear()),
        String.valueOf(p.baseline()), p.start().toString(), p.end().toString(), String.valueOf(p.baseline() * 3),
        String.valueOf(p.actual())));
    return cells;
  }

  private static List<String> transactionHeader() {
    String t = "transaction/0/";
    return List.of("iati-identifier", t + "transaction-type/@code", t + "transaction-date/@iso-date",
        t + "value/@value-date", t + "value", t + "provider-org/@ref", t + "provider-org/narrative",
        t + "receiver-org/@ref", t + "receiver-org/narrative");
  }

  // ---- a workbook ----

  /**
   * Writes the path-header form as one .xlsx workbook, {@code file}: the same rows as {@link
   * #writePathHeaders}, one sheet per file, as Excel keeps them (text as shared strings, numbers
   * typed as numbers and dates as dates), written streaming by POI's SXSSF.
   */
  public void writeWorkbook(Path file) throws IOException {
    Path csv = Files.createTempDirectory(file.toAbsolutePath().getParent(), "csv-");
    try {
      writePathHeaders(csv);
      writeWorkbook(csv, file, true);
    } finally {
      try (Stream<Path> files = Files.list(csv)) {
        for (Path written : files.toList()) {
          Files.delete(written);
        }
      }
      Files.delete(csv);
    }
  }

  /**
   * Writes the path-header files of {@code csv} ({@code activities.csv}, {@code transactions.csv},
   * {@code countries.csv}) as one .xlsx workbook, {@code file}, one sheet per file, as {@link
   * #writeWorkbook(Path)} does; {@code streaming} for a big one (POI's SXSSF keeps rows in temporary
   * files, which small ones are better without).
   */
  public static void writeWorkbook(Path csv, Path file, boolean streaming) throws IOException {
    try (org.apache.poi.ss.usermodel.Workbook workbook = streaming
        ? new org.apache.poi.xssf.streaming.SXSSFWorkbook(new org.apache.poi.xssf.usermodel.XSSFWorkbook(), 1000, true, true)
        : new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
      org.apache.poi.ss.usermodel.CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
      for (String sheet : List.of("activities", "transactions", "countries")) {
        sheet(workbook.createSheet(sheet), csv.resolve(sheet + ".csv"), date);
      }
      try (java.io.OutputStream out = Files.newOutputStream(file)) {
        workbook.write(out);
      }
      if (workbook instanceof org.apache.poi.xssf.streaming.SXSSFWorkbook streamed) {
        streamed.dispose();
      }
    }
  }

  private static void sheet(org.apache.poi.ss.usermodel.Sheet sheet, Path csv, org.apache.poi.ss.usermodel.CellStyle date)
      throws IOException {
    java.util.regex.Pattern number = java.util.regex.Pattern.compile("-?(0|[1-9][0-9]{0,14})(\\.[0-9]+)?");
    java.util.regex.Pattern day = java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    try (java.io.Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        org.apache.commons.csv.CSVParser parser = org.apache.commons.csv.CSVFormat.DEFAULT.parse(reader)) {
      int r = 0;
      for (org.apache.commons.csv.CSVRecord record : parser) {
        org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
        for (int c = 0; c < record.size(); c++) {
          String value = record.get(c);
          if (value.isEmpty()) {
            continue;
          }
          org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
          if (r > 0 && number.matcher(value).matches()) {
            cell.setCellValue(Double.parseDouble(value));
          } else if (r > 0 && day.matcher(value).matches()) {
            cell.setCellValue(LocalDate.parse(value));
            cell.setCellStyle(date);
          } else {
            cell.setCellValue(value);
          }
        }
        r++;
      }
    }
  }

  // ---- own columns ----

  /**
   * Writes the own-column form into {@code dir}: {@code projects.csv} and its child files, a
   * {@code mapping.yaml}, and the crosswalks it names, copied from {@code crosswalks} (the
   * project's {@code samples/crosswalks}) into {@code dir/crosswalks}.
   */
  public void writeOwnColumns(Path dir, Path crosswalks) throws IOException {
    Files.createDirectories(dir.resolve("crosswalks"));
    for (String name : CROSSWALKS) {
      Files.copy(crosswalks.resolve(name + ".csv"), dir.resolve("crosswalks/" + name + ".csv"),
          StandardCopyOption.REPLACE_EXISTING);
    }
    Files.writeString(dir.resolve("mapping.yaml"), MAPPING, StandardCharsets.UTF_8);
    try (BufferedWriter projects = writer(dir, "projects.csv");
        BufferedWriter participants = writer(dir, "participants.csv");
        BufferedWriter budgets = writer(dir, "budgets.csv");
        BufferedWriter transactions = writer(dir, "transactions.csv");
        BufferedWriter deliverables = writer(dir, "deliverables.csv")) {
      line(projects, List.of("project_code", "title_en", "title_fr", "summary_en", "status", "start", "end", "actual_start"));
      line(participants, List.of("project_code", "role", "org_id", "org_type", "org_name_en"));
      line(budgets, List.of("project_code", "from", "to", "amount"));
      line(transactions, List.of("project_code", "reference", "kind", "date", "amount", "from_id", "from_name", "to_id",
          "to_name", "note"));
      line(deliverables, List.of("project_code", "output_id", "level", "output_en", "baseline_year", "baseline",
          "timeline", "target", "actual"));
      for (int i = 1; i <= activities; i++) {
        Project p = project(i);
        line(projects, List.of(p.code(), title(p), titleFr(p.theme()) + " (" + p.country() + ")", description(p),
            p.status().equals("3") ? "CLOSING" : "ACTIVE", p.start().toString(), p.end().toString(), p.start().toString()));
        line(participants, List.of(p.code(), "DONOR", p.donor()[0], p.donor()[1], p.donor()[2]));
        line(participants, List.of(p.code(), "ILO-OFFICE", PUBLISHER, "40", ILO));
        for (int b = 0; b < 3; b++) {
          LocalDate from = p.start().plusYears(b);
          line(budgets, List.of(p.code(), from.toString(), from.plusYears(1).minusDays(1).toString(),
              p.budgets()[b] + ".00"));
        }
        for (int t = 0; t < transactionsPerActivity; t++) {
          boolean incoming = t == 0;
          String kind = incoming ? "RECEIPT" : (t % 4 == 0 ? "TRANSFER" : "SPEND");
          line(transactions, List.of(p.code(), p.code() + "-T" + t, kind, p.transactionDate(t).toString(),
              p.transactions()[t] + ".00", incoming ? p.donor()[0] : PUBLISHER, incoming ? p.donor()[2] : ILO,
              incoming ? PUBLISHER : "", incoming ? ILO : "Implementing partners, " + p.country(),
              incoming ? "Tranche received" : "Project expenditure"));
        }
        line(deliverables, List.of(p.code(), p.code() + "-O1", "OUTPUT", result(p), String.valueOf(p.start().getYear()),
            String.valueOf(p.baseline()), p.start().getYear() + "–" + p.end().getYear(), String.valueOf(p.baseline() * 3),
            String.valueOf(p.actual())));
      }
    }
    try (BufferedWriter sectors = writer(dir, "sectors.csv");
        BufferedWriter countries = writer(dir, "countries.csv")) {
      line(sectors, List.of("project_code", "theme", "share"));
      line(countries, List.of("project_code", "country", "share"));
      for (int i = 0; i < activities; i++) {
        Project p = project(scrambled(i));
        line(sectors, List.of(p.code(), p.sectorA()[0], String.valueOf(p.sectorShare())));
        line(sectors, List.of(p.code(), p.sectorB()[0], String.valueOf(100 - p.sectorShare())));
        line(countries, List.of(p.code(), p.country(), String.valueOf(p.countryShare())));
        line(countries, List.of(p.code(), p.other(), String.valueOf(100 - p.countryShare())));
      }
    }
  }

  private static final String MAPPING = """
      # Generated by org.iatipub.bench.SyntheticPortfolio: the organisation's own columns and codes.
      publisher: ilo
      identifier-prefix: XM-DAC-41302-
      reporting-org:
        ref: XM-DAC-41302
        type: "40"
        name: {en: International Labour Organization}
      defaults:
        currency: USD
        language: en
        flow-type: "10"
        finance-type: "110"
        aid-type: C01
        aid-type-vocabulary: "1"
        tied-status: "5"
        collaboration-type: "1"
      crosswalks:
        activity-status: crosswalks/activity-status.csv
        purpose: crosswalks/purpose-codes.csv
        transaction-type: crosswalks/transaction-types.csv
        org-role: crosswalks/org-roles.csv
        result-type: crosswalks/result-types.csv
      files:
        projects:
          columns:
            id: project_code
            title: {en: title_en, fr: title_fr}
            description: {en: summary_en}
            status: {column: status, crosswalk: activity-status}
            planned-start: start
            planned-end: end
            actual-start: actual_start
        participants:
          columns:
            project: project_code
            role: {column: role, crosswalk: org-role}
            ref: org_id
            type: org_type
            name: {en: org_name_en}
        sectors:
          columns:
            project: project_code
            sector: {column: theme, crosswalk: purpose}
            percentage: share
        countries:
          columns:
            project: project_code
            country: country
            percentage: share
        budgets:
          columns:
            project: project_code
            start: from
            end: to
            value: amount
        transactions:
          columns:
            project: project_code
            ref: reference
            type: {column: kind, crosswalk: transaction-type}
            date: date
            value: amount
            provider-ref: from_id
            provider-name: {en: from_name}
            receiver-ref: to_id
            receiver-name: {en: to_name}
            description: {en: note}
        deliverables:
          columns:
            project: project_code
            deliverable: output_id
            result-type: {column: level, crosswalk: result-type}
            result: {en: output_en}
            baseline-year: baseline_year
            baseline-value: baseline
            timeline: timeline
            target: target
            actual: actual
      """;

  // ---- shared ----

  private static String title(Project p) {
    return p.theme() + " in " + p.country() + " (phase " + (1 + p.n() % 3) + ")";
  }

  private static String description(Project p) {
    return "Project " + p.n() + ": " + p.theme().toLowerCase(Locale.ROOT)
        + ", working with governments, employers' and workers' organizations.";
  }

  private static String result(Project p) {
    return "More " + p.theme().toLowerCase(Locale.ROOT) + " opportunities";
  }

  private static String titleFr(String theme) {
    return switch (theme) {
      case "Decent jobs for young women and men" -> "Emplois décents pour les jeunes femmes et hommes";
      case "Social protection floors" -> "Socles de protection sociale";
      case "Skills for employment" -> "Compétences pour l'emploi";
      case "Occupational safety and health in supply chains" -> "Sécurité et santé au travail dans les chaînes d'approvisionnement";
      case "Elimination of child labour" -> "Élimination du travail des enfants";
      case "Labour migration governance" -> "Gouvernance des migrations de main-d'œuvre";
      case "Social dialogue and industrial relations" -> "Dialogue social et relations professionnelles";
      case "Cooperatives and the social and solidarity economy" -> "Coopératives et économie sociale et solidaire";
      case "Women's economic empowerment" -> "Autonomisation économique des femmes";
      default -> "Infrastructures à haute intensité de main-d'œuvre";
    };
  }

  private static BufferedWriter writer(Path dir, String name) throws IOException {
    return Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8);
  }

  private static void line(BufferedWriter out, List<String> cells) throws IOException {
    out.write(csvRow(cells));
    out.newLine();
  }

  /** RFC 4180 quoting: only where a cell needs it. */
  static String csvRow(List<String> cells) {
    StringBuilder row = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        row.append(',');
      }
      String cell = cells.get(i);
      if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0) {
        row.append('"').append(cell.replace("\"", "\"\"")).append('"');
      } else {
        row.append(cell);
      }
    }
    return row.toString();
  }

  /** Every file under {@code dir}, for sizing inputs. */
  static long size(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
