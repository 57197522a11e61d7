package org.iatipub.validation;

import org.iatipub.finding.PipelineRule;
import org.iatipub.finding.Severity;

/**
 * The checks of an IATI file as a whole, before any IATI rule ({@code xml/…}, {@code iati/…}): it
 * can be read as XML, and its root is an IATI one. The XML reader, the schema dispatch and
 * {@code flatten} report them; the descriptions say what holds when the rule is kept, as the
 * catalogue of {@code iatipub rules} does.
 */
public enum FileRule implements PipelineRule {
  EMPTY("xml/empty", Severity.ERROR, "the file is not empty"),
  NOT_XML("xml/not-xml", Severity.ERROR, "the file is XML at all"),
  NOT_WELL_FORMED("xml/not-well-formed", Severity.ERROR, "the file is well-formed XML"),
  TRUNCATED("xml/truncated", Severity.ERROR, "the file is complete (not cut off)"),
  ENCODING("xml/encoding", Severity.ERROR, "the file's bytes match its declared character encoding"),
  DOCTYPE("xml/doctype", Severity.ERROR, "the file has no DOCTYPE (refused so no external entity is fetched or expanded)"),
  UNREADABLE("xml/unreadable", Severity.ERROR, "the XML parser can read the file"),
  ROOT("iati/root", Severity.ERROR, "the root element is <iati-activities> or <iati-organisations>"),
  VERSION("iati/version", Severity.WARNING, "the file declares IATI version 2.03 (other versions are checked as 2.03)"),
  SCHEMA("xsd/*", Severity.ERROR, "the file conforms to the IATI 2.03 XML Schema (each constraint reports as xsd/<constraint>)");

  private final String id;
  private final Severity severity;
  private final String description;

  FileRule(String id, Severity severity, String description) {
    this.id = id;
    this.severity = severity;
    this.description = description;
  }

  /** The id a breach of one schema constraint carries: {@code xsd/cvc-complex-type.2.4.a} under {@link #SCHEMA}. */
  static String ofSchemaConstraint(String constraint) {
    return SCHEMA.id.replace("*", constraint);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Severity severity() {
    return severity;
  }

  @Override
  public String description() {
    return description;
  }
}
