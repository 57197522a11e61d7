package org.iatipub.reports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iatipub.scratch.ScratchDir;
import org.iatipub.validation.FileLevelRule;
import org.iatipub.validation.FileVerdict;
import org.iatipub.validation.RecordSpan;

/**
 * The official IATI Validator's response shape, so tools made for it can read iatipub's reports:
 * {@code {valid, fileType, iatiVersion, summary:{critical,error,warning,advisory}, errors:[…]}}.
 * Grouped (its default) the errors are by record ({@code identifier}, {@code title}) and then by
 * category; flat, each error carries those itself. As there, {@code valid} means no critical
 * finding (nothing wrong with the file as a whole), schema errors are one critical error per
 * record with a context line for each, and records are labelled {@code noIdentifier} when they have
 * no identifier and {@code id(2)} when a second has the same. One file gives one such object,
 * several an array of them, each with its {@code file}. The response's commit and file fields
 * carry what iatipub checked with, and {@code iatipub} the whole stamp.
 */
public final class IatiValidatorReport implements ValidationReport {
  private static final String FILE_IDENTIFIER = OfficialShape.FILE_IDENTIFIER;
  private static final String FILE_TITLE = OfficialShape.FILE_TITLE;

  private final JsonGenerator json;
  private final boolean grouped;
  private final boolean several;
  private final VersionStamp stamp;
  private final RuleFacts facts = RuleFacts.bundled();
  private final ScratchDir scratch;
  private FileFindings current;
  private String shown;
  private int files;

  /**
   * @param grouped by record and category, as the official validator's default; flat otherwise
   * @param several more than one file will be reported: an array of responses
   */
  public IatiValidatorReport(Writer out, boolean grouped, boolean several, VersionStamp stamp) throws IOException {
    this.json = new JsonFactory().createGenerator(out);
    json.useDefaultPrettyPrinter();
    this.grouped = grouped;
    this.several = several;
    this.stamp = stamp;
    this.scratch = ScratchDir.create("report");
    if (several) {
      json.writeStartArray();
    }
  }

  @Override
  public void startFile(String shown, Path file) throws IOException {
    this.shown = shown;
    current = new FileFindings(scratch, "file-" + files);
  }

  @Override
  public void record(RecordSpan span) throws IOException {
    current.add(span);
  }

  @Override
  public void finding(org.iatipub.finding.Finding finding) throws IOException {
    current.add(finding);
  }

  /** An error as the response lists it, with the findings it stands for: one, or a record's schema errors together. */
  private record Error(String id, String severity, String category, String message, List<Spooled> at) {
    OfficialShape.Error shaped(Optional<String> codelist) {
      boolean several = at.size() > 1;
      List<OfficialShape.Context> context = new ArrayList<>();
      for (Spooled finding : at) {
        Map<String, Object> where = new LinkedHashMap<>();
        if (finding.line() > 0) {
          where.put("lineNumber", finding.line());
          where.put("columnNumber", finding.column());
        }
        if (!finding.xpath().isEmpty()) {
          where.put("xpath", finding.xpath());
        }
        context.add(new OfficialShape.Context(IatiValidatorReport.context(finding, several), where));
      }
      return new OfficialShape.Error(id, severity, category, message, codelist, context);
    }
  }

  @Override
  public void endFile(FileVerdict verdict) throws IOException {
    try (FileFindings findings = current;
        PlacedSpool fileLevel = new PlacedSpool(scratch.file("file-level-" + files));
        PlacedSpool inRecords = new PlacedSpool(scratch.file("in-records-" + files))) {
      Map<String, Long> summary = OfficialShape.emptySummary();
      String[] lastSchemaRecord = {null};
      findings.inOrder((f, record) -> {
        String label = record == null ? FILE_IDENTIFIER : record.label();
        if (record == null) {
          fileLevel.add(f, "", "");
        } else {
          inRecords.add(f, record.label(), record.span().title());
        }
        // One critical error per record for its schema errors, as the official validator counts them.
        boolean schema = f.rule().equals(FileLevelRule.SCHEMA.id());
        if (!schema || !label.equals(lastSchemaRecord[0])) {
          summary.merge(f.officialSeverity(), 1L, Long::sum);
        }
        lastSchemaRecord[0] = schema ? label : null;
      }, record -> { });
      json.writeStartObject();
      if (several) {
        json.writeStringField("file", shown);
      }
      json.writeBooleanField("valid", summary.get(OfficialSeverity.CRITICAL) == 0);
      json.writeStringField("fileType", verdict.kind().map(k -> k.rootElement()).orElse(""));
      json.writeStringField("iatiVersion", verdict.version());
      OfficialShape.writeChecked(json, stamp);
      OfficialShape.writeSummary(json, summary);
      json.writeArrayFieldStart("errors");
      List<Error> group = new ArrayList<>();
      String[] open = {null, null};
      fileLevel.read(entry -> collect(group, entry.finding()));
      if (!group.isEmpty()) {
        writeRecord(FILE_IDENTIFIER, FILE_TITLE, group);
        group.clear();
      }
      inRecords.read(entry -> {
        if (open[0] != null && !open[0].equals(entry.label())) {
          writeRecord(open[0], open[1], group);
          group.clear();
        }
        open[0] = entry.label();
        open[1] = entry.title();
        collect(group, entry.finding());
      });
      if (open[0] != null) {
        writeRecord(open[0], open[1], group);
      }
      json.writeEndArray();
      json.writeFieldName("iatipub");
      JsonValidationReport.writeStamp(json, stamp);
      json.writeEndObject();
      json.flush();
    } finally {
      current = null;
      files++;
    }
  }

  /** Adds a finding to its record's errors; a schema error joins the record's schema error, if it has one. */
  private void collect(List<Error> errors, Spooled finding) {
    if (finding.rule().equals(FileLevelRule.SCHEMA.id())) {
      for (Error error : errors) {
        if (error.id().equals(finding.rule())) {
          error.at().add(finding);
          return;
        }
      }
    }
    List<Spooled> at = new ArrayList<>();
    at.add(finding);
    errors.add(new Error(finding.rule(), finding.officialSeverity(), facts.category(finding.rule()), finding.message(), at));
  }

  private void writeRecord(String identifier, String title, List<Error> errors) throws IOException {
    List<OfficialShape.Error> shaped = new ArrayList<>();
    for (Error error : errors) {
      shaped.add(error.shaped(facts.codelist(error.id())));
    }
    OfficialShape.writeRecord(json, grouped, identifier, title, shaped);
  }

  /** {@code For /iati-activities/iati-activity[2]/sector[1] at line: 12, column: 34}, with the message when several share an error. */
  private static String context(Spooled at, boolean withMessage) {
    if (at.line() == 0) {
      return withMessage ? at.message() : "";
    }
    String where = (at.xpath().isEmpty() ? "At" : "For " + at.xpath() + " at") + " line: " + at.line() + ", column: " + at.column();
    return withMessage ? where + ": " + at.message() : where;
  }

  @Override
  public void finish(Totals totals) throws IOException {
    if (several) {
      json.writeEndArray();
    }
    json.writeRaw('\n');
    json.flush();
  }

  @Override
  public void close() throws IOException {
    try {
      if (current != null) {
        current.close();
      }
    } finally {
      scratch.close();
    }
  }
}
