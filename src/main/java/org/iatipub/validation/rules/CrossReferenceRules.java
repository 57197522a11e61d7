package org.iatipub.validation.rules;

import static org.iatipub.finding.Severity.INFO;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.iatipub.scratch.SeenIdentifiers;
import org.iatipub.validation.Node;
import org.iatipub.validation.Reporter;

/**
 * Activity identifiers an activity cites (partners' activities, related activities) that are not
 * published in the same file. The official validator looks these up in the IATI Datastore;
 * iatipub works offline, so it can only point them out as notes for the publisher to confirm.
 */
final class CrossReferenceRules extends ActivityRules {
  /**
   * One place an activity identifier may be cited.
   *
   * @param path where its holders are below the activity, as {@link #reads} is told
   */
  private record Citation(Rule rule, String where, String path, Function<Node, List<Node>> holders, String attribute) {}

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
      new Citation(PARTICIPANT_ACTIVITY, "participating organisation's activity-id", "participating-org",
          a -> Tree.children(a, "participating-org"), "activity-id"),
      new Citation(DISBURSEMENT_PROVIDER_ACTIVITY, "planned disbursement's provider-activity-id",
          "planned-disbursement/provider-org", a -> Tree.path(a, "planned-disbursement", "provider-org"), "provider-activity-id"),
      new Citation(DISBURSEMENT_RECEIVER_ACTIVITY, "planned disbursement's receiver-activity-id",
          "planned-disbursement/receiver-org", a -> Tree.path(a, "planned-disbursement", "receiver-org"), "receiver-activity-id"),
      new Citation(TRANSACTION_PROVIDER_ACTIVITY, "transaction's provider-activity-id",
          "transaction/provider-org", a -> Tree.path(a, "transaction", "provider-org"), "provider-activity-id"),
      new Citation(TRANSACTION_RECEIVER_ACTIVITY, "transaction's receiver-activity-id",
          "transaction/receiver-org", a -> Tree.path(a, "transaction", "receiver-org"), "receiver-activity-id"),
      new Citation(RELATED_ACTIVITY, "related activity", "related-activity", a -> Tree.children(a, "related-activity"), "ref"));

  /** Identifiers of the file's activities so far: citations of any of them are fine. */
  private final SeenIdentifiers published = new SeenIdentifiers("published-ids");
  /**
   * Citations of identifiers not (yet) published when met, each with its place, to judge at the
   * end of the file, when every identifier in it is known. Kept in a scratch log, on disk past its
   * first block: a file may cite any number of activities.
   */
  private final ScratchLog pending = new ScratchLog("cited-ids");
  private int pendingCount;

  /** Identifiers are compared across the activities of the file. */
  @Override
  public boolean spansRecords() {
    return true;
  }

  /** The identifier, and the elements that cite an activity (those that cite none are of no concern). */
  @Override
  public boolean reads(String path, Node node) {
    if (path.equals("iati-identifier")) {
      return true;
    }
    for (Citation citation : CITATIONS) {
      String cited = node.attributes().get(citation.attribute());
      if (citation.path().equals(path) && cited != null && !cited.isBlank()) {
        return true;
      }
    }
    return false;
  }

  @Override
  void activity(Node activity, Reporter reporter) {
    Node identifier = Tree.firstChild(activity, "iati-identifier");
    if (identifier != null) {
      published.putIfAbsent(identifier.text(), identifier.line());
    }
    for (int c = 0; c < CITATIONS.size(); c++) {
      Citation citation = CITATIONS.get(c);
      for (Node holder : citation.holders().apply(activity)) {
        String cited = holder.attributes().get(citation.attribute());
        String id = cited == null ? "" : cited.strip();
        // One published already is never reported: only the others need to wait for the end.
        if (!id.isEmpty() && !published.contains(id)) {
          keep(c, holder, id);
        }
      }
    }
  }

  @Override
  public void end(Reporter reporter) {
    try (published; pending) {
      DataInputStream in = pending.reader();
      for (int i = 0; i < pendingCount; i++) {
        Citation citation = CITATIONS.get(in.readByte());
        String identifier = readText(in);
        Node at = readPlace(in);
        if (!published.contains(identifier)) {
          citation.rule().report(reporter, at, "the " + citation.where() + " '" + identifier
              + "' is not an activity in this file; iatipub cannot search the IATI Datastore, so check that it is published (and spelled exactly)");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read back the activity identifiers cited in this file", e);
    } finally {
      pendingCount = 0;
    }
  }

  @Override
  public void close() {
    published.close();
    pending.close();
    pendingCount = 0;
  }

  /** Writes down a citation: which kind, the identifier, and the element citing it without its children. */
  private void keep(int citation, Node holder, String identifier) {
    try {
      DataOutputStream out = pending.writer();
      out.writeByte(citation);
      writeText(out, identifier);
      writeText(out, holder.name());
      writeText(out, holder.namespace());
      out.writeInt(holder.attributes().size());
      for (Map.Entry<String, String> attribute : holder.attributes().entrySet()) {
        writeText(out, attribute.getKey());
        writeText(out, attribute.getValue());
      }
      out.writeLong(holder.line());
      out.writeLong(holder.column());
      pendingCount++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the activity identifiers cited in this file", e);
    }
  }

  /** The citing element as kept: only its place is needed later, so without children or text. */
  private static Node readPlace(DataInputStream in) throws IOException {
    String name = readText(in);
    String namespace = readText(in);
    int count = in.readInt();
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      attributes.put(readText(in), readText(in));
    }
    long line = in.readLong();
    long column = in.readLong();
    return new Node(name, namespace, attributes, "", List.of(), line, column);
  }

  /** Text as UTF-16 code units: any Java string comes back as it was. */
  private static void writeText(DataOutputStream out, String text) throws IOException {
    out.writeInt(text.length());
    out.writeChars(text);
  }

  private static String readText(DataInputStream in) throws IOException {
    char[] chars = new char[in.readInt()];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = in.readChar();
    }
    return new String(chars);
  }
}
