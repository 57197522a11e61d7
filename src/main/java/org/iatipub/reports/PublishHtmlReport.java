package org.iatipub.reports;

import static org.iatipub.reports.HtmlPage.cut;
import static org.iatipub.reports.HtmlPage.escape;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Severity;
import org.iatipub.publish.FileTally;
import org.iatipub.publish.FindingSink;
import org.iatipub.publish.PublishReport;
import org.iatipub.publish.SetOutcome;
import org.iatipub.publish.dataset.ChangeReport;
import org.iatipub.publish.dataset.Manifest;
import org.iatipub.publish.dataset.PortfolioSummary;
import org.iatipub.validation.rules.Rule;

/**
 * A publish run for people, in one self-contained HTML file (see {@link HtmlPage}): what each set
 * published, the portfolio at a glance beside last night's, the activities withheld and why, what
 * changed, the files published, and every finding at its spreadsheet cell with the cell's value,
 * grouped by set, activity and rule (each rule shown in full up to {@value #SHOWN_PER_RULE}
 * findings, every count complete, the CSV report listing them all). Findings wait on disk in the
 * order they are found, which is already by set and activity.
 */
public final class PublishHtmlReport implements FindingSink, Closeable {
  static final int SHOWN_PER_RULE = HtmlValidationReport.SHOWN_PER_RULE;
  /** Changes of each kind listed by name; the JSON summary lists them all. */
  static final int LISTED_CHANGES = 500;
  /** Withheld activities listed with their reasons. */
  static final int LISTED_WITHHELD = 1_000;
  private static final int MESSAGE_LENGTH = 2_000;

  private final RuleFacts facts = RuleFacts.bundled();
  private final RunFindings findings;
  private final Map<String, long[]> rules = new TreeMap<>(RuleFacts::compareIds);
  private final Map<String, String> ruleSeverity = new HashMap<>();
  private final Map<String, Long> bySeverity = new LinkedHashMap<>();
  private final Map<String, Integer> sets = new LinkedHashMap<>();

  public PublishHtmlReport() throws IOException {
    this.findings = new RunFindings();
  }

  @Override
  public void accept(Finding finding) {
    count(finding);
    findings.accept(finding);
  }

  @Override
  public void activity(ActivityOutcome activity, List<Finding> found) {
    sets.putIfAbsent(activity.set(), sets.size());
    found.forEach(this::count);
    findings.activity(activity, found);
  }

  private void count(Finding finding) {
    String severity = OfficialSeverity.of(finding.severity(), finding.rule());
    bySeverity.merge(severity, 1L, Long::sum);
    rules.computeIfAbsent(finding.rule(), r -> new long[2])[0]++;
    ruleSeverity.putIfAbsent(finding.rule(), severity);
  }

