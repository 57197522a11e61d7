package org.iatipub.validation.rules;

import static org.iatipub.finding.Severity.INFO;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.iatipub.validation.Node;
import org.iatipub.validation.Reporter;

/**
 * Activity identifiers an activity cites (partners' activities, related activities) that are not
 * published in the same file. The official validator looks these up in the IATI Datastore;
 * iatipub works offline, so it can only point them out as notes for the publisher to confirm.
 */
final class CrossReferenceRules extends ActivityRules {
  /** One place an activity identifier may be cited. */
  private record Citation(Rule rule, String where, Function<Node, Stream<Node>> holders, String attribute) {}

  static final Rule PARTICIPANT_ACTIVITY = Rule.activity("1000.0.1", INFO,
      "a participating organisation's activity-id is an activity in the same file (otherwise: confirm it is published)");
  static final Rule DISBURSEMENT_PROVIDER_ACTIVITY = Rule.activity("1000.0.2", INFO,
      "a planned disbursement's provider-activity-id is an activity in the same file (otherwise: confirm it is published)");
  static final Rule DISBURSEMENT_RECEIVER_ACTIVITY = Rule.activity("1000.0.3", INFO,
      "a planned disbursement's receiver-activity-id is an activity in the same file (otherwise: confirm it is published)");
  static final Rule TRANSACTION_PROVIDER_ACTIVITY = Rule.activity("1000.0.4", INFO,
      "a transaction's provider-activity-id is an activity in the same file (otherwise: confirm it is published)");
  static final Rule TRANSACTION_RECEIVER_ACTIVITY = Rule.activity("1000.0.5", INFO,
      "a transaction's receiver-activity-id is an activity in the same file (otherwise: confirm it is published)");
  static final Rule RELATED_ACTIVITY = Rule.activity("1000.0.6", INFO,
      "a related-activity's ref is an activity in the same file (otherwise: confirm it is published)");
  static final List<Rule> RULES = List.of(PARTICIPANT_ACTIVITY, DISBURSEMENT_PROVIDER_ACTIVITY, DISBURSEMENT_RECEIVER_ACTIVITY,
      TRANSACTION_PROVIDER_ACTIVITY, TRANSACTION_RECEIVER_ACTIVITY, RELATED_ACTIVITY);

  private static final List<Citation> CITATIONS = List.of(
      new Citation(PARTICIPANT_ACTIVITY, "participating organisation's activity-id", a -> a.children("participating-org"), "activity-id"),
      new Citation(DISBURSEMENT_PROVIDER_ACTIVITY, "planned disbursement's provider-activity-id",
          a -> Tree.path(a, "planned-disbursement", "provider-org"), "provider-activity-id"),
      new Citation(DISBURSEMENT_RECEIVER_ACTIVITY, "planned disbursement's receiver-activity-id",
          a -> Tree.path(a, "planned-disbursement", "receiver-org"), "receiver-activity-id"),
      new Citation(TRANSACTION_PROVIDER_ACTIVITY, "transaction's provider-activity-id",
          a -> Tree.path(a, "transaction", "provider-org"), "provider-activity-id"),
      new Citation(TRANSACTION_RECEIVER_ACTIVITY, "transaction's receiver-activity-id",
          a -> Tree.path(a, "transaction", "receiver-org"), "receiver-activity-id"),
      new Citation(RELATED_ACTIVITY, "related activity", a -> a.children("related-activity"), "ref"));

  /** A citation waiting for the end of the file, when every identifier in it is known. */
  private record Pending(Citation citation, Node at, String identifier) {}

  private final Set<String> published = new HashSet<>();
  private final List<Pending> pending = new ArrayList<>();

  /** Identifiers are compared across the activities of the file. */
  @Override
  public boolean spansRecords() {
    return true;
  }

  @Override
  void activity(Node activity, Reporter reporter) {
    activity.child("iati-identifier").ifPresent(id -> published.add(id.text()));
    for (Citation citation : CITATIONS) {
      citation.holders().apply(activity).forEach(holder -> holder.attribute(citation.attribute()).map(String::strip)
          .filter(id -> !id.isEmpty())
          .ifPresent(id -> pending.add(new Pending(citation, withoutChildren(holder), id))));
    }
  }

  @Override
  public void end(Reporter reporter) {
    for (Pending p : pending) {
      if (!published.contains(p.identifier())) {
        p.citation().rule().report(reporter, p.at(), "the " + p.citation().where() + " '" + p.identifier()
            + "' is not an activity in this file; iatipub cannot search the IATI Datastore, so check that it is published (and spelled exactly)");
      }
    }
  }

  /** Only the position is needed later; dropping the children keeps a big file's pending list small. */
  private static Node withoutChildren(Node node) {
    return new Node(node.name(), node.namespace(), node.attributes(), "", List.of(), node.line(), node.column());
  }
}
