package org.iatipub.cli;

import java.util.List;
import org.iatipub.exports.ExportRule;
import org.iatipub.finding.PipelineRule;
import org.iatipub.flatten.FlattenRule;
import org.iatipub.mapping.CrosswalkRule;
import org.iatipub.mapping.MappingRule;
import org.iatipub.mapping.OrganisationRule;
import org.iatipub.mapping.PathHeaderRule;
import org.iatipub.model.ModelRule;
import org.iatipub.publish.PublishRule;
import org.iatipub.source.SourceRule;

/**
 * The rules one stage of the pipeline reports under its own ids, from its typed catalogue. The
 * file checks of validation ({@code xml/…}, {@code iati/…}) are not here: they are in the
 * validation's catalogue, beside the IATI rules.
 *
 * @param stage the stage, as {@code iatipub rules} names it
 * @param rules its catalogue, in the catalogue's order
 */
record StageRules(String stage, List<PipelineRule> rules) {
  StageRules {
    rules = List.copyOf(rules);
  }

  /** Every stage's own rules, in the order data flows through the stages. */
  static List<StageRules> all() {
    return List.of(
        new StageRules("sources", List.of(SourceRule.values())),
        new StageRules("mapping", List.of(MappingRule.values())),
        new StageRules("mapping", List.of(PathHeaderRule.values())),
        new StageRules("mapping", List.of(OrganisationRule.values())),
        new StageRules("mapping", List.of(CrosswalkRule.values())),
        new StageRules("model", List.of(ModelRule.values())),
        new StageRules("publish", List.of(PublishRule.values())),
        new StageRules("exports", List.of(ExportRule.values())),
        new StageRules("flatten", List.of(FlattenRule.values())));
  }
}
