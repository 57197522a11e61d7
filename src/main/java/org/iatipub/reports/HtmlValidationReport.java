package org.iatipub.reports;

import static org.iatipub.reports.HtmlPage.cut;
import static org.iatipub.reports.HtmlPage.escape;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.iatipub.finding.Finding;
import org.iatipub.scratch.ScratchDir;
import org.iatipub.validation.FileVerdict;
import org.iatipub.validation.RecordSpan;
import org.iatipub.validation.rules.Rule;

/**
 * A validation report for people: one self-contained HTML file (see {@link HtmlPage}) with a
 * summary first (files, activities, verdicts, counts by severity, the rules most broken), every
 * rule's count, then the findings grouped by file, activity and rule, each with its line and
 * column, XPath, message, guidance link and the lines around it with the spot marked, and what the
 * files were checked with. Filters by severity, rule and file work in the page itself.
 *
 * <p>It stays usable on huge files: every count is complete, but each rule is shown in full (with
 * its excerpt) for its first {@value #SHOWN_PER_RULE} findings only, and the report says how many
 * more there are and that the CSV report lists them all. Findings wait on disk, sorted by line, and
 * excerpts are read in one more pass over each file.
 */
public final class HtmlValidationReport implements ValidationReport {
  /** Findings of one rule shown in full, across the report. */
  static final int SHOWN_PER_RULE = 50;
  /** Messages are cut to this many characters (they quote the file, which may be hostile). */
  private static final int MESSAGE_LENGTH = 2_000;
  private static final int NAME_LENGTH = 200;
  private static final int TOP_RULES = 10;

  private final Writer out;
  private final VersionStamp stamp;
  private final String csvCommand;
  private final RuleFacts facts = RuleFacts.bundled();
  private final Map<String, Rule> catalogue = new HashMap<>();
  private final ScratchDir scratch;
  private final Path body;
  private final Writer bodyOut;
  private final List<FileSummary> files = new ArrayList<>();
  private final Map<String, RuleTally> rules = new TreeMap<>(RuleFacts::compareIds);
  private FileFindings current;
  private String shown;
  private Path path;

  /** What the report says of one file. */
  private record FileSummary(String shown, String kind, String version, long records, boolean valid, Map<String, Long> bySeverity,
      long notShown, long recordsNotShown) {
    long count(String severity) {
      return bySeverity.getOrDefault(severity, 0L);
    }
  }

  /** One rule's findings across the report. */
  private static final class RuleTally {
    final String severity;
    long findings;
    long shown;
    long records;
    final Set<Integer> files = new TreeSet<>();

    RuleTally(String severity) {
      this.severity = severity;
    }
  }

  /**
   * @param csvCommand the command that writes the same run's CSV report, which lists every finding
   */
  public HtmlValidationReport(Writer out, VersionStamp stamp, String csvCommand) throws IOException {
    this.out = out;
    this.stamp = stamp;
    this.csvCommand = csvCommand;
    stamp.rules().forEach(rule -> catalogue.putIfAbsent(rule.id(), rule));
    this.scratch = ScratchDir.create("report");
    this.body = scratch.file("body.html");
    this.bodyOut = new BufferedWriter(Files.newBufferedWriter(body, StandardCharsets.UTF_8), 1 << 16);
  }

  @Override
  public void startFile(String shown, Path file) throws IOException {
    this.shown = shown;
    this.path = file;
    current = new FileFindings(scratch, "file-" + files.size());
  }

  @Override
  public void record(RecordSpan span) throws IOException {
    current.add(span);
  }

  @Override
  public void finding(Finding finding) throws IOException {
    current.add(finding);
  }

  /** One finding shown in full, with its excerpt. */
  private record Shown(Spooled finding, SourceExcerpts.Excerpt excerpt) {}

