package org.iatipub.exports;

import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.iatipub.finding.PipelineRule;
import org.iatipub.finding.Severity;

/** Every finding the exports report, with its id and severity: one typed catalogue, so an id cannot be misspelt. */
public enum ExportRule implements PipelineRule {
  NOT_ACTIVITIES("export/not-activities", Severity.INFO, "a file that is not an IATI activity file is left out"),
  UNREADABLE("export/unreadable", Severity.ERROR, "a file that cannot be read to its end: what follows is not exported"),
  NO_CURRENCY("export/no-currency", Severity.ERROR, "a transaction with no currency, and none by default"),
  BAD_VALUE("export/bad-value", Severity.ERROR, "a transaction whose value or date is not readable"),
  NO_RATE("export/no-rate", Severity.ERROR, "no exchange rate for a transaction's currency at its value date"),
  NO_FUNCTION("datacube/no-function", Severity.ERROR, "an expense with no UN system function (sector vocabulary 12 or the crosswalk)"),
  NO_FINANCING_INSTRUMENT("datacube/no-financing-instrument", Severity.ERROR, "incoming funds with no CEB financing instrument"),
  NO_CONTRIBUTOR_TYPE("datacube/no-contributor-type", Severity.ERROR, "incoming funds whose provider has no CEB contributor type"),
  NO_CONTRIBUTOR_COUNTRY("datacube/no-contributor-country", Severity.ERROR, "incoming funds from a government whose country is not known"),
  UNKNOWN_CEB_CODE("datacube/unknown-code", Severity.ERROR, "a code that is not in the CEB's list"),
  UNKNOWN_SDG("datacube/unknown-sdg", Severity.WARNING, "an SDG goal or target that is not in IATI's SDG codelists"),
  CRS_MISSING_FIELD("crs/missing-field", Severity.ERROR, "a CRS field the report requires has no value"),
  CRS_UNKNOWN_CODE("crs/unknown-code", Severity.ERROR, "a CRS field's code is not in the OECD's list"),
  DISAGREES("reconcile/disagrees", Severity.ERROR, "the IATI transactions and the exports' totals do not agree");

  private final Spec spec;

  ExportRule(String id, Severity severity, String description) {
    this.spec = new Spec(id, severity, description);
  }

  @Override
  public Spec spec() {
    return spec;
  }

  Finding finding(Location at, String message) {
    return at(at, message);
  }
}
