package org.iatipub.validation.rules;

import static org.iatipub.finding.Severity.ERROR;

import java.util.List;
import org.iatipub.validation.Check;
import org.iatipub.validation.Node;
import org.iatipub.validation.Reporter;

/**
 * Things that must be there: a name or identifier for every organisation cited, a significance
 * for every DAC policy marker. (An activity status, 6.2.1, and a document format, 6.1.5, are the
 * schema's to require: the official validator no longer runs those rules.)
 */
final class PresenceRules implements Check {
  static final Rule PARTICIPANT_NAMED = Rule.activity("6.10.1", ERROR,
      "every participating organisation has an identifier (@ref) or a narrative");
  static final Rule OWNER_NAMED = Rule.activity("6.8.1", ERROR,
      "every owner-org of an other-identifier has an identifier (@ref) or a narrative");
  static final Rule PROVIDER_NAMED = Rule.activity("6.9.1", ERROR,
      "every provider-org of a transaction or planned disbursement has an identifier (@ref) or a narrative");
  static final Rule RECEIVER_NAMED = Rule.activity("6.9.2", ERROR,
      "every receiver-org of a transaction or planned disbursement has an identifier (@ref) or a narrative");
  static final Rule POLICY_SIGNIFICANCE = Rule.activity("6.14.1", ERROR,
      "a policy marker from the OECD DAC vocabulary (1) has a significance");
  static final List<Rule> RULES = List.of(PARTICIPANT_NAMED, OWNER_NAMED, PROVIDER_NAMED,
      RECEIVER_NAMED, POLICY_SIGNIFICANCE);

  @Override
  public void record(Node record, Reporter reporter) {
    if (!record.name().equals("iati-activity")) {
      return;
    }
    named(Tree.children(record, "participating-org"), PARTICIPANT_NAMED, "participating organisation", reporter);
    named(Tree.path(record, "other-identifier", "owner-org"), OWNER_NAMED, "owner organisation", reporter);
    named(Tree.path(record, "transaction", "provider-org"), PROVIDER_NAMED, "provider organisation", reporter);
    named(Tree.path(record, "planned-disbursement", "provider-org"), PROVIDER_NAMED, "provider organisation", reporter);
    named(Tree.path(record, "transaction", "receiver-org"), RECEIVER_NAMED, "receiver organisation", reporter);
    named(Tree.path(record, "planned-disbursement", "receiver-org"), RECEIVER_NAMED, "receiver organisation", reporter);
    for (Node marker : Tree.children(record, "policy-marker")) {
      if (Tree.vocabulary(marker).equals("1") && !marker.attributes().containsKey("significance")) {
        POLICY_SIGNIFICANCE.report(reporter, marker, "policy marker '" + marker.attribute("code").orElse("")
            + "' (OECD DAC vocabulary) has no significance; add @significance (e.g. 1 for significant objective)");
      }
    }
  }

  private static void named(List<Node> organisations, Rule rule, String what, Reporter reporter) {
    for (Node org : organisations) {
      if (!org.attributes().containsKey("ref") && !Tree.hasChild(org, "narrative")) {
        rule.report(reporter, org, "this " + what + " has neither @ref nor a narrative; add its organisation identifier or its name");
      }
    }
  }
}
