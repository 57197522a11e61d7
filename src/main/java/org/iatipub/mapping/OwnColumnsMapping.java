package org.iatipub.mapping;

import static org.iatipub.mapping.OwnField.*;
import static org.iatipub.mapping.XmlElement.element;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.iatipub.source.ActivityRows;
import org.iatipub.source.SourceRow;

/**
 * The mapping rules of the organisation's own form: one project row and its linked rows in, one
 * IATI activity out, with the organisation's defaults, crosswalked OECD-DAC codes, multilingual
 * narratives, the programme hierarchy and results from deliverables. The README lists every
 * field; the tests in {@code org.iatipub.mapping} state each rule as "given these rows, this XML".
 */
public final class OwnColumnsMapping implements ActivityMapping {
  /** The coordinate system of every point: WGS 84 latitude longitude, as IATI requires. */
  static final String WGS84 = "http://www.opengis.net/def/crs/EPSG/0/4326";
  private static final Pattern TIMELINE = Pattern.compile("([12][0-9]{3})(?:\\s*[-–—]\\s*([12][0-9]{3}))?");

  private final MappingFile mapping;
  private final Map<String, Crosswalk> crosswalks;
  private final Programmes programmes;
  private final Predicate<String> isProject;
  private final boolean ruleChecks;
  private final MappingFile.Field[] sources;

  /**
   * The set is read as a stream: only the main file's ids and parents are known before mapping.
   *
   * @param programmes the projects naming each project as their parent, learnt in full before mapping
   * @param isProject whether a project id is in the set's main file
   * @param ruleChecks false with {@code --schema-only}: the mapping's checks of IATI rules (shares
   *     adding up to 100, …) are left out, as the validator's are
   */
  public OwnColumnsMapping(MappingFile mapping, Map<String, Crosswalk> crosswalks, Programmes programmes,
      Predicate<String> isProject, boolean ruleChecks) {
    this.mapping = mapping;
    this.crosswalks = Map.copyOf(crosswalks);
    this.programmes = programmes;
    this.isProject = isProject;
    this.ruleChecks = ruleChecks;
    this.sources = CellReader.sources(mapping);
  }

  /** The project id a project row names as its parent programme; empty when none. */
  static String parentOf(MappingFile mapping, SourceRow project) {
    MappingFile.FileMapping projects = mapping.table(OwnTable.PROJECTS);
    return projects.field(PROJECT_PARENT) instanceof MappingFile.Column c ? project.get(c.column()) : "";
  }

  /** The IATI identifier of a project: the organisation's prefix and the project id. */
  public String identifier(String projectId) {
    return mapping.identifierPrefix() + projectId;
  }

  /** Its sub-activities (they become related activities), and whether its parent is in the set. */
  @Override
  public List<String> context(ActivityRows rows) {
    List<String> context = new ArrayList<>(programmes.subActivities(rows.id()));
    String parent = parentOf(mapping, rows.main());
    context.add(parent.isEmpty() ? "no parent" : isProject.test(parent) ? "parent in the set" : "parent elsewhere");
    return context;
  }

  @Override
  public ActivityDraft map(ActivityRows rows) {
    List<Finding> findings = new ArrayList<>(rows.findings());
    CellReader cells = new CellReader(sources, crosswalks, findings, ruleChecks, language(rows.main()));
    PathCells paths = new PathCells(cells);
    SourceRow project = rows.main();
    XmlElement.Builder activity = projectElements(cells, rows);
    // The project row's paths meet what its named fields made; the defaults fill what is still empty.
    MappingFile.FileMapping projects = mapping.table(OwnTable.PROJECTS);
    if (!projects.paths().isEmpty() || !mapping.defaultPaths().isEmpty()) {
      Map<String, XmlElement.Builder> made = PathCells.made(activity);
      paths.write(project, projects.paths(), "", activity, made, false);
      paths.write(project, mapping.defaultPaths(), "", activity, made, true);
    }
    // The organisation's language unless the row gives the activity its own (a path @xml:lang).
    if (activity.attribute(CellReader.XML_LANG) == null) {
      activity.attribute(CellReader.XML_LANG, mapping.defaults().language(), project.whole());
    }
    Keys keys = new Keys(cells);
    keys.register(projects, project, activity);
    // Files come parents first, so a nested row finds the element its parent row made.
    for (MappingFile.FileMapping file : mapping.files().values()) {
      if (file.isProjects()) {
        continue;
      }
      List<SourceRow> fileRows = rows.children(file.name());
      if (file.table() != null) {
        for (Made row : named(file.table(), cells, fileRows, activity)) {
          if (!file.paths().isEmpty()) {
            paths.write(row.row(), file.paths(), row.kind(), row.element(), row.made(), false);
          }
          keys.register(file, row.row(), row.element());
        }
        continue;
      }
      for (SourceRow row : fileRows) {
        XmlElement.Builder parent = file.within() == null ? activity : keys.parent(file, row);
        if (parent != null) {
          XmlElement.Builder element = newElement(parent, file.element(), row.whole());
          paths.write(row, file.paths(), file.element(), element, new HashMap<>(), false);
          keys.register(file, row, element);
        }
      }
    }
    return new ActivityDraft(identifier(rows.id()), rows, activity.build(), findings);
  }

