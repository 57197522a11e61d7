package org.iatipub.exports;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.iatipub.codelist.Code;
import org.iatipub.exports.PublishedActivity.Coded;
import org.iatipub.exports.PublishedActivity.Transaction;
import org.iatipub.exports.codes.StandardCodes;
import org.iatipub.exports.codes.StandardList;
import org.iatipub.finding.Finding;
import org.iatipub.validation.Node;

/**
 * The OECD-DAC CRS report of one year, as a multilateral reporter sends it: one record per
 * activity, recipient, purpose code and type of flow, finance and aid, with the year's commitments
 * (transaction type 2), amounts extended (3 and 4) and received (6) in US dollars. Records are
 * written as each activity is read, so the file streams out. A field the report requires that has
 * no value is a finding and stays empty; a code not in the OECD's lists is a finding and is written
 * as given.
 */
final class CrsReport implements Closeable {
  /** What a transaction counts as in the CRS. */
  enum Use { COMMITMENT, EXTENDED, RECEIVED }

  /** A transaction of the year, converted, and what it counts as. */
  record Flow(Transaction transaction, long cents, Use use) {}

  private static final Pattern XM_DAC = Pattern.compile("XM-DAC-([0-9]+)(?:-([0-9]+))?");
  private static final Map<String, CrsColumn> MARKERS = Map.ofEntries(
      Map.entry("1", CrsColumn.GENDER), Map.entry("2", CrsColumn.ENVIRONMENT), Map.entry("3", CrsColumn.PD_GG),
      Map.entry("4", CrsColumn.TRADE), Map.entry("5", CrsColumn.BIODIVERSITY), Map.entry("6", CrsColumn.CLIMATE_MITIGATION),
      Map.entry("7", CrsColumn.CLIMATE_ADAPTATION), Map.entry("8", CrsColumn.DESERTIFICATION), Map.entry("9", CrsColumn.RMNCH),
      Map.entry("10", CrsColumn.DISASTER_RISK_REDUCTION), Map.entry("11", CrsColumn.DISABILITY), Map.entry("12", CrsColumn.NUTRITION));
  private static final Map<String, CrsColumn> FLAGS = Map.of("1", CrsColumn.FTC, "2", CrsColumn.PBA,
      "3", CrsColumn.INVESTMENT_PROJECT, "4", CrsColumn.ASSOCIATED_FINANCING);

  private final int year;
  private final ExportSettings settings;
  private final StandardCodes codes;
  private final Consumer<Finding> findings;
  private final CSVPrinter csv;
  /** CRS recipient code by ISO 3166 country code. */
  private final Map<String, String> recipientByCountry = new HashMap<>();
  private long commitments;
  private long extended;
  private long received;
  private long records;

  CrsReport(Path file, int year, ExportSettings settings, StandardCodes codes, Consumer<Finding> findings) throws IOException {
    this.year = year;
    this.settings = settings;
    this.codes = codes;
    this.findings = findings;
    for (Code recipient : codes.list(StandardList.CRS_RECIPIENT).codes().values()) {
      if (!recipient.category().isEmpty()) {
        recipientByCountry.putIfAbsent(recipient.category(), recipient.value());
      }
    }
    Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    this.csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
    List<String> header = new ArrayList<>();
    for (CrsColumn column : CrsColumn.values()) {
      header.add(column.header());
    }
    csv.printRecord(header);
  }

  static String fileName(int year) {
    return "crs-" + year + ".csv";
  }

  /** The key of a record within its activity. */
  private record Key(String recipient, String purpose, String flow, String finance, String aid) {}

  /** Amounts of one record, in cents. */
  private static final class Amounts {
    long commitments;
    long extended;
    long received;
    long untied;
    long partiallyUntied;
    long tied;
  }

