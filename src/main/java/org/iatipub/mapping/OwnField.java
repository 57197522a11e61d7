package org.iatipub.mapping;

/**
 * The named fields of the own-column form: the only place their names (the keys of a mapping
 * file's {@code columns:}) are written. The mapping rules ask for a field by its constant, so a
 * misspelt field is a compile error; {@code OwnFieldsReachTheXmlTest} pins every name and shows
 * each field's value reaching the XML at its {@link #target()}. docs/mapping.md lists them.
 */
public enum OwnField {
  // projects: one row per activity.
  PROJECT_ID(OwnTable.PROJECTS, "id", Kind.LINK, "iati-identifier"),
  PROJECT_TITLE(OwnTable.PROJECTS, "title", Kind.TEXT, "title/narrative"),
  PROJECT_DESCRIPTION(OwnTable.PROJECTS, "description", Kind.TEXT, "description[@type='1']/narrative"),
  PROJECT_OBJECTIVES(OwnTable.PROJECTS, "objectives", Kind.TEXT, "description[@type='2']/narrative"),
  PROJECT_TARGET_GROUPS(OwnTable.PROJECTS, "target-groups", Kind.TEXT, "description[@type='3']/narrative"),
  PROJECT_PARENT(OwnTable.PROJECTS, "parent", Kind.PLAIN, "related-activity[@type='1']/@ref"),
  PROJECT_STATUS(OwnTable.PROJECTS, "status", Kind.CODE, "activity-status/@code"),
  PROJECT_SCOPE(OwnTable.PROJECTS, "scope", Kind.CODE, "activity-scope/@code"),
  PROJECT_PLANNED_START(OwnTable.PROJECTS, "planned-start", Kind.DATE, "activity-date[@type='1']/@iso-date"),
  PROJECT_ACTUAL_START(OwnTable.PROJECTS, "actual-start", Kind.DATE, "activity-date[@type='2']/@iso-date"),
  PROJECT_PLANNED_END(OwnTable.PROJECTS, "planned-end", Kind.DATE, "activity-date[@type='3']/@iso-date"),
  PROJECT_ACTUAL_END(OwnTable.PROJECTS, "actual-end", Kind.DATE, "activity-date[@type='4']/@iso-date"),
  PROJECT_CURRENCY(OwnTable.PROJECTS, "currency", Kind.CODE, "@default-currency"),
  PROJECT_FLOW_TYPE(OwnTable.PROJECTS, "flow-type", Kind.CODE, "default-flow-type/@code"),
  PROJECT_FINANCE_TYPE(OwnTable.PROJECTS, "finance-type", Kind.CODE, "default-finance-type/@code"),
  PROJECT_AID_TYPE(OwnTable.PROJECTS, "aid-type", Kind.CODE, "default-aid-type/@code"),
  PROJECT_TIED_STATUS(OwnTable.PROJECTS, "tied-status", Kind.CODE, "default-tied-status/@code"),
  PROJECT_COLLABORATION_TYPE(OwnTable.PROJECTS, "collaboration-type", Kind.CODE, "collaboration-type/@code"),
  // participants: one row per participating organisation.
  PARTICIPANT_PROJECT(OwnTable.PARTICIPANTS, "project", Kind.LINK, "participating-org"),
  PARTICIPANT_ROLE(OwnTable.PARTICIPANTS, "role", Kind.CODE, "participating-org/@role"),
  PARTICIPANT_REF(OwnTable.PARTICIPANTS, "ref", Kind.PLAIN, "participating-org/@ref"),
  PARTICIPANT_TYPE(OwnTable.PARTICIPANTS, "type", Kind.CODE, "participating-org/@type"),
  PARTICIPANT_NAME(OwnTable.PARTICIPANTS, "name", Kind.TEXT, "participating-org/narrative"),
  PARTICIPANT_CRS_CHANNEL(OwnTable.PARTICIPANTS, "crs-channel", Kind.CODE, "participating-org/@crs-channel-code"),
  PARTICIPANT_ACTIVITY_ID(OwnTable.PARTICIPANTS, "activity-id", Kind.PLAIN, "participating-org/@activity-id"),
  // sectors: one row per sector share.
  SECTOR_PROJECT(OwnTable.SECTORS, "project", Kind.LINK, "sector"),
  SECTOR_CODE(OwnTable.SECTORS, "sector", Kind.CODE, "sector/@code"),
  SECTOR_PERCENTAGE(OwnTable.SECTORS, "percentage", Kind.PERCENTAGE, "sector/@percentage"),
  // countries: one row per recipient country or region share.
  COUNTRY_PROJECT(OwnTable.COUNTRIES, "project", Kind.LINK, "recipient-country"),
  COUNTRY_CODE(OwnTable.COUNTRIES, "country", Kind.CODE, "recipient-country/@code"),
  REGION_CODE(OwnTable.COUNTRIES, "region", Kind.CODE, "recipient-region/@code"),
  COUNTRY_PERCENTAGE(OwnTable.COUNTRIES, "percentage", Kind.PERCENTAGE, "recipient-country/@percentage"),
  // policy-markers: one row per policy marker.
  MARKER_PROJECT(OwnTable.POLICY_MARKERS, "project", Kind.LINK, "policy-marker"),
  MARKER_CODE(OwnTable.POLICY_MARKERS, "marker", Kind.CODE, "policy-marker/@code"),
  MARKER_SIGNIFICANCE(OwnTable.POLICY_MARKERS, "significance", Kind.CODE, "policy-marker/@significance"),
  // locations: one row per location.
  LOCATION_PROJECT(OwnTable.LOCATIONS, "project", Kind.LINK, "location"),
  LOCATION_NAME(OwnTable.LOCATIONS, "name", Kind.TEXT, "location/name/narrative"),
  LOCATION_DESCRIPTION(OwnTable.LOCATIONS, "description", Kind.TEXT, "location/description/narrative"),
  LOCATION_LATITUDE(OwnTable.LOCATIONS, "latitude", Kind.NUMBER, "location/point/pos"),
  LOCATION_LONGITUDE(OwnTable.LOCATIONS, "longitude", Kind.NUMBER, "location/point/pos"),
  // documents: one row per document.
  DOCUMENT_PROJECT(OwnTable.DOCUMENTS, "project", Kind.LINK, "document-link"),
  DOCUMENT_URL(OwnTable.DOCUMENTS, "url", Kind.PLAIN, "document-link/@url"),
  DOCUMENT_FORMAT(OwnTable.DOCUMENTS, "format", Kind.CODE, "document-link/@format"),
  DOCUMENT_TITLE(OwnTable.DOCUMENTS, "title", Kind.TEXT, "document-link/title/narrative"),
  DOCUMENT_CATEGORY(OwnTable.DOCUMENTS, "category", Kind.CODE, "document-link/category/@code"),
  DOCUMENT_LANGUAGE(OwnTable.DOCUMENTS, "language", Kind.CODE, "document-link/language/@code"),
  DOCUMENT_DATE(OwnTable.DOCUMENTS, "date", Kind.DATE, "document-link/document-date/@iso-date"),
  // transactions: one row per transaction.
  TRANSACTION_PROJECT(OwnTable.TRANSACTIONS, "project", Kind.LINK, "transaction"),
  TRANSACTION_REF(OwnTable.TRANSACTIONS, "ref", Kind.PLAIN, "transaction/@ref"),
  TRANSACTION_TYPE(OwnTable.TRANSACTIONS, "type", Kind.CODE, "transaction/transaction-type/@code"),
  TRANSACTION_DATE(OwnTable.TRANSACTIONS, "date", Kind.DATE, "transaction/transaction-date/@iso-date"),
  TRANSACTION_VALUE(OwnTable.TRANSACTIONS, "value", Kind.NUMBER, "transaction/value"),
  TRANSACTION_CURRENCY(OwnTable.TRANSACTIONS, "currency", Kind.CODE, "transaction/value/@currency"),
  TRANSACTION_VALUE_DATE(OwnTable.TRANSACTIONS, "value-date", Kind.DATE, "transaction/value/@value-date"),
  TRANSACTION_DESCRIPTION(OwnTable.TRANSACTIONS, "description", Kind.TEXT, "transaction/description/narrative"),
  TRANSACTION_PROVIDER_REF(OwnTable.TRANSACTIONS, "provider-ref", Kind.PLAIN, "transaction/provider-org/@ref"),
  TRANSACTION_PROVIDER_TYPE(OwnTable.TRANSACTIONS, "provider-type", Kind.CODE, "transaction/provider-org/@type"),
  TRANSACTION_PROVIDER_NAME(OwnTable.TRANSACTIONS, "provider-name", Kind.TEXT, "transaction/provider-org/narrative"),
  TRANSACTION_PROVIDER_ACTIVITY(OwnTable.TRANSACTIONS, "provider-activity", Kind.PLAIN, "transaction/provider-org/@provider-activity-id"),
  TRANSACTION_RECEIVER_REF(OwnTable.TRANSACTIONS, "receiver-ref", Kind.PLAIN, "transaction/receiver-org/@ref"),
  TRANSACTION_RECEIVER_TYPE(OwnTable.TRANSACTIONS, "receiver-type", Kind.CODE, "transaction/receiver-org/@type"),
  TRANSACTION_RECEIVER_NAME(OwnTable.TRANSACTIONS, "receiver-name", Kind.TEXT, "transaction/receiver-org/narrative"),
  TRANSACTION_RECEIVER_ACTIVITY(OwnTable.TRANSACTIONS, "receiver-activity", Kind.PLAIN, "transaction/receiver-org/@receiver-activity-id"),
  TRANSACTION_FLOW_TYPE(OwnTable.TRANSACTIONS, "flow-type", Kind.CODE, "transaction/flow-type/@code"),
  TRANSACTION_FINANCE_TYPE(OwnTable.TRANSACTIONS, "finance-type", Kind.CODE, "transaction/finance-type/@code"),
  TRANSACTION_AID_TYPE(OwnTable.TRANSACTIONS, "aid-type", Kind.CODE, "transaction/aid-type/@code"),
  TRANSACTION_TIED_STATUS(OwnTable.TRANSACTIONS, "tied-status", Kind.CODE, "transaction/tied-status/@code"),
  // budgets: one row per budget period.
  BUDGET_PROJECT(OwnTable.BUDGETS, "project", Kind.LINK, "budget"),
  BUDGET_TYPE(OwnTable.BUDGETS, "type", Kind.CODE, "budget/@type"),
  BUDGET_STATUS(OwnTable.BUDGETS, "status", Kind.CODE, "budget/@status"),
  BUDGET_START(OwnTable.BUDGETS, "start", Kind.DATE, "budget/period-start/@iso-date"),
  BUDGET_END(OwnTable.BUDGETS, "end", Kind.DATE, "budget/period-end/@iso-date"),
  BUDGET_VALUE(OwnTable.BUDGETS, "value", Kind.NUMBER, "budget/value"),
  BUDGET_CURRENCY(OwnTable.BUDGETS, "currency", Kind.CODE, "budget/value/@currency"),
  BUDGET_VALUE_DATE(OwnTable.BUDGETS, "value-date", Kind.DATE, "budget/value/@value-date"),
  // deliverables: one row per period of a deliverable; rows with the same deliverable are one result.
  DELIVERABLE_PROJECT(OwnTable.DELIVERABLES, "project", Kind.LINK, "result"),
  DELIVERABLE_ID(OwnTable.DELIVERABLES, "deliverable", Kind.GROUP, "result"),
  DELIVERABLE_RESULT_TYPE(OwnTable.DELIVERABLES, "result-type", Kind.CODE, "result/@type"),
  DELIVERABLE_RESULT(OwnTable.DELIVERABLES, "result", Kind.TEXT, "result/title/narrative"),
  DELIVERABLE_RESULT_DESCRIPTION(OwnTable.DELIVERABLES, "result-description", Kind.TEXT, "result/description/narrative"),
  DELIVERABLE_INDICATOR(OwnTable.DELIVERABLES, "indicator", Kind.TEXT, "result/indicator/title/narrative"),
  DELIVERABLE_MEASURE(OwnTable.DELIVERABLES, "measure", Kind.CODE, "result/indicator/@measure"),
  DELIVERABLE_ASCENDING(OwnTable.DELIVERABLES, "ascending", Kind.CODE, "result/indicator/@ascending"),
  DELIVERABLE_BASELINE_YEAR(OwnTable.DELIVERABLES, "baseline-year", Kind.YEAR, "result/indicator/baseline/@year"),
  DELIVERABLE_BASELINE_VALUE(OwnTable.DELIVERABLES, "baseline-value", Kind.NUMBER, "result/indicator/baseline/@value"),
  DELIVERABLE_TIMELINE(OwnTable.DELIVERABLES, "timeline", Kind.TIMELINE, "result/indicator/period/period-start/@iso-date"),
  DELIVERABLE_PERIOD_START(OwnTable.DELIVERABLES, "period-start", Kind.DATE, "result/indicator/period/period-start/@iso-date"),
  DELIVERABLE_PERIOD_END(OwnTable.DELIVERABLES, "period-end", Kind.DATE, "result/indicator/period/period-end/@iso-date"),
  DELIVERABLE_TARGET(OwnTable.DELIVERABLES, "target", Kind.NUMBER, "result/indicator/period/target/@value"),
  DELIVERABLE_ACTUAL(OwnTable.DELIVERABLES, "actual", Kind.NUMBER, "result/indicator/period/actual/@value");