  /** The activity's language: its project row's, when a path {@code @xml:lang} gives one, else the organisation's. */
  private String language(SourceRow project) {
    for (MappingFile.PathField path : mapping.table(OwnTable.PROJECTS).paths()) {
      if (path.resolved().steps().isEmpty() && CellReader.XML_LANG.equals(path.resolved().attribute())
          && path.source() instanceof MappingFile.Column column && !project.get(column.column()).isEmpty()) {
        return project.get(column.column());
      }
    }
    return mapping.defaults().language();
  }

  /**
   * A row of a file with named fields and the element it made.
   *
   * @param kind the element's path from the activity ({@code recipient-region} …)
   * @param period the row's own period, for a deliverable's row (whose element is its result); else null
   */
  private record Made(SourceRow row, String kind, XmlElement.Builder element, XmlElement.Builder period) {
    static Made of(SourceRow row, String kind, XmlElement.Builder element) {
      return new Made(row, kind, element, null);
    }

    /**
     * The elements under it that the row's paths meet (see {@link PathCells#made}), worked out when
     * its paths are written, so a deliverable's row meets what the rows before it added: the
     * deliverable's result and indicator, and its own period as the first.
     */
    Map<String, XmlElement.Builder> made() {
      Map<String, XmlElement.Builder> made = PathCells.made(element);
      if (kind.equals("result") && element.name().getLocalPart().equals("result")) {
        made.keySet().removeIf(key -> key.startsWith(PERIOD_KEY));
        if (period != null) {
          made.put(PERIOD_KEY + "0", period);
          PathCells.made(period).forEach((key, child) -> made.put(PERIOD_KEY + "0/" + key, child));
        }
      }
      return made;
    }
  }

  /** The elements the rows of a file with named fields make, added to the activity. */
  private List<Made> named(OwnTable table, CellReader cells, List<SourceRow> rows, XmlElement.Builder activity) {
    List<Made> made = new ArrayList<>();
    switch (table) {
      case COUNTRIES -> made.addAll(geography(cells, rows, activity));
      case SECTORS -> made.addAll(sectors(cells, rows, activity));
      case DELIVERABLES -> made.addAll(results(cells, rows, activity));
      default -> {
        for (SourceRow row : rows) {
          XmlElement.Builder element = switch (table) {
            case PARTICIPANTS -> participant(cells, row);
            case POLICY_MARKERS -> policyMarker(cells, row);
            case LOCATIONS -> location(cells, row);
            case DOCUMENTS -> document(cells, row);
            case BUDGETS -> budget(cells, row);
            case TRANSACTIONS -> transaction(cells, row);
            default -> throw new IllegalStateException(table + " has no rows of its own kind here");
          };
          activity.child(element);
          made.add(Made.of(row, table.elements().get(0), element));
        }
      }
    }
    return made;
  }

  /** A new element at {@code path} under {@code parent}; the steps before the last are the parent's first of that name. */
  private static XmlElement.Builder newElement(XmlElement.Builder parent, String path, Location.Cell from) {
    String[] steps = path.split("/");
    XmlElement.Builder at = parent;
    for (int i = 0; i < steps.length - 1; i++) {
      at = at.lastOrNew(steps[i], from);
    }
    XmlElement.Builder element = element(steps[steps.length - 1]).from(from);
    at.child(element);
    return element;
  }

  /** The elements of the rows of files that others nest in, by file and key, within one activity. */
  private static final class Keys {
    private final CellReader cells;
    private final Map<String, Map<String, XmlElement.Builder>> byFile = new HashMap<>();

    Keys(CellReader cells) {
      this.cells = cells;
    }

