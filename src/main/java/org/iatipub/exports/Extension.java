package org.iatipub.exports;

/**
 * iatipub's IATI extension attributes: what the exports need that IATI has no place for, carried in
 * the published file itself so the exports still derive from what was published. Any prefix may
 * be bound to the namespace; the exports read the attributes by namespace.
 *
 * <ul>
 *   <li>{@code iatipub:financing-instrument} on an incoming-funds {@code transaction}: its CEB
 *       financing instrument (R01 … R04C), before the aid type's crosswalk
 *   <li>{@code iatipub:contributor-type} on a {@code provider-org} (or on the funding
 *       {@code participating-org}): its CEB contributor type (C01 … C09), before any crosswalk
 *   <li>{@code iatipub:contributor-country} on the same elements: a government contributor's
 *       country (ISO 3166), before any derivation or crosswalk
 *   <li>{@code iatipub:crs-nature-of-submission} on {@code iati-activity}: the CRS nature of
 *       submission, before the settings' default
 * </ul>
 */
public final class Extension {
  /** The namespace of iatipub's extension attributes. */
  public static final String NAMESPACE = "urn:iatipub:exports";
  /** The prefix the exports see them under, whatever the file binds. */
  static final String PREFIX = "iatipub";

  static final String FINANCING_INSTRUMENT = PREFIX + ":financing-instrument";
  static final String CONTRIBUTOR_TYPE = PREFIX + ":contributor-type";
  static final String CONTRIBUTOR_COUNTRY = PREFIX + ":contributor-country";
  static final String CRS_NATURE_OF_SUBMISSION = PREFIX + ":crs-nature-of-submission";

  private Extension() {}
}
