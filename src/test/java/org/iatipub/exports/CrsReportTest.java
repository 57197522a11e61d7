package org.iatipub.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given activities, these CRS records: one per activity, recipient and purpose code (and type of
 * flow, finance and aid), the year's commitments, amounts extended and received shared by the
 * percentages of countries and sectors to the cent; the CRS fields IATI carries in their columns,
 * what IATI lacks from the settings; a required field with no value is a finding and stays empty.
 */
class CrsReportTest {
  @TempDir Path dir;

  private static final String HEADER = "reporting_year,donor_code,agency_code,crs_id,project_number,nature_of_submission,"
      + "recipient_code,channel_name,channel_code,bi_multi,flow_type,finance_type,aid_type,title,purpose_code,expected_start,"
      + "expected_completion,description,gender,environment,pd_gg,trade,ftc,pba,investment_project,associated_financing,"
      + "biodiversity,climate_mitigation,climate_adaptation,desertification,rmnch,disaster_risk_reduction,disability,nutrition,"
      + "currency,commitments,amounts_extended,amounts_received,grant_equivalent,amount_untied,amount_partially_untied,amount_tied\n";

  private static final String ACTIVITY = """
      <iati-activity default-currency="USD" xml:lang="en">
        <iati-identifier>XM-DAC-41302-KE-24-01</iati-identifier>
        <reporting-org ref="XM-DAC-41302" type="40"/>
        <title><narrative>Decent jobs for youth</narrative><narrative xml:lang="fr">Emplois décents</narrative></title>
        <description><narrative>Works with the government.</narrative></description>
        <participating-org role="4" ref="XM-DAC-41302" crs-channel-code="41302"><narrative>ILO</narrative></participating-org>
        <participating-org role="4" crs-channel-code="12000"><narrative>Ministry of Labour</narrative></participating-org>
        <other-identifier ref="KE/24/01/NLD" type="A1"/>
        <activity-date type="1" iso-date="2024-01-01"/>
        <activity-date type="3" iso-date="2026-12-31"/>
        <recipient-country code="KE" percentage="60"/>
        <recipient-country code="UG" percentage="40"/>
        <sector code="16020" percentage="75"/>
        <sector code="11330" percentage="25"/>
        <policy-marker vocabulary="1" code="1" significance="1"/>
        <policy-marker vocabulary="1" code="7" significance="2"/>
        <collaboration-type code="1"/>
        <default-flow-type code="10"/>
        <default-finance-type code="110"/>
        <default-aid-type code="C01" vocabulary="1"/>
        <default-tied-status code="5"/>
        <crs-add><other-flags code="1" significance="1"/></crs-add>
        <transaction><transaction-type code="2"/><transaction-date iso-date="2024-01-10"/><value value-date="2024-01-10">1000</value></transaction>
        <transaction><transaction-type code="4"/><transaction-date iso-date="2024-12-31"/><value value-date="2024-12-31">100.01</value></transaction>
        <transaction><transaction-type code="3"/><transaction-date iso-date="2024-06-30"/><value value-date="2024-06-30">50</value></transaction>
      </iati-activity>
      """;

  @Test
  void oneRecordPerRecipientAndPurposeWithTheYearsAmountsShared() throws Exception {
    ExportRun run = ExportRun.of(dir, ExportRun.settings(Map.of(), Rates.none(), new ExportSettings.Crs("940", "1", "1")),
        List.of(ExportKind.CRS), 2024, ACTIVITY);
    String common = "2024,940,1,,KE/24/01/NLD,1,%s,Ministry of Labour,12000,1,10,110,C01,Decent jobs for youth,%s,2024-01-01,"
        + "2026-12-31,Works with the government.,1,,,,1,,,,,,2,,,,,,USD,%s\n";
    // 1000 commitments: KE 600, UG 400; then 75/25 by purpose. 150.01 extended: KE 90.01 (90.006), UG 60.00;
    // KE 90.01 by purpose: 67.5075 -> 67.51 (the cent to the larger remainder), 22.5025 -> 22.50.
    assertEquals(HEADER
        + String.format(common, "248", "16020", "450.00,67.51,0.00,67.51,450.00,,")
        + String.format(common, "248", "11330", "150.00,22.50,0.00,22.50,150.00,,")
        + String.format(common, "285", "16020", "300.00,45.00,0.00,45.00,300.00,,")
        + String.format(common, "285", "11330", "100.00,15.00,0.00,15.00,100.00,,"), run.file("crs-2024.csv"));
    assertEquals(List.of(), run.findings);
    assertTrue(run.outcome.reconciliation().agrees(), run.outcome.reconciliation().text());
  }

