package org.iatipub.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.iatipub.publish.dataset.PortfolioFacts;
import org.iatipub.publish.dataset.PortfolioSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portfolio at a glance is summed from what an edition publishes: activities and spending
 * (disbursements and expenditure) by country, DAC sector category and year, a multi-country
 * activity's spending split by its shares. A withheld activity is in no file, so not in the sum;
 * a run that changes nothing leaves the summary as it was.
 */
class PortfolioSummaryTest {
  @TempDir Path input;
  @TempDir Path output;

  private static final String COUNTRIES = """
      code,country,share
      ET-22-01-NLD,ET,100
      KH-23-02-SWE,KH,60
      KH-23-02-SWE,LA,40
      """;
  private static final String TRANSACTIONS = """
      code,reference,kind,date,amount,currency,from_id,from_name,to_id,to_name
      ET-22-01-NLD,T1,AGREEMENT,2022-01-10,500000,,,,,
      ET-22-01-NLD,T2,SPEND,2022-06-30,1000.50,,,,,
      ET-22-01-NLD,T3,SPEND,2023-06-30,2000,,,,,
      KH-23-02-SWE,T4,SPEND,2023-06-30,1000,EUR,,,,
      """;

  @Test
  void activitiesAndSpendingAreSummedByCountrySectorAndYearFromWhatWasPublished() throws Exception {
    OwnForm.write(input, "countries.csv", COUNTRIES, "transactions.csv", TRANSACTIONS);
    PublishRun.of(input, output);
    PortfolioSummary summary = PortfolioSummary.readFrom(output).orElseThrow();
    assertEquals(2, summary.activities());
    assertEquals(Map.of("EUR", new BigDecimal("1000.00"), "USD", new BigDecimal("3000.50")), summary.spend());
    assertEquals(List.of(
        line("ET", 1, "USD", "3000.50"),
        line("KH", 1, "EUR", "600.00"),
        line("LA", 1, "EUR", "400.00")), summary.byCountry());
    assertEquals(List.of(line("160", 2, "EUR", "1000.00", "USD", "3000.50")), summary.bySector(), "16020 and 16010 are both category 160");
    assertEquals(List.of(line("2022", 1, "USD", "1000.50"), line("2023", 2, "EUR", "1000.00", "USD", "2000.00")), summary.byYear(),
        "the commitment of 2022 is not spending");
  }

  @Test
  void aWithheldActivityIsNotInTheSumAndAnUnchangedRunLeavesTheSummaryAsItWas() throws Exception {
    OwnForm.write(input, "countries.csv", COUNTRIES, "transactions.csv", TRANSACTIONS
        + "KH-23-02-SWE,T5,SPEND,2023-07-01,not-a-number,EUR,,,,\n");
    PublishRun.of(input, output);
    PortfolioSummary summary = PortfolioSummary.readFrom(output).orElseThrow();
    assertEquals(1, summary.activities());
    assertEquals(List.of(line("ET", 1, "USD", "3000.50")), summary.byCountry());

    Path file = output.resolve(PortfolioSummary.FILE);
    Files.setLastModifiedTime(file, FileTime.fromMillis(0));
    byte[] before = Files.readAllBytes(file);
    PublishRun.of(input, output);
    assertEquals(FileTime.fromMillis(0), Files.getLastModifiedTime(file), "not replaced");
    assertEquals(new String(before), Files.readString(file));
  }

  @Test
  void anActivitysFactsSurviveTheirOneLineInTheState() {
    PortfolioFacts facts = new PortfolioFacts(Map.of("KE", new BigDecimal("33.3"), "TZ", new BigDecimal("66.7")),
        Map.of("111", BigDecimal.valueOf(100)), Map.of("2024", Map.of("USD", new BigDecimal("12.50"), "EUR", BigDecimal.ONE)));
    assertEquals("KE=33.3,TZ=66.7;111=100;2024:EUR=1,2024:USD=12.50", facts.encode());
    assertEquals(facts, PortfolioFacts.decode(facts.encode()).orElseThrow());
    assertEquals(";;", PortfolioFacts.NONE.encode(), "an activity with none of these is still an activity");
  }

  private static PortfolioSummary.Line line(String key, long activities, String... amounts) {
    Map<String, BigDecimal> spend = new java.util.TreeMap<>();
    for (int i = 0; i < amounts.length; i += 2) {
      spend.put(amounts[i], new BigDecimal(amounts[i + 1]));
    }
    return new PortfolioSummary.Line(key, activities, spend);
  }
}
