package org.iatipub.mapping;

import static org.iatipub.mapping.XmlElement.element;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.iatipub.source.CsvTable;
import org.iatipub.source.SourceRow;

/**
 * Reads the organisation CSV into an {@code iati-organisation}: one row per item, its {@code item}
 * column saying which (the organisation itself, a total budget, a recipient organisation or country
 * budget, a total expenditure, a document). Elements come out in the schema's order whatever the
 * row order, each remembering its cell, so a schema problem can still name file, row and column.
 * A cell in a column the row's item has no use for is an error: its value would be lost.
 */
public final class OrganisationMapping {
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
  private static final Pattern OTHER_NAME = Pattern.compile("name_([a-z]{2,3})");
  private static final QName XML_LANG = new QName(XMLConstants.XML_NS_URI, "lang", "xml");
  private static final Set<String> PERIOD = Set.of("start", "end", "value", "currency", "value-date");

  /** The item kinds, in the schema's order, with the columns each may use. */
  private static final Map<String, Set<String>> ITEMS = items();

  private static Map<String, Set<String>> items() {
    Map<String, Set<String>> items = new LinkedHashMap<>();
    items.put("organisation", Set.of("ref", "type", "name", "language", "currency"));
    items.put("total-budget", with(PERIOD, "status"));
    items.put("recipient-org-budget", with(PERIOD, "status", "ref", "name"));
    items.put("recipient-country-budget", with(PERIOD, "status", "ref"));
    items.put("total-expenditure", PERIOD);
    items.put("document", Set.of("url", "format", "name", "category", "language", "date"));
    return Collections.unmodifiableMap(items); // read-only: shared by every mapping
  }

  private static Set<String> with(Set<String> base, String... more) {
    Set<String> all = new HashSet<>(base);
    all.addAll(List.of(more));
    return Set.copyOf(all);
  }

  /**
   * What the CSV gave.
   *
   * @param identifier the organisation identifier, empty when the organisation row is missing
   * @param organisation the {@code iati-organisation} element, or null when there is no organisation row
   * @param findings problems, each at its cell; an error withholds the organisation file
   * @param used the rows that went into the organisation (published or withheld with it)
   * @param rejected rows left out on their own (an unknown item), each with a finding
   */
  public record Draft(String identifier, XmlElement organisation, List<Finding> findings, List<SourceRow> used,
      List<SourceRow> rejected) {
    public boolean hasErrors() {
      return organisation == null || findings.stream().anyMatch(Finding::isError);
    }
  }

  private final List<Finding> findings = new ArrayList<>();

  private OrganisationMapping() {}

  /** Maps the rows of a table read completely (the caller handles a table that could not be). */
  public static Draft map(CsvTable table) {
    return new OrganisationMapping().mapRows(table);
  }

  private Draft mapRows(CsvTable table) {
    Map<String, List<SourceRow>> byItem = new LinkedHashMap<>();
    ITEMS.keySet().forEach(item -> byItem.put(item, new ArrayList<>()));
    List<SourceRow> used = new ArrayList<>();
    List<SourceRow> rejected = new ArrayList<>();
    if (!table.header().contains("item")) {
      findings.add(Finding.error("organisation/no-item-column", new Location.Cell(table.file(), 1, ""),
          "the organisation CSV needs an 'item' column saying what each row is (" + String.join(", ", ITEMS.keySet()) + ")"));
      return new Draft("", null, findings, used, new ArrayList<>(table.rows()));
    }
    for (SourceRow row : table.rows()) {
      String item = row.get("item");
      if (!ITEMS.containsKey(item)) {
        findings.add(Finding.error("organisation/unknown-item", row.cell("item"), "'" + item + "' is not an item of the"
            + " organisation file; use one of " + String.join(", ", ITEMS.keySet()) + " (the row is left out)"));
        rejected.add(row);
        continue;
      }
      used.add(row);
      byItem.get(item).add(row);
      for (String column : row.cells().keySet()) {
        boolean allowed = column.equals("item") || ITEMS.get(item).contains(column)
            || OTHER_NAME.matcher(column).matches() && ITEMS.get(item).contains("name");
        if (!allowed && row.has(column)) {
          findings.add(Finding.error("organisation/not-in-iati", row.cell(column), "a " + item + " row has no use for '"
              + column + "'; the value would be lost, so the organisation file is withheld (columns of a " + item
              + " row: " + String.join(", ", ITEMS.get(item).stream().sorted().toList()) + ")"));
        }
      }
    }
    List<SourceRow> organisations = byItem.get("organisation");
    if (organisations.size() != 1) {
      Location where = organisations.isEmpty() ? new Location.WholeFile(table.file()) : organisations.get(1).cell("item");
      findings.add(Finding.error("organisation/one-organisation", where, "the organisation CSV needs exactly one"
          + " 'organisation' row (identifier, type, name); it has " + organisations.size()));
      return new Draft("", null, findings, used, rejected);
    }
    SourceRow org = organisations.get(0);
    String language = org.get("language");
    XmlElement.Builder root = element("iati-organisation").from(org.whole())
        .attribute(XML_LANG, language, org.cell("language"))
        .attribute("default-currency", org.get("currency"), org.cell("currency"));
    String identifier = required(org, "ref");
    required(org, "type");
    required(org, "name");
    root.child(element("organisation-identifier").text(identifier, org.cell("ref")));
    root.child(names(element("name").from(org.cell("name")), org));
    root.child(names(element("reporting-org").from(org.cell("ref")).attribute("ref", identifier, org.cell("ref"))
        .attribute("type", org.get("type"), org.cell("type")), org));
    for (SourceRow row : byItem.get("total-budget")) {
      root.child(money(element("total-budget").from(row.whole()).attribute("status", row.get("status"), row.cell("status")), row));
    }
    for (SourceRow row : byItem.get("recipient-org-budget")) {
      XmlElement.Builder budget = element("recipient-org-budget").from(row.whole())
          .attribute("status", row.get("status"), row.cell("status"));
      required(row, "name");
      budget.child(names(element("recipient-org").from(row.cell("name")).attribute("ref", row.get("ref"), row.cell("ref")), row));
      root.child(money(budget, row));
    }
    for (SourceRow row : byItem.get("recipient-country-budget")) {
      XmlElement.Builder budget = element("recipient-country-budget").from(row.whole())
          .attribute("status", row.get("status"), row.cell("status"));
      budget.child(element("recipient-country").attribute("code", required(row, "ref"), row.cell("ref")));
      root.child(money(budget, row));
    }
    for (SourceRow row : byItem.get("total-expenditure")) {
      root.child(money(element("total-expenditure").from(row.whole()), row));
    }
    for (SourceRow row : byItem.get("document")) {
      root.child(document(row));
    }
    return new Draft(identifier, root.build(), findings, used, rejected);
  }

