package org.iatipub.publish;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.iatipub.model.iati.IatiActivityType;
import org.iatipub.model.iati.SectorType;
import org.iatipub.model.iati.TransactionType;
import org.iatipub.publish.dataset.PortfolioFacts;

/**
 * An activity's part in the published portfolio, read from the activity as written: its recipient
 * countries and DAC sector categories with their shares, and what it spent (disbursements, type 3,
 * and expenditure, type 4) by year and currency.
 */
final class ActivityPortfolio {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final List<String> SPENDING = List.of("3", "4");

  private ActivityPortfolio() {}

  static PortfolioFacts of(IatiActivityType activity) {
    Map<String, BigDecimal> countries = shares(activity.getRecipientCountry(), c -> c.getCode(), c -> c.getPercentage());
    List<SectorType> dac = activity.getSector().stream().filter(ActivityPortfolio::dac).toList();
    Map<String, BigDecimal> sectors = new TreeMap<>();
    shares(dac, s -> s.getCode().length() >= 3 ? s.getCode().substring(0, 3) : s.getCode(), s -> s.getPercentage())
        .forEach((category, share) -> sectors.merge(category, share, BigDecimal::add));
    Map<String, Map<String, BigDecimal>> spend = new TreeMap<>();
    for (TransactionType transaction : activity.getTransaction()) {
      if (transaction.getTransactionType() == null || !SPENDING.contains(transaction.getTransactionType().getCode())
          || transaction.getValue() == null || transaction.getValue().getValue() == null || transaction.getTransactionDate() == null
          || transaction.getTransactionDate().getIsoDate() == null) {
        continue;
      }
      String year = String.valueOf(transaction.getTransactionDate().getIsoDate().getYear());
      String currency = transaction.getValue().getCurrency() != null ? transaction.getValue().getCurrency()
          : activity.getDefaultCurrency() != null ? activity.getDefaultCurrency() : "?";
      spend.computeIfAbsent(year, y -> new TreeMap<>()).merge(currency, transaction.getValue().getValue(), BigDecimal::add);
    }
    return new PortfolioFacts(countries, sectors, spend);
  }

  /** DAC sectors: vocabulary 1 (or none), 5-digit purpose codes, and 2, the 3-digit categories themselves. */
  private static boolean dac(SectorType sector) {
    String vocabulary = sector.getVocabulary() == null ? "1" : sector.getVocabulary().strip();
    return sector.getCode() != null && (vocabulary.equals("1") || vocabulary.equals("2"));
  }

  /**
   * Each item's share: its percentage, or when none of them gives one, an equal part of 100 (one
   * item: all of it).
   */
  private static <T> Map<String, BigDecimal> shares(List<T> items, Function<T, String> code, Function<T, BigDecimal> percentage) {
    Map<String, BigDecimal> shares = new LinkedHashMap<>();
    boolean anyGiven = items.stream().anyMatch(i -> percentage.apply(i) != null);
    BigDecimal equal = items.isEmpty() ? HUNDRED : HUNDRED.divide(BigDecimal.valueOf(items.size()), 6, RoundingMode.HALF_EVEN);
    for (T item : items) {
      if (code.apply(item) == null) {
        continue;
      }
      BigDecimal share = anyGiven ? (percentage.apply(item) == null ? BigDecimal.ZERO : percentage.apply(item)) : equal;
      shares.merge(code.apply(item).strip(), share, BigDecimal::add);
    }
    return shares;
  }
}
