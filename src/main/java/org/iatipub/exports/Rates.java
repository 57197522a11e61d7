package org.iatipub.exports;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iatipub.source.CsvTable;
import org.iatipub.source.SourceRow;

/**
 * Exchange rates to the US dollar, as the user supplies them: a CSV file with the columns
 * {@code currency} (ISO 4217), {@code period} and {@code rate}, the number of units of the currency
 * one dollar buys (as the UN operational rates of exchange give them). A period is a year
 * ({@code 2024}), a month ({@code 2024-03}) or a day ({@code 2024-03-15}); a value date takes the
 * rate of the most precise period that holds it: its day's, else its month's, else its year's.
 */
public final class Rates {
  private static final List<String> COLUMNS = List.of("currency", "period", "rate");

  private final Map<String, BigDecimal> byCurrencyAndPeriod;

  private Rates(Map<String, BigDecimal> byCurrencyAndPeriod) {
    this.byCurrencyAndPeriod = Map.copyOf(byCurrencyAndPeriod);
  }

  /** No rates: only amounts in US dollars can be exported. */
  public static Rates none() {
    return new Rates(Map.of());
  }

  /** Rates as given, for tests: keys are {@code CUR period}, e.g. {@code EUR 2024}. */
  static Rates of(Map<String, BigDecimal> rates) {
    return new Rates(rates);
  }

  /**
   * Reads a rates file; each problem is added to {@code problems} with its file, row and column
   * (a rates file with a problem cannot be used: every converted amount would be in doubt).
   */
  public static Rates read(Path file, String shown, List<String> problems) throws IOException {
    CsvTable table = CsvTable.read(file, shown, ',');
    table.findings().forEach(f -> problems.add(f.toString()));
    for (String column : COLUMNS) {
      if (table.complete() && !table.header().contains(column)) {
        problems.add(shown + ":1: no column '" + column + "'; a rates file has the columns currency, period, rate");
      }
    }
    Map<String, BigDecimal> rates = new HashMap<>();
    Map<String, Long> rows = new HashMap<>();
    for (SourceRow row : table.rows()) {
      String currency = row.get("currency");
      String period = row.get("period");
      if (!currency.matches("[A-Z]{3}")) {
        problems.add(row.cell("currency") + ": '" + currency + "' is not a currency code; write ISO 4217's three capital letters, e.g. EUR");
        continue;
      }
      if (!validPeriod(period)) {
        problems.add(row.cell("period") + ": '" + period + "' is not a period; write a year (2024), a month (2024-03) or a day (2024-03-15)");
        continue;
      }
      BigDecimal rate;
      try {
        rate = new BigDecimal(row.get("rate"));
      } catch (NumberFormatException e) {
        rate = null;
      }
      if (rate == null || rate.signum() <= 0) {
        problems.add(row.cell("rate") + ": '" + row.get("rate") + "' is not a rate; write the units of " + currency
            + " one US dollar buys, a plain number above 0 such as 0.9235");
        continue;
      }
      String key = currency + " " + period;
      Long earlier = rows.putIfAbsent(key, row.row());
      if (earlier != null) {
        problems.add(row.whole() + ": a second rate for " + currency + " in " + period + " (the first is in row " + earlier
            + "); give one rate per currency and period");
        continue;
      }
      rates.put(key, rate);
    }
    return new Rates(rates);
  }

  private static boolean validPeriod(String period) {
    try {
      switch (period.length()) {
        case 4 -> {
          return period.matches("[0-9]{4}");
        }
        case 7 -> {
          LocalDate.parse(period + "-01");
          return true;
        }
        case 10 -> {
          LocalDate.parse(period);
          return true;
        }
        default -> {
          return false;
        }
      }
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** Units of {@code currency} per US dollar on {@code valueDate}: its day's rate, else its month's, else its year's. */
  public Optional<BigDecimal> rate(String currency, LocalDate valueDate) {
    String day = valueDate.toString();
    for (String period : List.of(day, day.substring(0, 7), day.substring(0, 4))) {
      BigDecimal rate = byCurrencyAndPeriod.get(currency + " " + period);
      if (rate != null) {
        return Optional.of(rate);
      }
    }
    return Optional.empty();
  }
}
