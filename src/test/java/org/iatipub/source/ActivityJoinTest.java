package org.iatipub.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.iatipub.finding.Finding;
import org.iatipub.scratch.ScratchDir;
import org.iatipub.scratch.ScratchDirectories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming join gives each activity exactly the rows the in-memory {@link LinkedRows} gives
 * it, in file order, whatever order the child files are in, and rejects the same rows.
 */
class ActivityJoinTest {
  @TempDir Path dir;

  private final List<Finding> findings = new ArrayList<>();

  private Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private ActivityJoin join(int chunkRows) throws Exception {
    return ActivityJoin.stage(new ActivityJoin.Source("projects", new CsvFile(dir.resolve("projects.csv"), "projects.csv", ','), "code"),
        List.of(new ActivityJoin.Source("transactions", new CsvFile(dir.resolve("transactions.csv"), "transactions.csv", ','), "code")),
        "project id", findings::add, (id, row) -> {}, chunkRows);
  }

  private static List<ActivityRows> drain(ActivityJoin join) throws Exception {
    List<ActivityRows> all = new ArrayList<>();
    for (ActivityRows rows = join.next(); rows != null; rows = join.next()) {
      all.add(rows);
    }
    return all;
  }

  private static String describe(ActivityRows rows) {
    return rows.id() + "@" + rows.main().row() + rows.children("transactions").stream()
        .map(r -> r.row() + ":" + r.get("amount")).toList() + rows.findings().stream().map(Finding::rule).toList();
  }

  @Test
  void rowsOfAnUnsortedChildFileJoinTheirActivityInFileOrder() throws Exception {
    write("projects.csv", "code,title\nA,Alpha\nB,Beta\nC,Gamma\n");
    write("transactions.csv", "code,amount\nC,1\nA,2\nB,3\nA,4\nC,5\nA,6\nB,7\n");

    // Chunks of two rows force several sorted runs, merged on reading.
    try (ActivityJoin join = join(2)) {
      assertEquals(List.of("A@2[3:2, 5:4, 7:6][]", "B@3[4:3, 8:7][]", "C@4[2:1, 6:5][]"),
          drain(join).stream().map(ActivityJoinTest::describe).toList());
      assertTrue(findings.isEmpty(), findings.toString());
    }
  }

  @Test
  void rowsBelongingToNoActivityAreRejectedAndCounted() throws Exception {
    write("projects.csv", "code,title\nA,Alpha\n,Nameless\nA,Alpha again\nB,Beta\n");
    write("transactions.csv", "code,amount\nB,1\nZ,2\n,3\nA,4\n");

    try (ActivityJoin join = join(StagedRow.CHUNK_ROWS)) {
      assertEquals(List.of("A@2[5:4][source/duplicate-id]", "B@5[2:1][]"),
          drain(join).stream().map(ActivityJoinTest::describe).toList());
      assertEquals(2, join.unlinked("projects.csv"));
      assertEquals(2, join.unlinked("transactions.csv"));
      assertEquals(List.of("projects.csv:3:code", "projects.csv:4:code", "transactions.csv:3:code", "transactions.csv:4:code"),
          findings.stream().map(f -> f.location().toString()).toList());
      assertTrue(findings.get(1).message().contains("is also in row 2"), findings.get(1).message());
    }
  }

  @Test
  void aFileNotReadToItsEndHandsOutNoActivity() throws Exception {
    write("projects.csv", "code,title\nA,Alpha\n");
    write("transactions.csv", "code,amount\nA,1\nA,\"2\n");

    try (ActivityJoin join = join(StagedRow.CHUNK_ROWS)) {
      assertFalse(join.complete());
      assertEquals(1, join.readings().get(1).rowsKept());
      assertThrows(IllegalStateException.class, join::next);
    }
  }

