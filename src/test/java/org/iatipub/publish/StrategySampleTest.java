package org.iatipub.publish;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.iatipub.SharedIati;
import org.iatipub.SharedSeed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The strategy sample tells the paper's plan truly: what {@code publish} writes for
 * {@code samples/strategy} is, action by action and deliverable by deliverable, the implementation
 * framework of GB.341/POL/4 as {@code ../shared/seed/plan-outline.csv} tables it (read at test
 * time, never copied): the 15 actions tagged with their focus areas, with their Chinese titles,
 * and each deliverable a result with its Chinese title, its timeline as the indicator period, the
 * quantity it names as the target and the Programme and Budget outputs of its action as references.
 */
class StrategySampleTest {
  private static final String PROGRAMME = "XM-DAC-41302-DCS2025";
  private static final Pattern TIMELINE = Pattern.compile("(\\d{4})-(\\d{4})");
  private static final Pattern QUANTITY = Pattern.compile("(\\d+) [a-z ]+");
  /** The table's P&B links, part by part: "2020-21 output C.2", "P&B 2020-21 and 2022-23 outputs 1.1, 1.2" … */
  private static final Pattern OUTPUTS = Pattern.compile("(?:P&B )?(\\d{4}-\\d{2})(?: and (\\d{4}-\\d{2}))? outputs? ([0-9A-C., ]+)");
  private static final Pattern ALL_OUTCOMES = Pattern.compile("all policy outcomes of P&B (\\d{4}-\\d{2}) and (\\d{4}-\\d{2})");
  private static final Pattern SAME_AS = Pattern.compile("same as (\\d\\.\\d)");
  private static final Pattern DOCUMENT = Pattern.compile(".*\\((GB\\.\\d+/[A-Z]+/\\d+)\\)");
  /** The Programme and Budget for 2020–21 and the one for 2022–23 each set eight policy outcomes, 1 to 8. */
  private static final int POLICY_OUTCOMES = 8;

  /** The Chinese and the English (the default language: no xml:lang) narrative of an element. */
  private static final String ZH = "narrative[@*[local-name()='lang']='zh']";
  private static final String EN = "narrative[not(@*[local-name()='lang'])]";

  @TempDir static Path output;
  static List<CSVRecord> plan;
  static Document strategy;
  static final XPath XPATH = XPathFactory.newInstance().newXPath();

  /**
   * An action of the plan: its number, its focus area (the sample's own tag code, FA1 to FA4, and the paper's Chinese
   * name), its Chinese title, its deliverables.
   */
  record Action(String number, List<FocusArea> focusAreas, String titleZh, List<Deliverable> deliverables) {}

  record FocusArea(String code, String nameZh) {}

  /**
   * A deliverable: its Chinese title, the period of its timeline, its indicator's measure and target (null when none),
   * and the Programme and Budget outputs (and outcomes, and strategy papers) it relates to, as the sample's own codes:
   * {@code 2022-23/output/A.4}, {@code 2020-21/outcome/3}, {@code GB.335/INS/9}.
   */
  record Deliverable(String titleZh, String periodStart, String periodEnd, String measure, String target,
      List<String> programmeAndBudget) {}