  /** Writes the records of one activity from its flows of the year; nothing when it has none. */
  void activity(PublishedActivity a, List<Flow> flows) throws IOException {
    if (flows.isEmpty()) {
      return;
    }
    Map<Key, Amounts> byKey = new LinkedHashMap<>();
    Set<CrsColumn> unknown = new TreeSet<>();
    for (Flow flow : flows) {
      Transaction t = flow.transaction();
      List<String> recipients = new ArrayList<>();
      List<BigDecimal> recipientWeights = new ArrayList<>();
      recipients(a, t, recipients, recipientWeights);
      List<Coded> purposes = DataCube.inVocabulary(t.sectors(), "1");
      if (purposes.isEmpty()) {
        purposes = DataCube.inVocabulary(a.activityCoded("sector"), "1");
      }
      List<BigDecimal> purposeWeights = purposes.isEmpty() ? List.of(BigDecimal.ONE) : Weights.of(purposes);
      String flowType = t.flowType().isEmpty() ? a.activityCode("default-flow-type") : t.flowType();
      String financeType = t.financeType().isEmpty() ? a.activityCode("default-finance-type") : t.financeType();
      String aidType = aidType(a, t);
      String tied = t.tiedStatus().isEmpty() ? a.activityCode("default-tied-status") : t.tiedStatus();
      long[] byRecipient = Shares.split(flow.cents(), recipientWeights);
      for (int r = 0; r < recipients.size(); r++) {
        long[] byPurpose = Shares.split(byRecipient[r], purposeWeights);
        for (int p = 0; p < byPurpose.length; p++) {
          String purpose = purposes.isEmpty() ? "" : purposes.get(p).code();
          Amounts amounts = byKey.computeIfAbsent(new Key(recipients.get(r), purpose, flowType, financeType, aidType), k -> new Amounts());
          long cents = byPurpose[p];
          switch (flow.use()) {
            case COMMITMENT -> {
              amounts.commitments += cents;
              switch (tied) {
                case "5" -> amounts.untied += cents;
                case "3" -> amounts.partiallyUntied += cents;
                case "4" -> amounts.tied += cents;
                default -> { }
              }
            }
            case EXTENDED -> amounts.extended += cents;
            case RECEIVED -> amounts.received += cents;
          }
        }
      }
    }
    Map<CrsColumn, String> common = common(a);
    Set<CrsColumn> missing = new TreeSet<>();
    for (Map.Entry<Key, Amounts> record : byKey.entrySet()) {
      Map<CrsColumn, String> row = new EnumMap<>(common);
      Key key = record.getKey();
      row.put(CrsColumn.RECIPIENT_CODE, key.recipient());
      row.put(CrsColumn.PURPOSE_CODE, key.purpose());
      row.put(CrsColumn.FLOW_TYPE, key.flow());
      row.put(CrsColumn.FINANCE_TYPE, key.finance());
      row.put(CrsColumn.AID_TYPE, key.aid());
      Amounts amounts = record.getValue();
      row.put(CrsColumn.COMMITMENTS, Usd.plain(amounts.commitments));
      row.put(CrsColumn.AMOUNTS_EXTENDED, Usd.plain(amounts.extended));
      row.put(CrsColumn.AMOUNTS_RECEIVED, Usd.plain(amounts.received));
      // A grant's grant equivalent is its face value; for other instruments it is computed from terms IATI does not carry.
      boolean grant = codes.code(StandardList.CRS_FINANCE, key.finance()).map(c -> c.category().equals("100")).orElse(false);
      row.put(CrsColumn.GRANT_EQUIVALENT, grant ? Usd.plain(amounts.extended) : "");
      if (!grant && !key.finance().isEmpty() && amounts.extended != 0) {
        missing.add(CrsColumn.GRANT_EQUIVALENT);
      }
      row.put(CrsColumn.AMOUNT_UNTIED, amounts.untied == 0 ? "" : Usd.plain(amounts.untied));
      row.put(CrsColumn.AMOUNT_PARTIALLY_UNTIED, amounts.partiallyUntied == 0 ? "" : Usd.plain(amounts.partiallyUntied));
      row.put(CrsColumn.AMOUNT_TIED, amounts.tied == 0 ? "" : Usd.plain(amounts.tied));
      for (CrsColumn column : CrsColumn.values()) {
        String value = row.getOrDefault(column, "");
        if (value.isEmpty() && column.required()) {
          missing.add(column);
        } else if (!value.isEmpty() && !known(column, value, row)) {
          unknown.add(column);
        }
      }
      List<String> cells = new ArrayList<>();
      for (CrsColumn column : CrsColumn.values()) {
        cells.add(row.getOrDefault(column, ""));
      }
      csv.printRecord(cells);
      commitments += amounts.commitments;
      extended += amounts.extended;
      received += amounts.received;
      records++;
    }
    for (CrsColumn column : missing) {
      findings.accept(ExportRule.CRS_MISSING_FIELD.finding(a.at(), "activity '" + a.identifier() + "': its CRS record has no "
          + column.header() + "; " + hint(column) + " (the field is left empty, never made up)"));
    }
    for (CrsColumn column : unknown) {
      findings.accept(ExportRule.CRS_UNKNOWN_CODE.finding(a.at(), "activity '" + a.identifier() + "': a CRS record's " + column.header()
          + " is not in the OECD's list " + list(column).map(StandardList::key).orElse("") + " ('iatipub export codes show "
          + list(column).map(StandardList::key).orElse("") + "' lists them); it is written as given"));
    }
  }

