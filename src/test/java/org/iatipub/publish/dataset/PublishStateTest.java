package org.iatipub.publish.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iatipub.validation.DocumentKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state file stays the file it was: one written by the earlier version (which read and wrote
 * it whole) is read by a later run as it was meant, and the file a run writes is, byte for byte,
 * in that same form, so either version reads the other's.
 */
class PublishStateTest {
  private static final String MONDAY = "2026-03-02T02:00:00Z";
  private static final String TUESDAY = "2026-03-03T02:00:00Z";

  @TempDir Path output;

  private static byte[] xml(String id, String title) {
    return ("<iati-activity xml:lang=\"en\"><iati-identifier>" + id + "</iati-identifier><title><narrative>" + title
        + "</narrative></title></iati-activity>").getBytes(StandardCharsets.UTF_8);
  }

  private static String sha(String id, String title) {
    return ContentStamp.sha256(xml(id, title));
  }

  /** Last night's state as the earlier version wrote it (with a field it never had, to be skipped). */
  private String earlierState() {
    return """
        {
          "sets" : {
            "portfolio" : {
              "XM-1-back" : {
                "sha256" : "%s",
                "last-updated" : "2026-01-05T02:00:00Z",
                "file" : "portfolio.xml",
                "withheld" : true
              },
              "XM-1-changed" : {
                "sha256" : "%s",
                "last-updated" : "2026-01-06T02:00:00Z",
                "file" : "portfolio.xml",
                "withheld" : false
              },
              "XM-1-gone" : {
                "sha256" : "%s",
                "last-updated" : "2026-01-07T02:00:00Z",
                "file" : "portfolio-2.xml",
                "withheld" : false
              },
              "XM-1-same" : {
                "sha256" : "%s",
                "last-updated" : "2026-01-08T02:00:00Z",
                "file" : "portfolio.xml",
                "withheld" : false,
                "note" : {"kept": ["by", "hand"]}
              },
              "XM-1-still-withheld" : {
                "sha256" : "%s",
                "last-updated" : "2026-01-09T02:00:00Z",
                "file" : "portfolio.xml",
                "withheld" : true
              }
            },
            "retired" : {
              "XM-2-old" : {
                "sha256" : "%s",
                "last-updated" : "2025-12-01T02:00:00Z",
                "file" : "retired.xml",
                "withheld" : false
              }
            }
          }
        }
        """.formatted(sha("XM-1-back", "Back"), sha("XM-1-changed", "Before"), sha("XM-1-gone", "Gone"),
        sha("XM-1-same", "Same"), sha("XM-1-still-withheld", "Withheld"), sha("XM-2-old", "Old"));
  }

  @Test
  void aStateFileOfTheEarlierVersionIsReadByTheNextRun() throws IOException {
    Files.writeString(output.resolve(PublishState.FILE), earlierState(), StandardCharsets.UTF_8);

    ChangeReport changes;
    try (Release release = Release.begin(output, TUESDAY, Layout.standard(), Progress.NONE)) {
      Dataset portfolio = release.dataset("portfolio", "portfolio", DocumentKind.ACTIVITIES);
      portfolio.add("XM-1-same", null, xml("XM-1-same", "Same"));
      portfolio.add("XM-1-changed", null, xml("XM-1-changed", "After"));
      portfolio.add("XM-1-back", null, xml("XM-1-back", "Back"));
      portfolio.add("XM-1-new", null, xml("XM-1-new", "New"));
      portfolio.withhold("XM-1-still-withheld");
      changes = release.commit().changes();
    }
    try (changes) {
      assertEquals(List.of(new ChangeReport.Change("portfolio", "XM-1-back", "portfolio.xml"),
          new ChangeReport.Change("portfolio", "XM-1-new", "portfolio.xml")), changes.added());
      assertEquals(List.of(new ChangeReport.Change("portfolio", "XM-1-changed", "portfolio.xml")), changes.changed());
      assertEquals(List.of(new ChangeReport.Change("portfolio", "XM-1-gone", "portfolio-2.xml"),
          new ChangeReport.Change("retired", "XM-2-old", "retired.xml")), changes.removed());
      assertEquals(List.of(new ChangeReport.Change("portfolio", "XM-1-still-withheld", "portfolio.xml")), changes.withheld());
      assertEquals(1, changes.unchanged());
    }
    String published = Files.readString(output.resolve("portfolio.xml"));
    assertTrue(published.contains("<iati-activity last-updated-datetime=\"2026-01-08T02:00:00Z\" xml:lang=\"en\"><iati-identifier>XM-1-same<"),
        "unchanged: last night's timestamp\n" + published);
    assertTrue(published.contains("<iati-activity last-updated-datetime=\"2026-01-05T02:00:00Z\" xml:lang=\"en\"><iati-identifier>XM-1-back<"),
        "back with the content it had: the timestamp it had\n" + published);
    assertTrue(published.contains("<iati-activity last-updated-datetime=\"" + TUESDAY + "\" xml:lang=\"en\"><iati-identifier>XM-1-changed<"),
        published);
  }

