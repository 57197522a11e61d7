package org.iatipub.publish;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What a project system might export every night, made from an IATI activity file: a table per
 * kind of record (projects, participants, dates, contacts, locations and their areas, results,
 * their indicators, periods, targets and actuals …) in the system's own column names, with local
 * codes where a system keeps its own (statuses, roles, themes, regions, transaction kinds, aid
 * modalities …) and the crosswalks that translate them. It is not a flattening of the XML: one row
 * per record, a column per fact, its own codes. The round-trip tests map it back with a mapping
 * file; so the export never drops what it has no column for, every attribute, element and text of
 * every activity must be read, or the export fails naming it.
 *
 * <p>Test scope: {@code java -cp target/test-classes:target/iatipub.jar
 * org.iatipub.publish.ProjectSystemExport FILE DIR}.
 */
public final class ProjectSystemExport {
  private static final String XML_LANG = "{" + XMLConstants.XML_NS_URI + "}lang";

  private final Map<String, Table> tables = new LinkedHashMap<>();
  private final Map<String, LocalCodes> crosswalks = new LinkedHashMap<>();
  private final Set<Node> read = new HashSet<>();
  private int results;
  private int locations;

  public static void main(String[] args) throws Exception {
    export(Path.of(args[0]), Path.of(args[1]));
  }

