package org.iatipub.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iatipub.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validation report as a person sees it, in headless Chromium: the summary's numbers, a
 * finding's place, message and marked source, the filter that hides warnings when its box is
 * clicked, the rule and file filters, and a hostile file whose every attempt at script stays text, while the report's own
 * script runs.
 */
class HtmlReportInBrowserTest {
  @TempDir static Path dir;
  private static Path report;
  private static Path hostile;
  /** Two files: the sample, and another with one unknown sector code. */
  private static Path twoFiles;
  /** One browser for the class: starting Chromium is most of what these tests cost. */
  private static Chromium page;

  /** Three activities: a sector code that does not exist (an error), a withdrawn one (a warning), a clean one. */
  private static final String SAMPLE = HtmlValidationReportTest.ACTIVITY.formatted(1, 1, "99999")
      + HtmlValidationReportTest.ACTIVITY.formatted(2, 2, "11321") + HtmlValidationReportTest.ACTIVITY.formatted(3, 3, "11110");

  @BeforeAll
  static void reports() throws IOException {
    Path sample = Reported.file(dir, "sample.xml", "<iati-activities version=\"2.03\">\n" + SAMPLE + "</iati-activities>\n");
    report = dir.resolve("report.html");
    HtmlValidationReportTest.validate(report, sample);
    Path other = Reported.file(dir, "other.xml", "<iati-activities version=\"2.03\">\n"
        + HtmlValidationReportTest.ACTIVITY.formatted(4, 4, "99998") + "</iati-activities>\n");
    twoFiles = dir.resolve("two-files.html");
    HtmlValidationReportTest.validate(twoFiles, sample, other);
    hostile = dir.resolve("hostile.html");
    HtmlValidationReportTest.validate(hostile, Reported.file(dir, "hostile.xml", HtmlValidationReportTest.hostile()));
  }

  @AfterAll
  static void closeBrowser() throws IOException {
    if (page != null) {
      page.close();
    }
  }

  /** The shared browser, showing {@code html} freshly loaded. */
  private static Chromium show(Path html) throws Exception {
    if (page == null) {
      page = Chromium.open(html, dir);
    } else {
      page.navigate(html);
    }
    return page;
  }

  @Test
  void theSummaryShowsEachFilesActivitiesVerdictAndCounts() throws Exception {
    String dom = Chromium.dumpDom(report, dir);
    Matcher row = Pattern.compile("<table class=\"files\">.*?<tbody>(.*?)</tbody>", Pattern.DOTALL).matcher(dom);
    assertTrue(row.find(), "the files table");
    List<String> cells = Pattern.compile("<td[^>]*>(.*?)</td>").matcher(row.group(1)).results()
        .map(m -> m.group(1).replaceAll("<[^>]+>", "")).toList();
    assertEquals(List.of(dir.resolve("sample.xml").toString(), "iati-activities", "2.03", "3", "invalid", "0", "1", "1", "0"), cells);
    assertTrue(dom.contains("1 file, 3 activities and organisations, checked "), "the headline");
  }

  @Test
  void aFindingShowsItsPlaceMessageAndTheSourceWithTheSpotMarked() throws Exception {
    {
      Chromium page = show(report);
      JsonNode finding = page.evaluate("(function(){var f=document.querySelector('.f[data-rule=\"9.76.1\"]');"
          + "return {where:f.querySelector('.where').innerText,msg:f.querySelector('.msg').innerText,"
          + "source:f.querySelector('pre').innerText,mark:f.querySelector('mark').innerText,"
          + "record:f.closest('.record').querySelector('summary').innerText};})()");
      assertEquals("line 11, column 27 · /iati-activities/iati-activity[1]/sector[1]", finding.get("where").asText());
      assertEquals("sector code \"99999\" is not in the DAC 5 Digit Sector codelist (Sector), which applies when no vocabulary is given"
          + " (as for vocabulary 1); use a current code, or declare your own vocabulary 99 with a vocabulary-uri", finding.get("msg").asText());
      assertEquals(List.of(
          "9    <activity-date type=\"1\" iso-date=\"2021-01-01\"/>",
          "10    <recipient-country code=\"KE\"/>",
          "11    <sector code=\"99999\"/>",
          "12  </iati-activity>",
          "13  <iati-activity xml:lang=\"en\" default-currency=\"USD\" last-updated-datetime=\"2024-05-01T00:00:00Z\">"),
          finding.get("source").asText().stripTrailing().lines().toList(), "line numbers, then the lines as written");
      assertEquals("<sector code=\"99999\"/>", finding.get("mark").asText());
      assertEquals("XM-DAC-41302-1 Activity 1 (lines 2–12)", finding.get("record").asText());
    }
  }

