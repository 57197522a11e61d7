package org.iatipub.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A number as a workbook stores it is read as the user typed it: plain, with the 15 significant
 * digits a spreadsheet keeps, whether or not it needs rounding; a date serial as the ISO date its
 * format shows.
 */
class CellValuesTest {

  @Test
  void numbersAsStoredAreReadInPlainFormWithFifteenSignificantDigits() {
    Map<String, String> read = new LinkedHashMap<>();
    for (String stored : new String[] {"0", "-0", "42", "-42", "0.5", "312480.5", "1.1000000000000001",
        "0.30000000000000004", "1E+05", "1.0E-5", "-2.5000000000000001E-3", "123456789012345", "1234567890123456",
        "1.2345678901234567E+19", "007", "1.50", "abc", "1E+400"}) {
      read.put(stored, String.valueOf(CellValues.number(stored, false)));
    }

    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("0", "0");
    expected.put("-0", "0");
    expected.put("42", "42");
    expected.put("-42", "-42");
    expected.put("0.5", "0.5");
    expected.put("312480.5", "312480.5");
    expected.put("1.1000000000000001", "1.1");
    expected.put("0.30000000000000004", "0.3");
    expected.put("1E+05", "100000");
    expected.put("1.0E-5", "0.00001");
    expected.put("-2.5000000000000001E-3", "-0.0025");
    expected.put("123456789012345", "123456789012345");
    expected.put("1234567890123456", "1234567890123460");
    expected.put("1.2345678901234567E+19", "12345678901234600000");
    expected.put("007", "7");
    expected.put("1.50", "1.5");
    expected.put("abc", "null");
    expected.put("1E+400", "null");
    assertEquals(expected, read);
  }

  @Test
  void theShortWayForPlainNumbersReadsWhatTheLongWayReads() {
    // Most cells hold a number already plain; they skip BigDecimal, which must not change a thing.
    SplittableRandom random = new SplittableRandom(17);
    for (int i = 0; i < 100_000; i++) {
      double value = switch (i % 3) {
        case 0 -> random.nextInt(-1_000_000, 1_000_000);
        case 1 -> random.nextInt(0, 100_000_000) / 100.0;
        default -> random.nextDouble(-1e6, 1e6);
      };
      String stored = i % 3 == 0 ? Long.toString((long) value) : Double.toString(value);
      BigDecimal exact = new BigDecimal(stored);
      String longWay = exact.signum() == 0 ? "0"
          : exact.round(CellValues.SPREADSHEET_DIGITS).stripTrailingZeros().toPlainString();
      assertEquals(longWay, CellValues.number(stored, false), stored);
    }
  }

  @Test
  void aPercentageIsReadAsItsPercentFigure() {
    assertEquals("28.5", CellValues.number("0.28499999999999998", true));
    assertEquals("100", CellValues.number("1", true));
  }

  @Test
  void dateSerialsAreReadAsTheirFormatShowsThem() {
    assertEquals("2023-12-31", CellValues.date("45291", false, CellValues.Shown.DATE));
    assertEquals("2023-12-31", CellValues.date("45291.75", false, CellValues.Shown.DATE));
    assertEquals("2023-12-31T18:00:00", CellValues.date("45291.75", false, CellValues.Shown.DATE_TIME));
    assertEquals("14:30:00", CellValues.date("0.6041666666666666", false, CellValues.Shown.TIME));
    assertEquals("2023-12-31", CellValues.date("43829", true, CellValues.Shown.DATE));
    assertEquals(null, CellValues.date("-3", false, CellValues.Shown.DATE));
  }

  @Test
  void wholeDaysAreTheDaysPoiCountsInBothDateSystems() {
    // Whole serials skip POI's arithmetic; they must land on the very same day, to the last one a spreadsheet shows.
    for (int serial = 1; serial <= 2_958_465; serial += serial < 3_000 ? 1 : 101) {
      for (boolean date1904 : new boolean[] {false, true}) {
        java.time.LocalDateTime poi = org.apache.poi.ss.usermodel.DateUtil.getLocalDateTime(serial, date1904, true);
        String expected = poi == null ? null : poi.toLocalDate().toString();
        assertEquals(expected, CellValues.date(Integer.toString(serial), date1904, CellValues.Shown.DATE),
            serial + (date1904 ? " (1904)" : ""));
      }
    }
  }

  @Test
  void numberFormatsTellDatesPercentagesAndNumbersApart() {
    Map<String, CellValues.Shown> shown = new LinkedHashMap<>();
    for (String format : new String[] {"General", "0.00", "#,##0.00 [$USD]", "0%", "dd/mm/yyyy", "yyyy-mm-dd hh:mm",
        "[h]:mm", "mmm yy", "hh:mm:ss", "\"Q\"0", "[Red]0.00;[Blue]-0.00"}) {
      shown.put(format, CellValues.shown(164, format));
    }
    shown.put("built-in 14", CellValues.shown(14, null));
    shown.put("built-in 31 (East Asian date)", CellValues.shown(31, null));

    Map<String, CellValues.Shown> expected = new LinkedHashMap<>();
    expected.put("General", CellValues.Shown.NUMBER);
    expected.put("0.00", CellValues.Shown.NUMBER);
    expected.put("#,##0.00 [$USD]", CellValues.Shown.NUMBER);
    expected.put("0%", CellValues.Shown.PERCENT);
    expected.put("dd/mm/yyyy", CellValues.Shown.DATE);
    expected.put("yyyy-mm-dd hh:mm", CellValues.Shown.DATE_TIME);
    expected.put("[h]:mm", CellValues.Shown.TIME);
    expected.put("mmm yy", CellValues.Shown.DATE);
    expected.put("hh:mm:ss", CellValues.Shown.TIME);
    expected.put("\"Q\"0", CellValues.Shown.NUMBER);
    expected.put("[Red]0.00;[Blue]-0.00", CellValues.Shown.NUMBER);
    expected.put("built-in 14", CellValues.Shown.DATE);
    expected.put("built-in 31 (East Asian date)", CellValues.Shown.DATE);
    assertEquals(expected, shown);
  }
}
