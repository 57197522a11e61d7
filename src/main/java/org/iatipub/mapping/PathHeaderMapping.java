package org.iatipub.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.iatipub.source.ActivityRows;
import org.iatipub.source.SourceRow;

/**
 * The mapping of spreadsheets whose headers are IATI paths (the flatten-tool / CoVE convention),
 * so publishers can bring existing sheets unchanged. Each cell goes to the element or attribute its
 * header names; rows of child sheets (keyed by {@code iati-identifier}) add their list items to the
 * activity. Element order does not matter here: binding to the model puts it in schema order.
 *
 * <p>Beyond flatten-tool, a few columns that are no IATI paths start with {@code #} ({@link
 * SheetColumns}): item keys that let a row of one sheet add to a list item made by a row of another
 * (an indicator to its result), {@code #empty} for what is there with no value, and a record key
 * for files whose identifiers cannot link rows. They are what {@code iatipub flatten} writes so
 * that any IATI file comes back whole.
 */
public final class PathHeaderMapping implements ActivityMapping {
  /** The column that names the activity, in every sheet. */
  public static final String ID_COLUMN = "iati-identifier";

  private static final Pattern NAME = Pattern.compile("([A-Za-z_][A-Za-z0-9._-]*:)?[A-Za-z_][A-Za-z0-9._-]*");

  /** What a set of path-header sheets holds: activities, or organisations. */
  public enum Records {
    ACTIVITIES("iati-activity", ID_COLUMN),
    ORGANISATIONS("iati-organisation", "organisation-identifier");

    private final String element;
    private final String idColumn;

    Records(String element, String idColumn) {
      this.element = element;
      this.idColumn = idColumn;
    }

    /** The element of one record: {@code iati-activity} or {@code iati-organisation}. */
    public String element() {
      return element;
    }

    /** The column of the main sheet whose value is the record's identifier, and by default links rows to it. */
    public String idColumn() {
      return idColumn;
    }

    /** The column that links rows to their record instead, when a set has it: {@code #iati-activity}. */
    public String keyColumn() {
      return SheetColumns.KEY + element;
    }

    /** The kind whose records the main sheet's header names, or null when it names neither. */
    public static Records ofHeader(List<String> header) {
      for (Records records : values()) {
        if (header.contains(records.keyColumn()) || header.contains(records.idColumn())) {
          return records;
        }
      }
      return null;
    }

    /** The column rows of this header name their record in: the key column when there is one. */
    public String linkColumn(List<String> mainHeader) {
      return mainHeader.contains(keyColumn()) ? keyColumn() : idColumn;
    }
  }

  private final Records records;
  // Headers repeat on every row; parse each once. Safe to share between threads.
  private final Map<String, Object> parsed = new ConcurrentHashMap<>();

  /** The mapping of activity sheets. */
  public PathHeaderMapping() {
    this(Records.ACTIVITIES);
  }

  public PathHeaderMapping(Records records) {
    this.records = records;
  }

  @Override
  public ActivityDraft map(ActivityRows rows) {
    List<Finding> findings = new ArrayList<>(rows.findings());
    XmlElement.Builder record = XmlElement.element(records.element()).from(rows.main().whole());
    Map<String, String> mainNamespaces = namespaces(rows.main());
    Map<List<String>, Keyed> keyed = new HashMap<>();
    apply(rows.main(), record, mainNamespaces, true, keyed, findings);
    // A sheet that adds to items of another comes after it, so items come in the order of their own sheet.
    List<List<SourceRow>> sheets = new ArrayList<>(rows.children().values());
    sheets.sort(Comparator.comparingInt(PathHeaderMapping::keyDepth));
    sheets.forEach(sheet -> sheet.forEach(row -> {
      Map<String, String> namespaces = new HashMap<>(mainNamespaces);
      namespaces.putAll(namespaces(row));
      apply(row, record, namespaces, false, keyed, findings);
    }));
    return new ActivityDraft(rows.main().get(records.idColumn()), rows, record.build(), findings);
  }

  /** An item made under a key, and the row that made it. */
  private record Keyed(XmlElement.Builder element, SourceRow row) {}

  private static int keyDepth(List<SourceRow> sheet) {
    return sheet.isEmpty() ? 0 : sheet.get(0).cells().keySet().stream()
        .filter(SheetColumns::isItemKey).mapToInt(column -> SheetColumns.keyPath(column).size()).max().orElse(0);
  }

