package org.iatipub.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.iatipub.publish.OwnForm;
import org.iatipub.publish.PublishRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mapping rules of the organisation's own columns, as specifications: given these rows (with
 * the mapping file and crosswalks of {@link OwnForm}), this XML is published, or this finding made.
 */
class OwnColumnsRulesTest {
  @TempDir Path input;
  @TempDir Path output;

  private PublishRun publish(String... files) throws Exception {
    OwnForm.write(input, files);
    return PublishRun.of(input, output);
  }

  private String file() {
    return "ilo-" + input.getFileName() + ".xml";
  }

  private static String activity(String projectId) {
    return "//iati-activity[iati-identifier='XM-DAC-41302-" + projectId + "']";
  }

  @Test
  void localSectorCodesBecomeDacPurposeCodesWithTheirShares() throws Exception {
    PublishRun run = publish("sectors.csv", """
        code,theme,share
        ET-22-01-NLD,EMP-YOUTH,70
        ET-22-01-NLD,SKILLS,30
        """);

    run.assertXml(file(), activity("ET-22-01-NLD") + "/sector", """
        <sector vocabulary="1" code="16020" percentage="70"/>
        <sector vocabulary="1" code="11330" percentage="30"/>
        """);
  }

  @Test
  void sectorSharesMustAddUpToAHundred() throws Exception {
    PublishRun run = publish("sectors.csv", """
        code,theme,share
        ET-22-01-NLD,EMP-YOUTH,70
        ET-22-01-NLD,SKILLS,20
        KH-23-02-SWE,SOCPRO,100
        """);

    assertTrue(run.printed().contains(input + "/sectors.csv:2:share: error: the sector percentages of this project"
        + " (vocabulary 1) add up to 90, not 100 [mapping/percentages]"), run.printed());
    assertEquals(1, run.report().sets().get(0).published());
  }

  @Test
  void eachLanguageColumnBecomesANarrativeAndTheDefaultLanguageIsInherited() throws Exception {
    PublishRun run = publish();

    run.assertXml(file(), activity("ET-22-01-NLD") + "/title", """
        <title>
          <narrative>Decent jobs for young women and men in Ethiopia</narrative>
          <narrative xml:lang="zh">埃塞俄比亚青年男女体面就业</narrative>
        </title>
        """);
    org.w3c.dom.Element ethiopia = (org.w3c.dom.Element) run.document(file()).getElementsByTagName("iati-activity").item(0);
    assertEquals("en", ethiopia.getAttributeNS(javax.xml.XMLConstants.XML_NS_URI, "lang"));
  }

  @Test
  void theOrganisationsDefaultsApplyUnlessTheProjectSaysOtherwise() throws Exception {
    PublishRun run = publish();

    run.assertXml(file(), activity("ET-22-01-NLD") + "/*[self::reporting-org or starts-with(name(), 'default-')"
        + " or self::collaboration-type]", """
        <reporting-org ref="XM-DAC-41302" type="40">
          <narrative>International Labour Organization</narrative>
          <narrative xml:lang="zh">国际劳工组织</narrative>
        </reporting-org>
        <collaboration-type code="1"/>
        <default-flow-type code="10"/>
        <default-finance-type code="110"/>
        <default-aid-type code="C01" vocabulary="1"/>
        <default-tied-status code="5"/>
        """);
    run.assertXml(file(), activity("KH-23-02-SWE") + "/default-aid-type", "<default-aid-type code=\"D02\" vocabulary=\"1\"/>");
    assertEquals("USD", run.document(file()).getDocumentElement().getElementsByTagName("iati-activity").item(0)
        .getAttributes().getNamedItem("default-currency").getNodeValue());
  }

  @Test
  void aProgrammeAndItsSubActivitiesLinkBothWays() throws Exception {
    PublishRun run = publish("projects.csv", OwnForm.PROJECTS.replace("KH-23-02-SWE,,", "KH-23-02-SWE,ET-22-01-NLD,"));

    run.assertXml(file(), activity("ET-22-01-NLD") + "/related-activity",
        "<related-activity ref=\"XM-DAC-41302-KH-23-02-SWE\" type=\"2\"/>");
    run.assertXml(file(), activity("KH-23-02-SWE") + "/related-activity",
        "<related-activity ref=\"XM-DAC-41302-ET-22-01-NLD\" type=\"1\"/>");
    assertEquals("1", run.document(file()).getElementsByTagName("iati-activity").item(0).getAttributes().getNamedItem("hierarchy").getNodeValue());
    assertEquals("2", run.document(file()).getElementsByTagName("iati-activity").item(1).getAttributes().getNamedItem("hierarchy").getNodeValue());
  }