  /** The fields every record of the activity shares. */
  private Map<CrsColumn, String> common(PublishedActivity a) {
    Map<CrsColumn, String> row = new EnumMap<>(CrsColumn.class);
    row.put(CrsColumn.REPORTING_YEAR, Integer.toString(year));
    Matcher dac = XM_DAC.matcher(a.reportingOrg());
    boolean fromRef = dac.matches() && codes.contains(StandardList.CRS_DONOR, dac.group(1));
    String donor = !settings.crs().donorCode().isEmpty() ? settings.crs().donorCode() : fromRef ? dac.group(1) : "";
    String agency = !settings.crs().agencyCode().isEmpty() ? settings.crs().agencyCode()
        : fromRef && dac.group(2) != null ? dac.group(2) : "";
    row.put(CrsColumn.DONOR_CODE, donor);
    row.put(CrsColumn.AGENCY_CODE, agency);
    row.put(CrsColumn.CRS_ID, a.otherIdentifier("A2"));
    String own = a.otherIdentifier("A1");
    row.put(CrsColumn.PROJECT_NUMBER, own.isEmpty() ? a.identifier() : own);
    String nature = a.node().attribute(Extension.CRS_NATURE_OF_SUBMISSION).orElse("").strip();
    row.put(CrsColumn.NATURE_OF_SUBMISSION, nature.isEmpty() ? settings.crs().natureOfSubmission() : nature);
    Optional<Node> channel = channel(a);
    row.put(CrsColumn.CHANNEL_CODE, channel.flatMap(c -> c.attribute("crs-channel-code")).orElse("").strip());
    row.put(CrsColumn.CHANNEL_NAME, channel.map(c -> c.children("narrative").findFirst().map(Node::text).orElse("")).orElse(""));
    row.put(CrsColumn.BI_MULTI, a.activityCode("collaboration-type"));
    row.put(CrsColumn.TITLE, a.narrativeOf("title", "en"));
    row.put(CrsColumn.DESCRIPTION, a.description("1", "en"));
    String plannedStart = a.activityDate("1");
    row.put(CrsColumn.EXPECTED_START, plannedStart.isEmpty() ? a.activityDate("2") : plannedStart);
    String plannedEnd = a.activityDate("3");
    row.put(CrsColumn.EXPECTED_COMPLETION, plannedEnd.isEmpty() ? a.activityDate("4") : plannedEnd);
    for (Coded marker : DataCube.inVocabulary(a.activityCoded("policy-marker"), "1")) {
      CrsColumn column = MARKERS.get(marker.code());
      if (column != null) {
        row.put(column, marker.significance());
      }
    }
    a.node().child("crs-add").ifPresent(add -> add.children("other-flags").forEach(flag -> {
      CrsColumn column = FLAGS.get(flag.attribute("code").orElse("").strip());
      if (column != null && flag.attribute("significance").orElse("").strip().equals("1")) {
        row.put(column, "1");
      }
    }));
    row.put(CrsColumn.CURRENCY, "USD");
    return row;
  }

  /**
   * The channel of delivery: the first implementing organisation (role 4) with a CRS channel code
   * other than the reporter itself, else the reporter's own entry as implementer.
   */
  private static Optional<Node> channel(PublishedActivity a) {
    List<Node> implementers = a.participants("4").stream().filter(o -> o.attribute("crs-channel-code").isPresent()).toList();
    return implementers.stream().filter(o -> !o.attribute("ref").orElse("").strip().equals(a.reportingOrg())).findFirst()
        .or(() -> implementers.stream().findFirst());
  }

  /** The aid type of vocabulary 1 (the DAC's): the transaction's, else the activity's default. */
  private static String aidType(PublishedActivity a, Transaction t) {
    return DataCube.inVocabulary(t.aidTypes(), "1").stream().findFirst()
        .or(() -> DataCube.inVocabulary(a.activityCoded("default-aid-type"), "1").stream().findFirst())
        .map(Coded::code).orElse("");
  }

