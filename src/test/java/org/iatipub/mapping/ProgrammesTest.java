package org.iatipub.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.iatipub.publish.OwnForm;
import org.iatipub.source.SourceRow;
import org.junit.jupiter.api.BeforeEach;
import org.iatipub.scratch.ScratchDirectories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The programme hierarchy held on disk lists each project's sub-activities exactly as a map of
 * lists in memory would: in projects-file order, wherever the programme's own row is.
 */
class ProgrammesTest {
  @TempDir Path dir;

  private MappingFile mapping;

  @BeforeEach
  void loadMapping() throws Exception {
    // The projects file of OwnForm names a project's parent in its column "programme".
    mapping = MappingFile.load(OwnForm.write(dir).resolve("mapping.yaml"));
  }

  private static SourceRow project(long row, String code, String programme) {
    return new SourceRow("projects.csv", row, Map.of("code", code, "programme", programme));
  }

  @Test
  void subActivitiesComeInFileOrderWhereverTheirProgrammeStands() throws Exception {
    try (Programmes programmes = Programmes.create(mapping)) {
      programmes.learn("B", project(2, "B", "A"));
      programmes.learn("A", project(3, "A", "A")); // its own parent, after a sub-activity
      programmes.learn("C", project(4, "C", ""));
      programmes.learn("D", project(5, "D", "A"));
      programmes.learn("E", project(6, "E", "B")); // a sub-activity of a sub-activity
      programmes.learn("F", project(7, "F", "ELSEWHERE"));

      assertEquals(List.of("B", "A", "D"), programmes.subActivities("A"));
      assertEquals(List.of("E"), programmes.subActivities("B"));
      assertEquals(List.of(), programmes.subActivities("C"));
      assertEquals(List.of("F"), programmes.subActivities("ELSEWHERE"));
      assertEquals(List.of(), programmes.subActivities("NOWHERE"));
    }
  }

  @Test
  void theHierarchyOnDiskAgreesWithAMapInMemory() throws Exception {
    SplittableRandom random = new SplittableRandom(6);
    Map<String, List<String>> expected = new LinkedHashMap<>();
    List<String> ids = new ArrayList<>();
    try (Programmes programmes = Programmes.create(mapping)) {
      for (int i = 0; i < 20_000; i++) {
        String id = "P" + i;
        // Most projects stand alone; the others name an earlier, a later or an unknown project.
        String parent = switch (random.nextInt(6)) {
          case 0 -> "P" + random.nextInt(i + 1);
          case 1 -> "P" + (i + random.nextInt(20_000));
          case 2 -> "X" + random.nextInt(50);
          default -> "";
        };
        programmes.learn(id, project(i + 2, id, parent));
        if (!parent.isEmpty()) {
          expected.computeIfAbsent(parent, k -> new ArrayList<>()).add(id);
        }
        ids.add(id);
      }
      for (String id : ids) {
        assertEquals(expected.getOrDefault(id, List.of()), programmes.subActivities(id), id);
      }
      for (int x = 0; x < 50; x++) {
        assertEquals(expected.getOrDefault("X" + x, List.of()), programmes.subActivities("X" + x), "X" + x);
      }
    }
  }

  @Test
  void itsFilesAreRemovedOnClose() throws Exception {
    List<Path> before = ScratchDirectories.of("index-programmes");
    try (Programmes programmes = Programmes.create(mapping)) {
      programmes.learn("B", project(2, "B", "A"));
      assertEquals(before.size() + 1, ScratchDirectories.of("index-programmes").size());
    }
    assertEquals(before, ScratchDirectories.of("index-programmes"));
  }
}
