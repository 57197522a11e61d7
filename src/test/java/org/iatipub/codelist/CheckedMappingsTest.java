package org.iatipub.codelist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The project's extra coded paths join the imported mappings, never doubling a check. */
class CheckedMappingsTest {
  private static final SnapshotSource SOURCE = new SnapshotSource("2.03", "", "sha256:test", "");

  private static Codelist descriptionTypes() {
    return Codelist.of("DescriptionType", "Description Type", List.of(new Code("1", "General", CodeStatus.ACTIVE, "")));
  }

  private static List<String> rules(CheckedMappings checked) {
    return checked.mappings().stream().map(CodelistMapping::rule).toList();
  }

  @Test
  void theBundledSnapshotGainsFivePathsAndNotesTheRepeatedFeatureDesignationCheck() {
    CodelistSnapshot bundled = CodelistSnapshot.bundled();
    CheckedMappings checked = CheckedMappings.of(bundled);
    assertEquals(bundled.mappings(), checked.mappings().subList(0, bundled.mappings().size()), "imported mappings come first, unchanged");
    assertEquals(List.of("9.15.1", "9.56.1", "9.64.1", "9.118.1", "9.119.1"),
        rules(checked).subList(bundled.mappings().size(), checked.mappings().size()));
    assertEquals(Map.of("9.120.1", "9.34.1"), checked.sameCheckAs());
  }

  @Test
  void anExtraPathWhoseCodelistTheSnapshotLacksIsNotChecked() {
    CodelistSnapshot onlyDescriptionTypes = new CodelistSnapshot(SOURCE, Map.of("DescriptionType", descriptionTypes()), List.of());
    assertEquals(List.of("9.15.1", "9.56.1", "9.64.1"), rules(CheckedMappings.of(onlyDescriptionTypes)));
  }

  @Test
  void anExtraPathThatAnImportedMappingAlreadyChecksUnderItsIdIsCheckedOnce() {
    CodelistMapping imported = new CodelistMapping(CodedPath.parse("iati-activity/result/description/@type"), "DescriptionType",
        Optional.empty(), "9.56.1");
    CheckedMappings checked = CheckedMappings.of(new CodelistSnapshot(SOURCE, Map.of("DescriptionType", descriptionTypes()), List.of(imported)));
    assertEquals(List.of("9.56.1", "9.15.1", "9.64.1"), rules(checked));
    assertEquals(Map.of(), checked.sameCheckAs());
  }
}
