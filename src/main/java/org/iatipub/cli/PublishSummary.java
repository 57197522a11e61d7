package org.iatipub.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iatipub.exports.Exports;
import org.iatipub.finding.Severity;
import org.iatipub.publish.FileTally;
import org.iatipub.publish.PublishReport;
import org.iatipub.publish.SetOutcome;
import org.iatipub.publish.dataset.ChangeReport;
import org.iatipub.publish.dataset.DerivedFiles;
import org.iatipub.publish.dataset.Manifest;
import org.iatipub.publish.dataset.PortfolioSummary;
import org.iatipub.reports.VersionStamp;

/** What {@code publish} tells at the end of a run: every row accounted for, and what changed. */
final class PublishSummary {
  private PublishSummary() {}

  /** The row tally per set and file, the errors by rule, then what changed and what was published. */
  static void text(PrintWriter out, PublishReport report, Path output, boolean strict, VersionStamp stamp) {
    tally(out, report, strict);
    changes(out, report, output);
    stamp.lines().forEach((what, value) -> out.println(what + ": " + value));
  }

  private static void tally(PrintWriter out, PublishReport report, boolean strict) {
    int published = 0;
    int withheld = 0;
    for (SetOutcome set : report.sets()) {
      out.println(set.set() + ":");
      for (FileTally file : set.files()) {
        out.printf("  %s: %d rows read, %d published, %d withheld, %d rejected%n",
            file.file(), file.read(), file.published(), file.withheld(), file.rejected());
      }
      out.printf("  -> %s: %d activities published, %d withheld%n",
          set.output() == null ? "no file published" : set.output(), set.published(), set.withheld());
      published += set.published();
      withheld += set.withheld();
    }
    // Why activities were withheld: each counted once under every rule its errors break. Then the
    // errors behind no withheld activity: rejected rows, unread files (each finding names its row).
    RuleNames names = RuleNames.standard();
    if (!report.withheldByRule().isEmpty()) {
      out.println("activities withheld, by rule broken:");
      report.withheldByRule().forEach((rule, activities) ->
          out.printf("  %s: %d %s%n", names.shown(rule), activities, activities == 1 ? "activity" : "activities"));
    }
    Map<String, Long> other = new java.util.TreeMap<>(report.errorsByRule());
    other.keySet().removeAll(report.withheldByRule().keySet());
    other.remove("publish/withheld");
    if (!other.isEmpty()) {
      out.println("other errors (rejected rows, files not read), by rule:");
      other.forEach((rule, errors) -> out.printf("  %s: %d %s%n", names.shown(rule), errors, errors == 1 ? "error" : "errors"));
    }
    out.printf("%d activities published, %d withheld; findings: %d errors, %d warnings, %d info%s%n",
        published, withheld, report.count(Severity.ERROR), report.count(Severity.WARNING), report.count(Severity.INFO),
        strict && !report.everythingPublished() ? " (--strict: nothing published)" : "");
  }

  private static void changes(PrintWriter out, PublishReport report, Path output) {
    if (!report.committed()) {
      out.println("nothing committed: " + output + " is as the previous run left it");
      return;
    }
    ChangeReport changes = report.changes();
    out.printf("changes since the previous run: %d added, %d changed, %d removed, %d withheld, %d unchanged%n",
        changes.added().size(), changes.changed().size(), changes.removed().size(), changes.withheld().size(),
        changes.unchanged());
    print(out, "added", changes.added());
    print(out, "changed", changes.changed());
    print(out, "removed", changes.removed());
    print(out, "withheld", changes.withheld());
    for (Manifest.Entry file : report.manifest().files()) {
      if (file.kind().equals(PortfolioSummary.KIND)) {
        out.printf("published: %s (the portfolio at a glance, summed from %d activities, %d bytes, sha256 %s)%n", output.resolve(file.name()),
            file.activities(), file.size(), file.sha256());
        continue;
      }
      if (file.set().equals(DerivedFiles.SET)) {
        out.printf("published: %s (%s export of %d activities, %d bytes, sha256 %s, generated %s)%n", output.resolve(file.name()),
            file.kind(), file.activities(), file.size(), file.sha256(), file.generatedDatetime());
        continue;
      }
      out.printf("published: %s (%d %s, %d bytes, sha256 %s, generated %s)%n", output.resolve(file.name()),
          file.activities(), file.kind().equals("iati-organisations") ? "organisations" : "activities", file.size(),
          file.sha256(), file.generatedDatetime());
    }
  }

  private static void print(PrintWriter out, String what, List<ChangeReport.Change> changes) {
    for (ChangeReport.Change change : changes) {
      out.printf("  %s: %s (%s%s)%n", what, change.identifier(), change.set(), change.file() == null ? "" : ", " + change.file());
    }
  }

  /** Everything in one JSON document, for scripts. */
  static void json(PrintWriter out, PublishReport report, Iterable<Map<String, String>> findings, Exports.Outcome exported,
      int exit, VersionStamp stamp) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("findings", findings);
    document.put("sets", report.sets());
    document.put("reasons", report.errorsByRule());
    RuleNames names = RuleNames.standard();
    Map<String, Object> withheld = new LinkedHashMap<>();
    report.withheldByRule().forEach((rule, activities) -> withheld.put(rule, Map.of("name", names.of(rule), "activities", activities)));
    document.put("withheld-by-rule", withheld);
    document.put("committed", report.committed());
    document.put("changes", report.changes() == null ? null : changes(report.changes()));
    document.put("manifest", report.manifest());
    if (exported != null) {
      document.put("reconciliation", exported.reconciliation().asMap());
    }
    document.put("exit-code", exit);
    document.put("checked", checked(stamp));
    try {
      // Written as it is generated: the change lists are read from their files while they are written.
      new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT).writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .writeValue(out, document);
      out.println();
    } catch (IOException e) {
      throw new IllegalStateException("the report cannot be written as JSON: " + e.getMessage(), e);
    }
  }

  /** The stamp, as the JSON document shows it: as in validate's JSON, the rules by id and severity. */
  private static Map<String, Object> checked(VersionStamp stamp) {
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("iatipub", stamp.iatipub());
    shown.put("checked-at", stamp.checkedAtText());
    shown.put("schemas", stamp.schemas());
    shown.put("codelists", Map.of("release", stamp.codelists().standardVersion(), "latest-change", stamp.codelists().latestChange(),
        "digest", stamp.codelists().digest()));
    shown.put("rules", stamp.rules().stream().map(r -> Map.of("id", r.id(), "severity", r.severity().label())).toList());
    return shown;
  }

  /** The change report's lists and count, as the JSON document shows them. */
  private static Map<String, Object> changes(ChangeReport changes) {
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("added", changes.added());
    shown.put("changed", changes.changed());
    shown.put("removed", changes.removed());
    shown.put("withheld", changes.withheld());
    shown.put("unchanged", changes.unchanged());
    return shown;
  }
}
