package org.iatipub.mapping;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.iatipub.finding.Location;
import org.iatipub.source.SourceRow;

/**
 * Writes the cells a mapping file sends to IATI paths into the element a row makes. A path is
 * relative to that element; its elements are made as the path-header form makes them (one per
 * name and position), except that a path meets the elements the row's named fields made at the
 * same name and position: {@code indicator/reference/@code} in {@code deliverables} goes into the
 * deliverable's indicator. A value is never silently replaced: a second, different value for one
 * attribute or text is a finding at its cell.
 */
final class PathCells {
  private final CellReader cells;

  PathCells(CellReader cells) {
    this.cells = cells;
  }

  /**
   * The elements under {@code element}, keyed as {@link PathHeader.Step#key()} keys them, so that
   * paths meet what is already there at the same name and position.
   */
  static Map<String, XmlElement.Builder> made(XmlElement.Builder element) {
    Map<String, XmlElement.Builder> made = new HashMap<>();
    collect(element, "", made);
    return made;
  }

  private static void collect(XmlElement.Builder element, String key, Map<String, XmlElement.Builder> made) {
    Map<String, Integer> seen = new HashMap<>();
    for (XmlElement.Builder child : element.children()) {
      if (!child.name().getNamespaceURI().isEmpty()) {
        continue;
      }
      String name = child.name().getLocalPart();
      int index = seen.merge(name, 1, Integer::sum) - 1;
      String childKey = (key.isEmpty() ? "" : key + "/") + name + "#" + index;
      made.put(childKey, child);
      collect(child, childKey, made);
    }
  }

  /**
   * Writes {@code paths} from {@code row} into {@code element}.
   *
   * @param kind the kind of element the row made ({@code recipient-country} …), to refuse a path it does not have
   * @param made the elements already under {@code element}, by key ({@link #made}); paths add theirs
   * @param onlyWhereEmpty true for defaults: a value already there stays, without a finding
   */
  void write(SourceRow row, List<MappingFile.PathField> paths, String kind, XmlElement.Builder element,
      Map<String, XmlElement.Builder> made, boolean onlyWhereEmpty) {
    for (MappingFile.PathField path : paths) {
      if (path.source() instanceof MappingFile.Text text) {
        narratives(row, path, text, element, made);
        continue;
      }
      MappingFile.Column column = (MappingFile.Column) path.source();
      String given = column == null ? "" : row.get(column.column());
      Location.Cell cell = column == null ? row.whole() : row.cell(column.column());
      String value = given.isEmpty() && path.fallback() != null ? path.fallback() : given;
      if (value.isEmpty()) {
        continue;
      }
      if (path.notIn().containsKey(kind)) {
        // A default is for the rows whose element has the path; a cell on another row would be lost.
        if (!given.isEmpty()) {
          cells.add(MappingRule.NOT_IN_ELEMENT.at(cell, "this row makes a " + kind + ", which has no " + path.written()
              + " (" + path.notIn().get(kind) + "); leave the cell empty on such rows"));
        }
        continue;
      }
      Crosswalk.Code code = null;
      if (column != null && column.crosswalk() != null && !given.isEmpty()) {
        code = cells.translate(value, column.crosswalk(), cell);
        if (code == null) {
          continue;
        }
        value = code.code();
      }
      XmlElement.Builder target = walk(element, path.resolved(), path.resolved().steps().size(), made, cell);
      QName attribute = path.resolved().attribute();
      if (attribute == null) {
        setText(target, value, cell, path.written(), onlyWhereEmpty);
      } else {
        set(target, attribute, value, cell, path.written(), onlyWhereEmpty);
      }
      if (code != null) {
        vocabulary(target, code, column.labelAsNarrative(), cell, path.written());
      }
    }
  }

  /** The vocabulary (and its URI, and the label as narrative where asked) of a translated code, on its element. */
  void vocabulary(XmlElement.Builder target, Crosswalk.Code code, boolean labelAsNarrative, Location.Cell cell, String what) {
    set(target, new QName("vocabulary"), code.vocabulary(), cell, what + " (its crosswalk's vocabulary)", false);
    set(target, new QName("vocabulary-uri"), code.vocabularyUri(), cell, what + " (its crosswalk's vocabulary_uri)", false);
    if (labelAsNarrative && code.label() != null) {
      target.child(cells.narrative("", code.label(), cell));
    }
  }

  /** One narrative per language with text, after those the element has. */
  private void narratives(SourceRow row, MappingFile.PathField path, MappingFile.Text text, XmlElement.Builder element,
      Map<String, XmlElement.Builder> made) {
    List<QName> steps = path.resolved().steps();
    XmlElement.Builder parent = null;
    for (Map.Entry<String, String> language : text.columns().entrySet()) {
      String value = row.get(language.getValue());
      if (value.isEmpty()) {
        continue;
      }
      Location.Cell cell = row.cell(language.getValue());
      if (parent == null) {
        parent = walk(element, path.resolved(), steps.size() - 1, made, cell);
      }
      parent.child(cells.narrative(language.getKey(), value, cell));
    }
  }

  /** The element at the first {@code depth} steps of the path, made where missing. */
  private static XmlElement.Builder walk(XmlElement.Builder element, IatiPaths.Resolved path, int depth,
      Map<String, XmlElement.Builder> made, Location.Cell cell) {
    XmlElement.Builder target = element;
    for (int i = 0; i < depth; i++) {
      XmlElement.Builder parent = target;
      QName name = path.steps().get(i);
      target = made.computeIfAbsent(path.path().steps().get(i).key(), k -> {
        XmlElement.Builder child = XmlElement.element(name).from(cell);
        parent.child(child);
        return child;
      });
    }
    return target;
  }

  private void set(XmlElement.Builder target, QName attribute, String value, Location.Cell cell, String what,
      boolean onlyWhereEmpty) {
    if (value == null || value.isBlank()) {
      return;
    }
    XmlElement.Attribute there = target.attribute(attribute);
    if (there != null && onlyWhereEmpty) {
      return;
    }
    if (there != null && !there.value().equals(value.strip())) {
      cells.add(MappingRule.CONFLICTING_VALUE.at(cell, "'" + value.strip() + "' for " + what + " would replace '"
          + there.value() + "' from " + there.source() + "; give it in one place"));
      return;
    }
    target.attribute(attribute, value, cell);
  }

  private void setText(XmlElement.Builder target, String value, Location.Cell cell, String what, boolean onlyWhereEmpty) {
    String there = target.text();
    if (there != null && onlyWhereEmpty) {
      return;
    }
    if (there != null && !there.equals(value.strip())) {
      cells.add(MappingRule.CONFLICTING_VALUE.at(cell, "'" + value.strip() + "' for " + what + " would replace '"
          + there + "' from " + target.source() + "; give it in one place"));
      return;
    }
    target.text(value, cell);
  }
}