  private void apply(SourceRow row, XmlElement.Builder record, Map<String, String> namespaces, boolean main,
      Map<List<String>, Keyed> keyed, List<Finding> findings) {
    // Elements this row made (or found under a key), by path with positions, so cells of one item meet in it.
    Map<String, XmlElement.Builder> made = new HashMap<>();
    // Items an earlier row made: a value they already have would be given twice.
    Set<XmlElement.Builder> earlier = new HashSet<>();
    bindKeys(row, record, namespaces, keyed, made, earlier, findings);
    for (Map.Entry<String, String> cell : row.cells().entrySet()) {
      String column = cell.getKey();
      String value = cell.getValue().strip();
      if (value.isEmpty() || (!main && column.equals(records.idColumn())) || SheetColumns.isItemKey(column)
          || column.equals(records.keyColumn())) {
        continue;
      }
      if (column.equals(SheetColumns.EMPTY)) {
        markEmpty(row, value, record, namespaces, made, earlier, findings);
        continue;
      }
      PathHeader path = header(row, column, column, findings);
      if (path == null || path.declaredPrefix() != null) {
        continue;
      }
      XmlElement.Builder target = resolve(row, column, path, record, namespaces, made, findings);
      if (target == null) {
        continue;
      }
      if (path.attribute() == null) {
        if (earlier.contains(target) && target.text() != null) {
          findings.add(givenTwice(row, column, keyed, target));
        }
        target.text(value, row.cell(column));
      } else {
        QName name = qualified(path.attribute(), namespaces);
        if (name == null) {
          findings.add(undeclared(row, column, path.attribute()));
        } else {
          if (earlier.contains(target) && target.attribute(name) != null) {
            findings.add(givenTwice(row, column, keyed, target));
          }
          target.attribute(name, value, row.cell(column));
        }
      }
    }
  }

