package org.iatipub.mapping;

import org.iatipub.finding.PipelineRule;
import org.iatipub.finding.Severity;

/**
 * The rules of the organisation file ({@code organisation/…}): what makes its rows unusable.
 */
public enum OrganisationRule implements PipelineRule {
  NO_ITEM_COLUMN("organisation/no-item-column", Severity.ERROR,
      "the organisation file has no 'item' column saying what each row is"),
  UNKNOWN_ITEM("organisation/unknown-item", Severity.ERROR, "a row's item is not one the organisation file has"),
  NOT_IN_IATI("organisation/not-in-iati", Severity.ERROR,
      "a row fills a column its item has no use for, so the value would be lost"),
  ONE_ORGANISATION("organisation/one-organisation", Severity.ERROR,
      "the organisation file has not exactly one 'organisation' row");

  private final Spec spec;

  OrganisationRule(String id, Severity severity, String description) {
    this.spec = new Spec(id, severity, description);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
