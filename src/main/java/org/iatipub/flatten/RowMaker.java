package org.iatipub.flatten;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.iatipub.mapping.SheetColumns;
import org.iatipub.model.ModelType;

/**
 * Cuts one record into sheet rows: its own row in the main sheet, and a row in the sheet of each
 * list item that has one ({@link SheetLayout}), everything else as columns of the row of the
 * nearest such item: single elements by their path, items of the other lists by numbered path
 * ({@code aid-type/1/@code}). A row of a nested sheet names the items it goes into by their keys
 * ({@code #result} = 2: the record's second result), and a row whose items other sheets go into
 * carries its own key. Namespaced names keep their prefixes, each row declaring those it uses
 * ({@code @xmlns:x}); what is there with no value goes to the row's {@code #empty} paths.
 */
final class RowMaker {
  private final SheetLayout layout;

  RowMaker(SheetLayout layout) {
    this.layout = layout;
  }

  /** The rows of {@code record}, the main sheet's first, then the others' in document order. */
  List<SheetRow> rows(ElementTree record, String shown, Consumer<Finding> findings) {
    List<Row> rows = new ArrayList<>();
    Row main = new Row(SheetLayout.MAIN);
    rows.add(main);
    if (!record.text().isBlank()) {
      findings.accept(Finding.warning("flatten/not-kept", new Location.XmlPosition(shown, record.line(), 0),
          "the text directly inside <" + record.name().getLocalPart() + "> is not kept: IATI has none there"));
    }
    fill(record, "", layout.root(), List.of(), main, List.of(), rows);
    List<SheetRow> made = new ArrayList<>(rows.size());
    for (Row row : rows) {
      row.renamed.forEach((from, to) -> findings.accept(Finding.warning("flatten/prefix-renamed",
          new Location.XmlPosition(shown, record.line(), 0), "the namespace prefix '" + from + "' is written as '" + to
              + "' in the " + row.sheet + " sheet: one row can give each prefix one namespace, and this record binds it"
              + " to more than one (or to the default namespace, which a path cannot name)")));
      made.add(new SheetRow(row.sheet, row.cells, row.empty));
    }
    return made;
  }

  /**
   * Puts {@code element} (at {@code path} in {@code row}) into the row, and its children into it or
   * into rows of their own sheets.
   *
   * @param type the element's model type; null outside the model (extensions) or for a plain value
   * @param listPath element names from the record down to {@code element}; null outside the model
   * @param keys the keys of the sheet items {@code element} is in, outermost first
   */
  private void fill(ElementTree element, String path, ModelType type, List<String> listPath, Row row, List<String> keys,
      List<Row> rows) {
    for (ElementTree.Attribute attribute : element.attributes()) {
      String column = join(path, "@" + row.written(attribute.name()));
      if (attribute.value().isBlank()) {
        row.empty.add(column);
      } else {
        row.cells.put(column, attribute.value());
      }
    }
    if (!path.isEmpty()) {
      if (!element.text().isBlank()) {
        row.cells.put(path, element.text().strip());
      } else if (element.isEmpty()) {
        row.empty.add(path);
      }
    }
    Map<QName, Integer> seen = new HashMap<>();
    for (ElementTree child : element.children()) {
      int position = seen.merge(child.name(), 1, Integer::sum) - 1;
      ModelType.Slot slot = type == null || listPath == null || !child.name().getNamespaceURI().isEmpty()
          ? null : type.element(child.name());
      List<String> childPath = null;
      if (slot != null) {
        childPath = new ArrayList<>(listPath);
        childPath.add(child.name().getLocalPart());
      }
      ModelType childType = slot == null ? null : slot.model();
      String sheet = slot != null && slot.isList() ? layout.sheet(childPath) : null;
      if (sheet == null) {
        fill(child, join(path, row.written(child.name())) + "/" + position, childType, childPath, row, keys, rows);
        continue;
      }
      Row item = new Row(sheet);
      rows.add(item);
      for (int i = 0; i < keys.size(); i++) {
        item.cells.put(SheetColumns.key(childPath.subList(0, i + 1)), keys.get(i));
      }
      List<String> itemKeys = new ArrayList<>(keys);
      itemKeys.add(String.valueOf(position + 1));
      if (layout.hasSheetsBelow(childPath)) {
        item.cells.put(SheetColumns.key(childPath), itemKeys.get(itemKeys.size() - 1));
      }
      fill(child, String.join("/0/", childPath) + "/0", childType, childPath, item, itemKeys, rows);
    }
  }

  private static String join(String path, String step) {
    return path.isEmpty() ? step : path + "/" + step;
  }

  /** A row being made, with the namespace prefixes it declares. */
  private static final class Row {
    final String sheet;
    final Map<String, String> cells = new LinkedHashMap<>();
    final List<String> empty = new ArrayList<>();
    final Map<String, String> declared = new HashMap<>();
    /** A prefix and namespace (as {@code prefix uri}) written with another prefix, and that prefix. */
    final Map<String, String> renamed = new LinkedHashMap<>();
    private final Map<String, String> renamedBinding = new HashMap<>();

    Row(String sheet) {
      this.sheet = sheet;
    }

    /** The name as a path writes it ({@code x:foo}, {@code xml:lang}), declaring its prefix in this row. */
    String written(QName name) {
      String uri = name.getNamespaceURI();
      if (uri.isEmpty()) {
        return name.getLocalPart();
      }
      if (XMLConstants.XML_NS_URI.equals(uri)) {
        return "xml:" + name.getLocalPart();
      }
      String binding = name.getPrefix() + " " + uri;
      String prefix = renamedBinding.get(binding);
      if (prefix == null) {
        prefix = name.getPrefix();
        String bound = declared.get(prefix);
        if (prefix.isEmpty() || bound != null && !bound.equals(uri)) {
          String base = prefix.isEmpty() ? "ns" : prefix;
          int n = prefix.isEmpty() ? 1 : 2;
          while (declared.containsKey(base + n)) {
            n++;
          }
          renamed.put(prefix.isEmpty() ? "(default)" : prefix, base + n);
          prefix = base + n;
          renamedBinding.put(binding, prefix);
        }
        if (declared.putIfAbsent(prefix, uri) == null) {
          cells.put("@xmlns:" + prefix, uri);
        }
      }
      return prefix + ":" + name.getLocalPart();
    }
  }
}