  /**
   * Puts the items the row's key columns name into {@code made}, making those no row made yet:
   * {@code #result} = 2 makes the row's {@code result/0} the activity's result keyed 2, and
   * {@code #result/indicator} = 1 its {@code result/0/indicator/0} that result's indicator keyed 1.
   */
  private void bindKeys(SourceRow row, XmlElement.Builder record, Map<String, String> namespaces,
      Map<List<String>, Keyed> keyed, Map<String, XmlElement.Builder> made, Set<XmlElement.Builder> earlier,
      List<Finding> findings) {
    List<String> keys = row.cells().keySet().stream().filter(SheetColumns::isItemKey)
        .sorted(Comparator.comparingInt(column -> SheetColumns.keyPath(column).size())).toList();
    for (String column : keys) {
      if (!row.has(column)) {
        continue;
      }
      List<String> names = SheetColumns.keyPath(column);
      List<String> identity = new ArrayList<>();
      String stepKey = "";
      XmlElement.Builder parent = record;
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        String ancestor = SheetColumns.key(names.subList(0, i + 1));
        if (!NAME.matcher(name).matches()) {
          findings.add(Finding.error("path-header/bad-header", row.cell(column), "the column header '" + column
              + "' is no item key: '" + name + "' is not an element name, so this row's items cannot be placed"));
          return;
        }
        if (!row.has(ancestor)) {
          findings.add(Finding.error("path-header/missing-key", row.cell(column), "the key in '" + column
              + "' names an item inside a " + names.get(i) + ", but the row gives no '" + ancestor
              + "' to say which one; fill in that column"));
          return;
        }
        identity.add(name);
        identity.add(row.get(ancestor));
        stepKey = stepKey + (i == 0 ? "" : "/") + name + "#0";
        XmlElement.Builder known = made.get(stepKey);
        if (known != null) {
          parent = known;
          continue;
        }
        QName qualified = qualified(name, namespaces);
        if (qualified == null) {
          findings.add(undeclared(row, column, name));
          return;
        }
        Keyed item = keyed.get(identity);
        if (item == null) {
          item = new Keyed(XmlElement.element(qualified).from(row.cell(column)), row);
          parent.child(item.element());
          keyed.put(List.copyOf(identity), item);
        } else if (item.row() != row) {
          earlier.add(item.element());
        }
        made.put(stepKey, item.element());
        parent = item.element();
      }
    }
  }

  /** The element a path names in this row, made as needed; null (and a finding) when a name is not declared. */
  private XmlElement.Builder resolve(SourceRow row, String column, PathHeader path, XmlElement.Builder record,
      Map<String, String> namespaces, Map<String, XmlElement.Builder> made, List<Finding> findings) {
    XmlElement.Builder target = record;
    for (PathHeader.Step step : path.steps()) {
      QName name = qualified(step.name(), namespaces);
      if (name == null) {
        findings.add(undeclared(row, column, step.name()));
        return null;
      }
      XmlElement.Builder parent = target;
      target = made.computeIfAbsent(step.key(), k -> {
        XmlElement.Builder child = XmlElement.element(name).at(step.index()).from(row.cell(column));
        parent.child(child);
        return child;
      });
    }
    return target;
  }

  /** The {@code #empty} cell: paths, apart by spaces, of elements and attributes there with no value. */
  private void markEmpty(SourceRow row, String value, XmlElement.Builder record, Map<String, String> namespaces,
      Map<String, XmlElement.Builder> made, Set<XmlElement.Builder> earlier, List<Finding> findings) {
    for (String written : value.split("\\s+")) {
      PathHeader path = header(row, SheetColumns.EMPTY, written, findings);
      if (path == null) {
        continue;
      }
      XmlElement.Builder target = resolve(row, SheetColumns.EMPTY, path, record, namespaces, made, findings);
      if (target == null) {
        continue;
      }
      Location.Cell cell = row.cell(SheetColumns.EMPTY);
      if (path.attribute() == null) {
        target.keep(cell);
      } else {
        QName name = qualified(path.attribute(), namespaces);
        if (name == null) {
          findings.add(undeclared(row, SheetColumns.EMPTY, path.attribute()));
        } else if (!(earlier.contains(target) && target.attribute(name) != null)) {
          target.emptyAttribute(name, cell);
        }
      }
    }
  }

  /** The parsed path, or null with a finding at the cell when it is none. */
  private PathHeader header(SourceRow row, String column, String written, List<Finding> findings) {
    Object header = parsed.computeIfAbsent(written, PathHeaderMapping::parseHeader);
    if (header instanceof String problem) {
      findings.add(Finding.error("path-header/bad-header", row.cell(column), column.equals(written)
          ? "the column header '" + column + "' is not an IATI path: " + problem + ", so this cell cannot be published"
          : "'" + written + "' is not an IATI path: " + problem + ", so it cannot be published"));
      return null;
    }
    return (PathHeader) header;
  }

  private static Object parseHeader(String column) {
    if (column.startsWith(SheetColumns.KEY)) {
      return "a column starting with '#' is a key (#iati-activity, #result, #result/indicator …) or " + SheetColumns.EMPTY;
    }
    try {
      return PathHeader.parse(column);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  private Map<String, String> namespaces(SourceRow row) {
    Map<String, String> namespaces = new LinkedHashMap<>();
    row.cells().forEach((column, value) -> {
      if (column.startsWith("@xmlns:") && !value.isBlank()) {
        namespaces.put(column.substring("@xmlns:".length()), value.strip());
      }
    });
    return namespaces;
  }

  private static QName qualified(String written, Map<String, String> namespaces) {
    int colon = written.indexOf(':');
    if (colon < 0) {
      return new QName(written);
    }
    String prefix = written.substring(0, colon);
    String local = written.substring(colon + 1);
    if (prefix.equals("xml")) {
      return new QName(XMLConstants.XML_NS_URI, local, "xml");
    }
    String uri = namespaces.get(prefix);
    return uri == null ? null : new QName(uri, local, prefix);
  }

  private static Finding undeclared(SourceRow row, String column, String name) {
    String prefix = name.substring(0, name.indexOf(':'));
    return Finding.error("path-header/undeclared-prefix", row.cell(column),
        "'" + name + "' uses the namespace prefix '" + prefix + "', but this row declares no namespace for it;"
            + " add a column '@xmlns:" + prefix + "' holding the namespace URI");
  }

  private static Finding givenTwice(SourceRow row, String column, Map<List<String>, Keyed> keyed, XmlElement.Builder target) {
    SourceRow first = keyed.values().stream().filter(k -> k.element() == target).map(Keyed::row).findFirst().orElse(row);
    return Finding.error("path-header/given-twice", row.cell(column), "'" + column + "' was already given for this item"
        + " by " + first.file() + " row " + first.row() + "; rows with the same keys add to one item, so each value"
        + " may be given once (give this row keys of its own if it is another item)");
  }
}
