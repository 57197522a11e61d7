package org.iatipub.exports;

/**
 * Why a transaction of the year is not counted by an export. Every transaction of the year is
 * either counted or left out for one of these reasons, and listed with it.
 */
enum LeftOut {
  OTHER_TYPE("other type", "its transaction type feeds none of the exports made"),
  BAD_VALUE("bad value", "its value or date cannot be read"),
  NO_CURRENCY("no currency", "it has no currency and its activity no default currency"),
  NO_RATE("no rate", "the rates file has no rate for its currency at its value date"),
  NO_FUNCTION("no code", "no UN system function"),
  NO_FINANCING_INSTRUMENT("no code", "no financing instrument"),
  NO_CONTRIBUTOR_TYPE("no code", "no contributor type"),
  NO_CONTRIBUTOR_COUNTRY("no code", "no country for a government contributor"),
  UNKNOWN_CODE("no code", "a code the CEB's lists do not have");

  private final String reason;
  private final String meaning;

  LeftOut(String reason, String meaning) {
    this.reason = reason;
    this.meaning = meaning;
  }

  /** The reason as the reconciliation counts it: other type, bad value, no currency, no rate, no code. */
  String reason() {
    return reason;
  }

  String meaning() {
    return meaning;
  }
}