  /**
   * The CRS recipients of a transaction: its own country or DAC region, else its activity's
   * countries and DAC regions by their percentages; with none, 998 (developing countries,
   * unspecified), as the CRS records what no recipient is named for. A country with no CRS recipient
   * code keeps an empty recipient (a finding).
   */
  private void recipients(PublishedActivity a, Transaction t, List<String> recipients, List<BigDecimal> weights) {
    List<Coded> shares = new ArrayList<>();
    if (!t.countries().isEmpty()) {
      shares.add(t.countries().get(0));
    } else if (!DataCube.inVocabulary(t.regions(), "1").isEmpty()) {
      shares.add(DataCube.inVocabulary(t.regions(), "1").get(0));
    } else {
      shares.addAll(a.activityCoded("recipient-country"));
      shares.addAll(DataCube.inVocabulary(a.activityCoded("recipient-region"), "1"));
    }
    if (shares.isEmpty()) {
      recipients.add("998");
      weights.add(BigDecimal.ONE);
      return;
    }
    List<BigDecimal> given = shares.size() == 1 ? List.of(BigDecimal.ONE) : Weights.of(shares);
    for (int i = 0; i < shares.size(); i++) {
      Coded share = shares.get(i);
      String code = share.at().name().equals("recipient-country") ? recipientByCountry.getOrDefault(share.code(), "") : share.code();
      if (code.isEmpty()) {
        findings.accept(ExportRule.CRS_UNKNOWN_CODE.finding(a.at(share.at()), "activity '" + a.identifier() + "': country '"
            + share.code() + "' has no CRS recipient code (it is not on the OECD's list of recipients); its share has no recipient"));
      }
      int at = recipients.indexOf(code);
      if (at < 0) {
        recipients.add(code);
        weights.add(given.get(i));
      } else {
        weights.set(at, weights.get(at).add(given.get(i)));
      }
    }
  }

  private boolean known(CrsColumn column, String value, Map<CrsColumn, String> row) {
    if (column == CrsColumn.AGENCY_CODE) {
      return codes.contains(StandardList.CRS_AGENCY, row.getOrDefault(CrsColumn.DONOR_CODE, "") + "/" + value);
    }
    return list(column).map(list -> codes.contains(list, value)).orElse(true);
  }

  private static Optional<StandardList> list(CrsColumn column) {
    return Optional.ofNullable(switch (column) {
      case DONOR_CODE -> StandardList.CRS_DONOR;
      case AGENCY_CODE -> StandardList.CRS_AGENCY;
      case NATURE_OF_SUBMISSION -> StandardList.CRS_NATURE_OF_SUBMISSION;
      case RECIPIENT_CODE -> StandardList.CRS_RECIPIENT;
      case CHANNEL_CODE -> StandardList.CRS_CHANNEL;
      case BI_MULTI -> StandardList.CRS_BI_MULTI;
      case FLOW_TYPE -> StandardList.CRS_FLOW;
      case FINANCE_TYPE -> StandardList.CRS_FINANCE;
      case AID_TYPE -> StandardList.CRS_AID_TYPE;
      case PURPOSE_CODE -> StandardList.CRS_PURPOSE;
      default -> null;
    });
  }

  private static String hint(CrsColumn column) {
    return switch (column) {
      case DONOR_CODE -> "give crs.donor-code in the export settings (the reporting-org ref is not an XM-DAC donor identifier)";
      case AGENCY_CODE -> "give crs.agency-code in the export settings";
      case NATURE_OF_SUBMISSION -> "give crs.nature-of-submission in the export settings, or the activity the attribute iatipub:crs-nature-of-submission";
      case CHANNEL_CODE -> "name an implementing organisation (participating-org role 4) with a crs-channel-code";
      case BI_MULTI -> "give the activity a collaboration-type";
      case FLOW_TYPE -> "give the activity a default-flow-type (or its transactions a flow-type)";
      case FINANCE_TYPE -> "give the activity a default-finance-type (or its transactions a finance-type)";
      case AID_TYPE -> "give the activity a default-aid-type of vocabulary 1 (or its transactions an aid-type)";
      case TITLE -> "give the activity a title";
      case PURPOSE_CODE -> "give the activity (or its transactions) sectors of vocabulary 1, the DAC 5-digit purpose codes";
      case RECIPIENT_CODE -> "name a recipient country on the OECD's list, or a DAC region";
      case GRANT_EQUIVALENT -> "IATI carries no grant equivalent for a type of finance other than a grant; add it to the"
          + " CRS file from the loan's terms";
      default -> "give it in the activity";
    };
  }

  long commitments() {
    return commitments;
  }

  long extended() {
    return extended;
  }

  long received() {
    return received;
  }

  long records() {
    return records;
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