  @Test
  void theStreamingJoinAgreesWithTheInMemoryLink() throws Exception {
    SplittableRandom random = new SplittableRandom(6);
    StringBuilder projects = new StringBuilder("code,title\n");
    StringBuilder transactions = new StringBuilder("code,amount\n");
    for (int i = 0; i < 300; i++) {
      projects.append(random.nextInt(10) == 0 ? "" : "P" + random.nextInt(280)).append(",T").append(i).append('\n');
    }
    for (int i = 0; i < 3000; i++) {
      transactions.append(random.nextInt(50) == 0 ? "" : "P" + random.nextInt(300)).append(',').append(i).append('\n');
    }
    Path main = write("projects.csv", projects.toString());
    Path child = write("transactions.csv", transactions.toString());
    LinkedRows linked = LinkedRows.link(new LinkedRows.Linked(CsvTable.read(main, "projects.csv", ','), "code"),
        Map.of("transactions", new LinkedRows.Linked(CsvTable.read(child, "transactions.csv", ','), "code")), "project id");

    try (ActivityJoin join = join(97)) {
      assertEquals(linked.activities().stream().map(ActivityJoinTest::describe).toList(),
          drain(join).stream().map(ActivityJoinTest::describe).toList());
      assertEquals(linked.rejected().size(), join.unlinked("projects.csv") + join.unlinked("transactions.csv"));
      assertEquals(linked.findings().stream().map(Finding::toString).sorted().toList(),
          findings.stream().map(Finding::toString).sorted().toList());
      assertNull(join.next());
    }
  }

  @Test
  void amongFiftyThousandActivitiesEveryRepeatedAndEveryUnknownIdIsFound() throws Exception {
    int activities = 50_000;
    // Ids in no particular order and of varying length, so the index cannot lean on sorted keys.
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < activities; i++) {
      ids.add("AC-" + Integer.toString(i * 7919 % 1_000_003, 36) + (i % 3 == 0 ? "-X" : ""));
    }
    Collections.shuffle(ids, new Random(6));
    List<String> expected = new ArrayList<>();
    Map<String, Integer> firstRow = new HashMap<>();
    List<String> projects = new ArrayList<>(List.of("code,title"));
    for (int i = 0; i < activities; i++) {
      projects.add(ids.get(i) + ",T" + i);
      firstRow.put(ids.get(i), projects.size());
      if (i % 1000 == 999) {
        // The id of the row 500 activities back comes again.
        String again = ids.get(i - 500);
        projects.add(again + ",again");
        expected.add("projects.csv:" + projects.size() + ":code source/duplicate-id also in row " + firstRow.get(again));
      }
    }
    // Two transactions per activity, scrambled, and a transaction of an unknown project every 2,000.
    List<Integer> amounts = new ArrayList<>();
    for (int i = 0; i < 2 * activities; i++) {
      amounts.add(i);
    }
    Collections.shuffle(amounts, new Random(7));
    List<String> transactions = new ArrayList<>(List.of("code,amount"));
    for (int i = 0; i < amounts.size(); i++) {
      if (i % 2000 == 0) {
        transactions.add("ZZ-" + i + ",0");
        expected.add("transactions.csv:" + transactions.size() + ":code source/unknown-id 'ZZ-" + i + "'");
      }
      transactions.add(ids.get(amounts.get(i) / 2) + "," + amounts.get(i));
    }
    write("projects.csv", String.join("\n", projects) + "\n");
    write("transactions.csv", String.join("\n", transactions) + "\n");

