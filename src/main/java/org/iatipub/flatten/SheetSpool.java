package org.iatipub.flatten;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.iatipub.mapping.PathHeader;
import org.iatipub.mapping.PathHeaderMapping;
import org.iatipub.mapping.SheetColumns;
import org.iatipub.model.ModelType;
import org.iatipub.scratch.RecordFormat;
import org.iatipub.scratch.ScratchDir;
import org.iatipub.scratch.SeenIdentifiers;

/**
 * The rows of one file's sheets, spooled to scratch files as the records are read, since a
 * sheet's columns are known only once every record has been: then each sheet is written, header
 * first, its rows read back one at a time. The heap holds the column names (as many as the file's
 * structure has, not its size) and the identifiers of the first thousand records.
 *
 * <p>Rows link to their record by its identifier when every record has one of its own (as
 * flatten-tool's sheets do); when one is empty or repeated, by a number in {@code #iati-activity}.
 */
final class SheetSpool implements Closeable {
  private final SheetLayout layout;
  private final ScratchDir scratch;
  private final Map<String, Sheet> sheets = new HashMap<>();
  private final SeenIdentifiers identifiers = new SeenIdentifiers("flatten-ids");
  private boolean linkByIdentifier = true;
  private int records;

  SheetSpool(SheetLayout layout) throws IOException {
    this.layout = layout;
    this.scratch = ScratchDir.create("flatten");
  }

  int records() {
    return records;
  }