    void register(MappingFile.FileMapping file, SourceRow row, XmlElement.Builder element) {
      if (file.key() == null) {
        return;
      }
      String key = row.get(file.key());
      if (key.isEmpty()) {
        return; // a nested row naming it is told so
      }
      XmlElement.Builder earlier = byFile.computeIfAbsent(file.name(), k -> new HashMap<>()).putIfAbsent(key, element);
      // The rows of one deliverable share their result: the same element again is no duplicate.
      if (earlier != null && earlier != element) {
        cells.add(MappingRule.DUPLICATE_KEY.at(row.cell(file.key()), "another row of " + file.name() + " for this project"
            + " has the key '" + key + "' too, so the rows nested in it could belong to either; keys must be unique within a project"));
      }
    }

    /** The element of the row a nested row names; null, with a finding, when there is none. */
    XmlElement.Builder parent(MappingFile.FileMapping file, SourceRow row) {
      MappingFile.Within within = file.within();
      String key = row.get(within.column());
      XmlElement.Builder parent = byFile.getOrDefault(within.file(), Map.of()).get(key);
      if (parent == null) {
        cells.add(key.isEmpty()
            ? MappingRule.MISSING_VALUE.at(row.cell(within.column()), "this row names no row of " + within.file()
                + " to add its " + file.element() + " to")
            : MappingRule.UNKNOWN_PARENT.at(row.cell(within.column()), "no row of " + within.file()
                + " for this project has the key '" + key + "', so this " + file.element() + " has nowhere to go"));
      }
      return parent;
    }
  }

  /** What the project row makes, with the reporting organisation and the programme links. */
  private XmlElement.Builder projectElements(CellReader cells, ActivityRows rows) {
    SourceRow project = rows.main();
    Location.Cell row = project.whole();
    MappingFile.Defaults defaults = mapping.defaults();
    XmlElement.Builder activity = element("iati-activity").from(row);
    String currency = cells.raw(project, PROJECT_CURRENCY);
    activity.attribute("default-currency", currency.isEmpty() ? defaults.currency() : currency,
        currency.isEmpty() ? row : cells.cell(project, PROJECT_CURRENCY));
    String parent = cells.raw(project, PROJECT_PARENT);
    List<String> children = programmes.subActivities(rows.id());
    if (!parent.isEmpty()) {
      activity.attribute("hierarchy", "2", cells.cell(project, PROJECT_PARENT));
    } else if (!children.isEmpty()) {
      activity.attribute("hierarchy", "1", row);
    }

    activity.child(element("iati-identifier").text(identifier(rows.id()), cells.cell(project, PROJECT_ID)));
    activity.child(reportingOrg(cells, row));
    XmlElement.Builder title = element("title").from(cells.cell(project, PROJECT_TITLE));
    if (!cells.narratives(project, PROJECT_TITLE, title)) {
      cells.add(MappingRule.MISSING_VALUE.at(cells.cell(project, PROJECT_TITLE),
          "the project has no title in any language; IATI requires one"));
    }
    activity.child(title);
    description(cells, project, PROJECT_DESCRIPTION, "1", activity);
    description(cells, project, PROJECT_OBJECTIVES, "2", activity);
    description(cells, project, PROJECT_TARGET_GROUPS, "3", activity);
    String status = cells.raw(project, PROJECT_STATUS).isEmpty() ? cells.required(project, PROJECT_STATUS)
        : cells.codeValue(project, PROJECT_STATUS);
    activity.child(element("activity-status").attribute("code", status, cells.cell(project, PROJECT_STATUS)));
    activityDate(cells, project, PROJECT_PLANNED_START, "1", activity);
    activityDate(cells, project, PROJECT_ACTUAL_START, "2", activity);
    activityDate(cells, project, PROJECT_PLANNED_END, "3", activity);
    activityDate(cells, project, PROJECT_ACTUAL_END, "4", activity);
    coded(cells, project, PROJECT_SCOPE, "activity-scope", activity);
    classification(cells, project, PROJECT_COLLABORATION_TYPE, "collaboration-type", defaults.collaborationType(), activity);
    classification(cells, project, PROJECT_FLOW_TYPE, "default-flow-type", defaults.flowType(), activity);
    classification(cells, project, PROJECT_FINANCE_TYPE, "default-finance-type", defaults.financeType(), activity);
    defaultAidType(cells, project, activity);
    classification(cells, project, PROJECT_TIED_STATUS, "default-tied-status", defaults.tiedStatus(), activity);
    if (!parent.isEmpty()) {
      if (!isProject.test(parent)) {
        cells.add(MappingRule.PARENT_ELSEWHERE.at(cells.cell(project, PROJECT_PARENT),
            "the parent project '" + parent + "' is not in this file; the link points to " + identifier(parent)
                + ", which must be published elsewhere"));
      }
      activity.child(element("related-activity").attribute("ref", identifier(parent), cells.cell(project, PROJECT_PARENT))
          .attribute("type", "1", cells.cell(project, PROJECT_PARENT)));
    }
    for (String child : children) {
      activity.child(element("related-activity").attribute("ref", identifier(child), row).attribute("type", "2", row));
    }
    return activity;
  }

