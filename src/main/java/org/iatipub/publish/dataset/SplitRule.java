package org.iatipub.publish.dataset;

/** How a set's activities are spread over files, following the IATI Registry's habit of one file per country or region. */
public enum SplitRule {
  /** One file per set. */
  NONE,
  /** One file per recipient country: the activity's largest share, {@code other} when it names none. */
  COUNTRY,
  /** One file per recipient region: the activity's largest share, {@code other} when it names none. */
  REGION
}
