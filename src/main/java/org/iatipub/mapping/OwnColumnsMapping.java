package org.iatipub.mapping;

import static org.iatipub.mapping.XmlElement.element;

import java.math.BigDecimal;
import java.util.ArrayList;
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

  /**
   * The set is read as a stream: only the main file's ids and parents are known before mapping.
   *
   * @param programmes the projects naming each project as their parent, learnt in full before mapping
   * @param isProject whether a project id is in the set's main file
   */
  public OwnColumnsMapping(MappingFile mapping, Map<String, Crosswalk> crosswalks, Programmes programmes,
      Predicate<String> isProject) {
    this.mapping = mapping;
    this.crosswalks = Map.copyOf(crosswalks);
    this.programmes = programmes;
    this.isProject = isProject;
  }

  /** The project id a project row names as its parent programme; empty when none. */
  static String parentOf(MappingFile mapping, SourceRow project) {
    return new CellReader(mapping, Map.of(), new ArrayList<>()).raw(OwnTable.PROJECTS, project, "parent");
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
    CellReader cells = new CellReader(mapping, crosswalks, findings);
    SourceRow project = rows.main();
    OwnTable p = OwnTable.PROJECTS;
    Location.Cell row = project.whole();
    MappingFile.Defaults defaults = mapping.defaults();

    XmlElement.Builder activity = element("iati-activity").from(row);
    activity.attribute(CellReader.XML_LANG, defaults.language(), row);
    String currency = cells.raw(p, project, "currency");
    activity.attribute("default-currency", currency.isEmpty() ? defaults.currency() : currency,
        currency.isEmpty() ? row : cells.cell(p, project, "currency"));
    String parent = cells.raw(p, project, "parent");
    List<String> children = programmes.subActivities(rows.id());
    if (!parent.isEmpty()) {
      activity.attribute("hierarchy", "2", cells.cell(p, project, "parent"));
    } else if (!children.isEmpty()) {
      activity.attribute("hierarchy", "1", row);
    }

    activity.child(element("iati-identifier").text(identifier(rows.id()), cells.cell(p, project, "id")));
    activity.child(reportingOrg(cells, row));
    XmlElement.Builder title = element("title").from(cells.cell(p, project, "title"));
    if (!cells.narratives(p, project, "title", title)) {
      cells.add(Finding.error("mapping/missing-value", cells.cell(p, project, "title"),
          "the project has no title in any language; IATI requires one"));
    }
    activity.child(title);
    description(cells, project, "description", "1", activity);
    description(cells, project, "objectives", "2", activity);
    description(cells, project, "target-groups", "3", activity);
    for (SourceRow participant : rows.children(OwnTable.PARTICIPANTS.key())) {
      activity.child(participant(cells, participant));
    }
    String status = cells.raw(p, project, "status").isEmpty() ? cells.required(p, project, "status")
        : cells.codeValue(p, project, "status");
    activity.child(element("activity-status").attribute("code", status, cells.cell(p, project, "status")));
    activityDate(cells, project, "planned-start", "1", activity);
    activityDate(cells, project, "actual-start", "2", activity);
    activityDate(cells, project, "planned-end", "3", activity);
    activityDate(cells, project, "actual-end", "4", activity);
    coded(cells, project, "scope", "activity-scope", activity);
    geography(cells, rows.children(OwnTable.COUNTRIES.key()), activity);
    for (SourceRow location : rows.children(OwnTable.LOCATIONS.key())) {
      activity.child(location(cells, location));
    }
    sectors(cells, rows.children(OwnTable.SECTORS.key()), activity);
    for (SourceRow marker : rows.children(OwnTable.POLICY_MARKERS.key())) {
      activity.child(policyMarker(cells, marker));
    }
    classification(cells, project, "collaboration-type", "collaboration-type", defaults.collaborationType(), activity);
    classification(cells, project, "flow-type", "default-flow-type", defaults.flowType(), activity);
    classification(cells, project, "finance-type", "default-finance-type", defaults.financeType(), activity);
    defaultAidType(cells, project, activity);
    classification(cells, project, "tied-status", "default-tied-status", defaults.tiedStatus(), activity);
    for (SourceRow budget : rows.children(OwnTable.BUDGETS.key())) {
      activity.child(budget(cells, budget));
    }
    for (SourceRow transaction : rows.children(OwnTable.TRANSACTIONS.key())) {
      activity.child(transaction(cells, transaction));
    }
    for (SourceRow document : rows.children(OwnTable.DOCUMENTS.key())) {
      activity.child(document(cells, document));
    }
    if (!parent.isEmpty()) {
      if (!isProject.test(parent)) {
        cells.add(Finding.warning("mapping/parent-elsewhere", cells.cell(p, project, "parent"),
            "the parent project '" + parent + "' is not in this file; the link points to " + identifier(parent)
                + ", which must be published elsewhere"));
      }
      activity.child(element("related-activity").attribute("ref", identifier(parent), cells.cell(p, project, "parent"))
          .attribute("type", "1", cells.cell(p, project, "parent")));
    }
    for (String child : children) {
      activity.child(element("related-activity").attribute("ref", identifier(child), row).attribute("type", "2", row));
    }
    results(cells, rows.children(OwnTable.DELIVERABLES.key()), activity);
    return new ActivityDraft(identifier(rows.id()), rows, activity.build(), findings);
  }

  private XmlElement.Builder reportingOrg(CellReader cells, Location.Cell row) {
    MappingFile.Organisation org = mapping.reportingOrg();
    XmlElement.Builder reporting = element("reporting-org").attribute("ref", org.ref(), row).attribute("type", org.type(), row);
    org.name().forEach((language, name) -> reporting.child(cells.narrative(language, name, row)));
    return reporting;
  }

  private void description(CellReader cells, SourceRow project, String field, String type, XmlElement.Builder activity) {
    XmlElement.Builder description = element("description");
    if (cells.narratives(OwnTable.PROJECTS, project, field, description)) {
      activity.child(description.attribute("type", type, cells.cell(OwnTable.PROJECTS, project, field)));
    }
  }

  private void activityDate(CellReader cells, SourceRow project, String field, String type, XmlElement.Builder activity) {
    String date = cells.date(OwnTable.PROJECTS, project, field);
    if (date != null) {
      Location.Cell at = cells.cell(OwnTable.PROJECTS, project, field);
      activity.child(element("activity-date").attribute("type", type, at).attribute("iso-date", date, at));
    }
  }

  private static void coded(CellReader cells, SourceRow project, String field, String elementName, XmlElement.Builder activity) {
    String code = cells.codeValue(OwnTable.PROJECTS, project, field);
    if (code != null) {
      activity.child(element(elementName).attribute("code", code, cells.cell(OwnTable.PROJECTS, project, field)));
    }
  }

  /** A DAC classification: the project's own code when it has one, else the organisation's default. */
  private static void classification(CellReader cells, SourceRow project, String field, String elementName,
      String fallback, XmlElement.Builder activity) {
    if (!cells.raw(OwnTable.PROJECTS, project, field).isEmpty()) {
      coded(cells, project, field, elementName, activity);
    } else if (fallback != null && !fallback.isBlank()) {
      activity.child(element(elementName).attribute("code", fallback, project.whole()));
    }
  }

  private void defaultAidType(CellReader cells, SourceRow project, XmlElement.Builder activity) {
    if (!cells.raw(OwnTable.PROJECTS, project, "aid-type").isEmpty()) {
      Crosswalk.Code code = cells.code(OwnTable.PROJECTS, project, "aid-type");
      if (code != null) {
        Location.Cell at = cells.cell(OwnTable.PROJECTS, project, "aid-type");
        activity.child(element("default-aid-type").attribute("code", code.code(), at).attribute("vocabulary", code.vocabulary(), at));
      }
    } else if (mapping.defaults().aidType() != null) {
      activity.child(element("default-aid-type").attribute("code", mapping.defaults().aidType(), project.whole())
          .attribute("vocabulary", mapping.defaults().aidTypeVocabulary(), project.whole()));
    }
  }

  private static XmlElement.Builder participant(CellReader cells, SourceRow row) {
    OwnTable t = OwnTable.PARTICIPANTS;
    XmlElement.Builder org = element("participating-org").from(row.whole());
    org.attribute("role", cells.raw(t, row, "role").isEmpty() ? cells.required(t, row, "role") : cells.codeValue(t, row, "role"),
        cells.cell(t, row, "role"));
    org.attribute("ref", cells.raw(t, row, "ref"), cells.cell(t, row, "ref"));
    org.attribute("type", cells.codeValue(t, row, "type"), cells.cell(t, row, "type"));
    org.attribute("activity-id", cells.raw(t, row, "activity-id"), cells.cell(t, row, "activity-id"));
    org.attribute("crs-channel-code", cells.codeValue(t, row, "crs-channel"), cells.cell(t, row, "crs-channel"));
    cells.narratives(t, row, "name", org);
    return org;
  }

  private static void geography(CellReader cells, List<SourceRow> rows, XmlElement.Builder activity) {
    OwnTable t = OwnTable.COUNTRIES;
    BigDecimal total = BigDecimal.ZERO;
    boolean allHavePercentages = !rows.isEmpty();
    for (SourceRow row : rows) {
      String percentage = cells.percentage(t, row, "percentage");
      String country = cells.codeValue(t, row, "country");
      String region = cells.codeValue(t, row, "region");
      if (country == null && region == null && cells.raw(t, row, "country").isEmpty() && cells.raw(t, row, "region").isEmpty()) {
        cells.add(Finding.error("mapping/missing-value", cells.cell(t, row, "country"),
            "the row names neither a country nor a region"));
      }
      if (country != null) {
        activity.child(element("recipient-country").attribute("code", country, cells.cell(t, row, "country"))
            .attribute("percentage", percentage, cells.cell(t, row, "percentage")));
      } else if (region != null) {
        activity.child(element("recipient-region").attribute("code", region, cells.cell(t, row, "region"))
            .attribute("vocabulary", "1", cells.cell(t, row, "region"))
            .attribute("percentage", percentage, cells.cell(t, row, "percentage")));
      }
      if (percentage == null) {
        allHavePercentages = false;
      } else {
        total = total.add(new BigDecimal(percentage));
      }
    }
    if (rows.size() > 1 && allHavePercentages && total.compareTo(BigDecimal.valueOf(100)) != 0) {
      cells.add(Finding.error("mapping/percentages", cells.cell(t, rows.get(0), "percentage"),
          "the recipient country and region percentages of this project add up to " + total.toPlainString()
              + ", not 100"));
    }
  }

  private static void sectors(CellReader cells, List<SourceRow> rows, XmlElement.Builder activity) {
    OwnTable t = OwnTable.SECTORS;
    Map<String, BigDecimal> totals = new LinkedHashMap<>();
    Map<String, SourceRow> firstRow = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (SourceRow row : rows) {
      Crosswalk.Code code = cells.code(t, row, "sector");
      if (cells.raw(t, row, "sector").isEmpty()) {
        cells.required(t, row, "sector");
      }
      String percentage = cells.percentage(t, row, "percentage");
      if (code == null) {
        continue;
      }
      String vocabulary = code.vocabulary() == null ? "1" : code.vocabulary();
      activity.child(element("sector").attribute("vocabulary", vocabulary, cells.cell(t, row, "sector"))
          .attribute("code", code.code(), cells.cell(t, row, "sector"))
          .attribute("percentage", percentage, cells.cell(t, row, "percentage")));
      firstRow.putIfAbsent(vocabulary, row);
      counts.merge(vocabulary, 1, Integer::sum);
      if (percentage != null) {
        totals.merge(vocabulary, new BigDecimal(percentage), BigDecimal::add);
      }
    }
    totals.forEach((vocabulary, total) -> {
      if (counts.get(vocabulary) > 1 && total.compareTo(BigDecimal.valueOf(100)) != 0) {
        cells.add(Finding.error("mapping/percentages", cells.cell(t, firstRow.get(vocabulary), "percentage"),
            "the sector percentages of this project (vocabulary " + vocabulary + ") add up to " + total.toPlainString()
                + ", not 100"));
      }
    });
  }

  private static XmlElement.Builder policyMarker(CellReader cells, SourceRow row) {
    OwnTable t = OwnTable.POLICY_MARKERS;
    Crosswalk.Code marker = cells.code(t, row, "marker");
    if (cells.raw(t, row, "marker").isEmpty()) {
      cells.required(t, row, "marker");
    }
    XmlElement.Builder element = element("policy-marker").from(row.whole());
    if (marker != null) {
      element.attribute("vocabulary", marker.vocabulary() == null ? "1" : marker.vocabulary(), cells.cell(t, row, "marker"))
          .attribute("code", marker.code(), cells.cell(t, row, "marker"));
    }
    element.attribute("significance", cells.codeValue(t, row, "significance"), cells.cell(t, row, "significance"));
    return element;
  }

  private static XmlElement.Builder location(CellReader cells, SourceRow row) {
    OwnTable t = OwnTable.LOCATIONS;
    XmlElement.Builder location = element("location").from(row.whole());
    XmlElement.Builder name = element("name");
    if (cells.narratives(t, row, "name", name)) {
      location.child(name);
    }
    XmlElement.Builder description = element("description");
    if (cells.narratives(t, row, "description", description)) {
      location.child(description);
    }
    String latitude = cells.number(t, row, "latitude");
    String longitude = cells.number(t, row, "longitude");
    if (latitude != null && longitude != null) {
      location.child(element("point").attribute("srsName", WGS84, cells.cell(t, row, "latitude"))
          .child(element("pos").text(latitude + " " + longitude, cells.cell(t, row, "latitude"))));
    } else if (latitude != null || longitude != null) {
      cells.add(Finding.error("mapping/missing-value", cells.cell(t, row, latitude == null ? "latitude" : "longitude"),
          "a location needs both latitude and longitude, or neither"));
    }
    return location;
  }

  private XmlElement.Builder budget(CellReader cells, SourceRow row) {
    OwnTable t = OwnTable.BUDGETS;
    XmlElement.Builder budget = element("budget").from(row.whole());
    String type = cells.codeValue(t, row, "type");
    String status = cells.codeValue(t, row, "status");
    budget.attribute("type", type == null ? "1" : type, cells.cell(t, row, "type"));
    budget.attribute("status", status == null ? "1" : status, cells.cell(t, row, "status"));
    cells.required(t, row, "start");
    cells.required(t, row, "end");
    String start = cells.date(t, row, "start");
    String end = cells.date(t, row, "end");
    budget.child(element("period-start").attribute("iso-date", start, cells.cell(t, row, "start")));
    budget.child(element("period-end").attribute("iso-date", end, cells.cell(t, row, "end")));
    budget.child(value(cells, t, row, start));
    return budget;
  }

  /** A value with its currency (left out when it is the default) and value date. */
  private XmlElement.Builder value(CellReader cells, OwnTable t, SourceRow row, String fallbackDate) {
    cells.required(t, row, "value");
    String amount = cells.number(t, row, "value");
    String valueDate = cells.date(t, row, "value-date");
    String currency = cells.raw(t, row, "currency");
    if (!currency.isEmpty() && !currency.matches("[A-Z]{3}")) {
      cells.add(Finding.error("mapping/bad-currency", cells.cell(t, row, "currency"),
          "'" + currency + "' is not a currency code; write the three capital letters of ISO 4217, e.g. EUR"));
    }
    XmlElement.Builder value = element("value").text(amount, cells.cell(t, row, "value"));
    value.attribute("currency", currency.equals(mapping.defaults().currency()) ? "" : currency, cells.cell(t, row, "currency"));
    value.attribute("value-date", valueDate != null ? valueDate : fallbackDate,
        valueDate != null ? cells.cell(t, row, "value-date") : cells.cell(t, row, "value"));
    return value;
  }

  private XmlElement.Builder transaction(CellReader cells, SourceRow row) {
    OwnTable t = OwnTable.TRANSACTIONS;
    XmlElement.Builder transaction = element("transaction").from(row.whole());
    transaction.attribute("ref", cells.raw(t, row, "ref"), cells.cell(t, row, "ref"));
    String type = cells.raw(t, row, "type").isEmpty() ? cells.required(t, row, "type") : cells.codeValue(t, row, "type");
    transaction.child(element("transaction-type").attribute("code", type, cells.cell(t, row, "type")));
    cells.required(t, row, "date");
    String date = cells.date(t, row, "date");
    transaction.child(element("transaction-date").attribute("iso-date", date, cells.cell(t, row, "date")));
    transaction.child(value(cells, t, row, date));
    XmlElement.Builder description = element("description");
    if (cells.narratives(t, row, "description", description)) {
      transaction.child(description);
    }
    transaction.child(party(cells, row, "provider-org", "provider"));
    transaction.child(party(cells, row, "receiver-org", "receiver"));
    for (String field : List.of("flow-type", "finance-type", "tied-status")) {
      String code = cells.codeValue(t, row, field);
      if (code != null) {
        transaction.child(element(field).attribute("code", code, cells.cell(t, row, field)));
      }
    }
    Crosswalk.Code aidType = cells.code(t, row, "aid-type");
    if (aidType != null) {
      transaction.child(element("aid-type").attribute("code", aidType.code(), cells.cell(t, row, "aid-type"))
          .attribute("vocabulary", aidType.vocabulary(), cells.cell(t, row, "aid-type")));
    }
    return transaction;
  }

  /** provider-org or receiver-org; left out (empty) when the row names neither ref nor name. */
  private static XmlElement.Builder party(CellReader cells, SourceRow row, String elementName, String prefix) {
    OwnTable t = OwnTable.TRANSACTIONS;
    XmlElement.Builder org = element(elementName);
    org.attribute("ref", cells.raw(t, row, prefix + "-ref"), cells.cell(t, row, prefix + "-ref"));
    org.attribute("type", cells.codeValue(t, row, prefix + "-type"), cells.cell(t, row, prefix + "-type"));
    org.attribute(prefix + "-activity-id", cells.raw(t, row, prefix + "-activity"), cells.cell(t, row, prefix + "-activity"));
    cells.narratives(t, row, prefix + "-name", org);
    return org;
  }

  private static XmlElement.Builder document(CellReader cells, SourceRow row) {
    OwnTable t = OwnTable.DOCUMENTS;
    XmlElement.Builder document = element("document-link").from(row.whole());
    document.attribute("url", cells.required(t, row, "url"), cells.cell(t, row, "url"));
    document.attribute("format", cells.required(t, row, "format"), cells.cell(t, row, "format"));
    XmlElement.Builder title = element("title");
    if (!cells.narratives(t, row, "title", title)) {
      cells.add(Finding.error("mapping/missing-value", cells.cell(t, row, "title"), "a document needs a title"));
    }
    document.child(title);
    String category = cells.codeValue(t, row, "category");
    document.child(element("category").attribute("code", category, cells.cell(t, row, "category")));
    String language = cells.raw(t, row, "language");
    if (!language.isEmpty()) {
      document.child(element("language").attribute("code", language, cells.cell(t, row, "language")));
    }
    String date = cells.date(t, row, "date");
    if (date != null) {
      document.child(element("document-date").attribute("iso-date", date, cells.cell(t, row, "date")));
    }
    return document;
  }

  /**
   * Deliverables become results: rows with the same deliverable id are one result with one
   * indicator, each row one period of it (its timeline, e.g. "2021–2023", or its start and end).
   */
  private static void results(CellReader cells, List<SourceRow> rows, XmlElement.Builder activity) {
    OwnTable t = OwnTable.DELIVERABLES;
    Map<String, List<SourceRow>> byDeliverable = new LinkedHashMap<>();
    for (SourceRow row : rows) {
      String id = cells.raw(t, row, "deliverable");
      byDeliverable.computeIfAbsent(id.isEmpty() ? "row " + row.row() : id, k -> new ArrayList<>()).add(row);
    }
    for (List<SourceRow> deliverable : byDeliverable.values()) {
      SourceRow first = deliverable.get(0);
      String type = cells.codeValue(t, first, "result-type");
      XmlElement.Builder result = element("result").from(first.whole())
          .attribute("type", type == null ? "1" : type, cells.cell(t, first, "result-type"));
      XmlElement.Builder title = element("title");
      if (!cells.narratives(t, first, "result", title)) {
        cells.add(Finding.error("mapping/missing-value", cells.cell(t, first, "result"), "a deliverable needs a title"));
      }
      result.child(title);
      XmlElement.Builder description = element("description");
      if (cells.narratives(t, first, "result-description", description)) {
        result.child(description);
      }
      String measure = cells.codeValue(t, first, "measure");
      XmlElement.Builder indicator = element("indicator")
          .attribute("measure", measure == null ? "1" : measure, cells.cell(t, first, "measure"))
          .attribute("ascending", cells.codeValue(t, first, "ascending"), cells.cell(t, first, "ascending"));
      XmlElement.Builder indicatorTitle = element("title");
      if (!cells.narratives(t, first, "indicator", indicatorTitle)) {
        cells.narratives(t, first, "result", indicatorTitle);
      }
      indicator.child(indicatorTitle);
      for (SourceRow row : deliverable) {
        String year = cells.year(t, row, "baseline-year");
        String baseline = cells.number(t, row, "baseline-value");
        if (year != null && row == first) {
          indicator.child(element("baseline").attribute("year", year, cells.cell(t, row, "baseline-year"))
              .attribute("value", baseline, cells.cell(t, row, "baseline-value")));
        } else if (baseline != null && year == null) {
          cells.add(Finding.error("mapping/missing-value", cells.cell(t, row, "baseline-year"),
              "a baseline value needs its year"));
        }
      }
      for (SourceRow row : deliverable) {
        XmlElement.Builder period = period(cells, row);
        if (period != null) {
          indicator.child(period);
        }
      }
      result.child(indicator);
      activity.child(result);
    }
  }

  private static XmlElement.Builder period(CellReader cells, SourceRow row) {
    OwnTable t = OwnTable.DELIVERABLES;
    String start = cells.date(t, row, "period-start");
    String end = cells.date(t, row, "period-end");
    Location.Cell startCell = cells.cell(t, row, "period-start");
    Location.Cell endCell = cells.cell(t, row, "period-end");
    String timeline = cells.raw(t, row, "timeline");
    if (!timeline.isEmpty()) {
      Matcher years = TIMELINE.matcher(timeline);
      if (years.matches()) {
        start = years.group(1) + "-01-01";
        end = (years.group(2) == null ? years.group(1) : years.group(2)) + "-12-31";
        startCell = endCell = cells.cell(t, row, "timeline");
        if (years.group(2) != null && years.group(2).compareTo(years.group(1)) < 0) {
          cells.add(Finding.error("mapping/bad-timeline", startCell, "the timeline '" + timeline + "' ends before it starts"));
        }
      } else {
        cells.add(Finding.error("mapping/bad-timeline", cells.cell(t, row, "timeline"),
            "'" + timeline + "' is not a timeline; write a year or a span of years, e.g. 2021–2023"));
        return null;
      }
    }
    String target = cells.number(t, row, "target");
    String actual = cells.number(t, row, "actual");
    if (start == null && end == null) {
      if (target != null || actual != null) {
        cells.add(Finding.error("mapping/missing-value", cells.cell(t, row, "timeline"),
            "a target or actual value needs its period: a timeline, or a period start and end"));
      }
      return null;
    }
    XmlElement.Builder period = element("period").from(row.whole());
    period.child(element("period-start").attribute("iso-date", start, startCell));
    period.child(element("period-end").attribute("iso-date", end, endCell));
    if (target != null) {
      period.child(element("target").attribute("value", target, cells.cell(t, row, "target")));
    }
    if (actual != null) {
      period.child(element("actual").attribute("value", actual, cells.cell(t, row, "actual")));
    }
    return period;
  }
}