  private XmlElement.Builder reportingOrg(CellReader cells, Location.Cell row) {
    MappingFile.Organisation org = mapping.reportingOrg();
    XmlElement.Builder reporting = element("reporting-org").attribute("ref", org.ref(), row).attribute("type", org.type(), row);
    org.name().forEach((language, name) -> reporting.child(cells.narrative(language, name, row)));
    return reporting;
  }

  private static void description(CellReader cells, SourceRow project, OwnField field, String type, XmlElement.Builder activity) {
    XmlElement.Builder description = element("description");
    if (cells.narratives(project, field, description)) {
      activity.child(description.attribute("type", type, cells.cell(project, field)));
    }
  }

  private static void activityDate(CellReader cells, SourceRow project, OwnField field, String type, XmlElement.Builder activity) {
    String date = cells.date(project, field);
    if (date != null) {
      Location.Cell at = cells.cell(project, field);
      activity.child(element("activity-date").attribute("type", type, at).attribute("iso-date", date, at));
    }
  }

  private static void coded(CellReader cells, SourceRow row, OwnField field, String elementName, XmlElement.Builder parent) {
    String code = cells.codeValue(row, field);
    if (code != null) {
      parent.child(element(elementName).attribute("code", code, cells.cell(row, field)));
    }
  }

  /** A DAC classification: the project's own code when it has one, else the organisation's default. */
  private static void classification(CellReader cells, SourceRow project, OwnField field, String elementName,
      String fallback, XmlElement.Builder activity) {
    if (!cells.raw(project, field).isEmpty()) {
      coded(cells, project, field, elementName, activity);
    } else if (fallback != null && !fallback.isBlank()) {
      activity.child(element(elementName).attribute("code", fallback, project.whole()));
    }
  }

  private void defaultAidType(CellReader cells, SourceRow project, XmlElement.Builder activity) {
    if (!cells.raw(project, PROJECT_AID_TYPE).isEmpty()) {
      Crosswalk.Code code = cells.code(project, PROJECT_AID_TYPE);
      if (code != null) {
        Location.Cell at = cells.cell(project, PROJECT_AID_TYPE);
        activity.child(element("default-aid-type").attribute("code", code.code(), at).attribute("vocabulary", code.vocabulary(), at));
      }
    } else if (mapping.defaults().aidType() != null) {
      activity.child(element("default-aid-type").attribute("code", mapping.defaults().aidType(), project.whole())
          .attribute("vocabulary", mapping.defaults().aidTypeVocabulary(), project.whole()));
    }
  }

  private static XmlElement.Builder participant(CellReader cells, SourceRow row) {
    XmlElement.Builder org = element("participating-org").from(row.whole());
    org.attribute("role", cells.raw(row, PARTICIPANT_ROLE).isEmpty() ? cells.required(row, PARTICIPANT_ROLE) : cells.codeValue(row, PARTICIPANT_ROLE),
        cells.cell(row, PARTICIPANT_ROLE));
    org.attribute("ref", cells.raw(row, PARTICIPANT_REF), cells.cell(row, PARTICIPANT_REF));
    org.attribute("type", cells.codeValue(row, PARTICIPANT_TYPE), cells.cell(row, PARTICIPANT_TYPE));
    org.attribute("activity-id", cells.raw(row, PARTICIPANT_ACTIVITY_ID), cells.cell(row, PARTICIPANT_ACTIVITY_ID));
    org.attribute("crs-channel-code", cells.codeValue(row, PARTICIPANT_CRS_CHANNEL), cells.cell(row, PARTICIPANT_CRS_CHANNEL));
    cells.narratives(row, PARTICIPANT_NAME, org);
    return org;
  }

