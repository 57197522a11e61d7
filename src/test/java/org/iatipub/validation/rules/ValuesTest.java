package org.iatipub.validation.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the date rules read an xs:date: as XML Schema writes it, or not at all. */
class ValuesTest {
  @Test
  void aDateIsItsDayWhateverTheTimeZone() {
    assertEquals(LocalDate.of(2024, 3, 1), Values.dateOrNull("2024-03-01"));
    assertEquals(LocalDate.of(2024, 3, 1), Values.dateOrNull("2024-03-01Z"));
    assertEquals(LocalDate.of(2024, 3, 1), Values.dateOrNull("2024-03-01+05:30"));
    assertEquals(LocalDate.of(2024, 3, 1), Values.dateOrNull("2024-03-01-12:00"));
  }

  @Test
  void surroundingWhitespaceIsCollapsedAsTheSchemaDoes() {
    assertEquals(LocalDate.of(2024, 2, 29), Values.dateOrNull(" \t2024-02-29\n"));
  }

  @Test
  void yearZeroAndYear9999AreDays() {
    assertEquals(LocalDate.of(0, 1, 1), Values.dateOrNull("0000-01-01"));
    assertEquals(LocalDate.of(9999, 12, 31), Values.dateOrNull("9999-12-31"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2023-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00"})
  void aDayTheCalendarDoesNotHaveIsNoDate(String written) {
    assertNull(Values.dateOrNull(written));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "2024-1-01", "24-01-01", "2024/01/01", "2024-01-01z", "2024-01-01+0100", "2024-01-01+1:00",
      "2024-01-01T00:00:00", "2024-01-01 x", "\uFF12\uFF10\uFF12\uFF14-01-01", "\u0662\u0660\u0662\u0664-01-01"})
  void anythingButTheSchemaFormIsNoDate(String written) {
    assertNull(Values.dateOrNull(written));
  }

  @Test
  void noValueIsNoDate() {
    assertNull(Values.dateOrNull(null));
  }
}
