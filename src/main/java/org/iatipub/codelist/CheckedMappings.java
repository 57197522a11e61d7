package org.iatipub.codelist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the codelist check runs: the snapshot's mappings (the standard's mapping.xml, imported), then
 * a few coded paths of the project's own. Those are paths that the official validator's rule
 * catalogue checks against a codelist and mapping.xml does not name: attributes and elements the
 * 2.03 schema does not allow, whose codes the validator still judges. They are kept here
 * rather than in the snapshot so that the snapshot stays exactly what {@code codelists import}
 * writes from the official files.
 *
 * <p>Left out: 9.116.1 ({@code crs-add/aidtype-flag/@code}), whose AidTypeFlag codelist was withdrawn
 * in 2.01 and is not among the 2.03 codelists; the validator judges no code against a codelist its
 * release lacks, so it finds nothing there in a 2.03 file either.
 *
 * @param mappings the mappings to check, imported ones first
 * @param sameCheckAs catalogue ids that repeat a check an imported mapping already makes, each with
 *     the id its findings carry (the catalogue lists feature-designation codes twice)
 */
public record CheckedMappings(List<CodelistMapping> mappings, Map<String, String> sameCheckAs) {
  /** With the validator's ids written out: the import takes catalogue ids only for mapping.xml's paths. */
  static final List<CodelistMapping> EXTRA = List.of(
      extra("iati-activity/country-budget-items/budget-item/description/@type", "DescriptionType", "9.15.1"),
      extra("iati-activity/result/description/@type", "DescriptionType", "9.56.1"),
      extra("iati-activity/result/indicator/description/@type", "DescriptionType", "9.64.1"),
      extra("iati-activity/location/coordinates/@precision", "GeographicalPrecision", "9.118.1"),
      extra("iati-activity/location/gazetteer-entry/@gazetteer-ref", "GazetteerAgency", "9.119.1"),
      extra("iati-activity/location/feature-designation/@code", "LocationType", "9.120.1"));

  public CheckedMappings {
    mappings = List.copyOf(mappings);
    sameCheckAs = Map.copyOf(sameCheckAs);
  }

  private static CodelistMapping extra(String path, String codelist, String rule) {
    return new CodelistMapping(CodedPath.parse(path), codelist, Optional.empty(), rule);
  }

  /**
   * The snapshot's mappings and the extra paths. An extra path that a mapping already checks is not
   * checked twice (its id is noted in {@link #sameCheckAs()} when it differs), and one whose codelist
   * the snapshot lacks is not checked at all, as the validator does.
   */
  public static CheckedMappings of(CodelistSnapshot snapshot) {
    List<CodelistMapping> mappings = new ArrayList<>(snapshot.mappings());
    Map<String, String> sameCheckAs = new TreeMap<>();
    for (CodelistMapping extra : EXTRA) {
      Optional<CodelistMapping> same = snapshot.mappings().stream()
          .filter(m -> m.path().equals(extra.path()) && m.codelist().equals(extra.codelist()) && m.condition().equals(extra.condition()))
          .findFirst();
      if (same.isPresent()) {
        if (!same.get().rule().equals(extra.rule())) {
          sameCheckAs.put(extra.rule(), same.get().rule());
        }
      } else if (snapshot.codelist(extra.codelist()).isPresent()) {
        mappings.add(extra);
      }
    }
    return new CheckedMappings(mappings, sameCheckAs);
  }
}
