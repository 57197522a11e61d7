package org.iatipub.validation.rules;

import static org.iatipub.finding.Severity.ERROR;

import java.util.ArrayList;
import java.util.List;
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
    List<Node> titles = new ArrayList<>();
    List<Node> descriptions = new ArrayList<>();
    List<Node> sectors = new ArrayList<>();
    gather(record, titles, descriptions, sectors);
    for (Node title : titles) {
      if (!Tree.hasNarrativeText(title)) {
        TITLE_TEXT.report(reporter, title, "this title has no narrative text; add <narrative> with the title");
      }
    }
    for (Node description : descriptions) {
      if (!Tree.hasNarrativeText(description)) {
        DESCRIPTION_TEXT.report(reporter, description,
            "this description has no narrative text; add <narrative> with the description, or remove the empty element");
      }
    }
    for (Node sector : sectors) {
      if (isOwn(sector, true) && !Tree.hasChild(sector, "narrative")) {
        OWN_SECTOR_NAMED.report(reporter, sector, "sector '" + sector.attribute("code").orElse("")
            + "' is from your own vocabulary " + Tree.vocabulary(sector) + "; add a <narrative> saying what it means");
      }
    }
    for (Node marker : Tree.children(record, "policy-marker")) {
      if (isOwn(marker, false) && !Tree.hasChild(marker, "narrative")) {
        OWN_POLICY_MARKER_NAMED.report(reporter, marker, "policy marker '" + marker.attribute("code").orElse("")
            + "' is from your own vocabulary 99; add a <narrative> saying what it means");
      }
    }
  }

  /** Titles, descriptions and sectors below the node, each in document order, in one walk. */
  private static void gather(Node node, List<Node> titles, List<Node> descriptions, List<Node> sectors) {
    for (Node child : node.children()) {
      if (child.isIati()) {
        switch (child.name()) {
          case "title" -> titles.add(child);
          case "description" -> descriptions.add(child);
          case "sector" -> sectors.add(child);
          default -> { }
        }
      }
      gather(child, titles, descriptions, sectors);
    }
  }

  /** Whether the vocabulary, as written, is the publisher's own: 99, or (for sectors) 98 too. */
  private static boolean isOwn(Node node, boolean or98) {
    String vocabulary = node.attributes().get("vocabulary");
    if (vocabulary == null) {
      return false;
    }
    String stripped = vocabulary.strip();
    return stripped.equals("99") || or98 && stripped.equals("98");
  }

  private static void language(Node record, Rule rule, String what, Reporter reporter) {
    if (record.attributes().containsKey("xml:lang")) {
      return;
    }
    Node unlabelled = firstUnlabelled(record);
    if (unlabelled != null) {
      rule.report(reporter, record, "the " + what + " has no default language and the narrative at "
          + Tree.where(unlabelled) + " has none either; add xml:lang (e.g. xml:lang=\"en\") to <iati-" + what + "> or to every narrative");
    }
  }

  /** The first narrative below the node, in document order, without an xml:lang of its own. */
  private static Node firstUnlabelled(Node node) {
    for (Node child : node.children()) {
      if (Tree.named(child, "narrative") && !child.attributes().containsKey("xml:lang")) {
        return child;
      }
      Node below = firstUnlabelled(child);
      if (below != null) {
        return below;
      }
    }
    return null;
  }
}
