package org.iatipub.finding;

import java.util.Objects;

/**
 * One thing wrong (or worth knowing) about the input, traceable to where it is.
 *
 * @param severity how much it matters
 * @param rule a stable id: an official IATI rule id where one exists, otherwise the project's own
 * @param location the file position or spreadsheet cell it points to
 * @param message what is wrong and what to change, in plain words
 */
public record Finding(Severity severity, String rule, Location location, String message) {
  public Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }

  public static Finding error(String rule, Location location, String message) {
    return new Finding(Severity.ERROR, rule, location, message);
  }

  public static Finding warning(String rule, Location location, String message) {
    return new Finding(Severity.WARNING, rule, location, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The one-line form {@code file:line:column: severity: message [rule]}. */
  @Override
  public String toString() {
    return location + ": " + severity.label() + ": " + message + " [" + rule + "]";
  }
}