  /** Rows per sheet spooled so far, the main sheet first. */
  Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String name : layout.sheetNames()) {
      Sheet sheet = sheets.get(name);
      if (sheet != null) {
        counts.put(name, sheet.rows);
      }
    }
    return counts;
  }

  /** Adds the rows of the next record, {@code identifier} being its identifier as written (trimmed). */
  void add(String identifier, List<SheetRow> rows) throws IOException {
    int ordinal = records++;
    if (identifier.isEmpty() || identifiers.putIfAbsent(identifier, ordinal) != null) {
      linkByIdentifier = false;
    }
    for (SheetRow row : rows) {
      Sheet sheet = sheets.get(row.sheet());
      if (sheet == null) {
        sheet = new Sheet(row.sheet(), scratch.file(sheets.size() + ".rows"));
        sheets.put(row.sheet(), sheet);
      }
      sheet.append(ordinal, identifier, row);
    }
  }

  /** Writes every sheet to {@code sink}: the main sheet first (even with no record), then the others in schema order. */
  void writeTo(SheetSink sink) throws IOException {
    if (!sheets.containsKey(SheetLayout.MAIN)) {
      sheets.put(SheetLayout.MAIN, new Sheet(SheetLayout.MAIN, scratch.file("main.rows")));
    }
    for (String name : layout.sheetNames()) {
      Sheet sheet = sheets.get(name);
      if (sheet != null) {
        sheet.writeTo(sink);
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      for (Sheet sheet : sheets.values()) {
        sheet.out.close();
      }
    } finally {
      identifiers.close();
      scratch.close();
    }
  }

  /** One sheet's columns (in the order first met) and its spooled rows. */
  private final class Sheet {
    final String name;
    final Path file;
    final DataOutputStream out;
    final Map<String, Integer> columns = new LinkedHashMap<>();
    /** For each list (its path with positions, then its name), the highest position met: 0 means never a second item. */
    final Map<String, Integer> highest = new HashMap<>();
    long rows;

    Sheet(String name, Path file) throws IOException {
      this.name = name;
      this.file = file;
      this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)));
    }

    void append(int ordinal, String identifier, SheetRow row) throws IOException {
      rows++;
      out.writeInt(ordinal);
      RecordFormat.writeText(out, identifier);
      out.writeInt(row.cells().size() + (row.empty().isEmpty() ? 0 : 1));
      for (Map.Entry<String, String> cell : row.cells().entrySet()) {
        out.writeInt(column(cell.getKey()));
        RecordFormat.writeText(out, cell.getValue());
      }
      if (!row.empty().isEmpty()) {
        out.writeInt(column(SheetColumns.EMPTY));
        row.empty().forEach(this::noteListPositions);
        RecordFormat.writeText(out, String.join(" ", row.empty()));
      }
    }

    private int column(String column) {
      Integer index = columns.get(column);
      if (index == null) {
        index = columns.size();
        columns.put(column, index);
        if (!column.startsWith(SheetColumns.KEY) && !column.startsWith("@xmlns:")) {
          noteListPositions(column);
        }
      }
      return index;
    }

    private void noteListPositions(String path) {
      String at = "";
      for (PathHeader.Step step : PathHeader.parse(path).steps()) {
        highest.merge(at + step.name(), step.index(), Math::max);
        at = at + step.name() + "/" + step.index() + "/";
      }
    }

    void writeTo(SheetSink sink) throws IOException {
      out.close();
      int depth = name.equals(SheetLayout.MAIN) ? 0 : name.split("_").length;
      PathHeaderMapping.Records records = layout.records();
      String link = linkByIdentifier ? records.idColumn() : records.keyColumn();
      // In the main sheet the identifier's own column is the link, when it is one.
      String linkColumn = linkByIdentifier && depth == 0 ? link + "/0" : link;
      List<String> order = new ArrayList<>(columns.keySet());
      order.remove(linkColumn);
      // An item's own key is needed only where a sheet below has rows to put into it.
      if (sheets.keySet().stream().noneMatch(other -> other.startsWith(name + "_"))) {
        order.removeIf(column -> SheetColumns.isItemKey(column) && SheetColumns.keyPath(column).size() == depth);
      }
      order.sort(new ColumnOrder(order).comparator());
      List<String> header = new ArrayList<>();
      header.add(link);
      order.forEach(column -> header.add(shown(column, depth)));
      sink.startSheet(name, header);
      int[] place = new int[columns.size()];
      Arrays.fill(place, -1);
      for (int i = 0; i < order.size(); i++) {
        place[columns.get(order.get(i))] = i + 1;
      }
      Integer linkIndex = columns.get(linkColumn);
      int emptyIndex = columns.getOrDefault(SheetColumns.EMPTY, -1);
      try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
        String[] values = new String[header.size()];
        for (long r = 0; r < rows; r++) {
          Arrays.fill(values, "");
          int ordinal = in.readInt();
          String identifier = RecordFormat.readText(in);
          values[0] = linkByIdentifier ? identifier : String.valueOf(ordinal + 1);
          int cells = in.readInt();
          for (int c = 0; c < cells; c++) {
            int column = in.readInt();
            String value = RecordFormat.readText(in);
            if (linkIndex != null && column == linkIndex) {
              values[0] = value;
            } else if (place[column] > 0) {
              values[place[column]] = column == emptyIndex ? shownPaths(value, depth) : value;
            }
          }
          sink.row(Arrays.asList(values));
        }
      } catch (EOFException e) {
        throw new IOException("the spooled rows of the " + name + " sheet end early: " + file, e);
      }
    }

    /** The paths of an {@code #empty} cell as the header shows paths. */
    private String shownPaths(String paths, int depth) {
      List<String> shown = new ArrayList<>();
      for (String path : paths.split(" ")) {
        shown.add(shown(path, depth));
      }
      return String.join(" ", shown);
    }

    /**
     * A column as the header shows it: a position is left out where the list never has a second
     * item in this sheet ({@code title/narrative}), but kept for the sheet's own items
     * ({@code transaction/0/value}, as flatten-tool writes them).
     */
    private String shown(String column, int depth) {
      if (column.startsWith(SheetColumns.KEY) || column.startsWith("@xmlns:")) {
        return column;
      }
      PathHeader path = PathHeader.parse(column);
      StringBuilder shown = new StringBuilder();
      String at = "";
      List<PathHeader.Step> steps = path.steps();
      for (int i = 0; i < steps.size(); i++) {
        PathHeader.Step step = steps.get(i);
        shown.append(i == 0 ? "" : "/").append(step.name());
        if (i < depth || highest.getOrDefault(at + step.name(), 0) > 0) {
          shown.append('/').append(step.index());
        }
        at = at + step.name() + "/" + step.index() + "/";
      }
      if (path.attribute() != null) {
        shown.append(steps.isEmpty() ? "" : "/").append('@').append(path.attribute());
      }
      return shown.toString();
    }
  }

  /**
   * The order of a sheet's columns: keys, namespace declarations, then the paths in schema order
   * (an element's text, its attributes, its children; list items by position; extensions where the
   * schema leaves room, in the order first met), {@code #empty} last.
   */
  private final class ColumnOrder {
    private final Map<String, Integer> firstMet = new HashMap<>();

    ColumnOrder(List<String> columns) {
      for (String column : columns) {
        String at = "";
        for (String part : column.split("/")) {
          at = at.isEmpty() ? part : at + "/" + part;
          firstMet.putIfAbsent(at, firstMet.size());
        }
      }
    }

    Comparator<String> comparator() {
      Map<String, int[]> keys = new HashMap<>();
      return (a, b) -> Arrays.compare(keys.computeIfAbsent(a, this::key), keys.computeIfAbsent(b, this::key));
    }

    private int[] key(String column) {
      if (column.equals(SheetColumns.EMPTY)) {
        return new int[] {9};
      }
      if (column.startsWith(SheetColumns.KEY)) {
        return new int[] {1, column.split("/").length};
      }
      if (column.startsWith("@xmlns:")) {
        return new int[] {2, firstMet.get(column)};
      }
      List<Integer> key = new ArrayList<>(List.of(3));
      PathHeader path = PathHeader.parse(column);
      ModelType type = layout.root();
      String at = "";
      for (PathHeader.Step step : path.steps()) {
        at = at.isEmpty() ? step.name() : at + "/" + step.name();
        ModelType.Slot slot = type == null || step.name().contains(":") ? null : type.element(new QName(step.name()));
        key.add(2);
        key.add(type == null ? 0 : layout.rank(type, new QName(step.name()), false));
        at = at + "/" + step.index();
        // Model elements by position; others (extensions) in the order first met, which keeps
        // differently named ones in document order.
        key.add(slot == null ? firstMet.get(at) : 0);
        key.add(slot == null ? 0 : step.index());
        type = slot == null ? null : slot.model();
      }
      if (path.attribute() != null) {
        String attribute = path.attribute();
        boolean plain = !attribute.contains(":");
        key.add(1);
        key.add(type == null || !plain ? Integer.MAX_VALUE : layout.rank(type, new QName(attribute), true));
        key.add(firstMet.get(column));
      } else {
        key.add(0);
      }
      return key.stream().mapToInt(Integer::intValue).toArray();
    }
  }
}