  /**
   * Writes the report of the run.
   *
   * @param report what the run published (its change report is read, so write before closing it)
   * @param before the portfolio summary the output directory held before the run, if any
   * @param now the one it holds after (the same when nothing was committed)
   * @param csvCommand the command that writes the same run's CSV report
   */
  public void write(Writer out, PublishReport report, Path output, Optional<PortfolioSummary> before, Optional<PortfolioSummary> now,
      VersionStamp stamp, String csvCommand) throws IOException {
    Map<String, Rule> catalogue = new HashMap<>();
    stamp.rules().forEach(rule -> catalogue.putIfAbsent(rule.id(), rule));
    Path findingsBody = findings.scratch().file("findings.html");
    Path withheldBody = findings.scratch().file("withheld.html");
    long[] counts = renderFindings(findingsBody, withheldBody, catalogue, csvCommand);
    long withheld = report.sets().stream().mapToLong(SetOutcome::withheld).sum();
    String published = report.committed() ? published(report.manifest())
        : report.sets().stream().mapToLong(SetOutcome::published).sum() + " records published";

    HtmlPage.start(out, "IATI publish report");
    out.write("<header>\n<h1>IATI publish report</h1>\n<p>" + published + ", " + withheld + " withheld, into <code>"
        + escape(output.toString()) + "</code>, " + escape(stamp.checkedAtText()) + ", by iatipub " + escape(stamp.iatipub()) + ": "
        + (report.committed() ? "<span class=\"valid\">committed</span>" : "<span class=\"invalid\">nothing committed</span>, the output"
            + " directory is as the previous run left it") + ".</p>\n"
        + "<nav><a href=\"#sets\">Sets</a><a href=\"#portfolio\">Portfolio</a><a href=\"#withheld\">Withheld</a><a href=\"#changes\">Changes</a>"
        + "<a href=\"#files\">Files</a><a href=\"#findings\">Findings</a><a href=\"#checked\">What was checked</a></nav>\n</header>\n");
    sets(out, report);
    if (now.isPresent()) {
      PortfolioCharts.write(out, before, now.get());
    } else {
      out.write("<section id=\"portfolio\">\n<h2>The published portfolio at a glance</h2>\n<p>No portfolio has been published yet.</p>\n</section>\n");
    }
    out.write("<section id=\"withheld\">\n<h2>Withheld activities and why</h2>\n");
    if (counts[0] == 0) {
      out.write("<p>None: every activity read was published.</p>\n");
    } else {
      copy(withheldBody, out);
    }
    out.write("</section>\n");
    changes(out, report);
    files(out, report, output);
    out.write("<section id=\"findings\">\n<h2>Findings at their cells</h2>\n");
    out.write("<p>" + findings.size() + " findings:");
    for (String severity : OfficialSeverity.ALL) {
      out.write(" " + HtmlValidationReport.badge(severity) + " " + bySeverity.getOrDefault(severity, 0L));
    }
    out.write(". Rows are numbered as a spreadsheet shows them (the header is row 1).</p>\n");
    ruleTable(out, catalogue);
    filters(out);
    copy(findingsBody, out);
    out.write("</section>\n");
    HtmlValidationReport.checked(out, stamp);
    HtmlPage.end(out);
    out.flush();
  }

  /** The findings' sections, and the withheld activities'; returns {withheld activities, findings not shown}. */
  private long[] renderFindings(Path findingsBody, Path withheldBody, Map<String, Rule> catalogue, String csvCommand) throws IOException {
    long[] counts = {0, 0};
    try (Writer body = new BufferedWriter(Files.newBufferedWriter(findingsBody, StandardCharsets.UTF_8), 1 << 16);
        Writer withheld = new BufferedWriter(Files.newBufferedWriter(withheldBody, StandardCharsets.UTF_8), 1 << 16)) {
      List<RunFindings.Entry> group = new ArrayList<>();
      withheld.write("<table class=\"withheld\">\n<thead><tr><th>Set</th><th>Activity</th><th>Why</th></tr></thead>\n<tbody>\n");
      findings.read(entry -> {
        if (!group.isEmpty() && !entry.sameActivity(group.get(0))) {
          close(group, body, withheld, catalogue, counts);
        }
        group.add(entry);
      });
      if (!group.isEmpty()) {
        close(group, body, withheld, catalogue, counts);
      }
      withheld.write("</tbody>\n</table>\n");
      if (counts[0] > LISTED_WITHHELD) {
        withheld.write("<p class=\"more\">" + (counts[0] - LISTED_WITHHELD) + " more withheld activities; the CSV report"
            + " lists every finding: <code>" + escape(csvCommand) + "</code></p>\n");
      }
      if (counts[1] > 0) {
        body.write("<p class=\"more\">" + counts[1] + " more findings are counted above but not shown in full: each rule is shown for its"
            + " first " + SHOWN_PER_RULE + " findings. The CSV report lists every finding: <code>" + escape(csvCommand) + "</code></p>\n");
      }
    }
    return counts;
  }

