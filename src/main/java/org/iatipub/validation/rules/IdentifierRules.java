package org.iatipub.validation.rules;

import static org.iatipub.finding.Severity.ERROR;
import static org.iatipub.finding.Severity.WARNING;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iatipub.scratch.SeenIdentifiers;
import org.iatipub.validation.Node;
import org.iatipub.validation.Reporter;

/**
 * How an activity identifier relates to its publisher and to the file's other activities. Keeps
 * the identifiers seen so far (on disk past the first thousand), so one instance serves one file.
 *
 * <p>Not here, as the official validator does not run them on 2.0x files: 1.1.1 (the identifier
 * starts with the publisher's; 1.1.21 asks that and a hyphen), and 1.7.2 and 6.3.1 (the reporting
 * organisation has an identifier and a type, which the 2.03 schema already requires).
 */
final class IdentifierRules extends ActivityRules {
  static final Rule UNIQUE = Rule.activity("1.1.2", ERROR,
      "no two activities in a file have the same identifier");
  static final Rule PUBLISHER_HYPHEN = Rule.activity("1.1.21", WARNING,
      "the activity identifier is the reporting organisation's identifier, a hyphen, then the activity's own code (2.03)");
  static final Rule NOT_THE_PUBLISHER = Rule.activity("1.1.3", ERROR,
      "the activity identifier is not just the reporting organisation's identifier");
  static final List<Rule> RULES = List.of(UNIQUE, PUBLISHER_HYPHEN, NOT_THE_PUBLISHER);

  /** Line of the first activity with each identifier. */
  private final SeenIdentifiers seen = new SeenIdentifiers("activity-ids");

  /** Identifiers are compared across the activities of the file. */
  @Override
  public boolean spansRecords() {
    return true;
  }

  /** The identifier, and the reporting organisation and earlier ones its prefix is judged by. */
  @Override
  public boolean reads(String path, Node node) {
    return path.equals("iati-identifier") || path.equals("reporting-org") || path.equals("other-identifier");
  }

  @Override
  public void end(Reporter reporter) {
    seen.close();
  }

  @Override
  public void close() {
    seen.close();
  }

  @Override
  void activity(Node activity, Reporter reporter) {
    Node reportingOrg = Tree.firstChild(activity, "reporting-org");
    Node idNode = Tree.firstChild(activity, "iati-identifier");
    if (idNode == null) {
      return;
    }
    String id = idNode.text();
    Long first = seen.putIfAbsent(id, idNode.line());
    if (first != null) {
      UNIQUE.report(reporter, idNode, (id.isEmpty() ? "a blank activity identifier" : "the activity identifier '" + id + "'")
          + " is already used at line " + first + "; give each activity its own identifier");
    }
    List<String> prefixes = prefixes(activity);
    Optional<String> publisher = reportingOrg == null ? Optional.empty() : reportingOrg.attribute("ref");
    if (publisher.isPresent() && id.equals(publisher.get())) {
      NOT_THE_PUBLISHER.report(reporter, idNode, "the activity identifier '" + id
          + "' is the reporting organisation's own identifier; add a hyphen and a code for the activity, e.g. '" + id + "-1'");
    }
    if (Versions.is203(version()) && !continuesAny(id, prefixes)) {
      PUBLISHER_HYPHEN.report(reporter, idNode, "the activity identifier '" + id
          + "' is not the reporting organisation's identifier" + shown(prefixes)
          + " followed by a hyphen and the activity's own code, e.g. 'XM-DAC-41302-project1'");
    }
  }

  /** The refs of the reporting organisation and of earlier ones (other-identifier type B1), in document order. */
  private static List<String> prefixes(Node activity) {
    List<String> prefixes = new ArrayList<>();
    for (Node child : activity.children()) {
      if (Tree.named(child, "reporting-org") || Tree.named(child, "other-identifier") && isB1(child.attributes().get("type"))) {
        String ref = child.attributes().get("ref");
        if (ref != null && !ref.isEmpty()) {
          prefixes.add(ref);
        }
      }
    }
    return prefixes;
  }

  /** Whether the identifier is one of the prefixes, a hyphen, then at least one character. */
  private static boolean continuesAny(String id, List<String> prefixes) {
    for (String prefix : prefixes) {
      if (id.length() > prefix.length() + 1 && id.startsWith(prefix) && id.charAt(prefix.length()) == '-') {
        return true;
      }
    }
    return false;
  }

  private static boolean isB1(String type) {
    return type != null && type.strip().equalsIgnoreCase("B1");
  }

  private static String shown(List<String> prefixes) {
    return prefixes.isEmpty() ? "" : " (" + String.join(" or ", prefixes) + ")";
  }
}
