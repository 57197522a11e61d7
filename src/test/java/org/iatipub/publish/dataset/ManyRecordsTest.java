package org.iatipub.publish.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.iatipub.validation.DocumentKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thirty thousand records through a release, night after night, straight into {@link Dataset}
 * (no CSV, no mapping): enough for every list and the state to go through their files on disk
 * (sort runs merged, change lists read back), and each list must still be exactly right, in order.
 */
class ManyRecordsTest {
  private static final String MONDAY = "2026-03-02T02:00:00Z";
  private static final String TUESDAY = "2026-03-03T02:00:00Z";
  private static final String WEDNESDAY = "2026-03-04T02:00:00Z";
  private static final int ALPHA = 20_000;
  private static final int BETA = 10_000;
  private static final int GAMMA = 100;

  @TempDir Path output;

  /** What one set's input holds for a record: its title, or null when it is withheld. */
  private record Input(String set, Map<String, String> records) {}

  private static String id(String set, int n) {
    return String.format(Locale.ROOT, "XM-EXAMPLE-%s-%05d", set, n);
  }

  private static byte[] xml(String id, String title) {
    return ("<iati-activity xml:lang=\"en\"><iati-identifier>" + id + "</iati-identifier><title><narrative>" + title
        + "</narrative></title></iati-activity>").getBytes(StandardCharsets.UTF_8);
  }

