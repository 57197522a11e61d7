package org.iatipub.reports;

import org.iatipub.finding.Severity;
import org.iatipub.validation.FileLevelRule;

/**
 * The official validator's four severities, which reports show: what is wrong with the file as a
 * whole is critical (a file with a critical finding is what it calls invalid), notes are advisories.
 */
final class OfficialSeverity {
  static final String CRITICAL = "critical";
  static final String ERROR = "error";
  static final String WARNING = "warning";
  static final String ADVISORY = "advisory";
  /** Most serious first. */
  static final java.util.List<String> ALL = java.util.List.of(CRITICAL, ERROR, WARNING, ADVISORY);

  private OfficialSeverity() {}

  static String of(Severity severity, String rule) {
    if (severity == Severity.ERROR && FileLevelRule.of(rule).isPresent()) {
      return CRITICAL;
    }
    return switch (severity) {
      case ERROR -> ERROR;
      case WARNING -> WARNING;
      case INFO -> ADVISORY;
    };
  }
}