  @Test
  void theStateIsWrittenInTheEarlierVersionsFormSortedByIdentifier() throws IOException {
    Files.writeString(output.resolve(PublishState.FILE), earlierState(), StandardCharsets.UTF_8);
    try (Release release = Release.begin(output, TUESDAY, Layout.standard(), Progress.NONE)) {
      Dataset portfolio = release.dataset("portfolio", "portfolio", DocumentKind.ACTIVITIES);
      portfolio.add("XM-1-same", null, xml("XM-1-same", "Same"));
      portfolio.withhold("XM-1-still-withheld");
      portfolio.add("XM-1-new", null, xml("XM-1-new", "New"));
      Dataset empty = release.dataset("an-empty-set", "an-empty-set", DocumentKind.ACTIVITIES);
      release.keepPrevious(empty);
      release.commit().changes().close();
    }

    assertEquals("""
        {
          "sets" : {
            "an-empty-set" : { },
            "portfolio" : {
              "XM-1-new" : {
                "sha256" : "%s",
                "last-updated" : "%s",
                "file" : "portfolio.xml",
                "withheld" : false
              },
              "XM-1-same" : {
                "sha256" : "%s",
                "last-updated" : "2026-01-08T02:00:00Z",
                "file" : "portfolio.xml",
                "withheld" : false
              },
              "XM-1-still-withheld" : {
                "sha256" : "%s",
                "last-updated" : "2026-01-09T02:00:00Z",
                "file" : "portfolio.xml",
                "withheld" : true
              }
            }
          }
        }
        """.formatted(sha("XM-1-new", "New"), TUESDAY, sha("XM-1-same", "Same"), sha("XM-1-still-withheld", "Withheld")),
        Files.readString(output.resolve(PublishState.FILE), StandardCharsets.UTF_8));
  }

  @Test
  void aRecordNeverPublishedHasANullFileWhenWritten() throws IOException {
    Path file = output.resolve("state.json");
    PublishState.write(file, state -> {
      state.set("portfolio");
      state.entry("XM-1", new PublishState.Entry("ab", MONDAY, null, true));
    });
    assertTrue(Files.readString(file).contains("\"file\" : null,"), Files.readString(file));
    List<PublishState.Entry> read = new java.util.ArrayList<>();
    PublishState.read(file, (set, id, entry) -> read.add(entry));
    assertEquals(List.of(new PublishState.Entry("ab", MONDAY, null, true)), read);
  }

  @Test
  void aDamagedStateFileStopsTheRunNamingTheFile() throws IOException {
    Files.writeString(output.resolve(PublishState.FILE), "{\"sets\": {\"portfolio\": [1, 2]}}");
    IOException e = assertThrows(IOException.class, () -> Release.begin(output, TUESDAY, Layout.standard(), Progress.NONE));
    assertTrue(e.getMessage().startsWith(output.resolve(PublishState.FILE) + " cannot be read"), e.getMessage());
  }
}
