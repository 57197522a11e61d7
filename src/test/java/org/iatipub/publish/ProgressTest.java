package org.iatipub.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.iatipub.mapping.ActivityBinder;
import org.iatipub.publish.dataset.Progress;
import org.iatipub.validation.SchemaSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A long run says how far it is: each set announces its activities, then counts them off. */
class ProgressTest {
  @TempDir Path input;
  @TempDir Path output;

  /** Remembers what a progress display is told. */
  static final class Told implements Progress {
    final Map<String, Long> expected = new TreeMap<>();
    final Map<String, Long> decided = new TreeMap<>();
    final List<String> order = new ArrayList<>();
    boolean finished;

    @Override
    public synchronized void expect(String set, long records) {
      expected.merge(set, records, Long::sum);
      order.add("expect " + set);
    }

    @Override
    public synchronized void record(String set) {
      if (!decided.containsKey(set)) {
        order.add("first " + set);
      }
      decided.merge(set, 1L, Long::sum);
    }

    @Override
    public synchronized void finished() {
      finished = true;
    }
  }

  @Test
  void eachSetAnnouncesAsManyActivitiesAsItThenDecidesOn() throws Exception {
    OwnForm.write(input, "sectors.csv", "code,theme,share\nET-22-01-NLD,EMP-YUOTH,100\nKH-23-02-SWE,SOCPRO,100\n");
    Told told = new Told();
    new Publisher(ActivityBinder.create(), SchemaSet.bundled().activities(),
        Clock.fixed(Instant.parse("2025-07-01T02:00:00Z"), ZoneOffset.UTC))
        .publish(new PublishRequest(input, null, output, ',', null, false), finding -> {}, told)
        .close(); // only its tells are looked at; closing removes its change lists

    String set = input.getFileName().toString();
    assertEquals(Map.of(set, 2L), told.expected, "one published, one withheld: both announced");
    assertEquals(told.expected, told.decided);
    assertEquals(List.of("expect " + set, "first " + set), told.order);
    assertTrue(told.finished, "the display is told when the run is done");
  }
}
