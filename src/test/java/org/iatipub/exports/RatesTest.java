package org.iatipub.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rates file gives units of a currency per dollar by year, month or day; the most precise period holding a date wins; every bad cell is named. */
class RatesTest {
  @TempDir Path dir;

  @Test
  void theValueDatePicksTheMostPreciseRate() throws Exception {
    Path file = dir.resolve("rates.csv");
    Files.writeString(file, """
        currency,period,rate
        EUR,2024,0.92
        EUR,2024-03,0.91
        EUR,2024-03-15,0.905
        """);
    List<String> problems = new ArrayList<>();
    Rates rates = Rates.read(file, "rates.csv", problems);
    assertEquals(List.of(), problems);
    assertEquals(Optional.of(new BigDecimal("0.905")), rates.rate("EUR", LocalDate.parse("2024-03-15")));
    assertEquals(Optional.of(new BigDecimal("0.91")), rates.rate("EUR", LocalDate.parse("2024-03-16")));
    assertEquals(Optional.of(new BigDecimal("0.92")), rates.rate("EUR", LocalDate.parse("2024-12-31")));
    assertEquals(Optional.empty(), rates.rate("EUR", LocalDate.parse("2025-01-01")));
    assertEquals(Optional.empty(), rates.rate("CHF", LocalDate.parse("2024-03-15")));
  }

  @Test
  void everyBadRowIsNamedByItsCell() throws Exception {
    Path file = dir.resolve("rates.csv");
    Files.writeString(file, """
        currency,period,rate
        eur,2024,0.92
        EUR,2024-13,0.91
        EUR,2024,nine
        EUR,2024,0
        CHF,2024,0.88
        CHF,2024,0.89
        """);
    List<String> problems = new ArrayList<>();
    Rates.read(file, "rates.csv", problems);
    assertEquals(List.of(
        "rates.csv:2:currency: 'eur' is not a currency code; write ISO 4217's three capital letters, e.g. EUR",
        "rates.csv:3:period: '2024-13' is not a period; write a year (2024), a month (2024-03) or a day (2024-03-15)",
        "rates.csv:4:rate: 'nine' is not a rate; write the units of EUR one US dollar buys, a plain number above 0 such as 0.9235",
        "rates.csv:5:rate: '0' is not a rate; write the units of EUR one US dollar buys, a plain number above 0 such as 0.9235",
        "rates.csv:7: a second rate for CHF in 2024 (the first is in row 6); give one rate per currency and period"), problems);
  }
}