  private static List<Made> geography(CellReader cells, List<SourceRow> rows, XmlElement.Builder activity) {
    List<Made> made = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    boolean allHavePercentages = !rows.isEmpty();
    for (SourceRow row : rows) {
      String percentage = cells.percentage(row, COUNTRY_PERCENTAGE);
      String country = cells.codeValue(row, COUNTRY_CODE);
      Crosswalk.Code region = cells.code(row, REGION_CODE);
      if (country == null && region == null && cells.raw(row, COUNTRY_CODE).isEmpty() && cells.raw(row, REGION_CODE).isEmpty()) {
        cells.add(MappingRule.MISSING_VALUE.at(cells.cell(row, COUNTRY_CODE),
            "the row names neither a country nor a region"));
      }
      if (country != null) {
        XmlElement.Builder element = element("recipient-country")
            .attribute("code", country, cells.cell(row, COUNTRY_CODE))
            .attribute("percentage", percentage, cells.cell(row, COUNTRY_PERCENTAGE));
        activity.child(element);
        made.add(Made.of(row, "recipient-country", element));
      } else if (region != null) {
        // Without a vocabulary from the crosswalk a region is one of the DAC's (vocabulary 1).
        XmlElement.Builder element = element("recipient-region")
            .attribute("code", region.code(), cells.cell(row, REGION_CODE));
        described(cells, element, region, REGION_CODE, cells.cell(row, REGION_CODE));
        element.attribute("percentage", percentage, cells.cell(row, COUNTRY_PERCENTAGE));
        activity.child(element);
        made.add(Made.of(row, "recipient-region", element));
      }
      if (percentage == null) {
        allHavePercentages = false;
      } else {
        total = total.add(new BigDecimal(percentage));
      }
    }
    if (rows.size() > 1 && allHavePercentages && total.compareTo(BigDecimal.valueOf(100)) != 0) {
      cells.add(MappingRule.PERCENTAGES.at(cells.cell(rows.get(0), COUNTRY_PERCENTAGE),
          "the recipient country and region percentages of this project add up to " + total.toPlainString()
              + ", not 100"));
    }
    return made;
  }

  /**
   * The vocabulary of a crosswalked code (1, the DAC's, when the crosswalk gives none), its URI,
   * and its label as the element's narrative when the mapping file asks for it.
   */
  private static void described(CellReader cells, XmlElement.Builder element, Crosswalk.Code code, OwnField field,
      Location.Cell cell) {
    element.attribute("vocabulary", code.vocabulary() == null ? "1" : code.vocabulary(), cell);
    element.attribute("vocabulary-uri", code.vocabularyUri(), cell);
    if (cells.labelAsNarrative(field) && code.label() != null) {
      element.child(cells.narrative("", code.label(), cell));
    }
  }

  private static List<Made> sectors(CellReader cells, List<SourceRow> rows, XmlElement.Builder activity) {
    List<Made> made = new ArrayList<>();
    Map<String, BigDecimal> totals = new LinkedHashMap<>();
    Map<String, SourceRow> firstRow = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (SourceRow row : rows) {
      Crosswalk.Code code = cells.code(row, SECTOR_CODE);
      if (cells.raw(row, SECTOR_CODE).isEmpty()) {
        cells.required(row, SECTOR_CODE);
      }
      String percentage = cells.percentage(row, SECTOR_PERCENTAGE);
      if (code == null) {
        continue;
      }
      String vocabulary = code.vocabulary() == null ? "1" : code.vocabulary();
      XmlElement.Builder sector = element("sector");
      described(cells, sector, code, SECTOR_CODE, cells.cell(row, SECTOR_CODE));
      sector.attribute("code", code.code(), cells.cell(row, SECTOR_CODE))
          .attribute("percentage", percentage, cells.cell(row, SECTOR_PERCENTAGE));
      activity.child(sector);
      made.add(Made.of(row, "sector", sector));
      firstRow.putIfAbsent(vocabulary, row);
      counts.merge(vocabulary, 1, Integer::sum);
      if (percentage != null) {
        totals.merge(vocabulary, new BigDecimal(percentage), BigDecimal::add);
      }
    }
    totals.forEach((vocabulary, total) -> {
      if (counts.get(vocabulary) > 1 && total.compareTo(BigDecimal.valueOf(100)) != 0) {
        cells.add(MappingRule.PERCENTAGES.at(cells.cell(firstRow.get(vocabulary), SECTOR_PERCENTAGE),
            "the sector percentages of this project (vocabulary " + vocabulary + ") add up to " + total.toPlainString()
                + ", not 100"));
      }
    });
    return made;
  }

  private static XmlElement.Builder policyMarker(CellReader cells, SourceRow row) {
    Crosswalk.Code marker = cells.code(row, MARKER_CODE);
    if (cells.raw(row, MARKER_CODE).isEmpty()) {
      cells.required(row, MARKER_CODE);
    }
    XmlElement.Builder element = element("policy-marker").from(row.whole());
    if (marker != null) {
      described(cells, element, marker, MARKER_CODE, cells.cell(row, MARKER_CODE));
      element.attribute("code", marker.code(), cells.cell(row, MARKER_CODE));
    }
    element.attribute("significance", cells.codeValue(row, MARKER_SIGNIFICANCE), cells.cell(row, MARKER_SIGNIFICANCE));
    return element;
  }