  /** Writes one activity's findings (or a run of findings about no one activity), and its row if it was withheld. */
  private void close(List<RunFindings.Entry> group, Writer body, Writer withheld, Map<String, Rule> catalogue, long[] counts) throws IOException {
    counts[1] += group(body, group, catalogue);
    if (group.get(0).about() == RunFindings.About.WITHHELD) {
      counts[0]++;
      if (counts[0] <= LISTED_WITHHELD) {
        withheldRow(withheld, group);
      }
    }
    group.clear();
  }

  /** One activity's findings (or a set's own), by rule; returns how many were not shown. */
  private long group(Writer w, List<RunFindings.Entry> group, Map<String, Rule> catalogue) throws IOException {
    Map<String, List<RunFindings.Entry>> byRule = new LinkedHashMap<>();
    Map<String, Long> count = new LinkedHashMap<>();
    long notShown = 0;
    for (RunFindings.Entry entry : group) {
      long[] tally = rules.get(entry.rule());
      count.merge(entry.rule(), 1L, Long::sum);
      if (tally[1] < SHOWN_PER_RULE) {
        tally[1]++;
        byRule.computeIfAbsent(entry.rule(), r -> new ArrayList<>()).add(entry);
      } else {
        notShown++;
      }
    }
    if (byRule.isEmpty()) {
      return notShown;
    }
    RunFindings.Entry first = group.get(0);
    int set = sets.computeIfAbsent(first.set().isEmpty() ? first.file() : first.set(), s -> sets.size());
    if (first.about() == RunFindings.About.NONE) {
      w.write("<div class=\"record c\">\n<h4>" + escape(cut(first.file(), 300)) + " <span class=\"note\">(not about one activity)</span></h4>\n");
    } else {
      w.write("<details class=\"record c\" open>\n<summary><span class=\"id\">" + escape(cut(first.identifier(), 200)) + "</span> <span class=\"title\">"
          + escape(cut(first.title(), 200)) + "</span> <span class=\"note\">(" + escape(cut(first.set(), 200)) + ", "
          + (first.about() == RunFindings.About.PUBLISHED ? "published" : "<strong class=\"invalid\">withheld</strong>") + ")</span></summary>\n");
    }
    for (Map.Entry<String, List<RunFindings.Entry>> rule : byRule.entrySet()) {
      String id = rule.getKey();
      long here = count.get(id);
      Rule known = catalogue.get(id);
      w.write("<div class=\"rule c\">\n<h5>" + HtmlValidationReport.badge(ruleSeverity.get(id)) + " " + ruleLink(id) + " "
          + escape(known == null ? "" : known.description()) + " <span class=\"note\">(" + here + (here == 1 ? " finding" : " findings")
          + ")</span></h5>\n<ol class=\"findings\">\n");
      for (RunFindings.Entry entry : rule.getValue()) {
        w.write("<li class=\"f\" data-severity=\"" + entry.official() + "\" data-rule=\"" + escape(id) + "\" data-file=\"" + set + "\">");
        w.write("<p class=\"where\"><code>" + escape(cut(entry.cell(), 400)) + "</code>"
            + (entry.value().isEmpty() ? "" : " holds <code class=\"value\">" + escape(cut(entry.value(), 300)) + "</code>") + "</p>");
        w.write("<p class=\"msg\">" + escape(cut(entry.message(), MESSAGE_LENGTH)) + "</p></li>\n");
      }
      w.write("</ol>\n");
      if (here > rule.getValue().size()) {
        w.write("<p class=\"more\">" + (here - rule.getValue().size()) + " more of " + escape(id) + " here, not shown in full (see the CSV report).</p>\n");
      }
      w.write("</div>\n");
    }
    w.write(first.about() == RunFindings.About.NONE ? "</div>\n" : "</details>\n");
    return notShown;
  }