  /** What is gathered of one record's findings while they are gone through: those shown, and how many of each rule in all. */
  private final class RecordFindings {
    final FileFindings.Placed record;
    final Map<String, List<Shown>> shownByRule = new LinkedHashMap<>();
    final Map<String, Long> countByRule = new LinkedHashMap<>();
    final Map<String, String> severityByRule = new HashMap<>();

    RecordFindings(FileFindings.Placed record) {
      this.record = record;
    }

    boolean hasShown() {
      return !shownByRule.isEmpty();
    }
  }

  @Override
  public void endFile(FileVerdict verdict) throws IOException {
    int index = files.size();
    Map<String, Long> bySeverity = new LinkedHashMap<>();
    long[] records = {0};
    long[] notShown = {0, 0};
    boolean anyShown;
    try (FileFindings findings = current; SourceExcerpts excerpts = excerpts()) {
      RecordFindings[] open = {null};
      boolean[] opened = {false};
      findings.inOrder((f, record) -> {
        if (!opened[0]) {
          openFile(index, verdict);
          opened[0] = true;
        }
        String severity = f.officialSeverity();
        bySeverity.merge(severity, 1L, Long::sum);
        RuleTally tally = rules.computeIfAbsent(f.rule(), r -> new RuleTally(severity));
        tally.findings++;
        tally.files.add(index);
        if (open[0] == null || !same(open[0].record, record)) {
          if (open[0] != null) {
            close(open[0], index, notShown);
          }
          open[0] = new RecordFindings(record);
        }
        RecordFindings here = open[0];
        // A finding about the file as a whole is in no activity, so it adds none to the rule's count.
        if (here.countByRule.merge(f.rule(), 1L, Long::sum) == 1 && record != null) {
          tally.records++;
        }
        here.severityByRule.putIfAbsent(f.rule(), severity);
        if (tally.shown < SHOWN_PER_RULE) {
          tally.shown++;
          SourceExcerpts.Excerpt excerpt = excerpts == null ? new SourceExcerpts.Excerpt(List.of(), "") : excerpts.at(f.line(), f.column());
          here.shownByRule.computeIfAbsent(f.rule(), r -> new ArrayList<>()).add(new Shown(f, excerpt));
        } else {
          notShown[0]++;
        }
      }, record -> records[0]++);
      if (open[0] != null) {
        close(open[0], index, notShown);
      }
      anyShown = opened[0];
    } finally {
      current = null;
    }
    if (!anyShown) {
      openFile(index, verdict);
      bodyOut.write("<p>No findings.</p>\n");
    }
    if (notShown[0] > 0) {
      bodyOut.write("<p class=\"more\">" + notShown[0] + " more findings, in " + notShown[1]
          + " activities or organisations not listed above, are counted in the summary but not shown in full: each rule is shown"
          + " for its first " + SHOWN_PER_RULE + " findings in this report. The CSV report lists every finding: <code>"
          + escape(csvCommand) + "</code></p>\n");
    }
    bodyOut.write("</section>\n");
    files.add(new FileSummary(shown, verdict.kind().map(k -> k.rootElement()).orElse("not IATI"), verdict.version(), records[0],
        verdict.valid(), bySeverity, notShown[0], notShown[1]));
  }

  private SourceExcerpts excerpts() {
    try {
      return path != null && Files.isReadable(path) ? new SourceExcerpts(path) : null;
    } catch (IOException e) {
      return null; // no excerpts; the findings still are
    }
  }

  private static boolean same(FileFindings.Placed a, FileFindings.Placed b) {
    return a == null ? b == null : b != null && a.number() == b.number();
  }

  private void openFile(int index, FileVerdict verdict) throws IOException {
    bodyOut.write("<section class=\"file\" id=\"file-" + index + "\">\n<h3>" + escape(cut(shown, 500)) + "</h3>\n");
  }

