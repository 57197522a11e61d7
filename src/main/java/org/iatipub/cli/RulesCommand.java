package org.iatipub.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.iatipub.finding.PipelineRule;
import org.iatipub.validation.DocumentKind;
import org.iatipub.validation.rules.Rule;
import org.iatipub.validation.rules.RuleCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Lists every check that validate and publish run: rule id, severity, the files it applies to and what it checks;",
      "then the rules iatipub's own stages report (reading sources, mapping, publishing, exports, flatten), with their stage.",
      "A report with no findings means every one of these passed."
    })
final class RulesCommand implements Callable<Integer> {
  enum Format { text, json }

  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
  Format format;

  @Override
  public Integer call() throws IOException {
    List<Rule> rules = RuleCatalogue.standard().rules();
    List<StageRules> own = StageRules.all();
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      json(rules, own, out);
    } else {
      text(rules, own, out);
    }
    out.flush();
    return ExitCode.OK;
  }

  private static void text(List<Rule> rules, List<StageRules> own, PrintWriter out) {
    int idWidth = rules.stream().mapToInt(r -> r.id().length()).max().orElse(2);
    String line = "%-" + idWidth + "s  %-7s  %-25s  %s%n";
    for (Rule rule : rules) {
      out.printf(line, rule.id(), rule.severity().label(), appliesTo(rule), rule.description());
    }
    int count = rules.size();
    for (StageRules stage : own) {
      for (PipelineRule rule : stage.rules()) {
        out.printf(line, rule.id(), rule.severity().label(), "stage: " + stage.stage(), rule.description());
      }
      count += stage.rules().size();
    }
    out.println(count + " rules");
  }

  private static void json(List<Rule> rules, List<StageRules> own, PrintWriter out) throws IOException {
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeArrayFieldStart("rules");
      for (Rule rule : rules) {
        json.writeStartObject();
        json.writeStringField("id", rule.id());
        json.writeStringField("severity", rule.severity().label());
        json.writeArrayFieldStart("appliesTo");
        for (DocumentKind kind : DocumentKind.values()) {
          if (rule.appliesTo().contains(kind)) {
            json.writeString(kind.rootElement());
          }
        }
        json.writeEndArray();
        json.writeStringField("checks", rule.description());
        json.writeEndObject();
      }
      json.writeEndArray();
      // The stages' own rules apply to their input (rows, cells, files), not to an IATI document.
      json.writeArrayFieldStart("stageRules");
      int count = rules.size();
      for (StageRules stage : own) {
        for (PipelineRule rule : stage.rules()) {
          json.writeStartObject();
          json.writeStringField("id", rule.id());
          json.writeStringField("severity", rule.severity().label());
          json.writeStringField("stage", stage.stage());
          json.writeStringField("checks", rule.description());
          json.writeEndObject();
        }
        count += stage.rules().size();
      }
      json.writeEndArray();
      json.writeNumberField("count", count);
      json.writeEndObject();
    }
    out.println();
  }

  private static String appliesTo(Rule rule) {
    return rule.appliesTo().size() == DocumentKind.values().length ? "activities, organisations"
        : rule.appliesTo().iterator().next().rootElement().replace("iati-", "").toLowerCase(Locale.ROOT);
  }
}
