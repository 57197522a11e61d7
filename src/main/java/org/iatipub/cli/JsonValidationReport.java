package org.iatipub.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.iatipub.validation.FileVerdict;

/**
 * One JSON document, {@code {"files":[{"path":…,"findings":[…],"valid":…}], "summary":{…}}},
 * written as the findings arrive so a huge report never sits in memory.
 */
final class JsonValidationReport implements ValidationReport {
  private final JsonGenerator json;

  JsonValidationReport(Writer out) throws IOException {
    json = new JsonFactory().createGenerator(out);
    json.useDefaultPrettyPrinter();
    json.writeStartObject();
    json.writeArrayFieldStart("files");
  }

  @Override
  public void startFile(String path) throws IOException {
    json.writeStartObject();
    json.writeStringField("path", path);
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
    } else {
      json.writeNullField("line");
      json.writeNullField("column");
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
  public void finish(int files, int invalid, int errors, int warnings) throws IOException {
    json.writeEndArray();
    json.writeObjectFieldStart("summary");
    json.writeNumberField("files", files);
    json.writeNumberField("valid", files - invalid);
    json.writeNumberField("invalid", invalid);
    json.writeNumberField("errors", errors);
    json.writeNumberField("warnings", warnings);
    json.writeEndObject();
    json.writeEndObject();
    json.writeRaw('\n');
    json.flush();
  }
}