  /** The row's name as narratives: {@code name} in the organisation's language, {@code name_fr} and so on in others. */
  private XmlElement.Builder names(XmlElement.Builder element, SourceRow row) {
    element.child(element("narrative").text(row.get("name"), row.cell("name")));
    for (String column : row.cells().keySet()) {
      Matcher other = OTHER_NAME.matcher(column);
      if (other.matches() && row.has(column)) {
        element.child(element("narrative").text(row.get(column), row.cell(column)).attribute(XML_LANG, other.group(1), row.cell(column)));
      }
    }
    return element;
  }

  /** Period start and end, then the value with its currency and value date (default: the start). */
  private XmlElement.Builder money(XmlElement.Builder element, SourceRow row) {
    String start = date(row, "start", true);
    element.child(element("period-start").attribute("iso-date", start, row.cell("start")));
    element.child(element("period-end").attribute("iso-date", date(row, "end", true), row.cell("end")));
    String valueDate = row.has("value-date") ? date(row, "value-date", false) : start;
    element.child(element("value").text(number(row, "value"), row.cell("value"))
        .attribute("currency", row.get("currency"), row.cell("currency"))
        .attribute("value-date", valueDate, row.has("value-date") ? row.cell("value-date") : row.cell("start")));
    return element;
  }

  private XmlElement.Builder document(SourceRow row) {
    XmlElement.Builder link = element("document-link").from(row.whole())
        .attribute("url", required(row, "url"), row.cell("url"))
        .attribute("format", required(row, "format"), row.cell("format"));
    required(row, "name");
    link.child(names(element("title").from(row.cell("name")), row));
    link.child(element("category").attribute("code", required(row, "category"), row.cell("category")));
    link.child(element("language").attribute("code", row.get("language"), row.cell("language")));
    if (row.has("date")) {
      link.child(element("document-date").attribute("iso-date", date(row, "date", false), row.cell("date")));
    }
    return link;
  }

  private String required(SourceRow row, String column) {
    String value = row.get(column);
    if (value.isEmpty()) {
      findings.add(MappingRule.MISSING_VALUE.at(row.cell(column), "a " + row.get("item") + " row needs '"
          + column + "' but the cell is empty"));
    }
    return value;
  }

  private String date(SourceRow row, String column, boolean needed) {
    String value = needed ? required(row, column) : row.get(column);
    if (!value.isEmpty()) {
      try {
        LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        findings.add(MappingRule.BAD_DATE.at(row.cell(column), "'" + value + "' is not a date; write it as YYYY-MM-DD"));
      }
    }
    return value;
  }

  private String number(SourceRow row, String column) {
    String value = required(row, column);
    if (!value.isEmpty() && !NUMBER.matcher(value).matches()) {
      findings.add(MappingRule.BAD_NUMBER.at(row.cell(column),
          "'" + value + "' is not a plain number; write it like 125000.50, without thousands separators or currency"));
    } else if (!value.isEmpty()) {
      value = new BigDecimal(value).toPlainString();
    }
    return value;
  }
}
