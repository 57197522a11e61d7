package org.iatipub.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given these activities, these Data Cube rows: an expense is shared out among a dimension's codes
 * by their percentages, to the cent, so every table adds up to the year's expenses; tags, which
 * carry no percentage, share equally; amounts in other currencies are converted at the rate of
 * their value date; an amount that cannot be placed is left out with a finding, never dropped
 * silently, and the reconciliation then does not agree.
 */
class DataCubeTest {
  @TempDir Path dir;

  private static final Map<ExportCrosswalk, Map<String, String>> CROSSWALKS = Map.of(
      ExportCrosswalk.FINANCING_INSTRUMENT, Map.of("C01", "R03E", "B02", "R02A"),
      ExportCrosswalk.CONTRIBUTOR_TYPE, Map.of("10", "C01", "40", "C04E", "60", "C05"),
      ExportCrosswalk.UN_SYSTEM_FUNCTION, Map.of("16020", "Development Assistance", "72010", "Humanitarian Assistance"));

  private static ExportSettings settings(Rates rates) {
    return ExportRun.settings(CROSSWALKS, rates, ExportSettings.Crs.NONE);
  }

  private static String activity(String id, String inside) {
    return "<iati-activity default-currency=\"USD\"><iati-identifier>" + id + "</iati-identifier>"
        + "<reporting-org ref=\"XM-DAC-41302\" type=\"40\"/>" + inside + "</iati-activity>\n";
  }

  private static String spend(String type, String date, String value) {
    return "<transaction><transaction-type code=\"" + type + "\"/><transaction-date iso-date=\"" + date + "\"/>"
        + "<value value-date=\"" + date + "\">" + value + "</value></transaction>";
  }

  /**
   * 1000.01 and 0.05 shared 70/30 by country: 700.007 and 300.003 round down to 700.00 and 300.00,
   * the cent left goes to the larger remainder (Kenya); 0.035 and 0.015 give 0.03 and 0.01 and the
   * equal remainders give the cent left to the earlier share (Kenya again).
   */
  @Test
  void anExpenseIsSharedByPercentagesInEveryTableToTheCent() throws Exception {
    ExportRun run = ExportRun.of(dir, settings(Rates.none()), List.of(ExportKind.DATACUBE), 2024, activity("A-1", """
        <recipient-country code="KE" percentage="70"/>
        <recipient-country code="UG" percentage="30"/>
        <sector vocabulary="12" code="Development Assistance" percentage="60"/>
        <sector vocabulary="12" code="Humanitarian Assistance" percentage="40"/>
        <sector vocabulary="8" code="8.5" percentage="50"/>
        <sector vocabulary="8" code="1.3" percentage="50"/>
        """ + spend("4", "2024-06-30", "1000.01") + spend("3", "2024-12-31", "0.05") + spend("4", "2023-12-31", "999")));
    assertEquals("""
        calendar_year,entity,un_system_function,amount_usd
        2024,ILO,Development Assistance,600.04
        2024,ILO,Humanitarian Assistance,400.02
        """, run.table(2024, "expenses-by-function"));
    assertEquals("""
        calendar_year,entity,location_type,location_code,location_name,amount_usd
        2024,ILO,country,KE,Kenya,700.05
        2024,ILO,country,UG,Uganda,300.01
        """, run.table(2024, "expenses-by-location"));
    assertEquals("""
        calendar_year,entity,sdg_goal,sdg_target,amount_usd
        2024,ILO,1,1.3,500.02
        2024,ILO,8,8.5,500.04
        """, run.table(2024, "expenses-by-sdg"));
    assertEquals(List.of(), run.findings);
    assertTrue(run.outcome.reconciliation().agrees(), run.outcome.reconciliation().text());
  }

  @Test
  void tagsWithoutPercentagesShareTheAmountEquallyTheEarlierTagTakingTheOddCent() throws Exception {
    ExportRun run = ExportRun.of(dir, settings(Rates.none()), List.of(ExportKind.DATACUBE), 2024, activity("A-1", """
        <sector vocabulary="12" code="development assistance"/>
        <tag vocabulary="2" code="8"/>
        <tag vocabulary="2" code="5"/>
        <tag vocabulary="2" code="10"/>
        """ + spend("4", "2024-03-01", "100")));
    assertEquals("""
        calendar_year,entity,sdg_goal,sdg_target,amount_usd
        2024,ILO,5,,33.33
        2024,ILO,8,,33.34
        2024,ILO,10,,33.33
        """, run.table(2024, "expenses-by-sdg"));
  }

