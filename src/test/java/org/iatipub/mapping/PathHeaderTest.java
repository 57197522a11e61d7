package org.iatipub.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Column headers in the flatten-tool / CoVE path convention. */
class PathHeaderTest {
  @Test
  void aNameWithoutAPositionIsTheFirstOne() {
    PathHeader header = PathHeader.parse("title/narrative");

    assertEquals(List.of(new PathHeader.Step("title", 0, "title#0"), new PathHeader.Step("narrative", 0, "title#0/narrative#0")), header.steps());
    assertNull(header.attribute());
  }

  @Test
  void positionsAndALastAttribute() {
    PathHeader header = PathHeader.parse("transaction/3/value/@value-date");

    assertEquals(List.of(new PathHeader.Step("transaction", 3, "transaction#3"), new PathHeader.Step("value", 0, "transaction#3/value#0")), header.steps());
    assertEquals("value-date", header.attribute());
  }

  @Test
  void namespacedNamesAndDeclarations() {
    assertEquals("xml:lang", PathHeader.parse("title/narrative/1/@xml:lang").attribute());
    assertEquals("customns", PathHeader.parse("@xmlns:customns").declaredPrefix());
    assertEquals(List.of(new PathHeader.Step("customns:test", 0, "customns:test#0")), PathHeader.parse("customns:test").steps());
  }

  @Test
  void malformedPathsSayWhy() {
    assertEquals("an attribute (@…) must come last in the path",
        assertThrows(IllegalArgumentException.class, () -> PathHeader.parse("value/@currency/x")).getMessage());
    assertEquals("a position (0) must follow an element name",
        assertThrows(IllegalArgumentException.class, () -> PathHeader.parse("0/title")).getMessage());
    assertEquals("'project code' is not an element name",
        assertThrows(IllegalArgumentException.class, () -> PathHeader.parse("project code")).getMessage());
  }
}