  @BeforeAll
  static void publishTheStrategy() throws Exception {
    try (Reader reader = Files.newBufferedReader(SharedSeed.require("plan-outline.csv"), StandardCharsets.UTF_8)) {
      plan = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader).getRecords();
    }
    PublishRun run = PublishRun.of(SharedIati.projectDir().resolve("samples/strategy"), output);
    assertEquals(List.of(), run.findings());
    strategy = run.document("ilo-strategy.xml");
  }

  @Test
  void theActionsAreThePapersUnderItsFocusAreasWithTheirDeliverables() throws Exception {
    List<Action> planned = planned();
    List<Action> published = publishedActions();

    assertEquals(planned.stream().map(Action::number).toList(), published.stream().map(Action::number).toList());
    assertAll(IntStream.range(0, planned.size())
        .mapToObj(i -> () -> assertEquals(planned.get(i), published.get(i), "action " + planned.get(i).number())));
  }

  @Test
  void thePlanHasFifteenActionsAndThirtyTwoDeliverables() throws Exception {
    List<Action> actions = publishedActions();

    assertEquals(15, actions.size());
    assertEquals(32, actions.stream().mapToInt(a -> a.deliverables().size()).sum());
  }

  @Test
  void theProgrammeSpansTheFourFocusAreas() throws Exception {
    List<FocusArea> planned = planned().stream().flatMap(a -> a.focusAreas().stream()).distinct().toList();

    assertEquals(4, planned.size());
    assertEquals(planned, focusAreas(activity(PROGRAMME)));
  }

  @Test
  void theMidTermReviewIsTheProgrammesPlannedMilestoneIn2023() throws Exception {
    Element programme = activity(PROGRAMME);

    assertEquals("1", programme.getAttribute("hierarchy"));
    assertEquals(List.of(new Deliverable("向理事会提交战略和实施计划的中期评估", "2023-01-01", "2023-12-31", "1", "1", List.of())),
        deliverables(programme));
    assertEquals("9", XPATH.evaluate("result/@type", programme), "a result of type other: a milestone, not a deliverable");
  }

  @Test
  void theEnglishTitlesAreOurOwnWordsNotTheGlosses() throws Exception {
    List<String> copied = new ArrayList<>();
    for (CSVRecord row : plan) {
      Element action = activity(PROGRAMME + "-" + row.get("action"));
      String actionTitle = XPATH.evaluate("title/" + EN, action).replaceFirst("^\\d\\.\\d ", "");
      String deliverableTitle = XPATH.evaluate("result[" + row.get("deliverable") + "]/title/" + EN, action);
      if (sameWords(actionTitle, row.get("action_en_gloss"))) {
        copied.add(row.get("action"));
      }
      if (sameWords(deliverableTitle, row.get("deliverable_en_gloss"))) {
        copied.add(row.get("action") + "." + row.get("deliverable"));
      }
      assertFalse(actionTitle.isBlank() || deliverableTitle.isBlank(), "English titles of " + row.get("action"));
    }
    assertEquals(List.of(), copied);
  }

  /** The plan as the paper's table gives it, in its order. */
  private static List<Action> planned() {
    Map<String, Action> actions = new LinkedHashMap<>();
    for (CSVRecord row : plan) {
      Action action = actions.computeIfAbsent(row.get("action"), number -> new Action(number,
          List.of(new FocusArea("FA" + row.get("focus_area"), row.get("focus_area_zh"))), number + " " + row.get("action_zh"),
          new ArrayList<>()));
      Matcher years = TIMELINE.matcher(row.get("timeline"));
      if (!years.matches()) {
        throw new AssertionError("the plan's timeline '" + row.get("timeline") + "' is not a span of years");
      }
      String target = null;
      if (!row.get("quantified_target").isEmpty()) {
        Matcher quantity = QUANTITY.matcher(row.get("quantified_target"));
        if (!quantity.matches()) {
          throw new AssertionError("the plan's quantity '" + row.get("quantified_target") + "' is not a number of things");
        }
        target = quantity.group(1);
      }
      action.deliverables().add(new Deliverable(row.get("deliverable_zh"), years.group(1) + "-01-01", years.group(2) + "-12-31",
          target == null ? "5" : "1", target, programmeAndBudget(row.get("programme_and_budget_links"), actions)));
    }
    return List.copyOf(actions.values());
  }

  /** The codes of the table's P&B links; "same as 1.1" takes those of action 1.1's deliverables. */
  private static List<String> programmeAndBudget(String links, Map<String, Action> actions) {
    List<String> codes = new ArrayList<>();
    for (String part : links.split("; ")) {
      Matcher same = SAME_AS.matcher(part);
      Matcher outcomes = ALL_OUTCOMES.matcher(part);
      Matcher outputs = OUTPUTS.matcher(part);
      Matcher document = DOCUMENT.matcher(part);
      if (same.matches()) {
        codes.addAll(actions.get(same.group(1)).deliverables().get(0).programmeAndBudget());
      } else if (outcomes.matches()) {
        for (String biennium : List.of(outcomes.group(1), outcomes.group(2))) {
          IntStream.rangeClosed(1, POLICY_OUTCOMES).forEach(n -> codes.add(biennium + "/outcome/" + n));
        }
      } else if (outputs.matches()) {
        for (String biennium : outputs.group(2) == null ? List.of(outputs.group(1)) : List.of(outputs.group(1), outputs.group(2))) {
          for (String output : outputs.group(3).split(", ")) {
            codes.add(biennium + "/output/" + output);
          }
        }
      } else if (document.matches()) {
        codes.add(document.group(1));
      } else if (!part.equals("(none listed)")) {
        throw new AssertionError("the plan's P&B link '" + part + "' is not one this test can read");
      }
    }
    return codes;
  }

  /** The programme's sub-activities as published, in file order. */
  private static List<Action> publishedActions() throws Exception {
    List<Action> actions = new ArrayList<>();
    NodeList subActivities = (NodeList) XPATH.evaluate("//iati-activity[related-activity[@type='1']/@ref='" + PROGRAMME + "']",
        strategy, XPathConstants.NODESET);
    for (int i = 0; i < subActivities.getLength(); i++) {
      Element activity = (Element) subActivities.item(i);
      String identifier = XPATH.evaluate("iati-identifier", activity);
      actions.add(new Action(identifier.substring(PROGRAMME.length() + 1), focusAreas(activity),
          XPATH.evaluate("title/" + ZH, activity), deliverables(activity)));
    }
    return actions;
  }

  private static List<Deliverable> deliverables(Element activity) throws Exception {
    List<Deliverable> deliverables = new ArrayList<>();
    NodeList results = (NodeList) XPATH.evaluate("result", activity, XPathConstants.NODESET);
    for (int i = 0; i < results.getLength(); i++) {
      Element result = (Element) results.item(i);
      String target = XPATH.evaluate("indicator/period/target/@value", result);
      deliverables.add(new Deliverable(XPATH.evaluate("title/" + ZH, result),
          XPATH.evaluate("indicator/period/period-start/@iso-date", result),
          XPATH.evaluate("indicator/period/period-end/@iso-date", result),
          XPATH.evaluate("indicator/@measure", result), target.isEmpty() ? null : target,
          values("reference[@vocabulary='99']/@code", result)));
    }
    return deliverables;
  }

  /** The activity's tags in the organisation's own vocabulary (99): its focus areas. */
  private static List<FocusArea> focusAreas(Element activity) throws Exception {
    List<FocusArea> focusAreas = new ArrayList<>();
    NodeList tags = (NodeList) XPATH.evaluate("tag[@vocabulary='99']", activity, XPathConstants.NODESET);
    for (int i = 0; i < tags.getLength(); i++) {
      focusAreas.add(new FocusArea(XPATH.evaluate("@code", tags.item(i)), XPATH.evaluate(ZH, tags.item(i))));
    }
    return focusAreas;
  }

  private static List<String> values(String path, Element element) throws Exception {
    NodeList nodes = (NodeList) XPATH.evaluate(path, element, XPathConstants.NODESET);
    return IntStream.range(0, nodes.getLength()).mapToObj(i -> nodes.item(i).getNodeValue()).toList();
  }

  private static Element activity(String identifier) throws Exception {
    Element activity = (Element) XPATH.evaluate("//iati-activity[iati-identifier='" + identifier + "']", strategy,
        XPathConstants.NODE);
    if (activity == null) {
      throw new AssertionError("no activity " + identifier + " was published");
    }
    return activity;
  }

  /** The same words in the same order, whatever the case and punctuation. */
  private static boolean sameWords(String a, String b) {
    return words(a).equals(words(b));
  }

  private static String words(String text) {
    return text.toLowerCase().replaceAll("[^a-z0-9]+", " ").strip();
  }
}
