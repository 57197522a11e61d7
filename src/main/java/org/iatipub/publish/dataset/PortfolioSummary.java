package org.iatipub.publish.dataset;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code iatipub-portfolio.json}: the published portfolio at a glance, summed from what the edition
 * publishes (every activity in a published file, not the input rows): how many activities and how
 * much spending (disbursements and expenditure) there is by recipient country, by DAC sector
 * category and by year, each amount per currency. It is small (a line per country, sector and
 * year), committed with the edition it sums and listed in its manifest as kind {@value #KIND}, so
 * tonight's report can set it beside last night's without reading any published XML.
 *
 * <p>An activity in several countries or sectors counts once in each, its spending split by their
 * percentages; "none" collects activities that give no country (or no sector).
 *
 * @param activities activities published
 * @param spend all spending, per currency
 * @param byCountry per recipient country, by code
 * @param bySector per DAC 3-digit sector category (or other vocabulary), by code
 * @param byYear per year of the transactions' dates
 */
public record PortfolioSummary(long activities, Map<String, BigDecimal> spend, List<Line> byCountry, List<Line> bySector,
    List<Line> byYear) {
  public static final String FILE = "iatipub-portfolio.json";
  /** Its kind in the manifest: not an IATI file. */
  public static final String KIND = "iatipub-portfolio";
  /** Its set in the manifest. */
  public static final String SET = "iatipub";
  /** The key of activities that give no country, or no sector. */
  public static final String NONE = "none";

  /** One country, sector or year: activities in it, and their spending in it per currency. */
  public record Line(String key, long activities, Map<String, BigDecimal> spend) {
    public Line {
      spend = new TreeMap<>(spend);
    }
  }

  public PortfolioSummary {
    spend = new TreeMap<>(spend);
    byCountry = List.copyOf(byCountry);
    bySector = List.copyOf(bySector);
    byYear = List.copyOf(byYear);
  }

  /** The summary the output directory holds now, if it holds one. */
  public static Optional<PortfolioSummary> readFrom(Path output) throws IOException {
    Path file = output.resolve(FILE);
    return Files.isRegularFile(file) ? Optional.of(StoredJson.read(file, PortfolioSummary.class)) : Optional.empty();
  }

  /** Adds up activities' facts. */
  static final class Sum {
    private long activities;
    private final Map<String, BigDecimal> spend = new TreeMap<>();
    private final Map<String, Tally> byCountry = new TreeMap<>();
    private final Map<String, Tally> bySector = new TreeMap<>();
    private final Map<String, Tally> byYear = new TreeMap<>();

    private static final class Tally {
      long activities;
      final Map<String, BigDecimal> spend = new TreeMap<>();
    }

    void add(PortfolioFacts facts) {
      activities++;
      Map<String, BigDecimal> total = new TreeMap<>();
      facts.spend().forEach((year, amounts) -> {
        Tally tally = byYear.computeIfAbsent(year, y -> new Tally());
        tally.activities++;
        amounts.forEach((currency, amount) -> {
          tally.spend.merge(currency, amount, BigDecimal::add);
          total.merge(currency, amount, BigDecimal::add);
          spend.merge(currency, amount, BigDecimal::add);
        });
      });
      split(byCountry, facts.countries(), total);
      split(bySector, facts.sectors(), total);
    }

    private static void split(Map<String, Tally> tallies, Map<String, BigDecimal> shares, Map<String, BigDecimal> total) {
      Map<String, BigDecimal> parts = shares.isEmpty() ? Map.of(NONE, BigDecimal.valueOf(100)) : shares;
      parts.forEach((key, percentage) -> {
        Tally tally = tallies.computeIfAbsent(key, k -> new Tally());
        tally.activities++;
        total.forEach((currency, amount) -> tally.spend.merge(currency, amount.multiply(percentage).movePointLeft(2), BigDecimal::add));
      });
    }

    PortfolioSummary summary() {
      return new PortfolioSummary(activities, rounded(spend), lines(byCountry), lines(bySector), lines(byYear));
    }

    private static List<Line> lines(Map<String, Tally> tallies) {
      return tallies.entrySet().stream().map(e -> new Line(e.getKey(), e.getValue().activities, rounded(e.getValue().spend))).toList();
    }

    /** To the cent: shares of amounts have more decimals than any currency. */
    private static Map<String, BigDecimal> rounded(Map<String, BigDecimal> amounts) {
      Map<String, BigDecimal> rounded = new TreeMap<>();
      amounts.forEach((currency, amount) -> rounded.put(currency, amount.setScale(2, RoundingMode.HALF_EVEN)));
      return rounded;
    }
  }
}
