package org.iatipub.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every transaction of the year is counted or listed as left out with its reason, and the totals
 * of IATI, the Data Cube (each table) and the CRS are set side by side: an expense the Data Cube
 * cannot place but the CRS counts makes the expenses disagree, and says why.
 */
class ReconciliationTest {
  @TempDir Path dir;

  private static final String ACTIVITIES = """
      <iati-activity default-currency="USD">
        <iati-identifier>A-1</iati-identifier>
        <reporting-org ref="XM-DAC-41302" type="40"/>
        <title><narrative>One</narrative></title>
        <participating-org role="4" crs-channel-code="12000"/>
        <recipient-country code="KE"/>
        <sector code="16020"/>
        <collaboration-type code="1"/>
        <default-flow-type code="10"/>
        <default-finance-type code="110"/>
        <default-aid-type code="C01" vocabulary="1"/>
        <transaction ref="E-1"><transaction-type code="4"/><transaction-date iso-date="2024-05-01"/><value value-date="2024-05-01">100</value></transaction>
        <transaction ref="C-1"><transaction-type code="11"/><transaction-date iso-date="2024-01-02"/><value value-date="2024-01-02">900</value></transaction>
        <transaction ref="E-0"><transaction-type code="4"/><transaction-date iso-date="2023-05-01"/><value value-date="2023-05-01">7</value></transaction>
      </iati-activity>
      <iati-activity default-currency="USD">
        <iati-identifier>A-2</iati-identifier>
        <reporting-org ref="XM-DAC-41302" type="40"/>
        <title><narrative>Two</narrative></title>
        <participating-org role="4" crs-channel-code="12000"/>
        <sector code="99810"/>
        <collaboration-type code="1"/>
        <default-flow-type code="10"/>
        <default-finance-type code="110"/>
        <default-aid-type code="C01" vocabulary="1"/>
        <transaction ref="E-2"><transaction-type code="3"/><transaction-date iso-date="2024-05-01"/><value value-date="2024-05-01">20.5</value></transaction>
      </iati-activity>
      """;

  @Test
  void anExpenseTheDataCubeCannotPlaceButTheCrsCountsMakesTheExpensesDisagree() throws Exception {
    ExportSettings settings = ExportRun.settings(Map.of(ExportCrosswalk.UN_SYSTEM_FUNCTION, Map.of("16020", "Development Assistance")),
        Rates.none(), new ExportSettings.Crs("940", "1", "1"));
    ExportRun run = ExportRun.of(dir, settings, List.of(ExportKind.DATACUBE, ExportKind.CRS), 2024, ACTIVITIES);
    assertEquals("""
        Reconciliation of 2024 (datacube, crs), US dollars to the cent
        transactions of 2024: 3, counted 1, left out 2 (other type: 1, no code: 1; listed in reconciliation-2024-left-out.csv)
        expenses: DO NOT AGREE
          IATI disbursements (3) and expenditure (4)                        120.50  2 transactions
          Data Cube expenses                                                100.00
            datacube-2024-expenses-by-function.csv                          100.00  1 rows
            datacube-2024-expenses-by-location.csv                          100.00  1 rows
            datacube-2024-expenses-by-sdg.csv                               100.00  1 rows
          CRS amounts extended                                              120.50  2 records
          1 transaction of this kind could not be counted (see reconciliation-2024-left-out.csv)
        revenue: agree
          IATI incoming funds (1)                                             0.00  0 transactions
          Data Cube revenue                                                   0.00
            datacube-2024-revenue-by-financing-instrument.csv                 0.00  0 rows
            datacube-2024-revenue-by-contributor.csv                          0.00  0 rows
        commitments: agree
          IATI outgoing commitments (2)                                       0.00  0 transactions
          CRS commitments                                                     0.00
        amounts received: agree
          IATI loan repayments (6)                                            0.00  0 transactions
          CRS amounts received                                                0.00
        the exports DO NOT agree with the IATI transactions
        """, run.outcome.reconciliation().text());
    assertEquals("""
        file,line,activity,transaction,type,date,value,currency,left_out_of,reason,detail
        activities.xml,14,A-1,C-1,11,2024-01-02,900,USD,datacube and crs,other type,type 11
        activities.xml,27,A-2,E-2,3,2024-05-01,20.5,USD,datacube,no code,purpose code 99810 not in crosswalk un-system-function
        """, run.file("reconciliation-2024-left-out.csv"));
    assertEquals("""
        {
          "year" : 2024,
          "currency" : "USD",
          "rounding" : "each transaction converted and rounded to the cent, half away from zero; shares to the cent by largest remainder, so they add up to the amount shared",
          "exports" : [ "datacube", "crs" ],
          "transactions" : {
            "of-the-year" : 3,
            "counted" : 1,
            "left-out" : {
              "other type" : 1,
              "no code" : 1
            }
          },
          "left-out-file" : "reconciliation-2024-left-out.csv",
          "checks" : [ {
            "name" : "expenses",
            "agrees" : false,
            "lines" : [ {
              "what" : "IATI disbursements (3) and expenditure (4)",
              "usd" : "120.50",
              "counts" : "2 transactions"
            }, {
              "what" : "Data Cube expenses",
              "usd" : "100.00",
              "counts" : ""
            }, {
              "what" : "  datacube-2024-expenses-by-function.csv",
              "usd" : "100.00",
              "counts" : "1 rows"
            }, {
              "what" : "  datacube-2024-expenses-by-location.csv",
              "usd" : "100.00",
              "counts" : "1 rows"
            }, {
              "what" : "  datacube-2024-expenses-by-sdg.csv",
              "usd" : "100.00",
              "counts" : "1 rows"
            }, {
              "what" : "CRS amounts extended",
              "usd" : "120.50",
              "counts" : "2 records"
            } ],
            "not-counted" : 1
          }, {
            "name" : "revenue",
            "agrees" : true,
            "lines" : [ {
              "what" : "IATI incoming funds (1)",
              "usd" : "0.00",
              "counts" : "0 transactions"
            }, {
              "what" : "Data Cube revenue",
              "usd" : "0.00",
              "counts" : ""
            }, {
              "what" : "  datacube-2024-revenue-by-financing-instrument.csv",
              "usd" : "0.00",
              "counts" : "0 rows"
            }, {
              "what" : "  datacube-2024-revenue-by-contributor.csv",
              "usd" : "0.00",
              "counts" : "0 rows"
            } ],
            "not-counted" : 0
          }, {
            "name" : "commitments",
            "agrees" : true,
            "lines" : [ {
              "what" : "IATI outgoing commitments (2)",
              "usd" : "0.00",
              "counts" : "0 transactions"
            }, {
              "what" : "CRS commitments",
              "usd" : "0.00",
              "counts" : ""
            } ],
            "not-counted" : 0
          }, {
            "name" : "amounts received",
            "agrees" : true,
            "lines" : [ {
              "what" : "IATI loan repayments (6)",
              "usd" : "0.00",
              "counts" : "0 transactions"
            }, {
              "what" : "CRS amounts received",
              "usd" : "0.00",
              "counts" : ""
            } ],
            "not-counted" : 0
          } ],
          "agrees" : false
        }
        """, run.file("reconciliation-2024.json"));
  }
}
