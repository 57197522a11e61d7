package org.iatipub.validation.rules;

import static org.iatipub.finding.Severity.ERROR;
import static org.iatipub.finding.Severity.WARNING;

import java.util.List;
import org.iatipub.validation.Node;
import org.iatipub.validation.Reporter;

/**
 * Sectors and recipient countries or regions belong either to the whole activity or to every one
 * of its transactions, never both and never only some.
 */
final class PlacementRules extends ActivityRules {
  static final Rule SECTOR_SOMEWHERE = Rule.activity("6.2.2", ERROR,
      "the activity has a sector, at activity level or on its transactions");
  static final Rule SECTOR_NOT_BOTH = Rule.activity("6.6.2", ERROR,
      "sectors are given at activity level or on transactions, not both");
  static final Rule SECTOR_ALL_TRANSACTIONS = Rule.activity("6.7.2", ERROR,
      "when the activity has no sector, every transaction has one");
  static final Rule LOCATION_NOT_BOTH = Rule.activity("3.6.2", ERROR,
      "recipient countries or regions are given at activity level or on transactions, not both");
  static final Rule LOCATION_SOMEWHERE = Rule.activity("3.7.1", WARNING,
      "the activity has a recipient country or region, at activity level or on its transactions");
  static final Rule LOCATION_ALL_TRANSACTIONS = Rule.activity("3.7.2", ERROR,
      "when the activity has no recipient country or region, every transaction has one");
  static final List<Rule> RULES = List.of(SECTOR_SOMEWHERE, SECTOR_NOT_BOTH, SECTOR_ALL_TRANSACTIONS,
      LOCATION_NOT_BOTH, LOCATION_SOMEWHERE, LOCATION_ALL_TRANSACTIONS);

  @Override
  void activity(Node activity, Reporter reporter) {
    List<Node> transactions = Tree.children(activity, "transaction");
    sectors(activity, transactions, reporter);
    locations(activity, transactions, reporter);
  }

  private static void sectors(Node activity, List<Node> transactions, Reporter reporter) {
    Node onTransaction = null;
    for (int i = 0; i < transactions.size() && onTransaction == null; i++) {
      onTransaction = Tree.firstChild(transactions.get(i), "sector");
    }
    if (Tree.hasChild(activity, "sector")) {
      if (onTransaction != null) {
        SECTOR_NOT_BOTH.report(reporter, onTransaction,
            "this transaction has a sector while the activity has sectors too; keep them at one level only");
      }
      return;
    }
    if (onTransaction == null) {
      SECTOR_SOMEWHERE.report(reporter, activity,
          "the activity has no sector; add <sector> to the activity (or to every transaction)");
    }
    // As the official rule: with no activity sector, every transaction needs one.
    for (Node transaction : transactions) {
      if (!Tree.hasChild(transaction, "sector")) {
        SECTOR_ALL_TRANSACTIONS.report(reporter, transaction,
            "this transaction has no sector and the activity has none; give every transaction a sector, or give the activity its sectors");
      }
    }
  }

  private static void locations(Node activity, List<Node> transactions, Reporter reporter) {
    Node onTransaction = null;
    for (int i = 0; i < transactions.size() && onTransaction == null; i++) {
      onTransaction = has(transactions.get(i)) ? transactions.get(i) : null;
    }
    if (has(activity)) {
      if (onTransaction != null) {
        LOCATION_NOT_BOTH.report(reporter, onTransaction,
            "this transaction has a recipient country or region while the activity has one too; keep them at one level only");
      }
      return;
    }
    if (onTransaction == null) {
      LOCATION_SOMEWHERE.report(reporter, activity,
          "the activity has no recipient country or region; add one to the activity (or to every transaction)");
    }
    // As the official rule: with no activity-level location, every transaction needs one.
    for (Node transaction : transactions) {
      if (!has(transaction)) {
        LOCATION_ALL_TRANSACTIONS.report(reporter, transaction,
            "this transaction has no recipient country or region and the activity has none; give every transaction one, or give the activity its countries or regions");
      }
    }
  }

  private static boolean has(Node node) {
    for (Node child : node.children()) {
      if (Tree.named(child, "recipient-country") || Tree.named(child, "recipient-region")) {
        return true;
      }
    }
    return false;
  }
}
