package org.iatipub.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iatipub.publish.EditScript.Form;
import org.iatipub.publish.EditScript.Night;
import org.iatipub.publish.dataset.Layout;
import org.iatipub.publish.dataset.SplitRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A night that takes the activities whose input did not change from the published files gives
 * what a night that builds every activity gives ({@code --full}), over the same input and the same
 * previous output: the same files, byte for byte, the same manifest, the same findings in the same
 * order, the same change report, and the same state but for when each activity was checked. And
 * it takes exactly the activities published the night before whose rows, and what their mapping
 * takes from other activities, did not change.
 *
 * <p>Shown by random edit scripts ({@link EditScript}) over a generated portfolio (fixed seeds), in
 * both input forms and as a workbook, split by size and by country; and by the published files
 * changed under it.
 */
class IncrementalRunTest {
  private static final int ACTIVITIES = 16;
  private static final int TRANSACTIONS = 3;
  private static final int NIGHTS = 6;

  @TempDir Path work;

  private void script(Form form, long seed, Layout layout) throws Exception {
    EditScript.run(work, form, seed, layout, ACTIVITIES, TRANSACTIONS, NIGHTS, line -> { });
  }

  private static Night night(Form form, Path input, Path output, Layout layout, int n, String codelists, boolean full)
      throws Exception {
    return EditScript.night(form, input, output, layout, n, codelists, full);
  }

  private static void assertSame(Night full, Night incremental, String what) {
    EditScript.assertSame(full, incremental, what);
  }

  private static void copy(Path from, Path to) throws Exception {
    EditScript.copy(from, to);
  }

  @Test
  void ownColumnsSplitBySize() throws Exception {
    script(Form.OWN, 15_01L, new Layout(SplitRule.NONE, 24_000));
  }

  @Test
  void ownColumnsSplitByCountryAndSize() throws Exception {
    script(Form.OWN, 15_02L, new Layout(SplitRule.COUNTRY, 12_000));
  }

  @Test
  void pathHeadersSplitBySize() throws Exception {
    script(Form.PATH_HEADERS, 15_03L, new Layout(SplitRule.NONE, 24_000));
  }

  @Test
  void pathHeadersSplitByCountry() throws Exception {
    script(Form.PATH_HEADERS, 15_04L, new Layout(SplitRule.COUNTRY, Layout.DEFAULT_MAX_FILE_SIZE));
  }

  @Test
  void aWorkbookSplitByCountryAndSize() throws Exception {
    script(Form.WORKBOOK, 15_05L, new Layout(SplitRule.COUNTRY, 12_000));
  }

  @Test
  void anActivityWhoseBytesInThePublishedFileChangedIsBuiltAgain() throws Exception {
    Path input = OwnForm.write(work.resolve("input"));
    Path output = work.resolve("output");
    night(Form.OWN, input, output, Layout.standard(), 0, "sha256:a", false);
    Path file = output.resolve("ilo-input.xml");
    String published = Files.readString(file);
    Files.writeString(file, published.replace("women and men in Ethiopia", "women and men in Ethiopie"));

    Path full = work.resolve("full");
    copy(output, full);
    Night incremental = night(Form.OWN, input, output, Layout.standard(), 1, "sha256:a", false);
    Night rebuilt = night(Form.OWN, input, full, Layout.standard(), 1, "sha256:a", true);

    assertSame(rebuilt, incremental, "after the file was edited");
    assertEquals(1, incremental.taken(), "the other activity's bytes are as written");
    assertEquals(published.replace("generated-datetime=\"2025-07-01T02:00:00Z\"", "generated-datetime=\"2025-07-02T02:00:00Z\""),
        Files.readString(file), "the file is as published before it was edited, and generated now");
  }

  @Test
  void activitiesOfAPublishedFileThatIsGoneAreBuiltAgain() throws Exception {
    Path input = OwnForm.write(work.resolve("input"));
    Path output = work.resolve("output");
    night(Form.OWN, input, output, Layout.standard(), 0, "sha256:a", false);
    Files.delete(output.resolve("ilo-input.xml"));

    Path full = work.resolve("full");
    copy(output, full);
    Night incremental = night(Form.OWN, input, output, Layout.standard(), 1, "sha256:a", false);
    Night rebuilt = night(Form.OWN, input, full, Layout.standard(), 1, "sha256:a", true);

    assertSame(rebuilt, incremental, "after the file was deleted");
    assertEquals(0, incremental.taken());
  }

  @Test
  void activitiesCheckedOnALaterDayThanTodayAreBuiltAgain() throws Exception {
    Path input = OwnForm.write(work.resolve("input"));
    Path output = work.resolve("output");
    night(Form.OWN, input, output, Layout.standard(), 3, "sha256:a", false);

    // The clock was set back: what the date checks passed on the 4th they might not pass on the 2nd.
    Night earlier = night(Form.OWN, input, output, Layout.standard(), 1, "sha256:a", false);

    assertEquals(0, earlier.taken());
    assertEquals(2, night(Form.OWN, input, output, Layout.standard(), 1, "sha256:a", false).taken(), "checked on the 2nd now");
  }

  @Test
  void aFullRunBuildsEveryActivityAndGivesTheSameOutput() throws Exception {
    Path input = OwnForm.write(work.resolve("input"));
    Path output = work.resolve("output");
    Night first = night(Form.OWN, input, output, Layout.standard(), 0, "sha256:a", false);

    Night full = night(Form.OWN, input, output, Layout.standard(), 1, "sha256:a", true);
    Night incremental = night(Form.OWN, input, output, Layout.standard(), 2, "sha256:a", false);

    assertEquals(0, full.taken());
    assertEquals(2, incremental.taken());
    assertEquals(first.files().keySet(), incremental.files().keySet());
    first.files().forEach((name, bytes) -> assertEquals(new String(bytes, StandardCharsets.UTF_8),
        new String(incremental.files().get(name), StandardCharsets.UTF_8), name));
  }
}
