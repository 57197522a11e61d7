package org.iatipub.validation.rules;

import java.util.Set;
import org.iatipub.codelist.CodelistSnapshot;

/**
 * The organisation registration agencies' prefixes (e.g. {@code GB-COH}, {@code XM-DAC}), from
 * the OrganisationRegistrationAgency codelist, against which organisation identifiers are checked.
 */
public record AgencyPrefixes(Set<String> prefixes) {
  /** No list at hand: the rules that need one are not run (and not listed). */
  public static final AgencyPrefixes NONE = new AgencyPrefixes(Set.of());

  public AgencyPrefixes {
    prefixes = Set.copyOf(prefixes);
  }

  /**
   * Every code of the OrganisationRegistrationAgency codelist in the codelist snapshot, withdrawn
   * ones included: identifiers issued by a retired agency still name real organisations.
   */
  public static AgencyPrefixes of(CodelistSnapshot codelists) {
    return codelists.codelist("OrganisationRegistrationAgency")
        .map(list -> new AgencyPrefixes(list.codes().keySet()))
        .orElse(NONE);
  }

  /** From the codelist snapshot bundled with iatipub. */
  public static AgencyPrefixes bundled() {
    return of(CodelistSnapshot.bundled());
  }

  boolean known() {
    return !prefixes.isEmpty();
  }

  /** Whether the identifier is a registered prefix, a hyphen, then something. */
  boolean registers(String identifier) {
    int hyphen = identifier.indexOf('-');
    while (hyphen > 0) {
      if (prefixes.contains(identifier.substring(0, hyphen)) && identifier.length() > hyphen + 1) {
        return true;
      }
      hyphen = identifier.indexOf('-', hyphen + 1);
    }
    return false;
  }
}