  private final OwnTable table;
  private final String key;
  private final Kind kind;
  private final String target;

  OwnField(OwnTable table, String key, Kind kind, String target) {
    this.table = table;
    this.key = key;
    this.kind = kind;
    this.target = target;
  }

  /** The file it belongs to. */
  public OwnTable table() {
    return table;
  }

  /** The key in the mapping file, e.g. {@code planned-start}. */
  public String key() {
    return key;
  }

  /** What kind of value its cells hold. */
  public Kind kind() {
    return kind;
  }

  /**
   * Where its value goes, as an XPath from {@code iati-activity} (e.g. {@code
   * activity-date[@type='1']/@iso-date}): for the reference and the tests; the rules say it in code.
   */
  public String target() {
    return target;
  }

  /** True for a text: one column per language. */
  public boolean isText() {
    return kind == Kind.TEXT;
  }

  /** What a field's cells hold, which says how they are read. */
  public enum Kind {
    /** The id that links a row to its project (for {@code projects}, the project's own id). */
    LINK,
    /** A text: one column per language, a narrative each. */
    TEXT,
    /** A code, written as it is or translated through a crosswalk. */
    CODE,
    /** A value written as it is (an identifier, a reference, a URL). */
    PLAIN,
    /** A date, YYYY-MM-DD. */
    DATE,
    /** A plain decimal number. */
    NUMBER,
    /** A number from 0 to 100. */
    PERCENTAGE,
    /** A year, four digits. */
    YEAR,
    /** A year or a span of years, e.g. 2021–2023. */
    TIMELINE,
    /** Groups rows into one element rather than being published itself (a deliverable's id). */
    GROUP
  }
}