  @Test
  void aDeliverableBecomesAResultWithOnePeriodPerTimeline() throws Exception {
    PublishRun run = publish("deliverables.csv", """
        code,output_id,output_en,output_zh,indicator_en,baseline_year,baseline,timeline,target,actual
        ET-22-01-NLD,O1,Young women and men placed in decent jobs,在体面工作岗位就业的青年男女人数,Number of young people placed,2021,0,2022–2023,1500,1620
        ET-22-01-NLD,O1,,,,,,2024-2025,3000,
        """);

    run.assertXml(file(), activity("ET-22-01-NLD") + "/result", """
        <result type="1">
          <title>
            <narrative>Young women and men placed in decent jobs</narrative>
            <narrative xml:lang="zh">在体面工作岗位就业的青年男女人数</narrative>
          </title>
          <indicator measure="1">
            <title><narrative>Number of young people placed</narrative></title>
            <baseline year="2021" value="0"/>
            <period>
              <period-start iso-date="2022-01-01"/>
              <period-end iso-date="2023-12-31"/>
              <target value="1500"/>
              <actual value="1620"/>
            </period>
            <period>
              <period-start iso-date="2024-01-01"/>
              <period-end iso-date="2025-12-31"/>
              <target value="3000"/>
            </period>
          </indicator>
        </result>
        """);
  }

  @Test
  void aTimelineThatIsNoSpanOfYearsIsAFinding() throws Exception {
    PublishRun run = publish("deliverables.csv", """
        code,output_id,output_en,output_zh,indicator_en,baseline_year,baseline,timeline,target,actual
        ET-22-01-NLD,O1,Young women and men placed in decent jobs,在体面工作岗位就业的青年男女人数,,,,Q3 2024,1500,
        """);

    assertTrue(run.printed().contains(input + "/deliverables.csv:2:timeline: error: 'Q3 2024' is not a timeline"), run.printed());
  }

  @Test
  void transactionsNameTheirProviderAndReceiverAndDateTheirValue() throws Exception {
    PublishRun run = publish("transactions.csv", """
        code,reference,kind,date,amount,currency,from_id,from_name,to_id,to_name
        ET-22-01-NLD,ET-FA,AGREEMENT,2021-11-15,2400000.00,USD,XM-DAC-7,Ministry of Foreign Affairs of the Netherlands,XM-DAC-41302,International Labour Organization
        ET-22-01-NLD,ET-E22,SPEND,2022-12-31,612345.10,EUR,XM-DAC-41302,International Labour Organization,,
        """);

    run.assertXml(file(), activity("ET-22-01-NLD") + "/transaction", """
        <transaction ref="ET-FA">
          <transaction-type code="11"/>
          <transaction-date iso-date="2021-11-15"/>
          <value value-date="2021-11-15">2400000.00</value>
          <provider-org ref="XM-DAC-7"><narrative>Ministry of Foreign Affairs of the Netherlands</narrative></provider-org>
          <receiver-org ref="XM-DAC-41302"><narrative>International Labour Organization</narrative></receiver-org>
        </transaction>
        <transaction ref="ET-E22">
          <transaction-type code="4"/>
          <transaction-date iso-date="2022-12-31"/>
          <value currency="EUR" value-date="2022-12-31">612345.10</value>
          <provider-org ref="XM-DAC-41302"><narrative>International Labour Organization</narrative></provider-org>
        </transaction>
        """);
  }

  @Test
  void budgetsAreOriginalAndIndicativeUnlessTheRowsSayOtherwise() throws Exception {
    PublishRun run = publish("budgets.csv", """
        code,from,to,amount
        KH-23-02-SWE,2023-04-01,2024-03-31,850000
        """);

    run.assertXml(file(), activity("KH-23-02-SWE") + "/budget", """
        <budget type="1" status="1">
          <period-start iso-date="2023-04-01"/>
          <period-end iso-date="2024-03-31"/>
          <value value-date="2023-04-01">850000</value>
        </budget>
        """);
  }

  @Test
  void policyMarkersCarryTheirSignificance() throws Exception {
    PublishRun run = publish("policy-markers.csv", """
        code,marker,significance
        KH-23-02-SWE,GENDER,PRINCIPAL
        KH-23-02-SWE,CLIMATE-ADAPTATION,SIGNIFICANT
        """);

    run.assertXml(file(), activity("KH-23-02-SWE") + "/policy-marker", """
        <policy-marker vocabulary="1" code="1" significance="2"/>
        <policy-marker vocabulary="1" code="7" significance="1"/>
        """);
  }
}
