package org.iatipub.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.iatipub.validation.Check;
import org.iatipub.validation.CheckSuite;
import org.iatipub.validation.Node;
import org.iatipub.validation.NodeBuilder;
import org.iatipub.validation.Reporter;
import org.xml.sax.helpers.AttributesImpl;

/**
 * The codelist and IATI rule checks over the activities of one output file, the same checks
 * {@code validate} runs. A finding points at the spreadsheet cell the checked value came from, so
 * the data team can fix the source rather than the XML.
 *
 * <p>Most checks judge an activity on its own: {@link #checkAlone} runs them on whatever thread
 * wrote the activity, with that thread's own instances. The few that compare activities
 * (duplicate identifiers, for example) run in {@link #checkInOrder}, on one thread, in input order.
 * Their findings are put back in the order of the checks, so they come out the same on any number
 * of threads.
 */
final class ActivityChecks implements AutoCloseable {
  private final List<Check> checks;
  /** The checks that compare activities, in order. */
  private final List<Check> spanning;
  private final ThreadLocal<List<Check>> aloneChecks;
  private final Location fileLocation;
  private final Wording wording;
  private final List<Finding> fileFindings = new ArrayList<>();

  /**
   * How a finding's message is said to the people who made the input: for the own-column form,
   * the remedy in the mapping file's terms (see {@code OwnFormHints}).
   */
  @FunctionalInterface
  interface Wording {
    Wording AS_CHECKED = (rule, element, message) -> message;

    /** @param element the XML path of the element the finding is at, or null */
    String message(String rule, String element, String message);
  }

  /** Starts the checks of one file; {@code file} is where file-level findings point. */
  ActivityChecks(CheckSuite suite, Location file, Wording wording) {
    this.checks = suite.forOneFile();
    this.spanning = checks.stream().filter(Check::spansRecords).toList();
    this.fileLocation = file;
    this.wording = wording;
    Node root = root();
    checks.forEach(check -> check.root(root, (severity, rule, at, message) ->
        fileFindings.add(new Finding(severity, rule, fileLocation, message))));
    // What the root tells about the file was reported once, above; each thread's own instances
    // learn it again, quietly.
    this.aloneChecks = ThreadLocal.withInitial(() -> {
      List<Check> own = suite.forOneFile();
      own.forEach(check -> check.root(root, (severity, rule, at, message) -> { }));
      return own;
    });
  }

  private static Node root() {
    AttributesImpl attributes = new AttributesImpl();
    attributes.addAttribute("", "version", "version", "CDATA", ActivityWriter.VERSION);
    NodeBuilder builder = new NodeBuilder();
    builder.start("", "iati-activities", attributes, 0, 0);
    return builder.end();
  }

  /**
   * The findings of the checks that judge one written activity on its own, by check (those that
   * compare activities have an empty place, filled by {@link #checkInOrder}). Any thread may call it.
   *
   * @param cells the source cell of each path the activity was built from (worked out only for a finding)
   * @param row where a finding points when no cell is known (the activity's main row)
   */
  List<List<Finding>> checkAlone(ActivityWriter.Written written, Publisher.DraftCells cells, Location.Cell row,
      String identifier) {
    List<Check> own = aloneChecks.get();
    List<List<Finding>> byCheck = new ArrayList<>(own.size());
    for (Check check : own) {
      List<Finding> findings = new ArrayList<>(0);
      if (!check.spansRecords()) {
        check.record(written.record(), reporter(findings, written, cells, row, identifier));
      }
      byCheck.add(findings);
    }
    return byCheck;
  }

  /**
   * All the findings about one activity: those of the file so far, then those of every check in
   * order, running the checks that compare activities now. Called for each activity in input order.
   *
   * @param alone what {@link #checkAlone} found for this activity
   */
  List<Finding> checkInOrder(ActivityWriter.Written written, List<List<Finding>> alone, Publisher.DraftCells cells,
      Location.Cell row, String identifier) {
    List<Finding> findings = new ArrayList<>(fileFindings);
    fileFindings.clear();
    for (int i = 0; i < checks.size(); i++) {
      Check check = checks.get(i);
      if (check.spansRecords()) {
        check.record(written.record(), reporter(findings, written, cells, row, identifier));
      } else {
        findings.addAll(alone.get(i));
      }
    }
    return findings;
  }

  /**
   * All the findings about an activity published again as it was, as {@link #checkInOrder} gives
   * them for the activity built: those of the file so far, then those of every check in order. The
   * checks that compare activities read its view now; the others' findings are those kept.
   *
   * @param view what the checks that compare activities read of it ({@link #view})
   * @param kept the findings each check found when it was built, by check (those that compare
   *     activities have an empty place)
   * @param cells the source cell of each path the activity was built from (worked out only for a finding)
   */
  List<Finding> checkTaken(Node view, List<List<Finding>> kept, Publisher.DraftCells cells, Location.Cell row,
      String identifier) {
    List<Finding> findings = new ArrayList<>(fileFindings);
    fileFindings.clear();
    for (int i = 0; i < checks.size(); i++) {
      Check check = checks.get(i);
      if (check.spansRecords()) {
        check.record(view, reporter(findings, node -> CrossCheckView.pathOf(view, node), cells, row, identifier));
      } else {
        findings.addAll(kept.get(i));
      }
    }
    return findings;
  }

  /** How many checks there are: the findings kept for an activity are by check. */
  int count() {
    return checks.size();
  }

  /** What the checks that compare activities read of {@code record}, to keep with it. */
  Node view(Node record) {
    return CrossCheckView.of(record, spanning);
  }

  private Reporter reporter(List<Finding> findings, ActivityWriter.Written written, Publisher.DraftCells cells,
      Location.Cell row, String identifier) {
    return reporter(findings, written::pathOf, cells, row, identifier);
  }

  private Reporter reporter(List<Finding> findings, java.util.function.Function<Node, String> pathOf,
      Publisher.DraftCells cells, Location.Cell row, String identifier) {
    return (severity, rule, at, message) -> {
      String path = pathOf.apply(at);
      findings.add(new Finding(severity, rule, cellOf(path, cells.get(), row),
          "activity '" + identifier + "': " + wording.message(rule, path, message)));
    };
  }

  /** Findings about the file as a whole (duplicates across activities, for example), after the last activity. */
  List<Finding> finish() {
    List<Finding> findings = new ArrayList<>(fileFindings);
    for (Check check : checks) {
      check.end((severity, rule, at, message) -> findings.add(new Finding(severity, rule, fileLocation, message)));
    }
    return findings;
  }

  /** Releases what the checks of the file hold (scratch files of the checks that compare activities). */
  @Override
  public void close() {
    checks.forEach(Check::close);
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
}