  @Test
  void clickingTheWarningsBoxHidesEveryWarningAndNothingElse() throws Exception {
    {
      Chromium page = show(report);
      String visible = "(function(){var n={};document.querySelectorAll('.f').forEach(function(f){if(f.offsetParent!==null)"
          + "{n[f.dataset.severity]=(n[f.dataset.severity]||0)+1;}});n.shown=document.getElementById('shown').innerText;return n;})()";
      assertEquals("{\"error\":1,\"warning\":1,\"shown\":\"2\"}", page.evaluate(visible).toString());
      page.click("#filters input[value=warning]");
      assertEquals("{\"error\":1,\"shown\":\"1\"}", page.evaluate(visible).toString());
      assertEquals(false, page.evaluate("document.querySelectorAll('.record')[1].offsetParent!==null").asBoolean(),
          "the activity whose only finding is a warning is hidden too");
      page.click("#filters input[value=warning]");
      assertEquals("{\"error\":1,\"warning\":1,\"shown\":\"2\"}", page.evaluate(visible).toString());
    }
  }

  @Test
  void choosingARuleOrAFileShowsOnlyTheirFindings() throws Exception {
    Chromium page = show(twoFiles);
    String visible = "(function(){var n=[];document.querySelectorAll('.f').forEach(function(f){if(f.offsetParent!==null)"
        + "{n.push(f.closest('.record').querySelector('summary .id').textContent+' '+f.dataset.rule);}});"
        + "return n.join(', ')+' | '+document.getElementById('shown').innerText;})()";
    assertEquals("XM-DAC-41302-1 9.76.1, XM-DAC-41302-2 codelist/withdrawn, XM-DAC-41302-4 9.76.1 | 3",
        page.evaluate(visible).asText());
    choose(page, "rule", "9.76.1");
    assertEquals("XM-DAC-41302-1 9.76.1, XM-DAC-41302-4 9.76.1 | 2", page.evaluate(visible).asText());
    choose(page, "file", "1");
    assertEquals("XM-DAC-41302-4 9.76.1 | 1", page.evaluate(visible).asText(), "the rule's findings in the second file");
    choose(page, "rule", "");
    choose(page, "file", "0");
    assertEquals("XM-DAC-41302-1 9.76.1, XM-DAC-41302-2 codelist/withdrawn | 2", page.evaluate(visible).asText(), "the first file's");
  }

  /** Picks an option of the filter's list as a person does: the value changes, and the page is told. */
  private static void choose(Chromium page, String list, String value) throws Exception {
    page.evaluate("(function(){var s=document.querySelector('#filters select[name=" + list + "]');s.value='" + value + "';"
        + "s.dispatchEvent(new Event('change',{bubbles:true}));})()");
  }

  @Test
  void aHostileFileRunsNoScriptAndShowsAsText() throws Exception {
    {
      Chromium page = show(hostile);
      assertEquals("undefined", page.evaluate("typeof window.pwned").asText(), "no script from the file ran");
      assertEquals(1, page.evaluate("document.scripts.length").asInt(), "the report's own script only");
      assertEquals(0, page.evaluate("document.querySelectorAll('img,iframe,object,embed,svg').length").asInt());
      assertEquals(false, page.evaluate("document.getElementById('filters').hidden").asBoolean(), "the report's own script did run");
      assertEquals("XM-DAC-41302-1</span><img src=x onerror=\"window.pwned='identifier'\">",
          page.evaluate("document.querySelector('.record summary .id').textContent").asText());
      assertEquals("</summary></details><script>window.pwned = 'cdata'</script>",
          page.evaluate("document.querySelector('.record summary .title').textContent").asText());
    }
  }
}
