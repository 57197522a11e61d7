package org.iatipub.validation.rules;

import static org.iatipub.finding.Severity.WARNING;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.iatipub.validation.Check;
import org.iatipub.validation.DocumentKind;
import org.iatipub.validation.Node;
import org.iatipub.validation.Reporter;

/**
 * The form of every identifier an activity or organisation cites: no surrounding spaces, none of
 * the characters that break identifier look-ups, and a registered agency prefix, each where the
 * official validator asks for it. The official ids are {@code 1.N.1}, {@code 1.N.13} and {@code
 * 1.N.8}, N naming the identifier; those its catalogue marks as not run on 2.0x files are left out
 * with it (the symbols in the identifiers numbered 4, 5, 6, 7, 9, 16 and 17). The activity identifier's agency prefix (1.3.8) is not checked: the official
 * validator does not run that rule on 2.0x files, and 1.1.21 with 1.14.8 already ask for an
 * identifier that starts with a registered reporting organisation's.
 */
final class IdentifierFormatRules implements Check {

  /** An identifier found in a record: the node that holds it and its value as written. */
  record Cited(Node at, String value) {}

  /**
   * A record and the organisations of its money flows (transactions first, then planned
   * disbursements), which four kinds of identifier are read from: gathered once per record.
   */
  record Parts(Node record, List<Node> providers, List<Node> receivers) {
    static Parts of(Node record) {
      List<Node> providers = new ArrayList<>();
      List<Node> receivers = new ArrayList<>();
      List<Node> plannedProviders = new ArrayList<>();
      List<Node> plannedReceivers = new ArrayList<>();
      for (Node flow : record.children()) {
        if (Tree.named(flow, "transaction")) {
          parties(flow, providers, receivers);
        } else if (Tree.named(flow, "planned-disbursement")) {
          parties(flow, plannedProviders, plannedReceivers);
        }
      }
      providers.addAll(plannedProviders);
      receivers.addAll(plannedReceivers);
      return new Parts(record, providers, receivers);
    }

    private static void parties(Node flow, List<Node> providers, List<Node> receivers) {
      for (Node party : flow.children()) {
        if (Tree.named(party, "provider-org")) {
          providers.add(party);
        } else if (Tree.named(party, "receiver-org")) {
          receivers.add(party);
        }
      }
    }
  }

  /** One kind of identifier: its number in the official ids, what it is called, where it is. */
  record Target(int number, DocumentKind kind, String label, boolean symbols, boolean agencyPrefix, Function<Parts, List<Cited>> find) {
    Rule noSpaces() {
      return new Rule("1." + number + ".1", WARNING, Set.of(kind), "the " + label + " has no leading or trailing spaces or line breaks");
    }

    Rule noSymbols() {
      return new Rule("1." + number + ".13", WARNING, Set.of(kind), "the " + label + " contains none of / & | ?");
    }

    Rule registeredAgency() {
      return new Rule("1." + number + ".8", WARNING, Set.of(kind), "the " + label + " starts with a registered agency prefix (OrganisationRegistrationAgency codelist)");
    }
  }

  static final List<Target> TARGETS = List.of(
      new Target(3, DocumentKind.ACTIVITIES, "activity identifier", true, false, p -> text(Tree.children(p.record(), "iati-identifier"))),
      new Target(4, DocumentKind.ACTIVITIES, "provider organisation's activity identifier", false, false,
          p -> attr(p.providers(), "provider-activity-id")),
      new Target(5, DocumentKind.ACTIVITIES, "receiver organisation's activity identifier", false, false,
          p -> attr(p.receivers(), "receiver-activity-id")),
      new Target(6, DocumentKind.ACTIVITIES, "previous activity identifier (other-identifier type A3)", false, false,
          p -> attr(otherIdentifier(p.record(), "A3"), "ref")),
      new Target(7, DocumentKind.ACTIVITIES, "related activity identifier", false, false, p -> attr(Tree.children(p.record(), "related-activity"), "ref")),
      new Target(8, DocumentKind.ACTIVITIES, "participating organisation identifier", true, false, p -> attr(Tree.children(p.record(), "participating-org"), "ref")),
      new Target(9, DocumentKind.ACTIVITIES, "participating organisation's activity identifier", false, false,
          p -> attr(Tree.children(p.record(), "participating-org"), "activity-id")),
      new Target(10, DocumentKind.ACTIVITIES, "provider organisation identifier", true, false, p -> attr(p.providers(), "ref")),
      new Target(11, DocumentKind.ACTIVITIES, "owner organisation identifier", true, false,
          p -> attr(Tree.path(p.record(), "other-identifier", "owner-org"), "ref")),
      new Target(12, DocumentKind.ORGANISATIONS, "organisation identifier", true, false, p -> text(Tree.children(p.record(), "organisation-identifier"))),
      new Target(14, DocumentKind.ACTIVITIES, "reporting organisation identifier", true, true, p -> attr(Tree.children(p.record(), "reporting-org"), "ref")),
      new Target(15, DocumentKind.ACTIVITIES, "receiver organisation identifier", true, false, p -> attr(p.receivers(), "ref")),
      new Target(16, DocumentKind.ACTIVITIES, "previous reporting organisation identifier (other-identifier type B1)", false, false,
          p -> attr(otherIdentifier(p.record(), "B1"), "ref")),
      new Target(17, DocumentKind.ORGANISATIONS, "recipient organisation identifier", false, false,
          p -> attr(Tree.path(p.record(), "recipient-org-budget", "recipient-org"), "ref")),
      new Target(18, DocumentKind.ORGANISATIONS, "reporting organisation identifier", true, true, p -> attr(Tree.children(p.record(), "reporting-org"), "ref")));