  /** Writes a record's shown findings, grouped by rule; a record with none shown is only counted. */
  private void close(RecordFindings record, int file, long[] notShown) throws IOException {
    if (!record.hasShown()) {
      notShown[1]++;
      return;
    }
    Writer w = bodyOut;
    if (record.record == null) {
      w.write("<div class=\"record c\">\n<h4>The file as a whole</h4>\n");
    } else {
      RecordSpan span = record.record.span();
      w.write("<details class=\"record c\" open>\n<summary><span class=\"id\">" + escape(cut(record.record.label(), NAME_LENGTH))
          + "</span> <span class=\"title\">" + escape(span.title()) + "</span> <span class=\"note\">(lines " + span.firstLine() + "–"
          + span.lastLine() + ")</span></summary>\n");
    }
    for (Map.Entry<String, List<Shown>> group : record.shownByRule.entrySet()) {
      String rule = group.getKey();
      long count = record.countByRule.get(rule);
      String severity = record.severityByRule.get(rule);
      w.write("<div class=\"rule c\">\n<h5>" + badge(severity) + " " + ruleLink(rule) + " " + escape(description(rule)) + " <span class=\"note\">("
          + count + (count == 1 ? " finding" : " findings") + (record.record == null ? "" : " in this activity") + ")</span></h5>\n");
      w.write("<ol class=\"findings\">\n");
      for (Shown s : group.getValue()) {
        finding(w, s, file);
      }
      w.write("</ol>\n");
      long hidden = count - group.getValue().size();
      if (hidden > 0) {
        w.write("<p class=\"more\">" + hidden + " more of " + escape(rule) + " here, not shown in full (see the CSV report).</p>\n");
      }
      w.write("</div>\n");
    }
    w.write(record.record == null ? "</div>\n" : "</details>\n");
  }

  private void finding(Writer w, Shown s, int file) throws IOException {
    Spooled f = s.finding();
    w.write("<li class=\"f\" data-severity=\"" + f.officialSeverity() + "\" data-rule=\"" + escape(f.rule()) + "\" data-file=\"" + file + "\">");
    if (f.line() > 0) {
      w.write("<p class=\"where\">line " + f.line() + ", column " + f.column()
          + (f.xpath().isEmpty() ? "" : " · <code>" + escape(cut(f.xpath(), NAME_LENGTH)) + "</code>") + "</p>");
    }
    w.write("<p class=\"msg\">" + escape(cut(f.message(), MESSAGE_LENGTH)) + "</p>");
    excerpt(w, s.excerpt());
    w.write("</li>\n");
  }

  static void excerpt(Writer w, SourceExcerpts.Excerpt excerpt) throws IOException {
    if (!excerpt.lines().isEmpty()) {
      w.write("<pre class=\"excerpt\">");
      for (SourceExcerpts.Line line : excerpt.lines()) {
        w.write("<span class=\"ln\">" + line.number() + "</span>");
        if (line.cutBefore()) {
          w.write("<span class=\"cut\">…</span>");
        }
        String text = line.text();
        if (line.marked()) {
          w.write(escape(text.substring(0, line.markFrom())) + "<mark>" + escape(text.substring(line.markFrom(), line.markTo()))
              + "</mark>" + escape(text.substring(line.markTo())));
        } else {
          w.write(escape(text));
        }
        if (line.cutAfter()) {
          w.write("<span class=\"cut\">…</span>");
        }
        w.write("\n");
      }
      w.write("</pre>");
    }
    if (!excerpt.note().isEmpty()) {
      w.write("<p class=\"note\">" + escape(excerpt.note()) + "</p>");
    }
  }

  static String badge(String severity) {
    return "<span class=\"sev sev-" + severity + "\">" + severity + "</span>";
  }

  private String ruleLink(String rule) {
    return facts.guidance(rule).map(url -> HtmlPage.link(url, rule)).orElse("<code>" + escape(rule) + "</code>");
  }

  private String description(String rule) {
    Rule known = catalogue.get(rule);
    return known == null ? "" : known.description();
  }

