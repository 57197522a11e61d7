package org.iatipub.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.iatipub.finding.Severity;
import org.iatipub.validation.Check;
import org.iatipub.validation.CheckSuite;
import org.iatipub.validation.Node;
import org.iatipub.validation.NodeBuilder;
import org.xml.sax.helpers.AttributesImpl;

/**
 * The codelist and IATI rule checks over the activities of one output file, the same checks
 * {@code validate} runs. A finding points at the spreadsheet cell the checked value came from, so
 * the data team can fix the source rather than the XML.
 */
final class ActivityChecks {
  private final List<Check> checks;
  private final Location fileLocation;
  private final List<Finding> fileFindings = new ArrayList<>();

  /** Starts the checks of one file; {@code file} is where file-level findings point. */
  ActivityChecks(CheckSuite suite, Location file) {
    this.checks = suite.forOneFile();
    this.fileLocation = file;
    AttributesImpl attributes = new AttributesImpl();
    attributes.addAttribute("", "version", "version", "CDATA", ActivityWriter.VERSION);
    NodeBuilder builder = new NodeBuilder();
    builder.start("", "iati-activities", attributes, 0, 0);
    Node root = builder.end();
    checks.forEach(check -> check.root(root, (severity, rule, at, message) ->
        fileFindings.add(new Finding(severity, rule, fileLocation, message))));
  }

  /**
   * Checks one written activity.
   *
   * @param cells the source cell of each path the activity was built from (worked out only for a finding)
   * @param row where a finding points when no cell is known (the activity's main row)
   */
  List<Finding> check(ActivityWriter.Written written, Publisher.DraftCells cells, Location.Cell row, String identifier) {
    List<Finding> findings = new ArrayList<>(fileFindings);
    fileFindings.clear();
    for (Check check : checks) {
      check.record(written.record(), (severity, rule, at, message) -> findings.add(new Finding(severity, rule,
          cellOf(written.pathOf(at), cells.get(), row), "activity '" + identifier + "': " + message)));
    }
    return findings;
  }

  /** Findings about the file as a whole (duplicates across activities, for example), after the last activity. */
  List<Finding> finish() {
    List<Finding> findings = new ArrayList<>(fileFindings);
    for (Check check : checks) {
      check.end((severity, rule, at, message) -> findings.add(new Finding(severity, rule, fileLocation, message)));
    }
    return findings;
  }

  /**
   * The cell a checked element came from: the element's own cell, else its code or text, else any
   * cell inside it; failing that, the same for the nearest element above it, up to the activity.
   */
  private static Location cellOf(String path, Map<String, Location.Cell> cells, Location.Cell row) {
    // Stops below the activity itself: a finding about the whole activity points at its main row.
    for (String p = path == null ? "" : path; p.indexOf('/') > 0; p = p.substring(0, p.lastIndexOf('/'))) {
      for (String candidate : List.of(p, p + "/@code", p + "/#text")) {
        if (cells.containsKey(candidate)) {
          return cells.get(candidate);
        }
      }
      String inside = p + "/";
      for (Map.Entry<String, Location.Cell> entry : cells.entrySet()) {
        if (entry.getKey().startsWith(inside)) {
          return entry.getValue();
        }
      }
    }
    return row;
  }

  static boolean anyError(List<Finding> findings) {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }
}
