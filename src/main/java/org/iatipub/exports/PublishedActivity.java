package org.iatipub.exports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iatipub.finding.Location;
import org.iatipub.validation.Node;

/**
 * What the exports read of one published activity, taken from its element once. Values are as
 * written (trimmed); a code without a vocabulary is in vocabulary 1, as IATI says.
 */
record PublishedActivity(String file, Node node, String identifier, String reportingOrg, String defaultCurrency,
    String language, List<Transaction> transactions, Map<String, List<Coded>> coded) {

  /** The activity's coded elements the exports read for every transaction: read once per activity. */
  private static final List<String> CODED = List.of("sector", "recipient-country", "recipient-region", "tag", "default-aid-type",
      "policy-marker");

  /** A coded element: a sector, country, region, tag, aid type or policy marker. */
  record Coded(String code, String vocabulary, BigDecimal percentage, String significance, Node at) {}

  /** An organisation a transaction names. */
  record Party(String ref, String type, String contributorType, String contributorCountry, String name) {
    static final Party NONE = new Party("", "", "", "", "");
  }

  /** One transaction, with its own classifications (most activities give them on the activity instead). */
  record Transaction(Node node, String ref, String type, String date, String value, String currency, String valueDate,
      Party provider, String financingInstrument, List<Coded> aidTypes, String flowType, String financeType,
      String tiedStatus, List<Coded> sectors, List<Coded> countries, List<Coded> regions) {}

  static PublishedActivity of(Node activity, String file) {
    String currency = activity.attribute("default-currency").orElse("").strip();
    List<Transaction> transactions = new ArrayList<>();
    activity.children("transaction").forEach(t -> transactions.add(transaction(t, currency)));
    Map<String, List<Coded>> coded = new HashMap<>();
    for (String name : CODED) {
      coded.put(name, coded(activity, name));
    }
    return new PublishedActivity(file, activity, text(activity.child("iati-identifier")),
        activity.child("reporting-org").flatMap(o -> o.attribute("ref")).orElse("").strip(), currency,
        activity.attribute("xml:lang").orElse("").strip(), List.copyOf(transactions), coded);
  }

  private static Transaction transaction(Node t, String defaultCurrency) {
    Optional<Node> value = t.child("value");
    String currency = value.flatMap(v -> v.attribute("currency")).orElse("").strip();
    return new Transaction(t, t.attribute("ref").orElse("").strip(),
        code(t.child("transaction-type")), t.child("transaction-date").flatMap(d -> d.attribute("iso-date")).orElse("").strip(),
        value.map(Node::text).orElse(""), currency.isEmpty() ? defaultCurrency : currency,
        value.flatMap(v -> v.attribute("value-date")).orElse("").strip(),
        t.child("provider-org").map(PublishedActivity::party).orElse(Party.NONE),
        t.attribute(Extension.FINANCING_INSTRUMENT).orElse("").strip(),
        coded(t, "aid-type"), code(t.child("flow-type")), code(t.child("finance-type")), code(t.child("tied-status")),
        coded(t, "sector"), coded(t, "recipient-country"), coded(t, "recipient-region"));
  }

  private static Party party(Node org) {
    return new Party(org.attribute("ref").orElse("").strip(), org.attribute("type").orElse("").strip(),
        org.attribute(Extension.CONTRIBUTOR_TYPE).orElse("").strip(), org.attribute(Extension.CONTRIBUTOR_COUNTRY).orElse("").strip(),
        narrative(org, "", ""));
  }

  /** The coded children of {@code parent} with this name, in document order. */
  static List<Coded> coded(Node parent, String name) {
    List<Coded> coded = new ArrayList<>();
    parent.children(name).forEach(c -> {
      String percentage = c.attribute("percentage").orElse("").strip();
      BigDecimal share = null;
      if (!percentage.isEmpty()) {
        try {
          share = new BigDecimal(percentage);
        } catch (NumberFormatException e) {
          share = null; // the schema refuses it; an unreadable share counts as not given
        }
      }
      String vocabulary = c.attribute("vocabulary").orElse("").strip();
      coded.add(new Coded(c.attribute("code").orElse("").strip(), vocabulary.isEmpty() ? "1" : vocabulary, share,
          c.attribute("significance").orElse("").strip(), c));
    });
    return coded;
  }

  /** The activity's own sectors, countries, regions, tags, default aid types or policy markers. */
  List<Coded> activityCoded(String name) {
    List<Coded> list = coded.get(name);
    if (list == null) {
      throw new IllegalArgumentException(name + " is not read once per activity; add it to PublishedActivity.CODED");
    }
    return list;
  }

  /** The activity's {@code default-*} or other single code element's {@code @code}, empty when absent. */
  String activityCode(String element) {
    return code(node.child(element));
  }

  /** The first organisation of this role that the activity names. */
  List<Node> participants(String role) {
    return node.children("participating-org").filter(o -> o.attribute("role").orElse("").strip().equals(role)).toList();
  }

  /** The text of an element's narrative in {@code preferred} language (or the activity's), else its first narrative. */
  String narrativeOf(String element, String preferred) {
    return node.child(element).map(e -> narrative(e, preferred, language)).orElse("");
  }

  /** The narrative of the first description of this type (1 general when no type is written). */
  String description(String type, String preferred) {
    return node.children("description")
        .filter(d -> d.attribute("type").orElse("1").strip().equals(type))
        .findFirst().map(d -> narrative(d, preferred, language)).orElse("");
  }

  /** The date of the first activity-date of this type. */
  String activityDate(String type) {
    return node.children("activity-date").filter(d -> d.attribute("type").orElse("").strip().equals(type))
        .findFirst().flatMap(d -> d.attribute("iso-date")).orElse("").strip();
  }

  /** The ref of the first other-identifier of this type. */
  String otherIdentifier(String type) {
    return node.children("other-identifier").filter(d -> d.attribute("type").orElse("").strip().equals(type))
        .findFirst().flatMap(d -> d.attribute("ref")).orElse("").strip();
  }

  Location at() {
    return at(node);
  }

  Location at(Node element) {
    return new Location.XmlPosition(file, element.line(), element.column());
  }

  /** How a person finds the transaction: the activity, and its ref or number in it. */
  String name(Transaction t) {
    String which = t.ref().isEmpty() ? "transaction " + (transactions.indexOf(t) + 1) : "transaction '" + t.ref() + "'";
    return which + " of activity '" + identifier + "'";
  }

  /** A narrative without {@code xml:lang} is in the activity's language. */
  private static String narrative(Node element, String preferred, String activityLanguage) {
    List<Node> narratives = element.children("narrative").toList();
    for (Node n : narratives) {
      String lang = n.attribute("xml:lang").orElse(activityLanguage).strip();
      if (!preferred.isEmpty() && lang.equals(preferred)) {
        return n.text();
      }
    }
    for (Node n : narratives) {
      if (n.attribute("xml:lang").isEmpty()) {
        return n.text();
      }
    }
    return narratives.isEmpty() ? "" : narratives.get(0).text();
  }

  private static String code(Optional<Node> element) {
    return element.flatMap(e -> e.attribute("code")).orElse("").strip();
  }

  private static String text(Optional<Node> element) {
    return element.map(Node::text).orElse("");
  }
}
