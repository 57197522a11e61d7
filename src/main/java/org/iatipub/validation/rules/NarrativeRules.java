package org.iatipub.validation.rules;

import static org.iatipub.finding.Severity.ERROR;

import java.util.List;
import java.util.Optional;
import org.iatipub.validation.Check;
import org.iatipub.validation.Node;
import org.iatipub.validation.Reporter;

/** Human-readable text: a language for every narrative, and titles and descriptions that say something. */
final class NarrativeRules implements Check {
  static final Rule ACTIVITY_LANGUAGE = Rule.activity("4.1.1", ERROR,
      "the activity declares a default language (xml:lang) or every narrative has its own");
  static final Rule ORGANISATION_LANGUAGE = Rule.organisation("4.5.1", ERROR,
      "the organisation declares a default language (xml:lang) or every narrative has its own");
  static final Rule TITLE_TEXT = Rule.activity("4.3.1", ERROR,
      "every title (activity, result, indicator) has a narrative with text");
  static final Rule DESCRIPTION_TEXT = Rule.activity("4.4.1", ERROR,
      "every description (activity, transaction, result, indicator) has a narrative with text");
  static final Rule OWN_SECTOR_NAMED = Rule.activity("2.2.1", ERROR,
      "a sector from the publisher's own vocabulary (98 or 99) has a narrative naming it");
  static final Rule OWN_POLICY_MARKER_NAMED = Rule.activity("6.13.1", ERROR,
      "a policy marker from the publisher's own vocabulary (99) has a narrative naming it");
  static final List<Rule> RULES = List.of(ACTIVITY_LANGUAGE, ORGANISATION_LANGUAGE, TITLE_TEXT, DESCRIPTION_TEXT,
      OWN_SECTOR_NAMED, OWN_POLICY_MARKER_NAMED);

  @Override
  public void record(Node record, Reporter reporter) {
    boolean organisation = record.name().equals("iati-organisation");
    language(record, organisation ? ORGANISATION_LANGUAGE : ACTIVITY_LANGUAGE, organisation ? "organisation" : "activity", reporter);
    if (organisation) {
      return;
    }
    Tree.descendants(record, "title").filter(t -> !Tree.hasNarrativeText(t)).forEach(title -> TITLE_TEXT.report(reporter, title,
        "this title has no narrative text; add <narrative> with the title"));
    Tree.descendants(record, "description").filter(d -> !Tree.hasNarrativeText(d)).forEach(description ->
        DESCRIPTION_TEXT.report(reporter, description, "this description has no narrative text; add <narrative> with the description, or remove the empty element"));
    Tree.descendants(record, "sector").filter(s -> isOneOf(s, "98", "99") && s.child("narrative").isEmpty()).forEach(sector ->
        OWN_SECTOR_NAMED.report(reporter, sector, "sector '" + sector.attribute("code").orElse("")
            + "' is from your own vocabulary " + Tree.vocabulary(sector) + "; add a <narrative> saying what it means"));
    record.children("policy-marker").filter(p -> isOneOf(p, "99") && p.child("narrative").isEmpty()).forEach(marker ->
        OWN_POLICY_MARKER_NAMED.report(reporter, marker, "policy marker '" + marker.attribute("code").orElse("")
            + "' is from your own vocabulary 99; add a <narrative> saying what it means"));
  }

  private static boolean isOneOf(Node node, String... vocabularies) {
    String vocabulary = node.attribute("vocabulary").map(String::strip).orElse("");
    return List.of(vocabularies).contains(vocabulary);
  }

  private static void language(Node record, Rule rule, String what, Reporter reporter) {
    if (record.attribute("xml:lang").isPresent()) {
      return;
    }
    Optional<Node> unlabelled = Tree.descendants(record, "narrative").filter(n -> n.attribute("xml:lang").isEmpty()).findFirst();
    unlabelled.ifPresent(narrative -> rule.report(reporter, record, "the " + what + " has no default language and the narrative at "
        + Tree.where(narrative) + " has none either; add xml:lang (e.g. xml:lang=\"en\") to <iati-" + what + "> or to every narrative"));
  }
}
