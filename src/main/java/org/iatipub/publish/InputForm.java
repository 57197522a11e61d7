package org.iatipub.publish;

/** The two shapes of input a set can have. */
public enum InputForm {
  /** The organisation's own columns, read through a mapping file. */
  OWN,
  /** IATI path headers (flatten-tool / CoVE), read as they are. */
  PATH_HEADERS
}
