package org.iatipub.validation.rules;

import static org.iatipub.finding.Severity.ERROR;
import static org.iatipub.finding.Severity.WARNING;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iatipub.validation.Node;
import org.iatipub.validation.Reporter;

/**
 * How an activity identifier relates to its publisher and to the file's other activities. Keeps
 * the identifiers seen so far, so one instance serves one file.
 */
final class IdentifierRules extends ActivityRules {
  static final Rule STARTS_WITH_PUBLISHER = Rule.activity("1.1.1", WARNING,
      "the activity identifier starts with the reporting organisation's identifier (or a previous one, other-identifier type B1)");
  static final Rule UNIQUE = Rule.activity("1.1.2", ERROR,
      "no two activities in a file have the same identifier");
  static final Rule PUBLISHER_HYPHEN = Rule.activity("1.1.21", WARNING,
      "the activity identifier is the reporting organisation's identifier, a hyphen, then the activity's own code (2.03)");
  static final Rule NOT_THE_PUBLISHER = Rule.activity("1.1.3", ERROR,
      "the activity identifier is not just the reporting organisation's identifier");
  static final Rule REPORTING_ORG_REF = Rule.activity("1.7.2", ERROR,
      "the reporting organisation has an identifier (@ref)");
  static final Rule REPORTING_ORG_TYPE = Rule.activity("6.3.1", ERROR,
      "the reporting organisation has a type (@type)");
  static final List<Rule> RULES = List.of(
      STARTS_WITH_PUBLISHER, UNIQUE, PUBLISHER_HYPHEN, NOT_THE_PUBLISHER, REPORTING_ORG_REF, REPORTING_ORG_TYPE);

  /** Line of the first activity with each identifier. */
  private final Map<String, Long> seen = new HashMap<>();


  /** Identifiers are compared across the activities of the file. */
  @Override
  public boolean spansRecords() {
    return true;
  }

  @Override
  void activity(Node activity, Reporter reporter) {
    activity.child("reporting-org").ifPresent(org -> reportingOrg(org, reporter));
    Optional<Node> identifier = activity.child("iati-identifier");
    if (identifier.isEmpty()) {
      return;
    }
    Node idNode = identifier.get();
    String id = idNode.text();
    Long first = seen.putIfAbsent(id, idNode.line());
    if (first != null) {
      UNIQUE.report(reporter, idNode, (id.isEmpty() ? "a blank activity identifier" : "the activity identifier '" + id + "'")
          + " is already used at line " + first + "; give each activity its own identifier");
    }
    List<String> prefixes = Tree.list(activity.children().stream()
        .filter(n -> n.isIati() && (n.name().equals("reporting-org")
            || n.name().equals("other-identifier") && n.attribute("type").map(t -> t.strip().equalsIgnoreCase("B1")).orElse(false)))
        .map(n -> n.attribute("ref").orElse(""))
        .filter(ref -> !ref.isEmpty()));
    Optional<String> publisher = activity.child("reporting-org").flatMap(o -> o.attribute("ref"));
    if (publisher.isPresent() && id.equals(publisher.get())) {
      NOT_THE_PUBLISHER.report(reporter, idNode, "the activity identifier '" + id
          + "' is the reporting organisation's own identifier; add a hyphen and a code for the activity, e.g. '" + id + "-1'");
    }
    if (prefixes.stream().noneMatch(id::startsWith)) {
      STARTS_WITH_PUBLISHER.report(reporter, idNode, "the activity identifier '" + id
          + "' does not start with the reporting organisation's identifier" + shown(prefixes)
          + "; start it with that identifier (or record an earlier one as other-identifier type B1)");
    }
    if (Versions.is203(version()) && prefixes.stream().noneMatch(p -> id.startsWith(p + "-") && id.length() > p.length() + 1)) {
      PUBLISHER_HYPHEN.report(reporter, idNode, "the activity identifier '" + id
          + "' is not the reporting organisation's identifier" + shown(prefixes)
          + " followed by a hyphen and the activity's own code, e.g. 'XM-DAC-41302-project1'");
    }
  }

  private static void reportingOrg(Node org, Reporter reporter) {
    if (org.attribute("ref").isEmpty()) {
      REPORTING_ORG_REF.report(reporter, org, "the reporting organisation has no @ref; add its IATI organisation identifier");
    }
    if (Values.blank(org.attribute("type"))) {
      REPORTING_ORG_TYPE.report(reporter, org, "the reporting organisation has no @type; add its OrganisationType code (e.g. 10 for government)");
    }
  }

  private static String shown(List<String> prefixes) {
    return prefixes.isEmpty() ? "" : " (" + String.join(" or ", prefixes) + ")";
  }
}
