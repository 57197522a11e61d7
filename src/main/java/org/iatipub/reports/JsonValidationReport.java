package org.iatipub.reports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.iatipub.validation.FileVerdict;

/**
 * One JSON document, {@code {"files":[{"path":…,"findings":[…],"valid":…}], "summary":{…},
 * "checked":{…}}}, written as the findings arrive so a huge report never sits in memory.
 */
public final class JsonValidationReport implements ValidationReport {
  private final JsonGenerator json;
  private final VersionStamp stamp;

  public JsonValidationReport(Writer out, VersionStamp stamp) throws IOException {
    this.stamp = stamp;
    json = new JsonFactory().createGenerator(out);
    json.useDefaultPrettyPrinter();
    json.writeStartObject();
    json.writeArrayFieldStart("files");
  }

  @Override
  public void startFile(String shown, Path file) throws IOException {
    json.writeStartObject();
    json.writeStringField("path", shown);
    json.writeArrayFieldStart("findings");
  }

  @Override
  public void finding(Finding finding) throws IOException {
    json.writeStartObject();
    json.writeStringField("severity", finding.severity().label());
    json.writeStringField("rule", finding.rule());
    Location at = finding.location();
    if (at instanceof Location.XmlPosition position) {
      json.writeNumberField("line", position.line());
      json.writeNumberField("column", position.column());
      json.writeStringField("xpath", position.xpath());
    } else {
      json.writeNullField("line");
      json.writeNullField("column");
      json.writeStringField("xpath", "");
    }
    json.writeStringField("message", finding.message());
    json.writeEndObject();
  }

  @Override
  public void endFile(FileVerdict verdict) throws IOException {
    json.writeEndArray();
    json.writeBooleanField("valid", verdict.valid());
    json.writeBooleanField("schemaValid", verdict.schemaValid());
    json.writeStringField("kind", verdict.kind().map(k -> k.rootElement()).orElse(null));
    json.writeEndObject();
    json.flush();
  }

  @Override
  public void finish(Totals totals) throws IOException {
    json.writeEndArray();
    json.writeObjectFieldStart("summary");
    json.writeNumberField("files", totals.files());
    json.writeNumberField("valid", totals.files() - totals.invalid());
    json.writeNumberField("invalid", totals.invalid());
    json.writeNumberField("errors", totals.errors());
    json.writeNumberField("warnings", totals.warnings());
    json.writeEndObject();
    json.writeFieldName("checked");
    writeStamp(json, stamp);
    json.writeEndObject();
    json.writeRaw('\n');
    json.flush();
  }

  /** The stamp as a JSON object: {@code {"iatipub","checkedAt","schemas","codelists":{…},"rules":[{id,severity,checks}]}}. */
  static void writeStamp(JsonGenerator json, VersionStamp stamp) throws IOException {
    json.writeStartObject();
    json.writeStringField("iatipub", stamp.iatipub());
    json.writeStringField("checkedAt", stamp.checkedAtText());
    json.writeStringField("schemas", stamp.schemas());
    json.writeObjectFieldStart("codelists");
    json.writeStringField("release", stamp.codelists().standardVersion());
    json.writeStringField("latestChange", stamp.codelists().latestChange());
    json.writeStringField("digest", stamp.codelists().digest());
    json.writeEndObject();
    json.writeArrayFieldStart("rules");
    for (var rule : stamp.rules()) {
      json.writeStartObject();
      json.writeStringField("id", rule.id());
      json.writeStringField("severity", rule.severity().label());
      json.writeStringField("checks", rule.description());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }
}
