package org.iatipub.validation.rules;

import static org.iatipub.finding.Severity.WARNING;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iatipub.validation.Node;
import org.iatipub.validation.Reporter;

/**
 * Classifications from other vocabularies come in addition to the OECD DAC one, which keeps data
 * comparable across publishers; and one aid type per vocabulary.
 */
final class VocabularyRules extends ActivityRules {
  static final Rule DAC_SECTOR_TOO = Rule.activity("102.1.1", WARNING,
      "an activity or transaction with sectors has one from the OECD DAC vocabulary (1) too");
  static final Rule DAC_AID_TYPE_TOO = Rule.activity("107.1.1", WARNING,
      "an activity with default aid types has one from the OECD DAC vocabulary (1) too (2.03)");
  static final Rule ONE_AID_TYPE_PER_VOCABULARY = Rule.activity("107.1.2", WARNING,
      "an activity has at most one default aid type per aid type vocabulary (2.03)");
  static final Rule TRANSACTION_DAC_AID_TYPE_TOO = Rule.activity("107.2.1", WARNING,
      "a transaction with aid types has one from the OECD DAC vocabulary (1) too (2.03)");
  static final Rule TRANSACTION_ONE_AID_TYPE_PER_VOCABULARY = Rule.activity("107.2.2", WARNING,
      "a transaction has at most one aid type per aid type vocabulary (2.03)");
  static final List<Rule> RULES = List.of(DAC_SECTOR_TOO, DAC_AID_TYPE_TOO, ONE_AID_TYPE_PER_VOCABULARY,
      TRANSACTION_DAC_AID_TYPE_TOO, TRANSACTION_ONE_AID_TYPE_PER_VOCABULARY);

  @Override
  void activity(Node activity, Reporter reporter) {
    List<Node> transactions = Tree.children(activity, "transaction");
    dacSector(activity, reporter);
    for (Node transaction : transactions) {
      dacSector(transaction, reporter);
    }
    if (!Versions.is203(version())) {
      return;
    }
    aidTypes(activity, Tree.children(activity, "default-aid-type"), DAC_AID_TYPE_TOO, ONE_AID_TYPE_PER_VOCABULARY, reporter);
    for (Node transaction : transactions) {
      aidTypes(transaction, Tree.children(transaction, "aid-type"), TRANSACTION_DAC_AID_TYPE_TOO,
          TRANSACTION_ONE_AID_TYPE_PER_VOCABULARY, reporter);
    }
  }

  private static void dacSector(Node holder, Reporter reporter) {
    List<Node> sectors = Tree.children(holder, "sector");
    if (!sectors.isEmpty() && noneDac(sectors)) {
      DAC_SECTOR_TOO.report(reporter, sectors.get(0), "the " + holder.name() + "'s sectors are all from other vocabularies;"
          + " add the matching OECD DAC sector (vocabulary 1) so the data compares with other publishers'");
    }
  }

  private static void aidTypes(Node holder, List<Node> aidTypes, Rule dacToo, Rule onePerVocabulary, Reporter reporter) {
    if (aidTypes.isEmpty()) {
      return;
    }
    if (noneDac(aidTypes)) {
      dacToo.report(reporter, aidTypes.get(0), "the " + holder.name() + "'s aid types are all from other vocabularies;"
          + " add the matching OECD DAC aid type (vocabulary 1)");
    }
    if (aidTypes.size() < 2) {
      return;
    }
    // A HashMap, as before: the findings of several vocabularies come in its order.
    Map<String, List<Node>> byVocabulary = new HashMap<>();
    for (Node aidType : aidTypes) {
      byVocabulary.computeIfAbsent(Tree.vocabulary(aidType), v -> new ArrayList<>()).add(aidType);
    }
    byVocabulary.forEach((vocabulary, same) -> {
      if (same.size() > 1) {
        onePerVocabulary.report(reporter, same.get(1), "the " + holder.name() + " has " + same.size()
            + " aid types in vocabulary " + vocabulary + "; keep one per vocabulary (split the activity or its transactions if several apply)");
      }
    });
  }

  private static boolean noneDac(List<Node> classified) {
    for (Node node : classified) {
      if (Tree.vocabulary(node).equals("1")) {
        return false;
      }
    }
    return true;
  }
}
