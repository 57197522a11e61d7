package org.iatipub.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given incoming funds, these revenue rows: the financing instrument comes from the transaction's
 * iatipub:financing-instrument, else its aid type (or its activity's) through the crosswalk; the
 * contributor type from iatipub:contributor-type, else the crosswalk by organisation identifier,
 * else by organisation type; a government is tabled by its country, which its identifier gives (an
 * OECD-DAC donor code, a national registration agency) unless told otherwise. What cannot be
 * coded is left out with a finding, and the revenue does not agree.
 */
class RevenueTest {
  @TempDir Path dir;

  private static final Map<ExportCrosswalk, Map<String, String>> CROSSWALKS = Map.of(
      ExportCrosswalk.FINANCING_INSTRUMENT, Map.of("C01", "R03E", "B02", "R02A"),
      ExportCrosswalk.CONTRIBUTOR, Map.of("XI-IATI-EC_INTPA", "C08A"),
      ExportCrosswalk.CONTRIBUTOR_TYPE, Map.of("10", "C01", "40", "C04E", "60", "C05"),
      ExportCrosswalk.CONTRIBUTOR_COUNTRY, Map.of("SE-0", "SE"));

  private static ExportSettings settings() {
    return ExportRun.settings(CROSSWALKS, Rates.none(), ExportSettings.Crs.NONE);
  }

  private static String incoming(String attributes, String provider, String value) {
    return "<transaction" + attributes + "><transaction-type code=\"1\"/><transaction-date iso-date=\"2024-02-01\"/>"
        + "<value value-date=\"2024-02-01\">" + value + "</value>" + provider + "</transaction>\n";
  }

  private static String activity(String id, String inside) {
    return "<iati-activity default-currency=\"USD\"><iati-identifier>" + id + "</iati-identifier>"
        + "<reporting-org ref=\"XM-DAC-41302\" type=\"40\"/><default-aid-type code=\"C01\" vocabulary=\"1\"/>\n"
        + inside + "</iati-activity>\n";
  }

  @Test
  void incomingFundsAreTabledByInstrumentAndByContributor() throws Exception {
    ExportRun run = ExportRun.of(dir, settings(), List.of(ExportKind.DATACUBE), 2024, activity("A-1",
        incoming("", "<provider-org ref=\"XM-DAC-7\" type=\"10\"/>", "1000")
            + incoming("", "<provider-org ref=\"GB-GOV-1\" type=\"10\"/>", "500")
            + incoming("", "<provider-org ref=\"SE-0\" type=\"10\"/>", "250")
            + incoming("", "<provider-org ref=\"XI-IATI-EC_INTPA\" type=\"40\"><narrative>European Commission</narrative></provider-org>", "300")
            + incoming(" iatipub:financing-instrument=\"R03D\"",
                "<provider-org ref=\"XM-DAC-7\" type=\"10\" iatipub:contributor-type=\"C01\"/>", "40")
            + incoming("", "<provider-org ref=\"US-EIN-1\" type=\"60\"><narrative>A Foundation</narrative></provider-org>"
                + "<aid-type code=\"B02\" vocabulary=\"1\"/>", "60")));
    assertEquals("""
        calendar_year,entity,financing_instrument,amount_usd
        2024,ILO,R02A,60.00
        2024,ILO,R03D,40.00
        2024,ILO,R03E,2050.00
        """, run.table(2024, "revenue-by-financing-instrument"));
    assertEquals("""
        calendar_year,entity,contributor_type,contributor_code,contributor_name,amount_usd
        2024,ILO,C01,GB,United Kingdom of Great Britain and Northern Ireland (the),500.00
        2024,ILO,C01,NL,Netherlands (the),1040.00
        2024,ILO,C01,SE,Sweden,250.00
        2024,ILO,C05,US-EIN-1,A Foundation,60.00
        2024,ILO,C08A,XI-IATI-EC_INTPA,European Commission,300.00
        """, run.table(2024, "revenue-by-contributor"));
    assertEquals(List.of(), run.findings);
    assertTrue(run.outcome.reconciliation().agrees(), run.outcome.reconciliation().text());
  }

  @Test
  void aProviderWithNoContributorTypeIsAFindingAndItsFundsAreLeftOut() throws Exception {
    ExportRun run = ExportRun.of(dir, settings(), List.of(ExportKind.DATACUBE), 2024, activity("A-1",
        incoming(" ref=\"R-1\"", "<provider-org ref=\"XM-EXAMPLE-1\" type=\"21\"/>", "75")
            + incoming(" ref=\"R-2\"", "<provider-org ref=\"AU-5\" type=\"10\"/>", "25")));
    assertEquals(List.of(
        "activities.xml:3:24: error: transaction 'R-1' of activity 'A-1' is left out of the Data Cube's revenue: its provider"
            + " 'XM-EXAMPLE-1' has no contributor type; organisation type '21' has no entry in the crosswalk 'contributor-type';"
            + " add one, or add the provider to the crosswalk 'contributor', or give it the attribute iatipub:contributor-type"
            + " [datacube/no-contributor-type]",
        "activities.xml:4:24: error: transaction 'R-2' of activity 'A-1' is left out of the Data Cube's revenue: the country of"
            + " government 'AU-5' is not known from its identifier; add it to the crosswalk 'contributor-country', or give the"
            + " provider the attribute iatipub:contributor-country [datacube/no-contributor-country]",
        "reconciliation-2024.txt: error: the exports of 2024 do not agree with the IATI transactions: see reconciliation-2024.txt"
            + " [reconcile/disagrees]"), run.findings);
    assertEquals("""
        file,line,activity,transaction,type,date,value,currency,left_out_of,reason,detail
        activities.xml,3,A-1,R-1,1,2024-02-01,75,USD,datacube,no code,no contributor type for provider 'XM-EXAMPLE-1'
        activities.xml,4,A-1,R-2,1,2024-02-01,25,USD,datacube,no code,no country for government 'AU-5'
        """, run.file("reconciliation-2024-left-out.csv"));
    assertEquals("""
        Reconciliation of 2024 (datacube), US dollars to the cent
        transactions of 2024: 2, counted 0, left out 2 (no code: 2; listed in reconciliation-2024-left-out.csv)
        expenses: agree
          IATI disbursements (3) and expenditure (4)                          0.00  0 transactions
          Data Cube expenses                                                  0.00
            datacube-2024-expenses-by-function.csv                            0.00  0 rows
            datacube-2024-expenses-by-location.csv                            0.00  0 rows
            datacube-2024-expenses-by-sdg.csv                                 0.00  0 rows
        revenue: DO NOT AGREE
          IATI incoming funds (1)                                           100.00  2 transactions
          Data Cube revenue                                                   0.00
            datacube-2024-revenue-by-financing-instrument.csv                 0.00  0 rows
            datacube-2024-revenue-by-contributor.csv                          0.00  0 rows
          2 transactions of this kind could not be counted (see reconciliation-2024-left-out.csv)
        the exports DO NOT agree with the IATI transactions
        """, run.outcome.reconciliation().text());
  }
}