    try (ActivityJoin join = join(5_000)) {
      assertEquals(activities, join.activities());
      assertTrue(join.contains(ids.get(activities - 1)));
      assertFalse(join.contains("ZZ-0"));
      assertEquals(expected, findings.stream().map(f -> f.location() + " " + f.rule() + " " + named(f.message())).toList());
      int n = 0;
      for (ActivityRows rows = join.next(); rows != null; rows = join.next(), n++) {
        assertEquals(ids.get(n), rows.id());
        List<SourceRow> own = rows.children("transactions");
        assertEquals(Set.of(String.valueOf(2 * n), String.valueOf(2 * n + 1)),
            own.stream().map(r -> r.get("amount")).collect(Collectors.toSet()), rows.id());
        assertTrue(own.get(0).row() < own.get(1).row(), "in file order: " + rows.id());
        assertEquals(n % 1000 == 499 ? List.of("source/duplicate-id") : List.of(),
            rows.findings().stream().map(Finding::rule).toList(), rows.id());
      }
      assertEquals(activities, n);
      assertEquals(activities / 1000, join.unlinked("projects.csv"));
      assertEquals(2 * activities / 2000, join.unlinked("transactions.csv"));
    }
  }

  /** What a finding's message says of the row it repeats, or the id no project has. */
  private static String named(String message) {
    Matcher named = Pattern.compile("also in row [0-9]+|'ZZ-[0-9]+'").matcher(message);
    return named.find() ? named.group() : message;
  }

  /** This run's staging directories: other runs (publishing on the same machine) come and go meanwhile. */
  private static List<Path> staging() throws Exception {
    return ScratchDirectories.of("join");
  }

  @Test
  void theStagingAreaIsRemovedOnClose() throws Exception {
    write("projects.csv", "code,title\nA,Alpha\n");
    write("transactions.csv", "code,amount\nA,1\n");
    List<Path> before = staging();
    try (ActivityJoin join = join(StagedRow.CHUNK_ROWS)) {
      assertEquals(before.size() + 1, staging().size());
    }
    assertEquals(before, staging());
  }

  /** The index directories of this run's joins, as {@link org.iatipub.scratch.DiskIndex} names them. */
  private static List<Path> indexes() throws Exception {
    return ScratchDirectories.of("index-join-ids");
  }

  @Test
  void theIndexOfIdsIsRemovedOnClose() throws Exception {
    write("projects.csv", "code,title\nA,Alpha\n");
    write("transactions.csv", "code,amount\nA,1\n");
    List<Path> before = indexes();
    try (ActivityJoin join = join(StagedRow.CHUNK_ROWS)) {
      assertEquals(before.size() + 1, indexes().size());
      assertTrue(join.contains("A"));
    }
    assertEquals(before, indexes());
  }

  @Test
  void nothingStagedOrIndexedIsLeftWhenStagingFails() throws Exception {
    write("projects.csv", "code,title\nA,Alpha\nB,Beta\n");
    List<Path> stagingBefore = staging();
    List<Path> indexesBefore = indexes();

    // The main file is indexed and staged, then a child file cannot be opened.
    assertThrows(java.nio.file.NoSuchFileException.class, () -> join(StagedRow.CHUNK_ROWS));
    assertEquals(stagingBefore, staging());
    assertEquals(indexesBefore, indexes());

    // The caller's handling of a main row fails half way through the main file.
    write("transactions.csv", "code,amount\nA,1\n");
    IllegalStateException failure = assertThrows(IllegalStateException.class, () -> ActivityJoin.stage(
        new ActivityJoin.Source("projects", new CsvFile(dir.resolve("projects.csv"), "projects.csv", ','), "code"),
        List.of(new ActivityJoin.Source("transactions", new CsvFile(dir.resolve("transactions.csv"), "transactions.csv", ','), "code")),
        "project id", findings::add, (id, row) -> {
          if (id.equals("B")) {
            throw new IllegalStateException("the caller gave up at " + id);
          }
        }));
    assertEquals("the caller gave up at B", failure.getMessage());
    assertEquals(stagingBefore, staging());
    assertEquals(indexesBefore, indexes());
  }

  @Test
  void theStagingLeftByAKilledRunIsRemovedByTheNext() throws Exception {
    write("projects.csv", "code,title\nA,Alpha\n");
    write("transactions.csv", "code,amount\nA,1\n");
    // The id of a process that has ended, as a run killed earlier leaves it.
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    Path left = Files.createTempDirectory(ScratchDir.PREFIX + ended.pid() + "-join-");
    Files.writeString(left.resolve("run1.rows"), "staged rows");
    Path alive = Files.createTempDirectory(ScratchDir.PREFIX + ProcessHandle.current().pid() + "-join-");
    try {
      join(StagedRow.CHUNK_ROWS).close();
      assertFalse(Files.exists(left), "the dead run's staging is gone");
      assertTrue(Files.exists(alive), "a live run's staging stays");
    } finally {
      Files.deleteIfExists(alive);
    }
  }
}
