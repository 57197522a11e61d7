package org.iatipub.exports;

/**
 * The columns of the CRS file, in order. Where IATI's own schema and codelists cite a CRS++ column
 * number for the field, it is kept here ({@code 0}: no number cited); docs/exports.md says where
 * each value comes from.
 */
enum CrsColumn {
  REPORTING_YEAR("reporting_year", 1, true),
  DONOR_CODE("donor_code", 0, true),
  AGENCY_CODE("agency_code", 0, true),
  CRS_ID("crs_id", 0, false),
  PROJECT_NUMBER("project_number", 0, true),
  NATURE_OF_SUBMISSION("nature_of_submission", 0, true),
  RECIPIENT_CODE("recipient_code", 0, true),
  CHANNEL_NAME("channel_name", 0, false),
  CHANNEL_CODE("channel_code", 0, true),
  BI_MULTI("bi_multi", 0, true),
  FLOW_TYPE("flow_type", 0, true),
  FINANCE_TYPE("finance_type", 0, true),
  AID_TYPE("aid_type", 0, true),
  TITLE("title", 0, true),
  PURPOSE_CODE("purpose_code", 0, true),
  EXPECTED_START("expected_start", 0, false),
  EXPECTED_COMPLETION("expected_completion", 0, false),
  DESCRIPTION("description", 0, false),
  GENDER("gender", 20, false),
  ENVIRONMENT("environment", 21, false),
  PD_GG("pd_gg", 22, false),
  TRADE("trade", 23, false),
  FTC("ftc", 24, false),
  PBA("pba", 25, false),
  INVESTMENT_PROJECT("investment_project", 26, false),
  ASSOCIATED_FINANCING("associated_financing", 27, false),
  BIODIVERSITY("biodiversity", 28, false),
  CLIMATE_MITIGATION("climate_mitigation", 29, false),
  CLIMATE_ADAPTATION("climate_adaptation", 30, false),
  DESERTIFICATION("desertification", 31, false),
  RMNCH("rmnch", 54, false),
  DISASTER_RISK_REDUCTION("disaster_risk_reduction", 0, false),
  DISABILITY("disability", 0, false),
  NUTRITION("nutrition", 0, false),
  CURRENCY("currency", 0, true),
  COMMITMENTS("commitments", 0, false),
  AMOUNTS_EXTENDED("amounts_extended", 0, false),
  AMOUNTS_RECEIVED("amounts_received", 0, false),
  GRANT_EQUIVALENT("grant_equivalent", 0, false),
  AMOUNT_UNTIED("amount_untied", 36, false),
  AMOUNT_PARTIALLY_UNTIED("amount_partially_untied", 37, false),
  AMOUNT_TIED("amount_tied", 38, false);

  private final String header;
  private final int crsPlusPlus;
  private final boolean required;

  CrsColumn(String header, int crsPlusPlus, boolean required) {
    this.header = header;
    this.crsPlusPlus = crsPlusPlus;
    this.required = required;
  }

  String header() {
    return header;
  }

  /** The CRS++ column number IATI cites for the field, 0 when it cites none. */
  int crsPlusPlus() {
    return crsPlusPlus;
  }

  /** A record without it is reported ({@code crs/missing-field}); the field is left empty, never made up. */
  boolean required() {
    return required;
  }
}
