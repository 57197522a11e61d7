package org.iatipub.exports;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.iatipub.codelist.Code;
import org.iatipub.codelist.Codelist;
import org.iatipub.codelist.CodelistSnapshot;
import org.iatipub.exports.PublishedActivity.Coded;
import org.iatipub.exports.PublishedActivity.Party;
import org.iatipub.exports.PublishedActivity.Transaction;
import org.iatipub.exports.codes.StandardCodes;
import org.iatipub.exports.codes.StandardList;
import org.iatipub.finding.Finding;

/**
 * The UN Data Cube tables of one calendar year, in US dollars: expenses by UN system function, by
 * location and by SDG (CEB standards II, III and V), revenue by financing instrument and by
 * contributor (IV and VI). Expenses are the year's disbursements (type 3) and expenditure (4),
 * revenue its incoming funds (1). An amount is shared out among a dimension's codes by their
 * percentages to the cent ({@link Shares}), so every table adds up to the same total. Only small
 * aggregates are held: one amount per row of each table.
 */
final class DataCube {
  /** A UN system function cannot be placed: the expense is left out, with its reason. */
  record Missing(LeftOut why, String detail) {}

  private static final Pattern XM_DAC = Pattern.compile("XM-DAC-([0-9]+)(?:-.*)?");

  private final ExportSettings settings;
  private final StandardCodes codes;
  private final Consumer<Finding> findings;
  private final Codelist countries;
  private final Codelist regions;
  private final Codelist goals;
  private final Codelist targets;
  private final Codelist agencies;
  // Hash maps while adding (an expense adds to each table), sorted once when written.
  private final Map<Row, Long> functions = new HashMap<>();
  private final Map<Row, Long> locations = new HashMap<>();
  private final Map<Row, Long> sdgs = new HashMap<>();
  private final Map<Row, Long> instruments = new HashMap<>();
  private final Map<Row, Long> contributors = new HashMap<>();
  /** Names of non-government contributors, by identifier, as first seen. */
  private final Map<String, String> contributorNames = new HashMap<>();
  private long expenses;
  private long revenue;

  DataCube(ExportSettings settings, StandardCodes codes, Consumer<Finding> findings) {
    this.settings = settings;
    this.codes = codes;
    this.findings = findings;
    CodelistSnapshot iati = CodelistSnapshot.bundled();
    this.countries = iati.codelist("Country").orElseThrow();
    this.regions = iati.codelist("Region").orElseThrow();
    this.goals = iati.codelist("UNSDG-Goals").orElseThrow();
    this.targets = iati.codelist("UNSDG-Targets").orElseThrow();
    this.agencies = iati.codelist("OrganisationRegistrationAgency").orElseThrow();
  }

  /**
   * A row of a table: the entity, then the dimension's fields. Rows sort by entity, then by their
   * fields, numbers by value (SDG 2 before 10).
   */
  record Row(String entity, List<String> fields) implements Comparable<Row> {
    @Override
    public int compareTo(Row other) {
      int byEntity = entity.compareTo(other.entity);
      if (byEntity != 0) {
        return byEntity;
      }
      for (int i = 0; i < Math.min(fields.size(), other.fields.size()); i++) {
        int c = NATURAL.compare(fields.get(i), other.fields.get(i));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(fields.size(), other.fields.size());
    }
  }

  private static final Pattern DIGITS_OR_NOT = Pattern.compile("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");

