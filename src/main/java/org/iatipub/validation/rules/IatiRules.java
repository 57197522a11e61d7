package org.iatipub.validation.rules;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.iatipub.validation.Check;

/**
 * The checks of the IATI rulesets and of the official validator's rule catalogue, each family
 * with the rules it applies, so that what runs and what {@code iatipub rules} lists cannot drift
 * apart.
 */
public final class IatiRules {
  /** One check class and the catalogue rules it reports. */
  public record Family(List<Rule> rules, Supplier<Check> check) {
    public Family {
      rules = List.copyOf(rules);
    }
  }

  private final List<Family> families;

  /**
   * @param agencies registered agency prefixes for the {@code 1.N.8} rules
   * @param clock what "now" is for the rules about dates in the future
   */
  public IatiRules(AgencyPrefixes agencies, Clock clock) {
    this.families = List.of(
        new Family(IdentifierRules.RULES, IdentifierRules::new),
        new Family(IdentifierFormatRules.rules(agencies), () -> new IdentifierFormatRules(agencies)),
        new Family(PresenceRules.RULES, PresenceRules::new),
        new Family(NarrativeRules.RULES, NarrativeRules::new),
        new Family(DateRules.RULES, () -> new DateRules(clock)),
        new Family(PeriodRules.RULES, PeriodRules::new),
        new Family(PercentageRangeRules.RULES, PercentageRangeRules::new),
        new Family(PercentageSplitRules.RULES, PercentageSplitRules::new),
        new Family(PlacementRules.RULES, PlacementRules::new),
        new Family(CurrencyRules.RULES, CurrencyRules::new),
        new Family(VocabularyRules.RULES, VocabularyRules::new),
        new Family(ResultRules.RULES, ResultRules::new),
        new Family(CrossReferenceRules.RULES, CrossReferenceRules::new));
  }

  /** The rules as validate and publish run them: the bundled agency list, "now" from {@code clock}. */
  public static IatiRules standard(Clock clock) {
    return new IatiRules(AgencyPrefixes.bundled(), clock);
  }

  public List<Family> families() {
    return families;
  }

  /** One supplier per family, for {@link org.iatipub.validation.CheckSuite}. */
  public List<Supplier<Check>> checks() {
    return families.stream().map(Family::check).toList();
  }

  public List<Rule> rules() {
    return families.stream().flatMap(f -> f.rules().stream()).toList();
  }
}
