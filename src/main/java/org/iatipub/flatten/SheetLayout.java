package org.iatipub.flatten;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.iatipub.mapping.PathHeaderMapping;
import org.iatipub.model.ModelType;
import org.iatipub.model.iati.IatiActivityType;
import org.iatipub.model.iati.IatiOrganisationType;
import org.iatipub.validation.DocumentKind;

/**
 * Which lists of an IATI record get a sheet of their own, worked out once from the model, so the
 * same file always gives the same sheets. A list does when it is a child of the record
 * (transactions, budgets, results: flatten-tool's sheets), or when its items hold lists that hold
 * lists (a result's indicators, their periods, a period's targets): such items would otherwise
 * spread over numbered columns in two or more levels. The others (narratives, a transaction's aid
 * types, a document's categories) are numbered columns of their parent's row. Every sheet's list
 * sits directly in the record or in an item of another sheet, so keys can say where each row goes.
 */
final class SheetLayout {
  /** The sheet of the records themselves. */
  static final String MAIN = "main";
  /** Lists of these never get a sheet: the texts of an element in several languages. */
  private static final String NARRATIVE = "narrative";
  /** Deeper than this, no IATI list goes: a guard should the model ever refer to itself. */
  private static final int DEEPEST = 12;

  private final PathHeaderMapping.Records records;
  private final ModelType root;
  /** Each sheet's list path (names from the record down), in schema order, with its sheet name. */
  private final Map<List<String>, String> sheets;
  private final Map<ModelType, Places> ranks = new HashMap<>();

  private SheetLayout(PathHeaderMapping.Records records, ModelType root) {
    this.records = records;
    this.root = root;
    Map<List<String>, String> found = new LinkedHashMap<>();
    find(root, List.of(), found);
    for (List<String> path : found.keySet()) {
      for (int i = 1; i < path.size(); i++) {
        if (!found.containsKey(path.subList(0, i))) {
          throw new IllegalStateException("the list " + String.join("/", path) + " would get a sheet, but "
              + String.join("/", path.subList(0, i)) + " does not: its rows could not say where they go");
        }
      }
    }
    this.sheets = Collections.unmodifiableMap(found);
  }

  static SheetLayout of(DocumentKind kind) {
    return switch (kind) {
      case ACTIVITIES -> new SheetLayout(PathHeaderMapping.Records.ACTIVITIES,
          ModelType.reachableFrom(IatiActivityType.class).get(IatiActivityType.class));
      case ORGANISATIONS -> new SheetLayout(PathHeaderMapping.Records.ORGANISATIONS,
          ModelType.reachableFrom(IatiOrganisationType.class).get(IatiOrganisationType.class));
    };
  }

  PathHeaderMapping.Records records() {
    return records;
  }

  ModelType root() {
    return root;
  }

  private static void find(ModelType type, List<String> path, Map<List<String>, String> found) {
    if (path.size() > DEEPEST) {
      return;
    }
    for (ModelType.Slot slot : type.contentOrder()) {
      if (slot == null || slot.model() == null) {
        continue;
      }
      List<String> child = new ArrayList<>(path);
      child.add(slot.name().getLocalPart());
      if (isList(slot) && (path.isEmpty() || listDepth(slot.model(), 0) >= 2)) {
        found.put(List.copyOf(child), String.join("_", child));
      }
      find(slot.model(), child, found);
    }
  }

  private static boolean isList(ModelType.Slot slot) {
    return slot.isList() && !slot.name().getLocalPart().equals(NARRATIVE);
  }

  /** How many levels of lists (narratives aside) an item of this type can hold inside it. */
  private static int listDepth(ModelType type, int depth) {
    int deepest = 0;
    if (depth > DEEPEST) {
      return 0;
    }
    for (ModelType.Slot slot : type.contentOrder()) {
      if (slot != null && slot.model() != null) {
        deepest = Math.max(deepest, (isList(slot) ? 1 : 0) + listDepth(slot.model(), depth + 1));
      }
    }
    return deepest;
  }

  /** The sheet of the list at {@code path}, or null when its items are numbered columns of their parent's row. */
  String sheet(List<String> path) {
    return sheets.get(path);
  }

  /** True when some other sheet's rows go into items of this list: its rows then carry their own key. */
  boolean hasSheetsBelow(List<String> path) {
    for (List<String> other : sheets.keySet()) {
      if (other.size() > path.size() && other.subList(0, path.size()).equals(path)) {
        return true;
      }
    }
    return false;
  }

  /** The sheet names: the main sheet, then one per list in schema order. */
  List<String> sheetNames() {
    List<String> names = new ArrayList<>();
    names.add(MAIN);
    names.addAll(sheets.values());
    return names;
  }

  /**
   * Where a child comes among its siblings in schema order: its place in the type's content, or for
   * an element the type has no field for (an extension), the place of the open elements (the
   * caller orders such elements among themselves). Attributes likewise, in their own order.
   */
  int rank(ModelType type, QName child, boolean attribute) {
    Places places = ranks.computeIfAbsent(type, Places::of);
    Integer place = (attribute ? places.attributes() : places.elements()).get(child);
    return place != null ? place : attribute ? places.openAttributes() : places.openElements();
  }

  /** The places of a type's elements and attributes, and of those it leaves open. */
  private record Places(Map<QName, Integer> elements, int openElements, Map<QName, Integer> attributes, int openAttributes) {
    static Places of(ModelType type) {
      Map<QName, Integer> elements = new HashMap<>();
      List<ModelType.Slot> content = type.contentOrder();
      int open = content.size();
      for (int i = 0; i < content.size(); i++) {
        if (content.get(i) == null) {
          open = i;
        } else {
          elements.put(content.get(i).name(), i);
        }
      }
      Map<QName, Integer> attributes = new HashMap<>();
      List<ModelType.Slot> order = type.attributeOrder();
      for (int i = 0; i < order.size(); i++) {
        attributes.put(order.get(i).name(), i);
      }
      return new Places(elements, open, attributes, order.size());
    }
  }
}
