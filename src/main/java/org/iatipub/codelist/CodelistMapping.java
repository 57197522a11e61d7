package org.iatipub.codelist;

import java.util.Objects;
import java.util.Optional;

/**
 * The standard's statement that the codes at a path come from a codelist, perhaps only under a
 * vocabulary: one entry of the official mapping, in the project's own form.
 *
 * @param path where the code is written
 * @param codelist the governing codelist's name
 * @param condition when the codelist governs; empty when it always does
 * @param rule the finding's rule id: the official IATI Validator's id for this check where it has
 *     one, otherwise {@code codelist/<codelist>}
 */
public record CodelistMapping(CodedPath path, String codelist, Optional<VocabularyCondition> condition, String rule) {
  public CodelistMapping {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(codelist, "codelist");
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(rule, "rule");
  }

  /**
   * The project's rule id for a withdrawn code, a warning for every codelist: the official validator
   * has no such warning, and its ids are for codes that are not in the codelist at all (errors).
   */
  public static final String WITHDRAWN_RULE = "codelist/withdrawn";

  /** The project's rule id for a codelist check the official validator has no id for. */
  public static String projectRule(String codelist) {
    return "codelist/" + codelist;
  }
}