  @Test
  void aRequiredFieldWithNoValueIsAFindingAndStaysEmpty() throws Exception {
    ExportRun run = ExportRun.of(dir, ExportRun.settings(Map.of(), Rates.none(), ExportSettings.Crs.NONE), List.of(ExportKind.CRS),
        2024, """
        <iati-activity default-currency="USD">
          <iati-identifier>XM-DAC-7-PPR-1</iati-identifier>
          <reporting-org ref="XM-DAC-7" type="10"/>
          <title><narrative>Support</narrative></title>
          <transaction><transaction-type code="3"/><transaction-date iso-date="2024-01-10"/><value value-date="2024-01-10">10</value></transaction>
        </iati-activity>
        """);
    assertEquals(HEADER + "2024,7,,,XM-DAC-7-PPR-1,,998,,,,,,,Support,,,,,,,,,,,,,,,,,,,,,USD,0.00,10.00,0.00,,,,\n",
        run.file("crs-2024.csv"));
    String start = "activities.xml:2:39: error: activity 'XM-DAC-7-PPR-1': its CRS record has no ";
    String end = " (the field is left empty, never made up) [crs/missing-field]";
    assertEquals(List.of(
        start + "agency_code; give crs.agency-code in the export settings" + end,
        start + "nature_of_submission; give crs.nature-of-submission in the export settings, or the activity the attribute"
            + " iatipub:crs-nature-of-submission" + end,
        start + "channel_code; name an implementing organisation (participating-org role 4) with a crs-channel-code" + end,
        start + "bi_multi; give the activity a collaboration-type" + end,
        start + "flow_type; give the activity a default-flow-type (or its transactions a flow-type)" + end,
        start + "finance_type; give the activity a default-finance-type (or its transactions a finance-type)" + end,
        start + "aid_type; give the activity a default-aid-type of vocabulary 1 (or its transactions an aid-type)" + end,
        start + "purpose_code; give the activity (or its transactions) sectors of vocabulary 1, the DAC 5-digit purpose codes" + end),
        run.findings);
  }

  @Test
  void aGrantsGrantEquivalentIsItsFaceValueAndALoansIsAFinding() throws Exception {
    String loan = ACTIVITY.replace("<default-finance-type code=\"110\"/>", "<default-finance-type code=\"421\"/>");
    ExportRun run = ExportRun.of(dir, ExportRun.settings(Map.of(), Rates.none(), new ExportSettings.Crs("940", "1", "1")),
        List.of(ExportKind.CRS), 2024, loan);
    assertEquals(List.of("activities.xml:2:53: error: activity 'XM-DAC-41302-KE-24-01': its CRS record has no grant_equivalent;"
        + " IATI carries no grant equivalent for a type of finance other than a grant; add it to the CRS file from the loan's"
        + " terms (the field is left empty, never made up) [crs/missing-field]"), run.findings);
    int grantEquivalent = List.of(HEADER.strip().split(",")).indexOf("grant_equivalent");
    assertEquals(List.of(""), run.file("crs-2024.csv").lines().skip(1).map(l -> l.split(",", -1)[grantEquivalent]).distinct().toList());
  }
}
