package org.iatipub.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPathFactory;
import org.iatipub.SharedIati;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The bundled samples (the default input of {@code iatipub publish}) publish completely, and what
 * they publish is valid against the official IATI 2.03 schema, with results, transactions,
 * budgets, DAC classifications and narratives in two languages.
 */
class SamplesTest {
  @TempDir static Path output;
  static PublishRun run;

  @BeforeAll
  static void publishSamples() throws Exception {
    run = PublishRun.of(SharedIatiFree.samples(), output);
  }

  @Test
  void everyRowOfEverySampleIsPublished() throws Exception {
    assertTrue(run.findings().isEmpty(), run.printed());
    assertTrue(run.report().everythingPublished());
    run.assertEveryRowAccountedFor();
    assertEquals(List.of("ilo-eiip.xml", "ilo-org.xml", "ilo-portfolio.xml", "ilo-sstc.xml", "ilo-strategy.xml"),
        run.outputFiles());
    assertTrue(run.report().sets().stream().filter(s -> s.set().endsWith("portfolio")).findFirst().orElseThrow().published() >= 50);
  }

  @Test
  void thePublishedFilesAreValidAgainstTheOfficialSchema() throws Exception {
    Path schema = SharedIati.require("schemas-2.03", "iati-activities-schema.xsd");
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    var validator = factory.newSchema(schema.toFile()).newValidator();
    var organisations = factory.newSchema(schema.resolveSibling("iati-organisations-schema.xsd").toFile()).newValidator();
    for (String file : run.outputFiles()) {
      (file.endsWith("-org.xml") ? organisations : validator).validate(new StreamSource(output.resolve(file).toFile()));
    }
  }

  @Test
  void theStrategyIsAProgrammeOfActionsWithResultsInEnglishAndChinese() throws Exception {
    Document strategy = run.document("ilo-strategy.xml");
    var xpath = XPathFactory.newInstance().newXPath();

    assertEquals("15", xpath.evaluate("count(//iati-activity[@hierarchy='2'][related-activity[@type='1']])", strategy));
    assertEquals("15", xpath.evaluate("count(//iati-activity[@hierarchy='1']/related-activity[@type='2'])", strategy));
    assertEquals("Better procedures and systems that bring ILO data closer to the OECD-DAC, IATI and UN Data Cube standards",
        xpath.evaluate("//iati-activity[iati-identifier='XM-DAC-41302-DCS2025-4.1']/result[2]/title/narrative[1]", strategy));
    assertEquals("32", xpath.evaluate("count(//iati-activity[@hierarchy='2']/result)", strategy));
    assertEquals("1", xpath.evaluate("count(//iati-activity[@hierarchy='1']/result)", strategy), "the mid-term review");
    assertEquals("true", xpath.evaluate("count(//result/indicator/period[period-end/@iso-date='2025-12-31']) > 0"
        + " and count(//result/indicator/period[period-end/@iso-date='2023-12-31']) > 0", strategy));
    assertEquals(xpath.evaluate("count(//narrative[not(@*[local-name()='lang'])])", strategy),
        xpath.evaluate("count(//narrative[@*[local-name()='lang']='zh'])", strategy), "every English text has its Chinese translation");
  }

  @Test
  void thePortfolioCarriesMoneyAndDacClassifications() throws Exception {
    Document portfolio = run.document("ilo-portfolio.xml");
    var xpath = XPathFactory.newInstance().newXPath();

    assertEquals("0", xpath.evaluate("count(//iati-activity[not(sector[@vocabulary='1'])])", portfolio));
    assertEquals("0", xpath.evaluate("count(//iati-activity[not(default-aid-type) or not(default-finance-type)"
        + " or not(default-flow-type) or not(default-tied-status) or not(collaboration-type)])", portfolio));
    assertTrue(Integer.parseInt(xpath.evaluate("count(//transaction)", portfolio)) > 300);
    assertTrue(Integer.parseInt(xpath.evaluate("count(//budget)", portfolio)) > 150);
    assertTrue(Integer.parseInt(xpath.evaluate("count(//participating-org[@crs-channel-code])", portfolio)) > 100);
  }

  @Test
  void thePortfolioNamesItsOwnOutcomesAndSaysWhichProjectsAreHumanitarianAndWhomToContact() throws Exception {
    Document portfolio = run.document("ilo-portfolio.xml");
    var xpath = XPathFactory.newInstance().newXPath();
    String activities = xpath.evaluate("count(//iati-activity)", portfolio);

    assertEquals(activities, xpath.evaluate("count(//iati-activity[sector[@vocabulary='99' and @vocabulary-uri and @percentage='100'"
        + " and narrative[not(@*[local-name()='lang'])] and narrative[@*[local-name()='lang']='zh']]])", portfolio));
    assertEquals("true", xpath.evaluate("count(//iati-activity[@humanitarian='1']) > 0"
        + " and count(//iati-activity[@humanitarian='1'][not(recipient-country/@code='JO' or recipient-country/@code='LB')]) = 0",
        portfolio));
    assertEquals(activities, xpath.evaluate("count(//iati-activity[contact-info[@type='1']/email and contact-info/organisation/narrative])",
        portfolio));
  }

  @Test
  void theWorkbookGivesItsTypedDatesAndAmountsAndItsFormulasValues() throws Exception {
    Document eiip = run.document("ilo-eiip.xml");
    var xpath = XPathFactory.newInstance().newXPath();
    String transaction = "//iati-activity[iati-identifier='XM-DAC-41302-EIIP-LB-PWP']/transaction[@ref='LB-PWP-E2']";

    assertEquals("2023-12-31", xpath.evaluate(transaction + "/transaction-date/@iso-date", eiip));
    assertEquals("2023-12-31", xpath.evaluate(transaction + "/value/@value-date", eiip), "a formula on the date cell");
    assertEquals("1102640.75", xpath.evaluate(transaction + "/value", eiip));
    assertEquals("4", xpath.evaluate("count(//iati-activity)", eiip));
    assertEquals("4", xpath.evaluate("count(//iati-activity[title/narrative[@*[local-name()='lang']='fr']])", eiip));
  }

  /** The samples directory of this project. */
  static final class SharedIatiFree {
    static Path samples() {
      return SharedIati.projectDir().resolve("samples");
    }
  }
}