  /** 0..count-1 in a scrambled order, as a real export is not sorted by identifier. */
  private static List<Integer> scrambled(int count) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      order.add((int) ((i * 7_919L) % count));
    }
    return order;
  }

  private ChangeReport night(String when, List<Input> sets) throws IOException {
    try (Release release = Release.begin(output, when, Layout.standard(), Progress.NONE)) {
      for (Input input : sets) {
        Dataset dataset = release.dataset(input.set(), input.set(), DocumentKind.ACTIVITIES);
        for (Map.Entry<String, String> record : input.records().entrySet()) {
          if (record.getValue() == null) {
            dataset.withhold(record.getKey());
          } else {
            dataset.add(record.getKey(), null, xml(record.getKey(), record.getValue()));
          }
        }
        if (dataset.records() == 0) {
          release.keepPrevious(dataset);
        }
      }
      return release.commit().changes();
    }
  }

  /** Monday: alpha (every 500th record from the third withheld), beta, gamma. */
  private static List<Input> monday() {
    Map<String, String> alpha = new LinkedHashMap<>();
    for (int n : scrambled(ALPHA)) {
      alpha.put(id("A", n), n % 500 == 3 ? null : "Project " + n);
    }
    Map<String, String> beta = new LinkedHashMap<>();
    for (int n : scrambled(BETA)) {
      beta.put(id("B", n), "Project " + n);
    }
    Map<String, String> gamma = new LinkedHashMap<>();
    for (int n : scrambled(GAMMA)) {
      gamma.put(id("G", n), "Project " + n);
    }
    return List.of(new Input("alpha", alpha), new Input("gamma", gamma), new Input("beta", beta));
  }

  /**
   * Tuesday: in alpha every 11th record is gone, every 13th withheld, every 7th changed, and a
   * thousand new; gamma is withheld whole (so its files and state stay); beta is gone.
   */
  private static List<Input> tuesday() {
    Map<String, String> alpha = new LinkedHashMap<>();
    for (int n : scrambled(ALPHA + 1_000)) {
      if (n % 11 == 0 && n < ALPHA) {
        continue;
      }
      alpha.put(id("A", n), n % 13 == 0 && n < ALPHA ? null : n % 7 == 0 ? "Changed project " + n : "Project " + n);
    }
    Map<String, String> gamma = new LinkedHashMap<>();
    for (int n : scrambled(GAMMA)) {
      gamma.put(id("G", n), null);
    }
    return List.of(new Input("alpha", alpha), new Input("gamma", gamma));
  }

  @Test
  void everyChangeIsCountedAndListedInOrderNightAfterNight() throws IOException {
    try (ChangeReport monday = night(MONDAY, monday())) {
      int withheld = (ALPHA - 3 + 499) / 500;
      assertEquals(ALPHA - withheld + BETA + GAMMA, monday.added().size());
      assertEquals(withheld, monday.withheld().size());
      List<ChangeReport.Change> added = new ArrayList<>();
      for (Input set : monday()) {
        set.records().entrySet().stream().filter(r -> r.getValue() != null).map(Map.Entry::getKey).sorted()
            .forEach(id -> added.add(new ChangeReport.Change(set.set(), id, set.set() + ".xml")));
      }
      assertEquals(added, monday.added(), "by set in the order published, then by identifier");
      assertEquals(new ChangeReport.Change("alpha", id("A", 3), null), monday.withheld().get(0), "never published: no file");
      assertEquals(List.of(), monday.changed());
      assertEquals(List.of(), monday.removed());
      assertEquals(0, monday.unchanged());
    }
    Map<String, PublishState.Entry> mondayState = state();

    List<ChangeReport.Change> added = new ArrayList<>();
    List<ChangeReport.Change> changed = new ArrayList<>();
    List<ChangeReport.Change> removed = new ArrayList<>();
    List<ChangeReport.Change> withheld = new ArrayList<>();
    int unchanged = 0;
    for (int n = 0; n < ALPHA + 1_000; n++) {
      boolean before = n < ALPHA && n % 500 != 3;
      String file = before ? "alpha.xml" : null;
      if (n < ALPHA && n % 11 == 0) {
        if (before) {
          removed.add(new ChangeReport.Change("alpha", id("A", n), file));
        }
      } else if (n < ALPHA && n % 13 == 0) {
        withheld.add(new ChangeReport.Change("alpha", id("A", n), file));
      } else if (!before) {
        added.add(new ChangeReport.Change("alpha", id("A", n), "alpha.xml"));
      } else if (n % 7 == 0) {
        changed.add(new ChangeReport.Change("alpha", id("A", n), "alpha.xml"));
      } else {
        unchanged++;
      }
    }
    for (int n = 0; n < GAMMA; n++) {
      withheld.add(new ChangeReport.Change("gamma", id("G", n), "gamma.xml"));
    }
    for (int n = 0; n < BETA; n++) {
      removed.add(new ChangeReport.Change("beta", id("B", n), "beta.xml"));
    }
    try (ChangeReport tuesday = night(TUESDAY, tuesday())) {
      assertEquals(added, tuesday.added());
      assertEquals(changed, tuesday.changed());
      assertEquals(removed, tuesday.removed(), "this run's sets first, then the sets gone from the input");
      assertEquals(withheld, tuesday.withheld());
      assertEquals(unchanged, tuesday.unchanged());
    }

    Map<String, PublishState.Entry> tuesdayState = state();
    for (int n = 0; n < ALPHA; n++) {
      PublishState.Entry now = tuesdayState.get("alpha\0" + id("A", n));
      PublishState.Entry was = mondayState.get("alpha\0" + id("A", n));
      String what = id("A", n) + ": " + now;
      if (n % 11 == 0) {
        assertEquals(null, now, what);
      } else if (n % 13 == 0) {
        assertEquals(was == null ? null : was.asWithheld(), now, "a withheld record keeps its entry, marked; " + what);
      } else if (was == null) {
        assertEquals(TUESDAY, now.lastUpdated(), what);
      } else {
        assertEquals(n % 7 == 0 ? TUESDAY : MONDAY, now.lastUpdated(), what);
      }
    }
    for (int n = 0; n < GAMMA; n++) {
      assertEquals(mondayState.get("gamma\0" + id("G", n)), tuesdayState.get("gamma\0" + id("G", n)), "gamma is kept");
    }
    assertTrue(tuesdayState.keySet().stream().noneMatch(key -> key.startsWith("beta\0")), "a set gone has no state");

    Map<String, byte[]> tuesdayFiles = files();
    try (ChangeReport wednesday = night(WEDNESDAY, tuesday())) {
      assertTrue(wednesday.nothingChanged(), wednesday.toString());
      assertEquals(added.size() + changed.size() + unchanged, wednesday.unchanged(), "everything published on Tuesday");
    }
    Map<String, byte[]> wednesdayFiles = files();
    assertEquals(tuesdayFiles.keySet(), wednesdayFiles.keySet());
    tuesdayFiles.forEach((name, bytes) -> assertArrayEquals(bytes, wednesdayFiles.get(name), name + " changed"));
  }

  /** The state file as "set NUL identifier" to entry, checking it is sorted as it goes. */
  private Map<String, PublishState.Entry> state() throws IOException {
    Map<String, PublishState.Entry> entries = new TreeMap<>();
    List<String> order = new ArrayList<>();
    PublishState.read(output.resolve(PublishState.FILE), (set, id, entry) -> {
      order.add(set + '\0' + id);
      entries.put(set + '\0' + id, entry);
    });
    assertEquals(new ArrayList<>(new TreeSet<>(order)), order, "the state is sorted by set, then identifier");
    return entries;
  }

  private Map<String, byte[]> files() throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.list(output)) {
      for (Path file : all.filter(Files::isRegularFile).toList()) {
        files.put(file.getFileName().toString(), Files.readAllBytes(file));
      }
    }
    return files;
  }
}