  @Override
  public void finish(Totals totals) throws IOException {
    bodyOut.close();
    HtmlPage.start(out, "IATI validation report");
    long records = files.stream().mapToLong(FileSummary::records).sum();
    out.write("<header>\n<h1>IATI validation report</h1>\n<p>" + totals.files() + (totals.files() == 1 ? " file" : " files") + ", "
        + records + " activities and organisations, checked " + escape(stamp.checkedAtText()) + " by iatipub " + escape(stamp.iatipub())
        + ": <span class=\"" + (totals.invalid() == 0 ? "valid\">all valid" : "invalid\">" + totals.invalid() + " invalid") + "</span>.</p>\n"
        + "<nav><a href=\"#summary\">Summary</a><a href=\"#rules\">Rules</a><a href=\"#findings\">Findings</a>"
        + "<a href=\"#checked\">What was checked</a></nav>\n</header>\n");
    summary(totals);
    ruleTable();
    out.write("<section id=\"findings\">\n<h2>Findings</h2>\n");
    filters();
    try (Reader in = Files.newBufferedReader(body, StandardCharsets.UTF_8)) {
      in.transferTo(out);
    }
    out.write("</section>\n");
    checked(out, stamp);
    HtmlPage.end(out);
    out.flush();
  }

  private void summary(Totals totals) throws IOException {
    out.write("<section id=\"summary\">\n<h2>Summary</h2>\n<table class=\"files\">\n<thead><tr><th>File</th><th>Kind</th><th>Version</th>"
        + "<th class=\"n\">Activities</th><th>Verdict</th>");
    for (String severity : OfficialSeverity.ALL) {
      out.write("<th class=\"n\">" + severity + "</th>");
    }
    out.write("</tr></thead>\n<tbody>\n");
    Map<String, Long> all = new LinkedHashMap<>();
    for (int i = 0; i < files.size(); i++) {
      FileSummary file = files.get(i);
      out.write("<tr><td><a href=\"#file-" + i + "\">" + escape(cut(file.shown(), 300)) + "</a></td><td>" + escape(file.kind())
          + "</td><td>" + escape(cut(file.version(), 20)) + "</td><td class=\"n\">" + file.records() + "</td><td class=\""
          + (file.valid() ? "valid\">valid" : "invalid\">invalid") + "</td>");
      for (String severity : OfficialSeverity.ALL) {
        out.write("<td class=\"n\">" + file.count(severity) + "</td>");
        all.merge(severity, file.count(severity), Long::sum);
      }
      out.write("</tr>\n");
    }
    out.write("</tbody>\n<tfoot><tr><td>" + files.size() + (files.size() == 1 ? " file" : " files") + "</td><td></td><td></td><td class=\"n\">"
        + files.stream().mapToLong(FileSummary::records).sum() + "</td><td>" + (files.size() - totals.invalid()) + " valid</td>");
    for (String severity : OfficialSeverity.ALL) {
      out.write("<td class=\"n\">" + all.getOrDefault(severity, 0L) + "</td>");
    }
    out.write("</tr></tfoot>\n</table>\n");
    out.write("<p class=\"note\">A file is <em>valid</em> when nothing found in it is an error (warnings and advisories allowed)."
        + " Critical findings are what is wrong with a file as a whole (not XML, not IATI, against the schema, a version no longer"
        + " supported): the official IATI Validator rejects a file only for those.</p>\n");
    List<Map.Entry<String, RuleTally>> top = rules.entrySet().stream()
        .sorted(Comparator.comparingLong((Map.Entry<String, RuleTally> e) -> -e.getValue().findings).thenComparing(Map.Entry::getKey,
            RuleFacts::compareIds))
        .limit(TOP_RULES).toList();
    if (!top.isEmpty()) {
      out.write("<h3>Rules most broken</h3>\n<table class=\"top\">\n<thead><tr><th>Rule</th><th>Severity</th><th class=\"n\">Findings</th>"
          + "<th>What it checks</th></tr></thead>\n<tbody>\n");
      for (Map.Entry<String, RuleTally> rule : top) {
        out.write("<tr><td>" + ruleLink(rule.getKey()) + "</td><td>" + badge(rule.getValue().severity) + "</td><td class=\"n\">"
            + rule.getValue().findings + "</td><td>" + escape(description(rule.getKey())) + "</td></tr>\n");
      }
      out.write("</tbody>\n</table>\n");
    }
    out.write("</section>\n");
  }