  private void withheldRow(Writer w, List<RunFindings.Entry> group) throws IOException {
    RunFindings.Entry first = group.get(0);
    w.write("<tr><td>" + escape(cut(first.set(), 200)) + "</td><td><span class=\"id\">" + escape(cut(first.identifier(), 200)) + "</span><br>"
        + escape(cut(first.title(), 200)) + "</td><td><ul>");
    int listed = 0;
    long errors = group.stream().filter(e -> e.severity() == Severity.ERROR && !e.rule().equals("publish/withheld")).count();
    for (RunFindings.Entry entry : group) {
      if (entry.severity() != Severity.ERROR || entry.rule().equals("publish/withheld")) {
        continue;
      }
      if (listed++ == 5) {
        w.write("<li class=\"note\">and " + (errors - 5) + " more errors (below)</li>");
        break;
      }
      w.write("<li><code>" + escape(cut(entry.cell(), 300)) + "</code> " + escape(cut(entry.message(), 500)) + " <code>" + escape(entry.rule())
          + "</code></li>");
    }
    w.write("</ul></td></tr>\n");
  }

  private String ruleLink(String rule) {
    return facts.guidance(rule).map(url -> HtmlPage.link(url, rule)).orElse("<code>" + escape(rule) + "</code>");
  }

  /** {@code 73 activities and 1 organisation published}, as the edition's files hold them. */
  private static String published(Manifest manifest) {
    long activities = manifest.files().stream().filter(f -> f.kind().equals("iati-activities")).mapToLong(Manifest.Entry::activities).sum();
    long organisations = manifest.files().stream().filter(f -> f.kind().equals("iati-organisations")).mapToLong(Manifest.Entry::activities).sum();
    return activities + (activities == 1 ? " activity" : " activities") + (organisations == 0 ? "" : " and " + organisations
        + (organisations == 1 ? " organisation" : " organisations")) + " published";
  }

  private static void sets(Writer out, PublishReport report) throws IOException {
    out.write("<section id=\"sets\">\n<h2>What each set published</h2>\n<table>\n<thead><tr><th>Set and its files</th><th class=\"n\">Rows read</th>"
        + "<th class=\"n\">Published</th><th class=\"n\">Withheld</th><th class=\"n\">Rejected</th></tr></thead>\n<tbody>\n");
    for (SetOutcome set : report.sets()) {
      out.write("<tr><td><strong>" + escape(set.set()) + "</strong> → " + (set.output() == null ? "no file published"
          : "<code>" + escape(set.output().getFileName().toString()) + "</code>") + "</td><td></td><td class=\"n\">" + set.published()
          + " records</td><td class=\"n\">" + set.withheld() + " records</td><td></td></tr>\n");
      for (FileTally file : set.files()) {
        out.write("<tr><td class=\"note\">" + escape(file.file()) + "</td><td class=\"n\">" + file.read() + "</td><td class=\"n\">"
            + file.published() + "</td><td class=\"n\">" + file.withheld() + "</td><td class=\"n\">" + file.rejected() + "</td></tr>\n");
      }
    }
    out.write("</tbody>\n</table>\n<p class=\"note\">Every row read is published, withheld with its activity, or rejected on its own.</p>\n");
    Map<String, Long> reasons = report.errorsByRule();
    if (!reasons.isEmpty()) {
      out.write("<p>Withheld or rejected because of: ");
      List<String> parts = new ArrayList<>();
      reasons.forEach((rule, count) -> parts.add("<code>" + escape(rule) + "</code> " + count));
      out.write(String.join(", ", parts) + ".</p>\n");
    }
    out.write("</section>\n");
  }

  private static void changes(Writer out, PublishReport report) throws IOException {
    out.write("<section id=\"changes\">\n<h2>Changes since the previous run</h2>\n");
    if (!report.committed()) {
      out.write("<p>Nothing was committed: the output directory is as the previous run left it.</p>\n</section>\n");
      return;
    }
    ChangeReport changes = report.changes();
    out.write("<p>" + changes.added().size() + " added, " + changes.changed().size() + " changed, " + changes.removed().size() + " removed, "
        + changes.withheld().size() + " withheld, " + changes.unchanged() + " unchanged.</p>\n");
    change(out, "Added", changes.added());
    change(out, "Changed", changes.changed());
    change(out, "Removed", changes.removed());
    change(out, "Withheld", changes.withheld());
    out.write("</section>\n");
  }

