package org.iatipub.exports.codes;

import java.util.Optional;

/**
 * The OECD-DAC CRS and UN CEB lists the exports check codes against, one typed catalogue so a
 * list's name cannot be misspelt. What a code's {@code category} holds differs per list and is
 * said here.
 */
public enum StandardList {
  /** Reporting countries and organisations; category: the donor's ISO 3166 country code, empty for organisations. */
  CRS_DONOR("crs-donor", "CRS donors (reporting countries and organisations)"),
  /** Extending agencies; code: {@code donor/agency}, e.g. {@code 940/1}; category: the donor code. */
  CRS_AGENCY("crs-agency", "CRS extending agencies"),
  /** Recipient countries and regions; category: the country's ISO 3166 code, empty for a region. */
  CRS_RECIPIENT("crs-recipient", "CRS recipients"),
  /** Channels of delivery; category: the channel's parent code. */
  CRS_CHANNEL("crs-channel", "CRS channel codes"),
  /** 5-digit purpose codes (voluntary codes included); category: the 3-digit sector. */
  CRS_PURPOSE("crs-purpose", "CRS purpose codes"),
  CRS_FLOW("crs-flow", "CRS types of flow"),
  /** Types of finance; category: the finance type category. */
  CRS_FINANCE("crs-finance", "CRS types of finance"),
  /** Types of aid; category: the aid type category (A, B, ...). */
  CRS_AID_TYPE("crs-aid-type", "CRS types of aid"),
  CRS_BI_MULTI("crs-bi-multi", "CRS bi/multi (collaboration types)"),
  CRS_NATURE_OF_SUBMISSION("crs-nature-of-submission", "CRS nature of submission"),
  /** UN system entities (CEB standard I). */
  CEB_ENTITY("ceb-entity", "UN system entities (CEB standard I)"),
  /**
   * UN system functions (CEB standard II). CEB publishes names only, so the code is the name, as
   * IATI sector vocabulary 12 then carries it.
   */
  CEB_FUNCTION("ceb-function", "UN system functions (CEB standard II)"),
  /** Grant financing instruments (CEB standard IV); category: the revenue type they belong to. */
  CEB_FINANCING_INSTRUMENT("ceb-financing-instrument", "grant financing instruments (CEB standard IV)"),
  /** Contributor types (CEB standard VI). */
  CEB_CONTRIBUTOR_TYPE("ceb-contributor-type", "contributor types (CEB standard VI)");

  private final String key;
  private final String title;

  StandardList(String key, String title) {
    this.key = key;
    this.title = title;
  }

  /** The list's name in the snapshot's files and in {@code iatipub export codes show}. */
  public String key() {
    return key;
  }

  public String title() {
    return title;
  }

  public static Optional<StandardList> byKey(String key) {
    for (StandardList list : values()) {
      if (list.key.equals(key)) {
        return Optional.of(list);
      }
    }
    return Optional.empty();
  }
}
