package org.iatipub.validation.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clean activity and organisation that rule examples start from, and how an example says what
 * it changes. An example gives only what differs, as elements written from the left margin (lines
 * indented further, and closing tags, belong to the element above):
 *
 * <ul>
 *   <li>an element replaces every element of its name in the clean file, or joins the file at its
 *       place in the schema's order when the clean file has none;
 *   <li>{@code <!-- no activity-status -->} leaves the clean file's element of that name out;
 *   <li>a start tag of the root ({@code <iati-activities ...>}) or the record
 *       ({@code <iati-activity ...>}) replaces the clean one, to change their attributes or to
 *       mark a finding reported at them.
 * </ul>
 *
 * Elements stay in the lines the example gives, so its markers keep their lines' findings.
 */
final class ExampleFiles {
  private ExampleFiles() {}

  /** The children of {@code iati-activity} in the order the 2.03 schema requires. */
  private static final List<String> ACTIVITY_ORDER = List.of(
      "iati-identifier", "reporting-org", "title", "description", "participating-org", "other-identifier",
      "activity-status", "activity-date", "contact-info", "activity-scope", "recipient-country", "recipient-region",
      "location", "sector", "tag", "country-budget-items", "humanitarian-scope", "policy-marker", "collaboration-type",
      "default-flow-type", "default-finance-type", "default-aid-type", "default-tied-status", "budget",
      "planned-disbursement", "capital-spend", "transaction", "document-link", "related-activity", "legacy-data",
      "conditions", "result", "crs-add", "fss");

  /** The children of {@code iati-organisation} in the order the 2.03 schema requires. */
  private static final List<String> ORGANISATION_ORDER = List.of(
      "organisation-identifier", "name", "reporting-org", "total-budget", "recipient-org-budget",
      "recipient-region-budget", "recipient-country-budget", "total-expenditure", "document-link");

  /** An activity that breaks no rule, codelist or schema constraint (as of 1 June 2024). */
  static final Template ACTIVITY = new Template(
      "<iati-activities version=\"2.03\">",
      "<iati-activity xml:lang=\"en\" default-currency=\"USD\">",
      """
      <iati-identifier>XM-DAC-41302-1</iati-identifier>
      <reporting-org ref="XM-DAC-41302" type="40"><narrative>ILO</narrative></reporting-org>
      <title><narrative>Decent work</narrative></title>
      <description><narrative>Training for workers in green jobs</narrative></description>
      <participating-org role="1" ref="XM-DAC-41302"/>
      <activity-status code="2"/>
      <activity-date type="1" iso-date="2021-01-01"/>
      <recipient-country code="KE"/>
      <sector code="11110"/>
      """,
      ACTIVITY_ORDER);

  /** An organisation file that breaks no rule, codelist or schema constraint. */
  static final Template ORGANISATION = new Template(
      "<iati-organisations version=\"2.03\">",
      "<iati-organisation xml:lang=\"en\" default-currency=\"USD\">",
      """
      <organisation-identifier>XM-DAC-41302</organisation-identifier>
      <name><narrative>ILO</narrative></name>
      <reporting-org ref="XM-DAC-41302" type="40"><narrative>ILO</narrative></reporting-org>
      """,
      ORGANISATION_ORDER);

  /** The clean activity with the example's changes. */
  static String activity(String changes) {
    return ACTIVITY.with(changes);
  }

  /** A file of several activities, each the clean one with its changes. */
  static String activities(String... changes) {
    return ACTIVITY.with(changes);
  }

  /** The clean organisation with the example's changes. */
  static String organisation(String changes) {
    return ORGANISATION.with(changes);
  }

  /** A clean file: its root, its one record's start tag, the record's children, and their order. */
  record Template(String root, String record, String children, List<String> order) {
    private static final Pattern NAME = Pattern.compile("^<([A-Za-z][\\w.:-]*)");
    private static final Pattern LEFT_OUT = Pattern.compile("^<!--\\s*no\\s+([\\w-]+)\\s*-->$");

    String rootName() {
      return name(root);
    }

    String recordName() {
      return name(record);
    }

    String with(String changes) {
      return with(new String[] {changes});
    }

    /**
     * A file of several records, each the clean one with its changes; a root start tag among any
     * record's changes replaces the clean root.
     */
    String with(String... records) {
      String rootTag = root;
      StringBuilder body = new StringBuilder();
      for (String changes : records) {
        String recordTag = record;
        Map<String, List<String>> given = new LinkedHashMap<>();
        List<String> leftOut = new ArrayList<>();
        for (String element : elements(changes)) {
          Matcher omitted = LEFT_OUT.matcher(element.strip());
          if (omitted.matches()) {
            leftOut.add(omitted.group(1));
            continue;
          }
          String name = name(element);
          if (name.equals(rootName())) {
            rootTag = element;
          } else if (name.equals(recordName())) {
            recordTag = element;
          } else if (order.contains(name)) {
            given.computeIfAbsent(name, n -> new ArrayList<>()).add(element);
          } else {
            throw new IllegalArgumentException("<" + name + "> is not a child of <" + recordName() + ">: " + element);
          }
        }
        Map<String, List<String>> clean = new LinkedHashMap<>();
        for (String element : elements(children)) {
          clean.computeIfAbsent(name(element), n -> new ArrayList<>()).add(element);
        }
        body.append("  ").append(recordTag).append('\n');
        for (String name : order) {
          List<String> elements = given.containsKey(name) ? given.get(name)
              : leftOut.contains(name) ? List.of() : clean.getOrDefault(name, List.of());
          for (String element : elements) {
            element.lines().forEach(line -> body.append("    ").append(line).append('\n'));
          }
        }
        body.append("  </").append(recordName()).append(">\n");
      }
      return rootTag + "\n" + body + "</" + rootName() + ">\n";
    }

    /** The top-level elements of a fragment: each starts at the left margin, the lines indented further belong to it. */
    private static List<String> elements(String fragment) {
      List<String> elements = new ArrayList<>();
      StringBuilder current = null;
      for (String line : fragment.split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        boolean continues = Character.isWhitespace(line.charAt(0)) || line.startsWith("</");
        if (!continues || current == null) {
          if (current != null) {
            elements.add(current.toString());
          }
          current = new StringBuilder(line);
        } else {
          current.append('\n').append(line);
        }
      }
      if (current != null) {
        elements.add(current.toString());
      }
      return elements;
    }

    private static String name(String element) {
      Matcher name = NAME.matcher(element);
      if (!name.find()) {
        throw new IllegalArgumentException("not an element: " + element);
      }
      return name.group(1);
    }
  }
}