  private static void change(Writer out, String what, List<ChangeReport.Change> changes) throws IOException {
    if (changes.isEmpty()) {
      return;
    }
    out.write("<details>\n<summary>" + what + " (" + changes.size() + ")</summary>\n<ul>\n");
    int listed = 0;
    for (ChangeReport.Change change : changes) {
      if (listed++ == LISTED_CHANGES) {
        out.write("<li class=\"note\">and " + (changes.size() - LISTED_CHANGES) + " more (publish --format json lists them all)</li>\n");
        break;
      }
      out.write("<li><span class=\"id\">" + escape(cut(change.identifier(), 200)) + "</span> (" + escape(change.set())
          + (change.file() == null ? "" : ", " + escape(change.file())) + ")</li>\n");
    }
    out.write("</ul>\n</details>\n");
  }

  private static void files(Writer out, PublishReport report, Path output) throws IOException {
    out.write("<section id=\"files\">\n<h2>The files published</h2>\n");
    if (!report.committed()) {
      out.write("<p>None this run.</p>\n</section>\n");
      return;
    }
    out.write("<table>\n<thead><tr><th>File</th><th>Kind</th><th class=\"n\">Records</th><th class=\"n\">Bytes</th><th>Generated</th><th>SHA-256</th>"
        + "</tr></thead>\n<tbody>\n");
    for (Manifest.Entry file : report.manifest().files()) {
      out.write("<tr><td><code>" + escape(output.resolve(file.name()).toString()) + "</code></td><td>" + escape(file.kind()) + "</td><td class=\"n\">"
          + file.activities() + "</td><td class=\"n\">" + file.size() + "</td><td>" + escape(String.valueOf(file.generatedDatetime()))
          + "</td><td><code>" + escape(file.sha256().substring(0, Math.min(16, file.sha256().length()))) + "…</code></td></tr>\n");
    }
    out.write("</tbody>\n</table>\n</section>\n");
  }

  private void ruleTable(Writer out, Map<String, Rule> catalogue) throws IOException {
    if (rules.isEmpty()) {
      return;
    }
    out.write("<table class=\"rules\">\n<thead><tr><th>Rule</th><th>Severity</th><th class=\"n\">Findings</th><th>What it checks</th></tr></thead>\n<tbody>\n");
    for (Map.Entry<String, long[]> rule : rules.entrySet()) {
      Rule known = catalogue.get(rule.getKey());
      out.write("<tr><td>" + ruleLink(rule.getKey()) + "</td><td>" + HtmlValidationReport.badge(ruleSeverity.get(rule.getKey()))
          + "</td><td class=\"n\">" + rule.getValue()[0] + "</td><td>" + escape(known == null ? "" : known.description()) + "</td></tr>\n");
    }
    out.write("</tbody>\n</table>\n");
  }

  private void filters(Writer out) throws IOException {
    out.write("<form id=\"filters\" hidden>\n<strong>Show:</strong> ");
    for (String severity : OfficialSeverity.ALL) {
      out.write("<label><input type=\"checkbox\" name=\"severity\" value=\"" + severity + "\" checked> " + severity + "</label>");
    }
    out.write("\n<label>rule <select name=\"rule\"><option value=\"\">every rule</option>");
    for (String rule : rules.keySet()) {
      out.write("<option value=\"" + escape(rule) + "\">" + escape(rule) + "</option>");
    }
    out.write("</select></label>\n<label>set <select name=\"file\"><option value=\"\">every set</option>");
    for (Map.Entry<String, Integer> set : sets.entrySet()) {
      out.write("<option value=\"" + set.getValue() + "\">" + escape(cut(set.getKey(), 120)) + "</option>");
    }
    out.write("</select></label>\n<span class=\"note\"><span id=\"shown\"></span> findings shown</span>\n</form>\n");
  }

  private static void copy(Path file, Writer out) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      in.transferTo(out);
    }
  }

  @Override
  public void close() throws IOException {
    findings.close();
  }
}
