package org.iatipub.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iatipub.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report as a file: self-contained, its one script and one style allowed by hash and
 * nothing else, everything from the input escaped, and each rule shown in full only up to its
 * limit, with every count complete. (What a person sees of it in a browser: {@link HtmlReportInBrowserTest}.)
 */
class HtmlValidationReportTest {
  @TempDir Path dir;

  static final String ACTIVITY = """
        <iati-activity xml:lang="en" default-currency="USD" last-updated-datetime="2024-05-01T00:00:00Z">
          <iati-identifier>XM-DAC-41302-%d</iati-identifier>
          <reporting-org ref="XM-DAC-41302" type="40"><narrative>ILO</narrative></reporting-org>
          <title><narrative>Activity %d</narrative></title>
          <description><narrative>Text</narrative></description>
          <participating-org role="1" ref="XM-DAC-41302"/>
          <activity-status code="2"/>
          <activity-date type="1" iso-date="2021-01-01"/>
          <recipient-country code="KE"/>
          <sector code="%s"/>
        </iati-activity>
      """;

  static String activities(int count, String sector) {
    StringBuilder xml = new StringBuilder("<iati-activities version=\"2.03\">\n");
    for (int i = 1; i <= count; i++) {
      xml.append(ACTIVITY.formatted(i, i, sector));
    }
    return xml.append("</iati-activities>\n").toString();
  }

  /** A file that tries to put script into the report every way it can: text, attributes, comments, CDATA, element names, a huge line. */
  static final String HOSTILE = """
      <?xml version="1.0" encoding="UTF-8"?>
      <iati-activities version="2.03">
        <iati-activity xml:lang="en" default-currency="USD" last-updated-datetime="2024-05-01T00:00:00Z">
          <!-- <script>window.pwned = 'comment'</script> -->
          <iati-identifier>XM-DAC-41302-1&lt;/span&gt;&lt;img src=x onerror="window.pwned='identifier'"&gt;</iati-identifier>
          <reporting-org ref="XM-DAC-41302" type="40"><narrative>&lt;script&gt;window.pwned = 'narrative'&lt;/script&gt;</narrative></reporting-org>
          <title><narrative><![CDATA[</summary></details><script>window.pwned = 'cdata'</script>]]></narrative></title>
          <description><narrative>Text</narrative></description>
          <participating-org role="1" ref="XM-DAC-41302"/>
          <activity-status code="2"/>
          <activity-date type="1" iso-date="2021-01-01"/>
          <recipient-country code="&quot;&gt;&lt;script&gt;window.pwned = 'attribute'&lt;/script&gt;"/>
          <sector code="11110"/>
          <script>window.pwned = 'element'</script>
          <iframe src="javascript:window.pwned='iframe'"/>
        </iati-activity>
      </iati-activities>
      """;

  /** {@code validate --format html} on the files, through the command line; the report's text. */
  static String validate(Path report, Path... files) throws IOException {
    String[] args = new String[files.length + 5];
    args[0] = "validate";
    args[1] = "--format";
    args[2] = "html";
    args[3] = "--output";
    args[4] = report.toString();
    for (int i = 0; i < files.length; i++) {
      args[5 + i] = files[i].toString();
    }
    Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
    return Files.readString(report);
  }

  /** The hostile file, with one more line: a huge one (a megabyte of spaces before an element). */
  static String hostile() {
    return HOSTILE.replace("<sector code=\"11110\"/>", "<sector code=\"11110\"/>" + " ".repeat(1 << 20)
        + "<sector code=\"&lt;b&gt;bold&lt;/b&gt;\"/>");
  }

  @Test
  void onlyItsOwnScriptAndStyleAreAllowedAndNothingMayBeFetched() throws IOException {
    String html = validate(dir.resolve("report.html"), Reported.file(dir, "hostile.xml", hostile()));
    Matcher csp = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").matcher(html);
    assertTrue(csp.find(), "a Content-Security-Policy");
    String script = between(html, "<script>", "</script>");
    String style = between(html, "<style>", "</style>");
    assertEquals("default-src 'none'; style-src '" + HtmlPage.hash(style) + "'; script-src '" + HtmlPage.hash(script)
        + "'; img-src 'none'; base-uri 'none'; form-action 'none'", csp.group(1));
    assertEquals(List.of(1, 1), List.of(count(html, "<script"), count(html, "<style")), "one script and one style, the report's own");
    assertEquals(0, count(html, " src=\""), "nothing loaded from anywhere");
  }

  @Test
  void everythingFromTheFileIsEscaped() throws IOException {
    String html = validate(dir.resolve("report.html"), Reported.file(dir, "hostile.xml", hostile()));
    for (String raw : List.of("<img", "<iframe", "onerror=\"", "</summary></details><script")) {
      assertEquals(0, count(html, raw), raw + " from the file must be escaped");
    }
    assertTrue(html.contains("XM-DAC-41302-1&lt;/span&gt;&lt;img src=x onerror=&quot;window.pwned=&#39;identifier&#39;&quot;&gt;"), html.length() + "");
    assertTrue(html.contains("&lt;!-- &lt;script&gt;window.pwned = &#39;comment&#39;&lt;/script&gt; --&gt;"), "the comment, as text, in an excerpt");
  }

  @Test
  void eachRuleIsShownInFullUpToItsLimitAndEveryCountIsComplete() throws IOException {
    int activities = HtmlValidationReport.SHOWN_PER_RULE + 7;
    String html = validate(dir.resolve("report.html"), Reported.file(dir, "many.xml", activities(activities, "99999")));
    assertEquals(HtmlValidationReport.SHOWN_PER_RULE, count(html, "<li class=\"f\""));
    assertTrue(html.contains("<td class=\"n\">" + activities + "</td><td class=\"n\">" + HtmlValidationReport.SHOWN_PER_RULE
        + "</td><td class=\"n\">" + activities + "</td><td class=\"n\">1</td>"), "9.76.1: 57 findings, 50 shown, 57 activities, 1 file");
    assertTrue(html.contains("<p class=\"more\">7 more findings, in 7 activities or organisations not listed above, are counted in the"
        + " summary but not shown in full"), "says where the rest are");
    assertTrue(html.contains("iatipub validate --format csv --output findings.csv " + dir.resolve("many.xml")), "the command for the CSV");
  }

  @Test
  void aFindingAboutTheWholeFileCountsNoActivityForItsRule() throws IOException {
    String html = validate(dir.resolve("report.html"), Reported.file(dir, "old.xml",
        activities(1, "11110").replace("version=\"2.03\"", "version=\"1.05\"")));
    assertTrue(html.contains("0.6.1</a></td><td><span class=\"sev sev-critical\">critical</span></td><td class=\"n\">1</td>"
        + "<td class=\"n\">1</td><td class=\"n\">0</td><td class=\"n\">1</td>"),
        "0.6.1: 1 finding, 1 shown, in no activity, 1 file");
  }

  private static String between(String text, String from, String to) {
    int start = text.indexOf(from) + from.length();
    return text.substring(start, text.indexOf(to, start));
  }

  private static int count(String text, String what) {
    int count = 0;
    for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
      count++;
    }
    return count;
  }
}