  @Test
  void anExpenseWithNoSdgIsInTheRowWithNoGoalAndNoCountryIsGlobal() throws Exception {
    ExportRun run = ExportRun.of(dir, settings(Rates.none()), List.of(ExportKind.DATACUBE), 2024, activity("A-1", """
        <sector code="16020"/>
        """ + spend("4", "2024-03-01", "250.5")));
    assertEquals("""
        calendar_year,entity,sdg_goal,sdg_target,amount_usd
        2024,ILO,,,250.50
        """, run.table(2024, "expenses-by-sdg"));
    assertEquals("""
        calendar_year,entity,location_type,location_code,location_name,amount_usd
        2024,ILO,global,,Global and interregional,250.50
        """, run.table(2024, "expenses-by-location"));
    assertEquals("""
        calendar_year,entity,un_system_function,amount_usd
        2024,ILO,Development Assistance,250.50
        """, run.table(2024, "expenses-by-function"));
  }

  @Test
  void amountsInOtherCurrenciesAreConvertedAtTheRateOfTheirValueDateTheMostPreciseWinning() throws Exception {
    Rates rates = Rates.of(Map.of("EUR 2024", new BigDecimal("0.9"), "EUR 2024-03", new BigDecimal("0.8"),
        "JPY 2024-03-15", new BigDecimal("150")));
    ExportRun run = ExportRun.of(dir, settings(rates), List.of(ExportKind.DATACUBE), 2024, activity("A-1", """
        <sector vocabulary="12" code="Development Assistance"/>
        <transaction><transaction-type code="4"/><transaction-date iso-date="2024-04-02"/>
          <value currency="EUR" value-date="2024-03-31">100</value></transaction>
        <transaction><transaction-type code="4"/><transaction-date iso-date="2024-05-02"/>
          <value currency="EUR" value-date="2024-05-02">100</value></transaction>
        <transaction><transaction-type code="4"/><transaction-date iso-date="2024-03-15"/>
          <value currency="JPY" value-date="2024-03-15">1000</value></transaction>
        """));
    // 100 / 0.8 = 125.00; 100 / 0.9 = 111.111.. -> 111.11; 1000 / 150 = 6.666.. -> 6.67
    assertEquals("""
        calendar_year,entity,un_system_function,amount_usd
        2024,ILO,Development Assistance,242.78
        """, run.table(2024, "expenses-by-function"));
  }

  @Test
  void aMissingRateIsAFindingNamingTheTransactionAndItsAmountIsListedAsLeftOut() throws Exception {
    ExportRun run = ExportRun.of(dir, settings(Rates.none()), List.of(ExportKind.DATACUBE), 2024, activity("A-1", """
        <sector vocabulary="12" code="Development Assistance"/>
        <transaction ref="T-9"><transaction-type code="4"/><transaction-date iso-date="2024-04-02"/>
          <value currency="CHF" value-date="2024-03-31">100</value></transaction>
        """ + spend("4", "2024-03-01", "10")));
    assertEquals(List.of("activities.xml:3:24: error: transaction 'T-9' of activity 'A-1' (CHF 100) is left out of the exports:"
        + " the rates file has no rate for CHF on 2024-03-31; add one for that day, month or year [export/no-rate]",
        "reconciliation-2024.txt: error: the exports of 2024 do not agree with the IATI transactions: see reconciliation-2024.txt"
            + " [reconcile/disagrees]"), run.findings);
    assertEquals("""
        file,line,activity,transaction,type,date,value,currency,left_out_of,reason,detail
        activities.xml,3,A-1,T-9,4,2024-04-02,100,CHF,datacube,no rate,no CHF rate for 2024-03-31
        """, run.file("reconciliation-2024-left-out.csv"));
    Reconciliation reconciliation = run.outcome.reconciliation();
    assertFalse(reconciliation.agrees());
    assertEquals(Map.of("no rate", 1L), reconciliation.leftOut());
  }
}
