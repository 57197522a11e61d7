package org.iatipub.reports;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.iatipub.codelist.CheckedMappings;
import org.iatipub.codelist.CodelistMapping;
import org.iatipub.codelist.CodelistSnapshot;
import org.iatipub.validation.FileLevelRule;

/**
 * What reports say about a rule id beyond the finding: the official validator's category for it
 * (its reports group by category), the codelist a codelist check uses, and where IATI explains it.
 * Categories follow the rule's family in the official catalogue (1 identifiers, 3 geo, 7
 * financial …); a codelist check's follows the element it checks.
 */
final class RuleFacts {
  private static final String STANDARD = "https://iatistandard.org/en/iati-standard/203/";

  private final Map<String, CodelistMapping> codelistChecks = new HashMap<>();

  private RuleFacts(CodelistSnapshot snapshot) {
    for (CodelistMapping mapping : CheckedMappings.of(snapshot).mappings()) {
      codelistChecks.putIfAbsent(mapping.rule(), mapping);
    }
  }

  static RuleFacts bundled() {
    return Bundled.FACTS;
  }

  private static final class Bundled {
    static final RuleFacts FACTS = new RuleFacts(CodelistSnapshot.bundled());
  }

  /**
   * Rule ids in reading order: the official ids part by part as numbers (0.1.1, 1.1.2, 9.76.1,
   * 11.1.1, 1000.0.1), then iatipub's own ids by name.
   */
  static int compareIds(String a, String b) {
    boolean numberedA = a.matches("[0-9]+(\\.[0-9]+)*");
    boolean numberedB = b.matches("[0-9]+(\\.[0-9]+)*");
    if (numberedA != numberedB) {
      return numberedA ? -1 : 1;
    }
    if (!numberedA) {
      return a.compareTo(b);
    }
    String[] partsA = a.split("\\.");
    String[] partsB = b.split("\\.");
    for (int i = 0; i < Math.min(partsA.length, partsB.length); i++) {
      int c = Long.compare(Long.parseLong(partsA[i]), Long.parseLong(partsB[i]));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(partsA.length, partsB.length);
  }

  /** The codelist a codelist check judges codes against, if the rule is one. */
  Optional<String> codelist(String rule) {
    return Optional.ofNullable(codelistChecks.get(rule)).map(CodelistMapping::codelist);
  }

  String category(String rule) {
    Optional<FileLevelRule> fileLevel = FileLevelRule.of(rule);
    if (fileLevel.isPresent()) {
      return switch (fileLevel.get()) {
        case SCHEMA -> "schema";
        case UNSUPPORTED_VERSION -> "documents";
        default -> "iati";
      };
    }
    CodelistMapping checked = codelistChecks.get(rule);
    if (checked != null || rule.startsWith("codelist/")) {
      return checked == null ? "classifications" : codelistCategory(checked.path().toString());
    }
    String family = rule.contains(".") ? rule.substring(0, rule.indexOf('.')) : rule;
    return switch (family) {
      case "1", "1000" -> "identifiers";
      case "2" -> "classifications";
      case "3" -> "geo";
      case "4", "6", "11", "102" -> "information";
      case "7", "107" -> "financial";
      case "8" -> "performance";
      case "12" -> rule.startsWith("12.1.") ? "geo" : rule.startsWith("12.3.") ? "classifications" : "financial";
      default -> "iati";
    };
  }

  private static String codelistCategory(String path) {
    if (path.contains("document-link")) {
      return "documents";
    }
    if (path.contains("result")) {
      return "performance";
    }
    if (path.contains("location") || path.contains("recipient-country") || path.contains("recipient-region")) {
      return "geo";
    }
    if (path.contains("transaction") || path.contains("budget") || path.contains("currency") || path.contains("disbursement")) {
      return "financial";
    }
    if (path.contains("sector") || path.contains("aid-type") || path.contains("policy-marker") || path.contains("flow-type")
        || path.contains("finance-type") || path.contains("tied-status") || path.contains("collaboration-type")) {
      return "classifications";
    }
    return "information";
  }

  /**
   * Where IATI explains the rule: the codelist's page for a codelist check, the schema's for 0.3.1,
   * the standard ruleset's for the ruleset's rules; none for iatipub's own ids.
   */
  Optional<String> guidance(String rule) {
    Optional<String> codelist = codelist(rule);
    if (codelist.isPresent()) {
      return Optional.of(STANDARD + "codelists/" + codelist.get().toLowerCase(java.util.Locale.ROOT) + "/");
    }
    if (rule.startsWith("codelist/") && !rule.equals(CodelistMapping.WITHDRAWN_RULE)) {
      return Optional.of(STANDARD + "codelists/" + rule.substring("codelist/".length()).toLowerCase(java.util.Locale.ROOT) + "/");
    }
    Optional<FileLevelRule> fileLevel = FileLevelRule.of(rule);
    if (fileLevel.isPresent()) {
      return switch (fileLevel.get()) {
        case SCHEMA -> Optional.of(STANDARD + "schema/");
        case UNSUPPORTED_VERSION -> Optional.of("https://iatistandard.org/en/news/notice-iati-standard-version-1-is-deprecated/");
        default -> Optional.empty();
      };
    }
    if (rule.matches("[0-9]+(\\.[0-9]+)+") && !rule.startsWith("1000.")) {
      return Optional.of(STANDARD + "rulesets/standard-ruleset/");
    }
    return Optional.empty();
  }
}
