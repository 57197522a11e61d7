package org.iatipub.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A night's changes to a {@link SyntheticPortfolio}'s files, as a data team's export would bring
 * them: 1% of the activities changed (a cell of the main file and one transaction each), 0.5%
 * added (each next to the activity it was copied from, with rows in every file) and 0.5% removed
 * (with all their rows). The same seed picks the same activities. Edits the files in place, line
 * by line: the generator writes one record per line, each starting with its activity's id.
 *
 * <p>Usage: {@code NextNight DIR own|path-headers [SEED]}.
 */
public final class NextNight {
  /** One input form's files: the main file, its title column, the transactions' value column, the other files. */
  private record Form(String main, String title, String value, List<String> children) {}

  private static final Form OWN = new Form("projects.csv", "title_en", "amount",
      List.of("participants.csv", "budgets.csv", "transactions.csv", "deliverables.csv", "sectors.csv", "countries.csv"));
  private static final Form PATH_HEADERS = new Form("activities.csv", "title/narrative/0", "transaction/0/value",
      List.of("transactions.csv", "countries.csv"));

  /** What the night did. */
  public record Changes(int changed, int added, int removed) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d changed, %d added, %d removed", changed, added, removed);
    }
  }

  private NextNight() {}

  public static void main(String[] args) throws IOException {
    Changes changes = apply(Path.of(args[0]), args[1].equals("own"), args.length > 2 ? Long.parseLong(args[2]) : 1L);
    System.out.println(changes);
  }

  /** Changes the files of the portfolio in {@code dir} (own columns or path headers). */
  public static Changes apply(Path dir, boolean own, long seed) throws IOException {
    Form form = own ? OWN : PATH_HEADERS;
    SplittableRandom random = new SplittableRandom(seed);
    Set<String> changed = new HashSet<>();
    Set<String> removed = new HashSet<>();
    Map<String, String> added = new HashMap<>(); // the activity copied, to the copy's id
    for (String id : ids(dir.resolve(form.main()))) {
      double pick = random.nextDouble();
      if (pick < 0.01) {
        changed.add(id);
      } else if (pick < 0.015) {
        removed.add(id);
      } else if (pick < 0.02) {
        added.put(id, id + "-NEW");
      }
    }
    rewrite(dir.resolve(form.main()), form.title(), changed, removed, added, " (revised)");
    for (String child : form.children()) {
      rewrite(dir.resolve(child), child.equals("transactions.csv") ? form.value() : null, changed, removed, added, null);
    }
    return new Changes(changed.size(), added.size(), removed.size());
  }

  private static List<String> ids(Path file) throws IOException {
    List<String> ids = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        ids.add(id(line));
      }
    }
    return ids;
  }

  /**
   * Rewrites one file: rows of removed activities left out, a copy of each row of a copied activity
   * after it, and the first row of each changed activity with its {@code column} changed (a text
   * gets {@code suffix}, a number grows by one); no column, no change.
   */
  private static void rewrite(Path file, String column, Set<String> changed, Set<String> removed,
      Map<String, String> added, String suffix) throws IOException {
    Path edited = file.resolveSibling(file.getFileName() + ".next");
    Set<String> done = new HashSet<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        BufferedWriter out = Files.newBufferedWriter(edited, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      List<String> names = cells(header);
      if (!names.get(0).equals("iati-identifier") && !names.get(0).equals("project_code")) {
        throw new IllegalArgumentException(file + " does not start with its activity's id: " + names.get(0));
      }
      int at = column == null ? -1 : names.indexOf(column);
      out.write(header);
      out.newLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String id = id(line);
        if (removed.contains(id)) {
          continue;
        }
        if (at >= 0 && changed.contains(id) && done.add(id)) {
          List<String> cells = cells(line);
          String value = cells.get(at);
          cells.set(at, suffix == null ? String.valueOf(Long.parseLong(value.replaceAll("\\..*", "")) + 1)
              + value.replaceAll("^[0-9]+", "") : value + suffix);
          line = SyntheticPortfolio.csvRow(cells);
        }
        out.write(line);
        out.newLine();
        if (added.containsKey(id)) {
          List<String> cells = cells(line);
          cells.set(0, added.get(id));
          out.write(SyntheticPortfolio.csvRow(cells));
          out.newLine();
        }
      }
    }
    Files.move(edited, file, StandardCopyOption.REPLACE_EXISTING);
  }

  /** The id a line starts with: ids hold no delimiter or quote. */
  private static String id(String line) {
    int comma = line.indexOf(',');
    return comma < 0 ? line : line.substring(0, comma);
  }

  private static List<String> cells(String line) throws IOException {
    try (CSVParser parser = CSVParser.parse(new StringReader(line), CSVFormat.DEFAULT)) {
      CSVRecord record = parser.iterator().next();
      return new ArrayList<>(record.toList());
    }
  }
}