  private final AgencyPrefixes agencies;

  /** @param agencies the registered agency prefixes; {@link AgencyPrefixes#NONE} leaves the {@code 1.N.8} rules out */
  IdentifierFormatRules(AgencyPrefixes agencies) {
    this.agencies = agencies;
  }

  static List<Rule> rules(AgencyPrefixes agencies) {
    List<Rule> rules = new ArrayList<>();
    for (Target target : TARGETS) {
      rules.add(target.noSpaces());
      if (target.symbols()) {
        rules.add(target.noSymbols());
      }
      if (target.agencyPrefix() && agencies.known()) {
        rules.add(target.registeredAgency());
      }
    }
    return List.copyOf(rules);
  }

  @Override
  public void record(Node record, Reporter reporter) {
    DocumentKind kind = record.name().equals("iati-organisation") ? DocumentKind.ORGANISATIONS : DocumentKind.ACTIVITIES;
    Parts parts = kind == DocumentKind.ACTIVITIES ? Parts.of(record) : new Parts(record, List.of(), List.of());
    for (Target target : TARGETS) {
      if (target.kind() != kind) {
        continue;
      }
      for (Cited cited : target.find().apply(parts)) {
        check(target, cited, reporter);
      }
    }
  }

  private void check(Target target, Cited cited, Reporter reporter) {
    String value = cited.value();
    if (!value.equals(value.strip())) {
      target.noSpaces().report(reporter, cited.at(), "the " + target.label() + " '" + visible(value)
          + "' starts or ends with spaces or line breaks; remove them, since identifiers are matched exactly");
    }
    if (target.symbols() && hasSymbol(value)) {
      target.noSymbols().report(reporter, cited.at(), "the " + target.label() + " '" + value.strip()
          + "' contains / & | or ?; replace those characters (they break look-ups of the identifier)");
    }
    if (target.agencyPrefix() && agencies.known() && !agencies.registers(value.strip())) {
      target.registeredAgency().report(reporter, cited.at(), "the " + target.label() + " '" + value.strip()
          + "' does not start with a registered agency prefix followed by a hyphen (e.g. 'GB-COH-', 'XM-DAC-');"
          + " use the identifier your organisation has from a registration agency listed at org-id.guide");
    }
  }

  private static boolean hasSymbol(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '/' || c == '&' || c == '|' || c == '?') {
        return true;
      }
    }
    return false;
  }

  private static List<Node> otherIdentifier(Node activity, String type) {
    List<Node> found = new ArrayList<>();
    for (Node other : Tree.children(activity, "other-identifier")) {
      String written = other.attributes().get("type");
      if (written != null && written.strip().equalsIgnoreCase(type)) {
        found.add(other);
      }
    }
    return found;
  }

  private static List<Cited> attr(List<Node> nodes, String attribute) {
    List<Cited> cited = new ArrayList<>(nodes.size());
    for (Node node : nodes) {
      String value = node.attributes().get(attribute);
      if (value != null) {
        cited.add(new Cited(node, value));
      }
    }
    return cited;
  }

  /** Element text as written: the trimmed text would hide the very spaces the 1.N.1 rules look for. */
  private static List<Cited> text(List<Node> nodes) {
    List<Cited> cited = new ArrayList<>(nodes.size());
    for (Node node : nodes) {
      cited.add(new Cited(node, node.writtenText()));
    }
    return cited;
  }

  /** The value with its line breaks and tabs spelled out, so the finding stays on one line. */
  private static String visible(String value) {
    return value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
  }
}