  private void ruleTable() throws IOException {
    out.write("<section id=\"rules\">\n<h2>Findings by rule</h2>\n");
    if (rules.isEmpty()) {
      out.write("<p>No rule found anything.</p>\n</section>\n");
      return;
    }
    out.write("<table class=\"rules\">\n<thead><tr><th>Rule</th><th>Severity</th><th class=\"n\">Findings</th><th class=\"n\">Shown</th>"
        + "<th class=\"n\">Activities</th><th class=\"n\">Files</th><th>What it checks</th></tr></thead>\n<tbody>\n");
    for (Map.Entry<String, RuleTally> rule : rules.entrySet()) {
      RuleTally t = rule.getValue();
      out.write("<tr><td>" + ruleLink(rule.getKey()) + "</td><td>" + badge(t.severity) + "</td><td class=\"n\">" + t.findings
          + "</td><td class=\"n\">" + t.shown + "</td><td class=\"n\">" + t.records + "</td><td class=\"n\">" + t.files.size()
          + "</td><td>" + escape(description(rule.getKey())) + "</td></tr>\n");
    }
    out.write("</tbody>\n</table>\n</section>\n");
  }

  private void filters() throws IOException {
    out.write("<form id=\"filters\" hidden>\n<strong>Show:</strong> ");
    for (String severity : OfficialSeverity.ALL) {
      out.write("<label><input type=\"checkbox\" name=\"severity\" value=\"" + severity + "\" checked> " + severity + "</label>");
    }
    out.write("\n<label>rule <select name=\"rule\"><option value=\"\">every rule</option>");
    for (String rule : rules.keySet()) {
      out.write("<option value=\"" + escape(rule) + "\">" + escape(rule) + "</option>");
    }
    out.write("</select></label>\n<label>file <select name=\"file\"><option value=\"\">every file</option>");
    for (int i = 0; i < files.size(); i++) {
      out.write("<option value=\"" + i + "\">" + escape(cut(files.get(i).shown(), 120)) + "</option>");
    }
    out.write("</select></label>\n<span class=\"note\"><span id=\"shown\"></span> findings shown</span>\n</form>\n");
  }

  /** What the files were checked with: the stamp, and every rule run. */
  static void checked(Writer out, VersionStamp stamp) throws IOException {
    out.write("<section id=\"checked\">\n<h2>What was checked</h2>\n<dl class=\"stamp\">\n");
    for (Map.Entry<String, String> line : stamp.lines().entrySet()) {
      if (line.getKey().equals("rules run")) {
        continue;
      }
      out.write("<dt>" + escape(line.getKey()) + "</dt><dd>" + escape(line.getValue()) + "</dd>\n");
    }
    out.write("<dt>rules run</dt><dd>" + stamp.rules().size() + ", as <code>iatipub rules</code> lists them (below)</dd>\n</dl>\n");
    out.write("<details>\n<summary>The " + stamp.rules().size() + " rules run</summary>\n<table class=\"catalogue\">\n<thead><tr><th>Rule</th>"
        + "<th>Severity</th><th>What it checks</th></tr></thead>\n<tbody>\n");
    for (Rule rule : stamp.rules()) {
      out.write("<tr><td><code>" + escape(rule.id()) + "</code></td><td>" + rule.severity().label() + "</td><td>" + escape(rule.description())
          + "</td></tr>\n");
    }
    out.write("</tbody>\n</table>\n</details>\n</section>\n");
  }

  @Override
  public void close() throws IOException {
    try {
      bodyOut.close();
      if (current != null) {
        current.close();
      }
    } finally {
      scratch.close();
    }
  }
}
