package org.iatipub.reports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iatipub.finding.Finding;
import org.iatipub.publish.FindingSink;
import org.iatipub.validation.FileLevelRule;

/**
 * A publish run's findings in the official validator's response shape (see
 * {@link IatiValidatorReport}), so tools made for it can read them too: one response for the run,
 * each activity's findings under its identifier and title, those about no one activity under
 * {@code file}. A finding's context gives its cell ({@code file}, {@code row}, {@code column},
 * {@code value}) where a validator's gives a line. {@code valid} means no critical finding, as
 * there; an activity withheld has the error {@code publish/withheld} among its own.
 */
public final class PublishIatiValidatorReport implements FindingSink, Closeable {
  private final RunFindings findings;
  private final boolean grouped;
  private final RuleFacts facts = RuleFacts.bundled();

  /** @param grouped by activity and category, as the official validator's default; flat otherwise */
  public PublishIatiValidatorReport(boolean grouped) throws IOException {
    this.findings = new RunFindings();
    this.grouped = grouped;
  }

  @Override
  public void accept(Finding finding) {
    findings.accept(finding);
  }

  @Override
  public void activity(ActivityOutcome activity, List<Finding> found) {
    findings.activity(activity, found);
  }

  /** Writes the response, once the run is done. */
  public void write(Writer out, VersionStamp stamp) throws IOException {
    Map<String, Long> summary = OfficialShape.emptySummary();
    String[] lastSchema = {null};
    findings.read(entry -> {
      String activity = entry.about() == RunFindings.About.NONE ? null : entry.set() + "\0" + entry.identifier();
      boolean schema = entry.rule().equals(FileLevelRule.SCHEMA.id());
      if (!schema || activity == null || !activity.equals(lastSchema[0])) {
        summary.merge(entry.official(), 1L, Long::sum);
      }
      lastSchema[0] = schema ? activity : null;
    });
    JsonGenerator json = new JsonFactory().createGenerator(out);
    json.useDefaultPrettyPrinter();
    json.writeStartObject();
    json.writeBooleanField("valid", summary.get(OfficialSeverity.CRITICAL) == 0);
    json.writeStringField("fileType", "iati-activities");
    json.writeStringField("iatiVersion", "2.03");
    OfficialShape.writeChecked(json, stamp);
    OfficialShape.writeSummary(json, summary);
    json.writeArrayFieldStart("errors");
    List<OfficialShape.Error> errors = new ArrayList<>();
    findings.read(entry -> {
      if (entry.about() == RunFindings.About.NONE) {
        collect(errors, entry);
      }
    });
    if (!errors.isEmpty()) {
      OfficialShape.writeRecord(json, grouped, OfficialShape.FILE_IDENTIFIER, OfficialShape.FILE_TITLE, errors);
      errors.clear();
    }
    RunFindings.Entry[] open = {null};
    findings.read(entry -> {
      if (entry.about() == RunFindings.About.NONE) {
        return;
      }
      if (open[0] != null && !entry.sameActivity(open[0])) {
        OfficialShape.writeRecord(json, grouped, open[0].identifier(), open[0].title(), errors);
        errors.clear();
      }
      open[0] = entry;
      collect(errors, entry);
    });
    if (open[0] != null) {
      OfficialShape.writeRecord(json, grouped, open[0].identifier(), open[0].title(), errors);
    }
    json.writeEndArray();
    json.writeFieldName("iatipub");
    JsonValidationReport.writeStamp(json, stamp);
    json.writeEndObject();
    json.writeRaw('\n');
    json.flush();
  }

  /** Adds a finding to its activity's errors; a schema error joins the activity's schema error, if it has one. */
  private void collect(List<OfficialShape.Error> errors, RunFindings.Entry entry) {
    OfficialShape.Context context = context(entry);
    if (entry.rule().equals(FileLevelRule.SCHEMA.id())) {
      for (OfficialShape.Error error : errors) {
        if (error.id().equals(entry.rule())) {
          error.context().add(context);
          return;
        }
      }
    }
    List<OfficialShape.Context> contexts = new ArrayList<>();
    contexts.add(context);
    errors.add(new OfficialShape.Error(entry.rule(), entry.official(), facts.category(entry.rule()), entry.message(),
        facts.codelist(entry.rule()), contexts));
  }

  /** {@code At transactions.csv:2:amount, which holds '3,000'} (or {@code At book.xlsx!transactions!C2, ...}), with the cell's parts. */
  private static OfficialShape.Context context(RunFindings.Entry entry) {
    Map<String, Object> where = new LinkedHashMap<>();
    where.put("file", entry.file());
    if (!entry.sheet().isEmpty()) {
      where.put("sheet", entry.sheet());
    }
    if (entry.row() > 0) {
      where.put("row", entry.row());
    }
    if (!entry.column().isEmpty()) {
      where.put("column", entry.column());
    }
    if (!entry.value().isEmpty()) {
      where.put("value", entry.value());
    }
    String text = "At " + entry.cell() + (entry.value().isEmpty() ? "" : ", which holds '" + entry.value() + "'");
    return new OfficialShape.Context(text, where);
  }

  @Override
  public void close() throws IOException {
    findings.close();
  }
}
