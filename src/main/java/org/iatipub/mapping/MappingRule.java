package org.iatipub.mapping;

import java.util.Arrays;
import java.util.Optional;
import org.iatipub.finding.PipelineRule;
import org.iatipub.finding.Severity;

/**
 * The rules the mapping stage reports under its own ids ({@code mapping/…}): one place for the
 * ids, their severity and what each means, so a finding cannot carry a misspelt id and the run's
 * summary can name its reasons.
 */
public enum MappingRule implements PipelineRule {
  MISSING_VALUE("mapping/missing-value", Severity.ERROR, "a value the element needs is missing", false),
  UNKNOWN_CODE("mapping/unknown-code", Severity.ERROR, "a local code has no entry in its crosswalk", false),
  BAD_DATE("mapping/bad-date", Severity.ERROR, "a date is not written YYYY-MM-DD", false),
  BAD_NUMBER("mapping/bad-number", Severity.ERROR, "a number is not a plain decimal", false),
  BAD_PERCENTAGE("mapping/bad-percentage", Severity.ERROR, "a percentage is not from 0 to 100", false),
  BAD_YEAR("mapping/bad-year", Severity.ERROR, "a year is not four digits", false),
  BAD_TIMELINE("mapping/bad-timeline", Severity.ERROR, "a timeline is not a year or a span of years", false),
  TIMELINE_ORDER("mapping/timeline-order", Severity.ERROR, "a timeline ends before it starts (IATI rule 8.6.1)", true),
  BAD_CURRENCY("mapping/bad-currency", Severity.ERROR, "a currency is not three capital letters (ISO 4217)", false),
  PERCENTAGES("mapping/percentages", Severity.ERROR,
      "the shares of a project's sectors (per vocabulary) or countries and regions add up to 100 (IATI rules 2.1.x, 3.4.x)", true),
  PARENT_ELSEWHERE("mapping/parent-elsewhere", Severity.WARNING,
      "a project's parent is not in the same set, so its link points to an activity published elsewhere", true),
  CONFLICTING_VALUE("mapping/conflicting-value", Severity.ERROR,
      "two cells give one attribute or text different values, and only one could be published", false),
  NOT_IN_ELEMENT("mapping/not-in-element", Severity.ERROR,
      "a path names what the element this row makes does not have (a recipient country is no region)", false),
  UNKNOWN_PARENT("mapping/unknown-parent", Severity.ERROR,
      "a row of a nested file names a key that no row of its parent file has, for its project", false),
  DUPLICATE_KEY("mapping/duplicate-key", Severity.ERROR,
      "two rows of a file that others nest in share a key within their project", false),
  UNMAPPED_COLUMN("mapping/unmapped-column", Severity.WARNING,
      "a column that the mapping file neither maps nor lists under 'ignore' (its cells are not published)", false),
  UNMAPPED_FILE("mapping/unmapped-file", Severity.WARNING,
      "a CSV file in the set that the mapping file neither maps nor lists under 'ignore' (it is not read)", false);

  private final Spec spec;
  private final boolean iatiRule;

  MappingRule(String id, Severity severity, String description, boolean iatiRule) {
    this.spec = new Spec(id, severity, description);
    this.iatiRule = iatiRule;
  }

  @Override
  public Spec spec() {
    return spec;
  }

  /**
   * True when the rule checks one of IATI's rules rather than whether a cell can be read: it is
   * off with {@code --schema-only}, which withholds only what breaks the schema.
   */
  public boolean isIatiRule() {
    return iatiRule;
  }

  public static Optional<MappingRule> byId(String id) {
    return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst();
  }
}