  /** Exports every activity of {@code iatiFile} into {@code dir}: CSV files, and crosswalks under {@code crosswalks/}. */
  public static void export(Path iatiFile, Path dir) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Element root = factory.newDocumentBuilder().parse(iatiFile.toFile()).getDocumentElement();
    ProjectSystemExport export = new ProjectSystemExport();
    for (Element activity : children(root, "iati-activity")) {
      export.activity(activity);
      export.unread(activity);
    }
    export.write(dir);
  }

  private ProjectSystemExport() {
    table("projects", "project_no", "language", "humanitarian", "hierarchy", "budget_not_provided", "last_updated",
        "currency", "title", "title_lang", "description", "description_lang", "description_type", "status", "scope",
        "collaboration", "flow", "finance", "aid_modality", "tied", "conditions_attached", "budget_items_vocabulary");
    table("participants", "project_no", "role", "org_id", "org_type", "org_activity", "crs_channel", "org_name", "org_name_lang");
    table("other-identifiers", "project_no", "other_id", "id_type", "owner_id", "owner_name", "owner_name_lang");
    table("dates", "project_no", "date_type", "date", "note", "note_lang");
    table("contacts", "project_no", "contact_type", "office", "office_lang", "department", "department_lang", "person",
        "person_lang", "job", "job_lang", "phone", "email", "website", "address", "address_lang");
    table("countries", "project_no", "country", "region", "share", "name", "name_lang");
    table("locations", "project_no", "location_no", "location_ref", "reach", "gazetteer", "gazetteer_id", "place",
        "place_lang", "place_description", "place_description_lang", "activity_description", "activity_description_lang",
        "latitude", "longitude", "exactness", "location_class", "feature");
    table("location-areas", "project_no", "location_no", "area_vocabulary", "area_level", "area_code");
    table("sectors", "project_no", "theme", "share", "theme_name", "theme_name_lang");
    table("tags", "project_no", "tag_vocabulary", "tag_vocabulary_uri", "tag", "tag_name", "tag_name_lang");
    table("budget-items", "project_no", "item", "item_share", "item_description", "item_description_lang");
    table("humanitarian-scopes", "project_no", "scope_type", "scope_vocabulary", "scope_vocabulary_uri", "scope_code",
        "scope_name", "scope_name_lang");
    table("policy-markers", "project_no", "marker", "significance", "marker_name", "marker_name_lang");
    table("budgets", "project_no", "budget_type", "budget_status", "from", "to", "amount", "currency", "value_date");
    table("disbursements", "project_no", "disbursement_type", "from", "to", "amount", "currency", "value_date");
    table("transactions", "project_no", "reference", "kind", "date", "amount", "currency", "value_date", "note", "note_lang",
        "from_id", "from_type", "from_activity", "from_name", "from_name_lang", "to_id", "to_type", "to_activity", "to_name",
        "to_name_lang", "flow", "finance", "aid_modality", "aid_modality_2", "tied");
    List<String> documents = new ArrayList<>(List.of("project_no"));
    documents.addAll(documentColumns("doc_"));
    documents.addAll(List.of("doc_category_2", "doc_category_3", "doc_category_4"));
    table("documents", documents.toArray(String[]::new));
    List<String> results = new ArrayList<>(List.of("project_no", "result_no", "result_type", "aggregated", "title",
        "title_lang", "description", "description_lang", "reference_vocabulary", "reference_code", "reference_uri"));
    results.addAll(documentColumns("doc_"));
    table("results", results.toArray(String[]::new));
    List<String> indicators = new ArrayList<>(List.of("project_no", "result_no", "indicator_no", "measure", "ascending",
        "aggregated", "title", "title_lang", "description", "description_lang"));
    indicators.addAll(documentColumns("doc_"));
    indicators.addAll(List.of("baseline_year", "baseline_date", "baseline_value"));
    indicators.addAll(valueColumns("baseline_"));
    table("indicators", indicators.toArray(String[]::new));
    table("periods", "project_no", "indicator_no", "period_no", "start", "end");
    List<String> values = new ArrayList<>(List.of("project_no", "period_no", "value"));
    values.addAll(valueColumns(""));
    table("targets", values.toArray(String[]::new));
    table("actuals", values.toArray(String[]::new));
    table("loans", "project_no", "channel_code", "flag", "flag_significance", "rate_1", "rate_2", "repayment_type",
        "repayment_plan", "committed", "first_repayment", "final_repayment", "status_year", "status_currency",
        "status_value_date", "interest_received", "principal_outstanding", "principal_arrears", "interest_arrears");
    table("forecasts", "project_no", "extracted", "priority", "phaseout_year", "forecast_year", "forecast_value_date",
        "forecast_currency", "forecast");
    CROSSWALKS.forEach(name -> crosswalks.put(name, new LocalCodes(name)));
  }

  /** The crosswalks the export always writes, used or not, so a mapping file can name each. */
  private static final List<String> CROSSWALKS = List.of("roles", "statuses", "regions", "themes", "markers", "flows",
      "finance-types", "modalities", "transaction-kinds");

  private static List<String> documentColumns(String prefix) {
    return List.of(prefix + "url", prefix + "format", prefix + "title", prefix + "title_lang", prefix + "description",
        prefix + "description_lang", prefix + "category", prefix + "language", prefix + "date");
  }

  /** The columns of a baseline, target or actual: a location, two dimensions, a comment and a document. */
  private static List<String> valueColumns(String prefix) {
    List<String> columns = new ArrayList<>(List.of(prefix + "location", prefix + "dimension_1", prefix + "dimension_1_value",
        prefix + "dimension_2", prefix + "dimension_2_value", prefix + "comment", prefix + "comment_lang"));
    columns.addAll(documentColumns(prefix + "doc_"));
    return columns;
  }

  private void activity(Element activity) {
    Map<String, String> project = new LinkedHashMap<>();
    String id = text(only(activity, "iati-identifier"));
    project.put("project_no", id);
    project.put("language", attribute(activity, XML_LANG));
    project.put("humanitarian", attribute(activity, "humanitarian"));
    project.put("hierarchy", attribute(activity, "hierarchy"));
    project.put("budget_not_provided", attribute(activity, "budget-not-provided"));
    project.put("last_updated", attribute(activity, "last-updated-datetime"));
    project.put("currency", attribute(activity, "default-currency"));
    // The reporting organisation is the publisher's own, said once in the mapping file.
    Element reporting = only(activity, "reporting-org");
    markAll(reporting);
    narrative(only(activity, "title"), project, "title");
    Element description = atMostOne(activity, "description");
    if (description != null) {
      project.put("description_type", attribute(description, "type"));
      narrative(description, project, "description");
    }
    for (Element org : children(activity, "participating-org")) {
      Map<String, String> row = row(id);
      row.put("role", local("roles", attribute(org, "role"), null, null, null));
      row.put("org_id", attribute(org, "ref"));
      row.put("org_type", attribute(org, "type"));
      row.put("org_activity", attribute(org, "activity-id"));
      row.put("crs_channel", attribute(org, "crs-channel-code"));
      narrative(org, row, "org_name");
      add("participants", row);
    }
    for (Element other : children(activity, "other-identifier")) {
      Map<String, String> row = row(id);
      row.put("other_id", attribute(other, "ref"));
      row.put("id_type", attribute(other, "type"));
      Element owner = atMostOne(other, "owner-org");
      if (owner != null) {
        row.put("owner_id", attribute(owner, "ref"));
        narrative(owner, row, "owner_name");
      }
      add("other-identifiers", row);
    }
    project.put("status", local("statuses", attribute(only(activity, "activity-status"), "code"), null, null, null));
    for (Element date : children(activity, "activity-date")) {
      Map<String, String> row = row(id);
      row.put("date_type", attribute(date, "type"));
      row.put("date", attribute(date, "iso-date"));
      narrative(date, row, "note");
      add("dates", row);
    }
    for (Element contact : children(activity, "contact-info")) {
      Map<String, String> row = row(id);
      row.put("contact_type", attribute(contact, "type"));
      narrativeOf(contact, "organisation", row, "office");
      narrativeOf(contact, "department", row, "department");
      narrativeOf(contact, "person-name", row, "person");
      narrativeOf(contact, "job-title", row, "job");
      row.put("phone", textOf(contact, "telephone"));
      row.put("email", textOf(contact, "email"));
      row.put("website", textOf(contact, "website"));
      narrativeOf(contact, "mailing-address", row, "address");
      add("contacts", row);
    }
    project.put("scope", codeOf(activity, "activity-scope"));
    for (Element country : children(activity, "recipient-country")) {
      Map<String, String> row = row(id);
      row.put("country", attribute(country, "code"));
      row.put("share", attribute(country, "percentage"));
      narrative(country, row, "name");
      add("countries", row);
    }
    for (Element region : children(activity, "recipient-region")) {
      Map<String, String> row = row(id);
      row.put("region", local("regions", attribute(region, "code"), attribute(region, "vocabulary"),
          attribute(region, "vocabulary-uri"), narrativeText(region)));
      row.put("share", attribute(region, "percentage"));
      narrative(region, row, "name");
      add("countries", row);
    }
    for (Element location : children(activity, "location")) {
      location(id, location);
    }
    for (Element sector : children(activity, "sector")) {
      Map<String, String> row = row(id);
      row.put("theme", local("themes", attribute(sector, "code"), attribute(sector, "vocabulary"),
          attribute(sector, "vocabulary-uri"), narrativeText(sector)));
      row.put("share", attribute(sector, "percentage"));
      narrative(sector, row, "theme_name");
      add("sectors", row);
    }
    for (Element tag : children(activity, "tag")) {
      Map<String, String> row = row(id);
      row.put("tag_vocabulary", attribute(tag, "vocabulary"));
      row.put("tag_vocabulary_uri", attribute(tag, "vocabulary-uri"));
      row.put("tag", attribute(tag, "code"));
      narrative(tag, row, "tag_name");
      add("tags", row);
    }
    Element budgetItems = atMostOne(activity, "country-budget-items");
    if (budgetItems != null) {
      project.put("budget_items_vocabulary", attribute(budgetItems, "vocabulary"));
      for (Element item : children(budgetItems, "budget-item")) {
        Map<String, String> row = row(id);
        row.put("item", attribute(item, "code"));
        row.put("item_share", attribute(item, "percentage"));
        Element itemDescription = atMostOne(item, "description");
        if (itemDescription != null) {
          narrative(itemDescription, row, "item_description");
        }
        add("budget-items", row);
      }
    }
    for (Element scope : children(activity, "humanitarian-scope")) {
      Map<String, String> row = row(id);
      row.put("scope_type", attribute(scope, "type"));
      row.put("scope_vocabulary", attribute(scope, "vocabulary"));
      row.put("scope_vocabulary_uri", attribute(scope, "vocabulary-uri"));
      row.put("scope_code", attribute(scope, "code"));
      narrative(scope, row, "scope_name");
      add("humanitarian-scopes", row);
    }
    for (Element marker : children(activity, "policy-marker")) {
      Map<String, String> row = row(id);
      row.put("marker", local("markers", attribute(marker, "code"), attribute(marker, "vocabulary"),
          attribute(marker, "vocabulary-uri"), narrativeText(marker)));
      row.put("significance", attribute(marker, "significance"));
      narrative(marker, row, "marker_name");
      add("policy-markers", row);
    }
    project.put("collaboration", codeOf(activity, "collaboration-type"));
    project.put("flow", local("flows", codeOf(activity, "default-flow-type"), null, null, null));
    project.put("finance", local("finance-types", codeOf(activity, "default-finance-type"), null, null, null));
    Element aidType = atMostOne(activity, "default-aid-type");
    if (aidType != null) {
      project.put("aid_modality", local("modalities", attribute(aidType, "code"), attribute(aidType, "vocabulary"), null, null));
    }
    project.put("tied", codeOf(activity, "default-tied-status"));
    for (Element budget : children(activity, "budget")) {
      Map<String, String> row = row(id);
      row.put("budget_type", attribute(budget, "type"));
      row.put("budget_status", attribute(budget, "status"));
      period(budget, row);
      add("budgets", row);
    }
    for (Element disbursement : children(activity, "planned-disbursement")) {
      Map<String, String> row = row(id);
      row.put("disbursement_type", attribute(disbursement, "type"));
      period(disbursement, row);
      add("disbursements", row);
    }
    for (Element transaction : children(activity, "transaction")) {
      transaction(id, transaction);
    }
    for (Element document : children(activity, "document-link")) {
      Map<String, String> row = row(id);
      document(document, row, "doc_", 4);
      add("documents", row);
    }
    Element conditions = atMostOne(activity, "conditions");
    if (conditions != null) {
      project.put("conditions_attached", attribute(conditions, "attached"));
    }
    for (Element result : children(activity, "result")) {
      result(id, result);
    }
    Element loan = atMostOne(activity, "crs-add");
    if (loan != null) {
      loan(id, loan);
    }
    Element forecast = atMostOne(activity, "fss");
    if (forecast != null) {
      Map<String, String> row = row(id);
      row.put("extracted", attribute(forecast, "extraction-date"));
      row.put("priority", attribute(forecast, "priority"));
      row.put("phaseout_year", attribute(forecast, "phaseout-year"));
      Element one = only(forecast, "forecast");
      row.put("forecast_year", attribute(one, "year"));
      row.put("forecast_value_date", attribute(one, "value-date"));
      row.put("forecast_currency", attribute(one, "currency"));
      row.put("forecast", text(one));
      add("forecasts", row);
    }
    add("projects", project);
  }

  private void location(String id, Element location) {
    Map<String, String> row = row(id);
    String number = "L" + ++locations;
    row.put("location_no", number);
    row.put("location_ref", attribute(location, "ref"));
    row.put("reach", codeOf(location, "location-reach"));
    Element gazetteer = atMostOne(location, "location-id");
    if (gazetteer != null) {
      row.put("gazetteer", attribute(gazetteer, "vocabulary"));
      row.put("gazetteer_id", attribute(gazetteer, "code"));
    }
    narrativeOf(location, "name", row, "place");
    narrativeOf(location, "description", row, "place_description");
    narrativeOf(location, "activity-description", row, "activity_description");
    for (Element area : children(location, "administrative")) {
      Map<String, String> areaRow = row(id);
      areaRow.put("location_no", number);
      areaRow.put("area_vocabulary", attribute(area, "vocabulary"));
      areaRow.put("area_level", attribute(area, "level"));
      areaRow.put("area_code", attribute(area, "code"));
      add("location-areas", areaRow);
    }
    Element point = atMostOne(location, "point");
    if (point != null) {
      if (!"http://www.opengis.net/def/crs/EPSG/0/4326".equals(attribute(point, "srsName"))) {
        throw new IllegalStateException("a point in another coordinate system than WGS 84 has no column here");
      }
      String[] position = text(only(point, "pos")).split("\\s+");
      row.put("latitude", position[0]);
      row.put("longitude", position[1]);
    }
    row.put("exactness", codeOf(location, "exactness"));
    row.put("location_class", codeOf(location, "location-class"));
    row.put("feature", codeOf(location, "feature-designation"));
    add("locations", row);
  }

  private void transaction(String id, Element transaction) {
    Map<String, String> row = row(id);
    row.put("reference", attribute(transaction, "ref"));
    row.put("kind", local("transaction-kinds", codeOf(transaction, "transaction-type"), null, null, null));
    row.put("date", attribute(only(transaction, "transaction-date"), "iso-date"));
    Element value = only(transaction, "value");
    row.put("amount", text(value));
    row.put("currency", attribute(value, "currency"));
    row.put("value_date", attribute(value, "value-date"));
    Element description = atMostOne(transaction, "description");
    if (description != null) {
      narrative(description, row, "note");
    }
    party(atMostOne(transaction, "provider-org"), "provider-activity-id", row, "from_");
    party(atMostOne(transaction, "receiver-org"), "receiver-activity-id", row, "to_");
    row.put("flow", local("flows", codeOf(transaction, "flow-type"), null, null, null));
    row.put("finance", local("finance-types", codeOf(transaction, "finance-type"), null, null, null));
    List<Element> aidTypes = children(transaction, "aid-type");
    if (aidTypes.size() > 2) {
      throw new IllegalStateException("a transaction with more than two aid types has no column for the third");
    }
    for (int i = 0; i < aidTypes.size(); i++) {
      row.put(i == 0 ? "aid_modality" : "aid_modality_2", local("modalities", attribute(aidTypes.get(i), "code"),
          attribute(aidTypes.get(i), "vocabulary"), null, null));
    }
    row.put("tied", codeOf(transaction, "tied-status"));
    add("transactions", row);
  }

  private void party(Element org, String activityAttribute, Map<String, String> row, String prefix) {
    if (org != null) {
      row.put(prefix + "id", attribute(org, "ref"));
      row.put(prefix + "type", attribute(org, "type"));
      row.put(prefix + "activity", attribute(org, activityAttribute));
      narrative(org, row, prefix + "name");
    }
  }

  private void result(String id, Element result) {
    Map<String, String> row = row(id);
    String number = "R" + ++results;
    row.put("result_no", number);
    row.put("result_type", attribute(result, "type"));
    row.put("aggregated", attribute(result, "aggregation-status"));
    narrativeOf(result, "title", row, "title");
    narrativeOf(result, "description", row, "description");
    Element reference = atMostOne(result, "reference");
    if (reference != null) {
      row.put("reference_vocabulary", attribute(reference, "vocabulary"));
      row.put("reference_code", attribute(reference, "code"));
      row.put("reference_uri", attribute(reference, "vocabulary-uri"));
    }
    document(atMostOne(result, "document-link"), row, "doc_", 1);
    add("results", row);
    int indicators = 0;
    for (Element indicator : children(result, "indicator")) {
      Map<String, String> indicatorRow = row(id);
      String indicatorNumber = number + "-I" + ++indicators;
      indicatorRow.put("result_no", number);
      indicatorRow.put("indicator_no", indicatorNumber);
      indicatorRow.put("measure", attribute(indicator, "measure"));
      indicatorRow.put("ascending", attribute(indicator, "ascending"));
      indicatorRow.put("aggregated", attribute(indicator, "aggregation-status"));
      narrativeOf(indicator, "title", indicatorRow, "title");
      narrativeOf(indicator, "description", indicatorRow, "description");
      document(atMostOne(indicator, "document-link"), indicatorRow, "doc_", 1);
      Element baseline = atMostOne(indicator, "baseline");
      if (baseline != null) {
        indicatorRow.put("baseline_year", attribute(baseline, "year"));
        indicatorRow.put("baseline_date", attribute(baseline, "iso-date"));
        indicatorRow.put("baseline_value", attribute(baseline, "value"));
        value(baseline, indicatorRow, "baseline_");
      }
      add("indicators", indicatorRow);
      int periods = 0;
      for (Element period : children(indicator, "period")) {
        Map<String, String> periodRow = row(id);
        String periodNumber = indicatorNumber + "-P" + ++periods;
        periodRow.put("indicator_no", indicatorNumber);
        periodRow.put("period_no", periodNumber);
        periodRow.put("start", attribute(only(period, "period-start"), "iso-date"));
        periodRow.put("end", attribute(only(period, "period-end"), "iso-date"));
        add("periods", periodRow);
        for (String kind : List.of("target", "actual")) {
          for (Element value : children(period, kind)) {
            Map<String, String> valueRow = row(id);
            valueRow.put("period_no", periodNumber);
            valueRow.put("value", attribute(value, "value"));
            value(value, valueRow, "");
            add(kind + "s", valueRow);
          }
        }
      }
    }
  }

  /** A baseline, target or actual: its location, up to two dimensions, its comment and its document. */
  private void value(Element value, Map<String, String> row, String prefix) {
    Element location = atMostOne(value, "location");
    if (location != null) {
      row.put(prefix + "location", attribute(location, "ref"));
    }
    List<Element> dimensions = children(value, "dimension");
    if (dimensions.size() > 2) {
      throw new IllegalStateException("more than two dimensions have no column here");
    }
    for (int i = 0; i < dimensions.size(); i++) {
      row.put(prefix + "dimension_" + (i + 1), attribute(dimensions.get(i), "name"));
      row.put(prefix + "dimension_" + (i + 1) + "_value", attribute(dimensions.get(i), "value"));
    }
    narrativeOf(value, "comment", row, prefix + "comment");
    document(atMostOne(value, "document-link"), row, prefix + "doc_", 1);
  }

  private void document(Element document, Map<String, String> row, String prefix, int categories) {
    if (document == null) {
      return;
    }
    row.put(prefix + "url", attribute(document, "url"));
    row.put(prefix + "format", attribute(document, "format"));
    narrativeOf(document, "title", row, prefix + "title");
    narrativeOf(document, "description", row, prefix + "description");
    List<Element> categoryElements = children(document, "category");
    if (categoryElements.size() > categories) {
      throw new IllegalStateException("a document with more than " + categories + " categories has no column for the rest");
    }
    for (int i = 0; i < categoryElements.size(); i++) {
      row.put(prefix + (i == 0 ? "category" : "category_" + (i + 1)), attribute(categoryElements.get(i), "code"));
    }
    row.put(prefix + "language", codeOf(document, "language"));
    Element date = atMostOne(document, "document-date");
    if (date != null) {
      row.put(prefix + "date", attribute(date, "iso-date"));
    }
  }

  private void loan(String id, Element loan) {
    Map<String, String> row = row(id);
    row.put("channel_code", textOf(loan, "channel-code"));
    Element flag = atMostOne(loan, "other-flags");
    if (flag != null) {
      row.put("flag", attribute(flag, "code"));
      row.put("flag_significance", attribute(flag, "significance"));
    }
    Element terms = atMostOne(loan, "loan-terms");
    if (terms != null) {
      row.put("rate_1", attribute(terms, "rate-1"));
      row.put("rate_2", attribute(terms, "rate-2"));
      row.put("repayment_type", codeOf(terms, "repayment-type"));
      row.put("repayment_plan", codeOf(terms, "repayment-plan"));
      row.put("committed", dateOf(terms, "commitment-date"));
      row.put("first_repayment", dateOf(terms, "repayment-first-date"));
      row.put("final_repayment", dateOf(terms, "repayment-final-date"));
    }
    Element status = atMostOne(loan, "loan-status");
    if (status != null) {
      row.put("status_year", attribute(status, "year"));
      row.put("status_currency", attribute(status, "currency"));
      row.put("status_value_date", attribute(status, "value-date"));
      row.put("interest_received", textOf(status, "interest-received"));
      row.put("principal_outstanding", textOf(status, "principal-outstanding"));
      row.put("principal_arrears", textOf(status, "principal-arrears"));
      row.put("interest_arrears", textOf(status, "interest-arrears"));
    }
    add("loans", row);
  }

  private void period(Element element, Map<String, String> row) {
    row.put("from", attribute(only(element, "period-start"), "iso-date"));
    row.put("to", attribute(only(element, "period-end"), "iso-date"));
    Element value = only(element, "value");
    row.put("amount", text(value));
    row.put("currency", attribute(value, "currency"));
    row.put("value_date", attribute(value, "value-date"));
  }

  // Reading, each thing read once and remembered, so what no column took can be named.

  private String attribute(Element element, String name) {
    Attr attribute = name.startsWith("{") ? element.getAttributeNodeNS(XMLConstants.XML_NS_URI, "lang")
        : element.getAttributeNode(name);
    if (attribute == null) {
      return "";
    }
    read.add(attribute);
    return attribute.getValue();
  }

  private String text(Element element) {
    read.add(element);
    return element.getTextContent().strip();
  }

  private String textOf(Element parent, String name) {
    Element child = atMostOne(parent, name);
    return child == null ? "" : text(child);
  }

  private String codeOf(Element parent, String name) {
    Element child = atMostOne(parent, name);
    return child == null ? "" : attribute(child, "code");
  }

  private String dateOf(Element parent, String name) {
    Element child = atMostOne(parent, name);
    return child == null ? "" : attribute(child, "iso-date");
  }

  /** The element's one narrative, into {@code column} and {@code column_lang}. */
  private void narrative(Element element, Map<String, String> row, String column) {
    Element narrative = atMostOne(element, "narrative");
    if (narrative != null) {
      row.put(column, text(narrative));
      row.put(column + "_lang", attribute(narrative, XML_LANG));
    }
  }

  private void narrativeOf(Element parent, String name, Map<String, String> row, String column) {
    Element child = atMostOne(parent, name);
    if (child != null) {
      narrative(child, row, column);
    }
  }

  /** The text of an element's narrative without reading it: what a code's label says, for its crosswalk. */
  private static String narrativeText(Element element) {
    List<Element> narratives = children(element, "narrative");
    return narratives.size() == 1 && !narratives.get(0).hasAttributeNS(XMLConstants.XML_NS_URI, "lang")
        ? narratives.get(0).getTextContent().strip() : null;
  }

  private Element only(Element parent, String name) {
    Element child = atMostOne(parent, name);
    if (child == null) {
      throw new IllegalStateException(parent.getTagName() + " has no " + name + ", which this export needs");
    }
    return child;
  }

  private Element atMostOne(Element parent, String name) {
    List<Element> found = children(parent, name);
    if (found.size() > 1) {
      throw new IllegalStateException(parent.getTagName() + " has " + found.size() + " " + name + "; this export has a column for one");
    }
    if (found.isEmpty()) {
      return null;
    }
    read.add(found.get(0));
    return found.get(0);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> children = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && element.getNamespaceURI() == null && element.getLocalName().equals(name)) {
        children.add(element);
      }
    }
    return children;
  }

  private void markAll(Element element) {
    read.add(element);
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      read.add(attributes.item(i));
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element inner) {
        markAll(inner);
      }
    }
  }

  /** Fails naming the first attribute or text of the activity that no column took. */
  private void unread(Element element) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      if (!read.contains(attributes.item(i))) {
        throw new IllegalStateException("no column for @" + attributes.item(i).getNodeName() + " of " + element.getTagName());
      }
    }
    boolean hasText = false;
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element inner) {
        unread(inner);
      } else if (child.getNodeType() == Node.TEXT_NODE && !child.getNodeValue().isBlank()) {
        hasText = true;
      }
    }
    if (hasText && !read.contains(element)) {
      throw new IllegalStateException("no column for the text of " + element.getTagName());
    }
  }

  // Writing.

  private record Table(List<String> columns, List<Map<String, String>> rows) {}

  private void table(String name, String... columns) {
    tables.put(name, new Table(List.of(columns), new ArrayList<>()));
  }

  private static Map<String, String> row(String project) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("project_no", project);
    return row;
  }

  private void add(String table, Map<String, String> row) {
    Table into = tables.get(table);
    for (String column : row.keySet()) {
      if (!into.columns().contains(column)) {
        throw new IllegalStateException(table + " has no column " + column);
      }
    }
    into.rows().add(row);
  }

  /**
   * The system's own code for an IATI code (with its vocabulary, vocabulary URI and meaning, which
   * go to the crosswalk): "" for no code.
   */
  private String local(String crosswalk, String code, String vocabulary, String uri, String label) {
    if (code.isEmpty()) {
      return "";
    }
    return crosswalks.get(crosswalk).local(code, vocabulary, uri, label);
  }

  /** One crosswalk: local codes made up the way a project system names things, e.g. {@code roles-3}. */
  private static final class LocalCodes {
    private final String name;
    private final Map<List<String>, String> codes = new LinkedHashMap<>();

    LocalCodes(String name) {
      this.name = name;
    }

    String local(String code, String vocabulary, String uri, String label) {
      List<String> key = List.of(code, nullToEmpty(vocabulary), nullToEmpty(uri), nullToEmpty(label));
      return codes.computeIfAbsent(key, k -> name.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_" + (codes.size() + 1));
    }

    private static String nullToEmpty(String value) {
      return value == null ? "" : value;
    }
  }

  private void write(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("crosswalks"));
    for (Map.Entry<String, Table> table : tables.entrySet()) {
      try (Writer out = Files.newBufferedWriter(dir.resolve(table.getKey() + ".csv"), StandardCharsets.UTF_8);
          CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').build())) {
        csv.printRecord(table.getValue().columns());
        for (Map<String, String> row : table.getValue().rows()) {
          List<String> cells = new ArrayList<>();
          for (String column : table.getValue().columns()) {
            cells.add(row.getOrDefault(column, ""));
          }
          csv.printRecord(cells);
        }
      }
    }
    for (LocalCodes codes : crosswalks.values()) {
      try (Writer out = Files.newBufferedWriter(dir.resolve("crosswalks/" + codes.name + ".csv"), StandardCharsets.UTF_8);
          CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').build())) {
        csv.printRecord("local_code", "iati_code", "vocabulary", "vocabulary_uri", "label");
        for (Map.Entry<List<String>, String> entry : codes.codes.entrySet()) {
          List<String> key = entry.getKey();
          csv.printRecord(entry.getValue(), key.get(0), key.get(1), key.get(2), key.get(3));
        }
      }
    }
  }
}