  /** Text order, except that runs of digits compare as numbers: 8.10 after 8.9, goal 17 after goal 2. */
  private static final Comparator<String> NATURAL = (a, b) -> {
    String[] x = DIGITS_OR_NOT.split(a);
    String[] y = DIGITS_OR_NOT.split(b);
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = x[i].matches("\\d+") && y[i].matches("\\d+")
          ? new java.math.BigInteger(x[i]).compareTo(new java.math.BigInteger(y[i])) : x[i].compareTo(y[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  };

  // ---------------------------------------------------------------- expenses

  /** Counts an expense in every expense table, or says why it cannot be (a UN system function is missing). */
  Optional<Missing> expense(PublishedActivity a, Transaction t, long cents, String entity) {
    List<String> fns = new ArrayList<>();
    List<BigDecimal> fnWeights = new ArrayList<>();
    Optional<Missing> missing = functions(a, t, fns, fnWeights);
    if (missing.isPresent()) {
      return missing;
    }
    add(functions, entity, fns.stream().map(List::of).toList(), fnWeights, cents);

    List<List<String>> places = new ArrayList<>();
    List<BigDecimal> placeWeights = new ArrayList<>();
    locations(a, t, places, placeWeights);
    add(locations, entity, places, placeWeights, cents);

    List<List<String>> goalsAndTargets = new ArrayList<>();
    List<BigDecimal> sdgWeights = new ArrayList<>();
    sdgs(a, t, goalsAndTargets, sdgWeights);
    add(sdgs, entity, goalsAndTargets, sdgWeights, cents);
    expenses += cents;
    return Optional.empty();
  }

  private static void add(Map<Row, Long> table, String entity, List<List<String>> keys, List<BigDecimal> weights, long cents) {
    long[] shares = Shares.split(cents, weights);
    for (int i = 0; i < keys.size(); i++) {
      table.merge(new Row(entity, keys.get(i)), shares[i], Long::sum);
    }
  }

  /**
   * The UN system functions of a transaction: its own sector vocabulary 12, else its activity's;
   * without them, its DAC purpose codes (the transaction's, else the activity's) through the
   * publisher's crosswalk.
   */
  private Optional<Missing> functions(PublishedActivity a, Transaction t, List<String> fns, List<BigDecimal> weights) {
    List<Coded> vocab12 = inVocabulary(t.sectors(), "12");
    if (vocab12.isEmpty()) {
      vocab12 = inVocabulary(a.activityCoded("sector"), "12");
    }
    if (!vocab12.isEmpty()) {
      for (Coded sector : vocab12) {
        Optional<String> fn = Functions.named(codes, sector.code());
        if (fn.isEmpty()) {
          findings.accept(ExportRule.UNKNOWN_CEB_CODE.finding(a.at(sector.at()), a.name(t) + " is left out of the Data Cube: sector '"
              + sector.code() + "' (vocabulary 12) is not a current UN system function; write one of "
              + currentFunctions() + " (the CEB publishes names, not codes)"));
          return Optional.of(new Missing(LeftOut.UNKNOWN_CODE, "sector vocabulary 12 '" + sector.code() + "' is not a UN system function"));
        }
        addShare(fns, weights, fn.get(), sector, vocab12);
      }
      return Optional.empty();
    }
    List<Coded> dac = inVocabulary(t.sectors(), "1");
    if (dac.isEmpty()) {
      dac = inVocabulary(a.activityCoded("sector"), "1");
    }
    if (dac.isEmpty() || !settings.has(ExportCrosswalk.UN_SYSTEM_FUNCTION)) {
      findings.accept(ExportRule.NO_FUNCTION.finding(a.at(t.node()), a.name(t) + " is left out of the Data Cube: it has no UN system"
          + " function; give the activity sectors of vocabulary 12 (" + currentFunctions() + ")"
          + (dac.isEmpty() ? "" : ", or a crosswalk 'un-system-function' from its DAC purpose codes in the export settings")));
      return Optional.of(new Missing(LeftOut.NO_FUNCTION, dac.isEmpty() ? "no sector vocabulary 12 and no DAC purpose code"
          : "no sector vocabulary 12 and no crosswalk un-system-function"));
    }
    List<BigDecimal> dacWeights = Weights.of(dac);
    for (int i = 0; i < dac.size(); i++) {
      Optional<String> fn = settings.translate(ExportCrosswalk.UN_SYSTEM_FUNCTION, dac.get(i).code());
      if (fn.isEmpty()) {
        findings.accept(ExportRule.NO_FUNCTION.finding(a.at(dac.get(i).at()), a.name(t) + " is left out of the Data Cube: DAC purpose"
            + " code '" + dac.get(i).code() + "' has no entry in the crosswalk 'un-system-function'; add one, or give the activity"
            + " sectors of vocabulary 12"));
        return Optional.of(new Missing(LeftOut.NO_FUNCTION, "purpose code " + dac.get(i).code() + " not in crosswalk un-system-function"));
      }
      int at = fns.indexOf(fn.get());
      if (at < 0) {
        fns.add(fn.get());
        weights.add(dacWeights.get(i));
      } else {
        weights.set(at, weights.get(at).add(dacWeights.get(i)));
      }
    }
    return Optional.empty();
  }

  private static void addShare(List<String> keys, List<BigDecimal> weights, String key, Coded coded, List<Coded> all) {
    BigDecimal weight = Weights.of(all).get(all.indexOf(coded));
    int at = keys.indexOf(key);
    if (at < 0) {
      keys.add(key);
      weights.add(weight);
    } else {
      weights.set(at, weights.get(at).add(weight));
    }
  }

  private String currentFunctions() {
    return String.join(", ", codes.list(StandardList.CEB_FUNCTION).codes().values().stream()
        .filter(c -> !c.isWithdrawn()).map(c -> "'" + c.value() + "'").toList());
  }

  static List<Coded> inVocabulary(List<Coded> coded, String vocabulary) {
    return coded.stream().filter(c -> c.vocabulary().equals(vocabulary)).toList();
  }

  /**
   * Where the money went (location of beneficiary): the transaction's recipient country or region,
   * else the activity's countries and regions by their percentages (regions of vocabulary 1, the
   * DAC's, else of the first vocabulary given), else global. DAC region 998 (developing countries,
   * unspecified) is global too.
   */
  private void locations(PublishedActivity a, Transaction t, List<List<String>> places, List<BigDecimal> weights) {
    List<Coded> shares = new ArrayList<>();
    if (!t.countries().isEmpty()) {
      shares.add(t.countries().get(0));
    } else if (!t.regions().isEmpty()) {
      shares.add(t.regions().get(0));
    } else {
      List<Coded> activityRegions = a.activityCoded("recipient-region");
      String vocabulary = activityRegions.stream().anyMatch(r -> r.vocabulary().equals("1")) ? "1"
          : activityRegions.isEmpty() ? "1" : activityRegions.get(0).vocabulary();
      shares.addAll(a.activityCoded("recipient-country"));
      shares.addAll(inVocabulary(activityRegions, vocabulary));
    }
    if (shares.size() == 1) {
      shares = List.of(new Coded(shares.get(0).code(), shares.get(0).vocabulary(), BigDecimal.valueOf(100), "", shares.get(0).at()));
    }
    if (shares.isEmpty()) {
      places.add(global());
      weights.add(BigDecimal.ONE);
      return;
    }
    List<BigDecimal> given = Weights.of(shares);
    for (int i = 0; i < shares.size(); i++) {
      Coded share = shares.get(i);
      List<String> place = share.at().name().equals("recipient-country")
          ? List.of("country", share.code(), countries.code(share.code()).map(Code::name).orElse(""))
          : region(share);
      int at = places.indexOf(place);
      if (at < 0) {
        places.add(place);
        weights.add(given.get(i));
      } else {
        weights.set(at, weights.get(at).add(given.get(i)));
      }
    }
  }

  private List<String> region(Coded region) {
    if (region.vocabulary().equals("1")) {
      if (region.code().equals("998")) {
        return global();
      }
      return List.of("region", region.code(), regions.code(region.code()).map(Code::name).orElse(""));
    }
    return List.of("region", region.vocabulary() + ":" + region.code(), "");
  }

  private static List<String> global() {
    return List.of("global", "", "Global and interregional");
  }

  /**
   * The SDGs of an expense: SDG targets, else goals, as sectors of vocabulary 8 and 7 (the
   * transaction's, else the activity's) by their percentages; else the activity's tags of
   * vocabulary 3 (targets), else 2 (goals), which carry no percentage and share the amount equally.
   * An expense with none is in the row with no goal, so the table still adds up to the total.
   */
  private void sdgs(PublishedActivity a, Transaction t, List<List<String>> keys, List<BigDecimal> weights) {
    List<Coded> activitySectors = a.activityCoded("sector");
    List<Coded> tags = a.activityCoded("tag");
    List<List<Coded>> candidates = List.of(inVocabulary(t.sectors(), "8"), inVocabulary(t.sectors(), "7"),
        inVocabulary(activitySectors, "8"), inVocabulary(activitySectors, "7"), inVocabulary(tags, "3"), inVocabulary(tags, "2"));
    for (int c = 0; c < candidates.size(); c++) {
      List<Coded> sdg = candidates.get(c);
      if (sdg.isEmpty()) {
        continue;
      }
      boolean isTarget = c % 2 == 0;
      boolean isTag = c >= 4;
      List<BigDecimal> given = isTag ? sdg.stream().map(x -> BigDecimal.ONE).toList() : Weights.of(sdg);
      for (int i = 0; i < sdg.size(); i++) {
        String code = sdg.get(i).code();
        Codelist list = isTarget ? targets : goals;
        if (!list.contains(code)) {
          findings.accept(ExportRule.UNKNOWN_SDG.finding(a.at(sdg.get(i).at()), "activity '" + a.identifier() + "': '" + code
              + "' is not an SDG " + (isTarget ? "target" : "goal") + " of " + list.label()
              + "; its share is tabled under it as written"));
        }
        List<String> key = isTarget ? List.of(goalOf(code), code) : List.of(code, "");
        int at = keys.indexOf(key);
        if (at < 0) {
          keys.add(key);
          weights.add(given.get(i));
        } else {
          weights.set(at, weights.get(at).add(given.get(i)));
        }
      }
      return;
    }
    keys.add(List.of("", ""));
    weights.add(BigDecimal.ONE);
  }

  private static String goalOf(String target) {
    int dot = target.indexOf('.');
    return dot < 0 ? target : target.substring(0, dot);
  }

  // ---------------------------------------------------------------- revenue

  /** Counts incoming funds in both revenue tables, or says which code is missing. */
  Optional<Missing> revenue(PublishedActivity a, Transaction t, long cents, String entity) {
    Optional<String> instrument = instrument(a, t);
    if (instrument.isEmpty()) {
      return Optional.of(new Missing(LeftOut.NO_FINANCING_INSTRUMENT, "no financing instrument"));
    }
    Party provider = provider(a, t);
    String type = contributorType(a, t, provider);
    if (type == null) {
      return Optional.of(new Missing(LeftOut.NO_CONTRIBUTOR_TYPE, "no contributor type for provider '" + shown(provider) + "'"));
    }
    List<String> contributor;
    if (type.equals("C01")) {
      String country = contributorCountry(a, t, provider);
      if (country == null) {
        return Optional.of(new Missing(LeftOut.NO_CONTRIBUTOR_COUNTRY, "no country for government '" + shown(provider) + "'"));
      }
      contributor = List.of(type, country, countries.code(country).map(Code::name).orElse(""));
    } else {
      String id = provider.ref().isEmpty() ? provider.name() : provider.ref();
      contributorNames.putIfAbsent(id, provider.name());
      contributor = List.of(type, id, contributorNames.get(id));
    }
    instruments.merge(new Row(entity, List.of(instrument.get())), cents, Long::sum);
    contributors.merge(new Row(entity, contributor), cents, Long::sum);
    revenue += cents;
    return Optional.empty();
  }

  private static String shown(Party party) {
    return party.ref().isEmpty() ? party.name() : party.ref();
  }

  /** Its own extension attribute, else its aid type (the transaction's, else the activity's default) through the crosswalk. */
  private Optional<String> instrument(PublishedActivity a, Transaction t) {
    if (!t.financingInstrument().isEmpty()) {
      Optional<Code> code = codes.code(StandardList.CEB_FINANCING_INSTRUMENT, t.financingInstrument()).filter(c -> !c.isWithdrawn());
      if (code.isEmpty()) {
        findings.accept(ExportRule.UNKNOWN_CEB_CODE.finding(a.at(t.node()), a.name(t) + " is left out of the Data Cube's revenue:"
            + " its financing instrument '" + t.financingInstrument() + "' is not a current CEB financing instrument"
            + " ('iatipub export codes show ceb-financing-instrument' lists them)"));
      }
      return code.map(Code::value);
    }
    Optional<Coded> aidType = inVocabulary(t.aidTypes(), "1").stream().findFirst();
    if (aidType.isEmpty()) {
      aidType = inVocabulary(a.activityCoded("default-aid-type"), "1").stream().findFirst();
    }
    if (aidType.isEmpty() || !settings.has(ExportCrosswalk.FINANCING_INSTRUMENT)) {
      findings.accept(ExportRule.NO_FINANCING_INSTRUMENT.finding(a.at(t.node()), a.name(t) + " is left out of the Data Cube's revenue:"
          + " it has no financing instrument; "
          + (aidType.isEmpty() ? "give it (or its activity) a DAC aid type and a crosswalk 'financing-instrument' from aid types,"
              : "add a crosswalk 'financing-instrument' from aid types to the export settings,")
          + " or the attribute iatipub:financing-instrument"));
      return Optional.empty();
    }
    Optional<String> translated = settings.translate(ExportCrosswalk.FINANCING_INSTRUMENT, aidType.get().code());
    if (translated.isEmpty()) {
      findings.accept(ExportRule.NO_FINANCING_INSTRUMENT.finding(a.at(t.node()), a.name(t) + " is left out of the Data Cube's revenue:"
          + " aid type '" + aidType.get().code() + "' has no entry in the crosswalk 'financing-instrument'; add one,"
          + " or give the transaction the attribute iatipub:financing-instrument"));
    }
    return translated;
  }

  /** The transaction's provider; when it names none, the activity's one funding organisation. */
  private static Party provider(PublishedActivity a, Transaction t) {
    if (!t.provider().ref().isEmpty() || !t.provider().name().isEmpty()) {
      return t.provider();
    }
    List<org.iatipub.validation.Node> funders = a.participants("1");
    if (funders.size() == 1) {
      org.iatipub.validation.Node org = funders.get(0);
      return new Party(org.attribute("ref").orElse("").strip(), org.attribute("type").orElse("").strip(), "", "", "");
    }
    return Party.NONE;
  }

  /** The participating organisation of role 1 (funding) with the provider's identifier, if any. */
  private static Optional<org.iatipub.validation.Node> funder(PublishedActivity a, Party provider) {
    if (provider.ref().isEmpty()) {
      return Optional.empty();
    }
    return a.participants("1").stream().filter(o -> o.attribute("ref").orElse("").strip().equals(provider.ref())).findFirst();
  }

  /**
   * Its extension attribute (on the provider, else on the funding participating-org), else the
   * crosswalk by organisation identifier, else the crosswalk by organisation type.
   */
  private String contributorType(PublishedActivity a, Transaction t, Party provider) {
    Optional<org.iatipub.validation.Node> funder = funder(a, provider);
    String explicit = !provider.contributorType().isEmpty() ? provider.contributorType()
        : funder.flatMap(f -> f.attribute(Extension.CONTRIBUTOR_TYPE)).orElse("").strip();
    if (!explicit.isEmpty()) {
      if (codes.contains(StandardList.CEB_CONTRIBUTOR_TYPE, explicit)) {
        return explicit;
      }
      findings.accept(ExportRule.UNKNOWN_CEB_CODE.finding(a.at(t.node()), a.name(t) + " is left out of the Data Cube's revenue:"
          + " contributor type '" + explicit + "' is not a CEB contributor type ('iatipub export codes show ceb-contributor-type')"));
      return null;
    }
    if (!provider.ref().isEmpty()) {
      Optional<String> byRef = settings.translate(ExportCrosswalk.CONTRIBUTOR, provider.ref());
      if (byRef.isPresent()) {
        return byRef.get();
      }
    }
    String orgType = !provider.type().isEmpty() ? provider.type()
        : funder.flatMap(f -> f.attribute("type")).orElse("").strip();
    Optional<String> byType = orgType.isEmpty() ? Optional.empty() : settings.translate(ExportCrosswalk.CONTRIBUTOR_TYPE, orgType);
    if (byType.isPresent()) {
      return byType.get();
    }
    findings.accept(ExportRule.NO_CONTRIBUTOR_TYPE.finding(a.at(t.node()), a.name(t) + " is left out of the Data Cube's revenue:"
        + " its provider '" + shown(provider) + "' has no contributor type; "
        + (orgType.isEmpty() ? "give the provider an organisation type and a crosswalk 'contributor-type',"
            : "organisation type '" + orgType + "' has no entry in the crosswalk 'contributor-type'; add one,")
        + " or add the provider to the crosswalk 'contributor', or give it the attribute iatipub:contributor-type"));
    return null;
  }

  /**
   * A government's country: its extension attribute; else what its identifier says (an OECD-DAC
   * donor code, {@code XM-DAC-7}, or a national registration agency, {@code GB-GOV-1}); else the
   * crosswalk by identifier.
   */
  private String contributorCountry(PublishedActivity a, Transaction t, Party provider) {
    Optional<org.iatipub.validation.Node> funder = funder(a, provider);
    String explicit = !provider.contributorCountry().isEmpty() ? provider.contributorCountry()
        : funder.flatMap(f -> f.attribute(Extension.CONTRIBUTOR_COUNTRY)).orElse("").strip();
    if (!explicit.isEmpty() && countries.contains(explicit)) {
      return explicit;
    }
    String ref = provider.ref();
    Matcher dac = XM_DAC.matcher(ref);
    if (explicit.isEmpty() && dac.matches()) {
      String iso = codes.code(StandardList.CRS_DONOR, dac.group(1)).map(Code::category).orElse("");
      if (!iso.isEmpty()) {
        return iso;
      }
    }
    if (explicit.isEmpty()) {
      for (int dash = ref.lastIndexOf('-'); dash > 0; dash = ref.lastIndexOf('-', dash - 1)) {
        Optional<Code> agency = agencies.code(ref.substring(0, dash));
        if (agency.isPresent() && countries.contains(agency.get().category())) {
          return agency.get().category();
        }
      }
      Optional<String> mapped = settings.translate(ExportCrosswalk.CONTRIBUTOR_COUNTRY, ref);
      if (mapped.isPresent()) {
        return mapped.get();
      }
    }
    findings.accept(ExportRule.NO_CONTRIBUTOR_COUNTRY.finding(a.at(t.node()), a.name(t) + " is left out of the Data Cube's revenue:"
        + (explicit.isEmpty() ? " the country of government '" + shown(provider) + "' is not known from its identifier;"
            + " add it to the crosswalk 'contributor-country', or give the provider the attribute iatipub:contributor-country"
            : " '" + explicit + "' (iatipub:contributor-country) is not an ISO 3166 country code")));
    return null;
  }

  // ---------------------------------------------------------------- totals and tables

  long expenses() {
    return expenses;
  }

  long revenue() {
    return revenue;
  }

  /** The table files, by name, each with its sum. */
  record Table(String name, long sum, int rows) {}

  List<Table> write(Path dir, int year) throws IOException {
    List<Table> tables = new ArrayList<>();
    tables.add(write(dir.resolve(fileName(year, "expenses-by-function")), year, List.of("un_system_function"), functions));
    tables.add(write(dir.resolve(fileName(year, "expenses-by-location")), year,
        List.of("location_type", "location_code", "location_name"), locations));
    tables.add(write(dir.resolve(fileName(year, "expenses-by-sdg")), year, List.of("sdg_goal", "sdg_target"), sdgs));
    tables.add(write(dir.resolve(fileName(year, "revenue-by-financing-instrument")), year, List.of("financing_instrument"), instruments));
    tables.add(write(dir.resolve(fileName(year, "revenue-by-contributor")), year,
        List.of("contributor_type", "contributor_code", "contributor_name"), contributors));
    return tables;
  }

  static String fileName(int year, String table) {
    return "datacube-" + year + "-" + table + ".csv";
  }

  private static Table write(Path file, int year, List<String> columns, Map<Row, Long> table) throws IOException {
    List<String> header = new ArrayList<>(List.of("calendar_year", "entity"));
    header.addAll(columns);
    header.add("amount_usd");
    long sum = 0;
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
      csv.printRecord(header);
      for (Map.Entry<Row, Long> row : new TreeMap<>(table).entrySet()) {
        List<String> cells = new ArrayList<>(List.of(Integer.toString(year), row.getKey().entity()));
        cells.addAll(row.getKey().fields());
        cells.add(Usd.plain(row.getValue()));
        csv.printRecord(cells);
        sum += row.getValue();
      }
    }
    return new Table(file.getFileName().toString(), sum, table.size());
  }
}