  private static XmlElement.Builder location(CellReader cells, SourceRow row) {
    XmlElement.Builder location = element("location").from(row.whole());
    XmlElement.Builder name = element("name");
    if (cells.narratives(row, LOCATION_NAME, name)) {
      location.child(name);
    }
    XmlElement.Builder description = element("description");
    if (cells.narratives(row, LOCATION_DESCRIPTION, description)) {
      location.child(description);
    }
    String latitude = cells.number(row, LOCATION_LATITUDE);
    String longitude = cells.number(row, LOCATION_LONGITUDE);
    if (latitude != null && longitude != null) {
      location.child(element("point").attribute("srsName", WGS84, cells.cell(row, LOCATION_LATITUDE))
          .child(element("pos").text(latitude + " " + longitude, cells.cell(row, LOCATION_LATITUDE))));
    } else if (latitude != null || longitude != null) {
      cells.add(MappingRule.MISSING_VALUE.at(cells.cell(row, latitude == null ? LOCATION_LATITUDE : LOCATION_LONGITUDE),
          "a location needs both latitude and longitude, or neither"));
    }
    return location;
  }

  private XmlElement.Builder budget(CellReader cells, SourceRow row) {
    XmlElement.Builder budget = element("budget").from(row.whole());
    String type = cells.codeValue(row, BUDGET_TYPE);
    String status = cells.codeValue(row, BUDGET_STATUS);
    budget.attribute("type", type == null ? "1" : type, cells.cell(row, BUDGET_TYPE));
    budget.attribute("status", status == null ? "1" : status, cells.cell(row, BUDGET_STATUS));
    cells.required(row, BUDGET_START);
    cells.required(row, BUDGET_END);
    String start = cells.date(row, BUDGET_START);
    String end = cells.date(row, BUDGET_END);
    budget.child(element("period-start").attribute("iso-date", start, cells.cell(row, BUDGET_START)));
    budget.child(element("period-end").attribute("iso-date", end, cells.cell(row, BUDGET_END)));
    budget.child(value(cells, row, BUDGET_VALUE, BUDGET_CURRENCY, BUDGET_VALUE_DATE, start));
    return budget;
  }

  /** A value with its currency (left out when it is the default) and value date. */
  private XmlElement.Builder value(CellReader cells, SourceRow row, OwnField amountField, OwnField currencyField,
      OwnField valueDateField, String fallbackDate) {
    cells.required(row, amountField);
    String amount = cells.number(row, amountField);
    String valueDate = cells.date(row, valueDateField);
    String currency = cells.raw(row, currencyField);
    if (!currency.isEmpty() && !currency.matches("[A-Z]{3}")) {
      cells.add(MappingRule.BAD_CURRENCY.at(cells.cell(row, currencyField),
          "'" + currency + "' is not a currency code; write the three capital letters of ISO 4217, e.g. EUR"));
    }
    XmlElement.Builder value = element("value").text(amount, cells.cell(row, amountField));
    value.attribute("currency", currency.equals(mapping.defaults().currency()) ? "" : currency, cells.cell(row, currencyField));
    value.attribute("value-date", valueDate != null ? valueDate : fallbackDate,
        valueDate != null ? cells.cell(row, valueDateField) : cells.cell(row, amountField));
    return value;
  }

