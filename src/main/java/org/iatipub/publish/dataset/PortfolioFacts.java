package org.iatipub.publish.dataset;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One published activity's part in the portfolio, as its XML says it: its recipient countries and
 * DAC sector categories with their shares, and its spending (disbursements and expenditure) by
 * year and currency. Kept with the activity's entry in the state, so the portfolio at a glance is
 * summed from the state, whatever a run re-wrote, kept or left unchanged.
 *
 * @param countries country code to percentage (100 for a single country given no percentage)
 * @param sectors DAC 3-digit category (or "vocabulary N" for another vocabulary) to percentage
 * @param spend year to currency to amount
 */
public record PortfolioFacts(Map<String, BigDecimal> countries, Map<String, BigDecimal> sectors,
    Map<String, Map<String, BigDecimal>> spend) {

  public static final PortfolioFacts NONE = new PortfolioFacts(Map.of(), Map.of(), Map.of());

  public PortfolioFacts {
    countries = Collections.unmodifiableMap(new TreeMap<>(countries));
    sectors = Collections.unmodifiableMap(new TreeMap<>(sectors));
    TreeMap<String, Map<String, BigDecimal>> years = new TreeMap<>();
    spend.forEach((year, amounts) -> years.put(year, Collections.unmodifiableMap(new TreeMap<>(amounts))));
    spend = Collections.unmodifiableMap(years);
  }

  /**
   * One line of text, for the state: {@code KE=50,TZ=50;111=60,113=40;2022:USD=1000.00,2023:USD=250}
   * (never empty: {@code ;;} for an activity with none of these, as empty means "not an activity").
   * Codes hold none of {@code ; , = :} (the codelists' codes do not); others are left out.
   */
  public String encode() {
    StringBuilder text = new StringBuilder();
    shares(text, countries);
    text.append(';');
    shares(text, sectors);
    text.append(';');
    boolean first = true;
    for (Map.Entry<String, Map<String, BigDecimal>> year : spend.entrySet()) {
      for (Map.Entry<String, BigDecimal> amount : year.getValue().entrySet()) {
        if (!plain(year.getKey()) || !plain(amount.getKey())) {
          continue;
        }
        text.append(first ? "" : ",").append(year.getKey()).append(':').append(amount.getKey()).append('=')
            .append(amount.getValue().toPlainString());
        first = false;
      }
    }
    return text.toString();
  }

  private static void shares(StringBuilder text, Map<String, BigDecimal> shares) {
    boolean first = true;
    for (Map.Entry<String, BigDecimal> share : shares.entrySet()) {
      if (plain(share.getKey())) {
        text.append(first ? "" : ",").append(share.getKey()).append('=').append(share.getValue().toPlainString());
        first = false;
      }
    }
  }

  private static boolean plain(String code) {
    return !code.isEmpty() && code.chars().noneMatch(c -> c == ';' || c == ',' || c == '=' || c == ':');
  }

  /** The facts {@link #encode} wrote; empty for an empty text (an organisation, or a state written before facts were kept). */
  public static java.util.Optional<PortfolioFacts> decode(String text) {
    if (text == null || text.isEmpty()) {
      return java.util.Optional.empty();
    }
    String[] parts = text.split(";", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("not portfolio facts: " + text);
    }
    Map<String, Map<String, BigDecimal>> spend = new TreeMap<>();
    for (String item : items(parts[2])) {
      int colon = item.indexOf(':');
      int equals = item.indexOf('=');
      spend.computeIfAbsent(item.substring(0, colon), y -> new TreeMap<>())
          .put(item.substring(colon + 1, equals), new BigDecimal(item.substring(equals + 1)));
    }
    return java.util.Optional.of(new PortfolioFacts(shares(parts[0]), shares(parts[1]), spend));
  }

  private static Map<String, BigDecimal> shares(String text) {
    Map<String, BigDecimal> shares = new TreeMap<>();
    for (String item : items(text)) {
      int equals = item.indexOf('=');
      shares.put(item.substring(0, equals), new BigDecimal(item.substring(equals + 1)));
    }
    return shares;
  }

  private static String[] items(String text) {
    return text.isEmpty() ? new String[0] : text.split(",");
  }
}
