package org.iatipub.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Excerpts are read in one pass, in line order: two lines either side of the finding's, its tag
 * marked, lines ending at LF, CRLF or a lone CR, and nothing held beyond a few cut lines, however
 * long a line is.
 */
class SourceExcerptsTest {
  @TempDir Path dir;

  private SourceExcerpts excerpts(String text) throws IOException {
    return new SourceExcerpts(Files.writeString(dir.resolve("a.xml"), text, StandardCharsets.UTF_8));
  }

  /** An excerpt as text: each line's number and text, the marked part in [brackets], cuts as "…". */
  private static List<String> shown(SourceExcerpts.Excerpt excerpt) {
    return excerpt.lines().stream().map(l -> {
      String text = l.marked() ? l.text().substring(0, l.markFrom()) + "[" + l.text().substring(l.markFrom(), l.markTo()) + "]"
          + l.text().substring(l.markTo()) : l.text();
      return l.number() + ": " + (l.cutBefore() ? "…" : "") + text + (l.cutAfter() ? "…" : "");
    }).toList();
  }

  @Test
  void theFindingsTagIsMarkedWithTwoLinesAroundIt() throws IOException {
    try (SourceExcerpts excerpts = excerpts("<a>\n <b>\n  <c x=\"1\"/>\n  <d/>\n </b>\n <e/>\n</a>\n")) {
      assertEquals(List.of("1: <a>", "2:  <b>", "3:   [<c x=\"1\"/>]", "4:   <d/>", "5:  </b>"), shown(excerpts.at(3, 13)));
      assertEquals(List.of("4:   <d/>", "5:  </b>", "6:  [<e/>]", "7: </a>"), shown(excerpts.at(6, 7)));
    }
  }

  @Test
  void carriageReturnsEndLinesAsXmlCountsThem() throws IOException {
    try (SourceExcerpts excerpts = excerpts("<a>\r<b/>\r\n<c/>\n<d/>")) {
      assertEquals(List.of("1: <a>", "2: <b/>", "3: [<c/>]", "4: <d/>"), shown(excerpts.at(3, 5)));
    }
  }

  @Test
  void aHugeLineIsCutAndAColumnPastWhatIsKeptIsSaidSo() throws IOException {
    String huge = "<a>" + "x".repeat(1_000_000) + "<b/></a>";
    try (SourceExcerpts excerpts = excerpts(huge + "\n<c/>\n")) {
      SourceExcerpts.Excerpt first = excerpts.at(1, 4);
      assertEquals(List.of("1: [<a>]" + "x".repeat(SourceExcerpts.AFTER - 3) + "…", "2: <c/>"), shown(first));
      SourceExcerpts.Excerpt far = excerpts.at(1, 1_000_008);
      assertEquals("column 1000008 is past the first 4096 characters of this line, which is all a report keeps of a line", far.note());
    }
  }

  @Test
  void aLineTheFileDoesNotHaveIsSaidSo() throws IOException {
    try (SourceExcerpts excerpts = excerpts("<a/>\n")) {
      assertEquals("the file has no line 9", excerpts.at(9, 1).note());
    }
  }
}