  private XmlElement.Builder transaction(CellReader cells, SourceRow row) {
    XmlElement.Builder transaction = element("transaction").from(row.whole());
    transaction.attribute("ref", cells.raw(row, TRANSACTION_REF), cells.cell(row, TRANSACTION_REF));
    String type = cells.raw(row, TRANSACTION_TYPE).isEmpty() ? cells.required(row, TRANSACTION_TYPE) : cells.codeValue(row, TRANSACTION_TYPE);
    transaction.child(element("transaction-type").attribute("code", type, cells.cell(row, TRANSACTION_TYPE)));
    cells.required(row, TRANSACTION_DATE);
    String date = cells.date(row, TRANSACTION_DATE);
    transaction.child(element("transaction-date").attribute("iso-date", date, cells.cell(row, TRANSACTION_DATE)));
    transaction.child(value(cells, row, TRANSACTION_VALUE, TRANSACTION_CURRENCY, TRANSACTION_VALUE_DATE, date));
    XmlElement.Builder description = element("description");
    if (cells.narratives(row, TRANSACTION_DESCRIPTION, description)) {
      transaction.child(description);
    }
    transaction.child(party(cells, row, "provider-org", TRANSACTION_PROVIDER_REF, TRANSACTION_PROVIDER_TYPE,
        TRANSACTION_PROVIDER_NAME, "provider-activity-id", TRANSACTION_PROVIDER_ACTIVITY));
    transaction.child(party(cells, row, "receiver-org", TRANSACTION_RECEIVER_REF, TRANSACTION_RECEIVER_TYPE,
        TRANSACTION_RECEIVER_NAME, "receiver-activity-id", TRANSACTION_RECEIVER_ACTIVITY));
    coded(cells, row, TRANSACTION_FLOW_TYPE, "flow-type", transaction);
    coded(cells, row, TRANSACTION_FINANCE_TYPE, "finance-type", transaction);
    coded(cells, row, TRANSACTION_TIED_STATUS, "tied-status", transaction);
    Crosswalk.Code aidType = cells.code(row, TRANSACTION_AID_TYPE);
    if (aidType != null) {
      transaction.child(element("aid-type").attribute("code", aidType.code(), cells.cell(row, TRANSACTION_AID_TYPE))
          .attribute("vocabulary", aidType.vocabulary(), cells.cell(row, TRANSACTION_AID_TYPE)));
    }
    return transaction;
  }

  /** provider-org or receiver-org; left out (empty) when the row names neither ref nor name. */
  private static XmlElement.Builder party(CellReader cells, SourceRow row, String elementName, OwnField ref, OwnField type,
      OwnField name, String activityAttribute, OwnField activity) {
    XmlElement.Builder org = element(elementName);
    org.attribute("ref", cells.raw(row, ref), cells.cell(row, ref));
    org.attribute("type", cells.codeValue(row, type), cells.cell(row, type));
    org.attribute(activityAttribute, cells.raw(row, activity), cells.cell(row, activity));
    cells.narratives(row, name, org);
    return org;
  }

  private static XmlElement.Builder document(CellReader cells, SourceRow row) {
    XmlElement.Builder document = element("document-link").from(row.whole());
    document.attribute("url", cells.required(row, DOCUMENT_URL), cells.cell(row, DOCUMENT_URL));
    document.attribute("format", cells.required(row, DOCUMENT_FORMAT), cells.cell(row, DOCUMENT_FORMAT));
    XmlElement.Builder title = element("title");
    if (!cells.narratives(row, DOCUMENT_TITLE, title)) {
      cells.add(MappingRule.MISSING_VALUE.at(cells.cell(row, DOCUMENT_TITLE), "a document needs a title"));
    }
    document.child(title);
    String category = cells.codeValue(row, DOCUMENT_CATEGORY);
    document.child(element("category").attribute("code", category, cells.cell(row, DOCUMENT_CATEGORY)));
    String language = cells.raw(row, DOCUMENT_LANGUAGE);
    if (!language.isEmpty()) {
      document.child(element("language").attribute("code", language, cells.cell(row, DOCUMENT_LANGUAGE)));
    }
    String date = cells.date(row, DOCUMENT_DATE);
    if (date != null) {
      document.child(element("document-date").attribute("iso-date", date, cells.cell(row, DOCUMENT_DATE)));
    }
    return document;
  }

