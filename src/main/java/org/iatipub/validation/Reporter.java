package org.iatipub.validation;

import org.iatipub.finding.Severity;

/**
 * Where a check reports what it finds. The check names the node; the caller decides how the node
 * is located (line and column in a file, or the spreadsheet cell an activity came from).
 */
@FunctionalInterface
public interface Reporter {
  void report(Severity severity, String rule, Node at, String message);
}
