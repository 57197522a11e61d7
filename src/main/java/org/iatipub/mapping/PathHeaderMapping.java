package org.iatipub.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import org.iatipub.finding.Finding;
import org.iatipub.source.ActivityRows;
import org.iatipub.source.SourceRow;

/**
 * The mapping of spreadsheets whose headers are IATI paths (the flatten-tool / CoVE convention),
 * so publishers can bring existing sheets unchanged. Each cell goes to the element or attribute its
 * header names; rows of child sheets (keyed by {@code iati-identifier}) add their list items to the
 * activity. Element order does not matter here: binding to the model puts it in schema order.
 */
public final class PathHeaderMapping implements ActivityMapping {
  /** The column that names the activity, in every sheet. */
  public static final String ID_COLUMN = "iati-identifier";

  // Headers repeat on every row; parse each once. Safe to share between threads.
  private final Map<String, Object> parsed = new ConcurrentHashMap<>();

  @Override
  public ActivityDraft map(ActivityRows rows) {
    List<Finding> findings = new ArrayList<>(rows.findings());
    XmlElement.Builder activity = XmlElement.element("iati-activity").from(rows.main().whole());
    Map<String, String> mainNamespaces = namespaces(rows.main());
    apply(rows.main(), activity, mainNamespaces, true, findings);
    rows.children().values().forEach(sheet -> sheet.forEach(row -> {
      Map<String, String> namespaces = new HashMap<>(mainNamespaces);
      namespaces.putAll(namespaces(row));
      apply(row, activity, namespaces, false, findings);
    }));
    return new ActivityDraft(rows.main().get(ID_COLUMN), rows, activity.build(), findings);
  }

  private void apply(SourceRow row, XmlElement.Builder activity, Map<String, String> namespaces, boolean main,
      List<Finding> findings) {
    // Elements this row made, by path with positions, so cells of one list item meet in it.
    Map<String, XmlElement.Builder> made = new HashMap<>();
    for (Map.Entry<String, String> cell : row.cells().entrySet()) {
      String column = cell.getKey();
      String value = cell.getValue().strip();
      if (value.isEmpty() || (!main && column.equals(ID_COLUMN))) {
        continue;
      }
      Object header = parsed.computeIfAbsent(column, PathHeaderMapping::parseHeader);
      if (header instanceof String problem) {
        findings.add(Finding.error("path-header/bad-header", row.cell(column),
            "the column header '" + column + "' is not an IATI path: " + problem + ", so this cell cannot be published"));
        continue;
      }
      PathHeader path = (PathHeader) header;
      if (path.declaredPrefix() != null) {
        continue;
      }
      XmlElement.Builder target = activity;
      boolean resolved = true;
      for (PathHeader.Step step : path.steps()) {
        QName name = qualified(step.name(), namespaces);
        if (name == null) {
          findings.add(undeclared(row, column, step.name()));
          resolved = false;
          break;
        }
        XmlElement.Builder parent = target;
        target = made.computeIfAbsent(step.key(), k -> {
          XmlElement.Builder child = XmlElement.element(name).from(row.cell(column));
          parent.child(child);
          return child;
        });
      }
      if (!resolved) {
        continue;
      }
      if (path.attribute() == null) {
        target.text(value, row.cell(column));
      } else {
        QName name = qualified(path.attribute(), namespaces);
        if (name == null) {
          findings.add(undeclared(row, column, path.attribute()));
        } else {
          target.attribute(name, value, row.cell(column));
        }
      }
    }
  }

  private static Object parseHeader(String column) {
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
}
