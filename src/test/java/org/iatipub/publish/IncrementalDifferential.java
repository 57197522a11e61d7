package org.iatipub.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.iatipub.publish.dataset.Layout;
import org.iatipub.publish.dataset.SplitRule;

/**
 * {@link EditScript} at a size and length the unit suite has no time for: both input forms, one
 * file split by size and one by country, as many nights and activities as asked. Stops at the first
 * difference between a night taking what did not change and one building everything.
 *
 * <p>Usage: {@code IncrementalDifferential ACTIVITIES NIGHTS SEED [WORK_DIR]} (a temporary
 * directory by default), from the project root (the own form's crosswalks come from
 * {@code samples/crosswalks}).
 */
public final class IncrementalDifferential {
  private IncrementalDifferential() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: IncrementalDifferential ACTIVITIES NIGHTS SEED [WORK_DIR]");
      System.exit(2);
    }
    int activities = Integer.parseInt(args[0]);
    int nights = Integer.parseInt(args[1]);
    long seed = Long.parseLong(args[2]);
    Path work = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("iatipub-differential-");
    int script = 0;
    for (EditScript.Form form : EditScript.Form.values()) {
      for (Layout layout : List.of(new Layout(SplitRule.NONE, 40_000L * Math.max(1, activities / 50)),
          new Layout(SplitRule.COUNTRY, 20_000L * Math.max(1, activities / 50)))) {
        Path dir = work.resolve("script-" + script++);
        long started = System.nanoTime();
        int taken = EditScript.run(dir, form, seed + script, layout, activities, 5, nights, System.out::println);
        System.out.printf(Locale.ROOT, "%s, %s: %d nights the same as full runs, %d activities taken (%.1f s)%n", form,
            layout, nights, taken, (System.nanoTime() - started) / 1e9);
      }
    }
    System.out.println("no difference; work files in " + work);
  }
}