  /**
   * Deliverables become results: rows with the same deliverable id are one result with one
   * indicator, each row one period of it (its timeline, e.g. "2021–2023", or its start and end).
   */
  private static List<Made> results(CellReader cells, List<SourceRow> rows, XmlElement.Builder activity) {
    List<Made> made = new ArrayList<>();
    Map<String, List<SourceRow>> byDeliverable = new LinkedHashMap<>();
    for (SourceRow row : rows) {
      String id = cells.raw(row, DELIVERABLE_ID);
      byDeliverable.computeIfAbsent(id.isEmpty() ? "row " + row.row() : id, k -> new ArrayList<>()).add(row);
    }
    for (List<SourceRow> deliverable : byDeliverable.values()) {
      SourceRow first = deliverable.get(0);
      String type = cells.codeValue(first, DELIVERABLE_RESULT_TYPE);
      XmlElement.Builder result = element("result").from(first.whole())
          .attribute("type", type == null ? "1" : type, cells.cell(first, DELIVERABLE_RESULT_TYPE));
      XmlElement.Builder title = element("title");
      if (!cells.narratives(first, DELIVERABLE_RESULT, title)) {
        cells.add(MappingRule.MISSING_VALUE.at(cells.cell(first, DELIVERABLE_RESULT), "a deliverable needs a title"));
      }
      result.child(title);
      XmlElement.Builder description = element("description");
      if (cells.narratives(first, DELIVERABLE_RESULT_DESCRIPTION, description)) {
        result.child(description);
      }
      String measure = cells.codeValue(first, DELIVERABLE_MEASURE);
      XmlElement.Builder indicator = element("indicator")
          .attribute("measure", measure == null ? "1" : measure, cells.cell(first, DELIVERABLE_MEASURE))
          .attribute("ascending", cells.codeValue(first, DELIVERABLE_ASCENDING), cells.cell(first, DELIVERABLE_ASCENDING));
      XmlElement.Builder indicatorTitle = element("title");
      if (!cells.narratives(first, DELIVERABLE_INDICATOR, indicatorTitle)) {
        cells.narratives(first, DELIVERABLE_RESULT, indicatorTitle);
      }
      indicator.child(indicatorTitle);
      for (SourceRow row : deliverable) {
        String year = cells.year(row, DELIVERABLE_BASELINE_YEAR);
        String baseline = cells.number(row, DELIVERABLE_BASELINE_VALUE);
        if (year != null && row == first) {
          indicator.child(element("baseline").attribute("year", year, cells.cell(row, DELIVERABLE_BASELINE_YEAR))
              .attribute("value", baseline, cells.cell(row, DELIVERABLE_BASELINE_VALUE)));
        } else if (baseline != null && year == null) {
          cells.add(MappingRule.MISSING_VALUE.at(cells.cell(row, DELIVERABLE_BASELINE_YEAR),
              "a baseline value needs its year"));
        }
      }
      Map<SourceRow, XmlElement.Builder> periods = new LinkedHashMap<>();
      for (SourceRow row : deliverable) {
        XmlElement.Builder period = period(cells, row);
        if (period != null) {
          indicator.child(period);
          periods.put(row, period);
        }
      }
      result.child(indicator);
      activity.child(result);
      for (SourceRow row : deliverable) {
        made.add(new Made(row, "result", result, periods.get(row)));
      }
    }
    return made;
  }

  /** The key of the indicator's periods among the elements of a result (see {@link PathCells#made}). */
  private static final String PERIOD_KEY = "indicator#0/period#";

  private static XmlElement.Builder period(CellReader cells, SourceRow row) {
    String start = cells.date(row, DELIVERABLE_PERIOD_START);
    String end = cells.date(row, DELIVERABLE_PERIOD_END);
    Location.Cell startCell = cells.cell(row, DELIVERABLE_PERIOD_START);
    Location.Cell endCell = cells.cell(row, DELIVERABLE_PERIOD_END);
    String timeline = cells.raw(row, DELIVERABLE_TIMELINE);
    if (!timeline.isEmpty()) {
      Matcher years = TIMELINE.matcher(timeline);
      if (years.matches()) {
        start = years.group(1) + "-01-01";
        end = (years.group(2) == null ? years.group(1) : years.group(2)) + "-12-31";
        startCell = endCell = cells.cell(row, DELIVERABLE_TIMELINE);
        if (years.group(2) != null && years.group(2).compareTo(years.group(1)) < 0) {
          cells.add(MappingRule.TIMELINE_ORDER.at(startCell, "the timeline '" + timeline + "' ends before it starts"));
        }
      } else {
        cells.add(MappingRule.BAD_TIMELINE.at(cells.cell(row, DELIVERABLE_TIMELINE),
            "'" + timeline + "' is not a timeline; write a year or a span of years, e.g. 2021–2023"));
        return null;
      }
    }
    String target = cells.number(row, DELIVERABLE_TARGET);
    String actual = cells.number(row, DELIVERABLE_ACTUAL);
    if (start == null && end == null) {
      if (target != null || actual != null) {
        cells.add(MappingRule.MISSING_VALUE.at(cells.cell(row, DELIVERABLE_TIMELINE),
            "a target or actual value needs its period: a timeline, or a period start and end"));
      }
      return null;
    }
    XmlElement.Builder period = element("period").from(row.whole());
    period.child(element("period-start").attribute("iso-date", start, startCell));
    period.child(element("period-end").attribute("iso-date", end, endCell));
    if (target != null) {
      period.child(element("target").attribute("value", target, cells.cell(row, DELIVERABLE_TARGET)));
    }
    if (actual != null) {
      period.child(element("actual").attribute("value", actual, cells.cell(row, DELIVERABLE_ACTUAL)));
    }
    return period;
  }
}
