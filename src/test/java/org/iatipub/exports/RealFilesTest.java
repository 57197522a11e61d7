package org.iatipub.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.iatipub.SharedIati;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The exports of real published files (../shared/iati/real-files/v2.03) reconcile with their
 * transactions: the Data Cube's and the CRS's totals equal the year's transactions summed here
 * independently, straight from the files' DOM, and every transaction of the year is counted or
 * listed as left out.
 */
class RealFilesTest {
  @TempDir Path dir;

  /** This test's own rate (not an official one): what matters is that the exports and the sum below use the same. */
  private static final BigDecimal EUR_2016 = new BigDecimal("0.9");

  @Test
  void theExportsOfRealFilesAgreeWithTheirTransactions() throws Exception {
    Path real = SharedIati.require("real-files", "v2.03");
    List<Exports.Input> inputs = new ArrayList<>();
    try (Stream<Path> files = Files.list(real)) {
      files.filter(f -> f.toString().endsWith(".xml")).sorted()
          .forEach(f -> inputs.add(new Exports.Input(f, f.getFileName().toString())));
    }
    // The publisher's own crosswalk for the purpose codes these files use; they carry no sector vocabulary 12.
    Map<String, String> functions = new TreeMap<>();
    for (String code : List.of("12220", "13030", "15112", "15150", "15151", "15160", "15190", "15220", "15240", "16050",
        "25010", "32130", "93010")) {
      functions.put(code, "Development Assistance");
    }
    for (String code : List.of("72010", "72050", "73010", "74010")) {
      functions.put(code, "Humanitarian Assistance");
    }
    ExportSettings settings = new ExportSettings(List.of(), null, "", Rates.of(Map.of("EUR 2016", EUR_2016)),
        Map.of(ExportCrosswalk.UN_SYSTEM_FUNCTION, functions), new ExportSettings.Crs("", "", "1"));
    List<String> findings = new ArrayList<>();
    Exports.Outcome outcome = new Exports(settings, List.of(ExportKind.DATACUBE, ExportKind.CRS), 2016)
        .run(inputs, dir, f -> findings.add(f.toString()));

    Reconciliation reconciliation = outcome.reconciliation();
    assertTrue(reconciliation.agrees(), reconciliation.text());
    Totals expected = totals(inputs, 2016);
    assertEquals(expected.transactions, reconciliation.transactions());
    assertEquals(expected.transactions, reconciliation.counted() + reconciliation.leftOut().values().stream().mapToLong(Long::longValue).sum());
    Reconciliation.Check expenses = reconciliation.checks().get(0);
    for (Reconciliation.Line line : expenses.lines()) {
      assertEquals(expected.expenses, line.cents(), line.what());
    }
    assertEquals(expected.commitments, reconciliation.checks().get(2).lines().get(1).cents());
    assertEquals(Map.of("other type", expected.otherTypes), reconciliation.leftOut());
    // What these files lack for the CRS (no agency code, no channel; Uruguay is no longer a CRS recipient) is reported,
    // and the organisation file is left out as such; nothing else.
    assertEquals(java.util.Set.of("crs/missing-field", "crs/unknown-code", "export/not-activities"),
        findings.stream().map(f -> f.substring(f.lastIndexOf('[') + 1, f.length() - 1)).collect(java.util.stream.Collectors.toSet()));
  }

  /** The year's transactions of every activity file, summed from the DOM, converted as the exports say they convert. */
  private record Totals(long transactions, long expenses, long commitments, long otherTypes) {}

  private static Totals totals(List<Exports.Input> inputs, int year) throws Exception {
    long transactions = 0;
    long expenses = 0;
    long commitments = 0;
    long others = 0;
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    for (Exports.Input input : inputs) {
      Document document = factory.newDocumentBuilder().parse(input.file().toFile());
      NodeList activities = document.getElementsByTagName("iati-activity");
      for (int a = 0; a < activities.getLength(); a++) {
        Element activity = (Element) activities.item(a);
        String currency = activity.getAttribute("default-currency");
        NodeList ts = activity.getElementsByTagName("transaction");
        for (int i = 0; i < ts.getLength(); i++) {
          Element t = (Element) ts.item(i);
          String date = ((Element) t.getElementsByTagName("transaction-date").item(0)).getAttribute("iso-date");
          if (!date.startsWith(Integer.toString(year))) {
            continue;
          }
          transactions++;
          String type = ((Element) t.getElementsByTagName("transaction-type").item(0)).getAttribute("code");
          Element value = (Element) t.getElementsByTagName("value").item(0);
          String own = value.getAttribute("currency");
          BigDecimal amount = new BigDecimal(value.getTextContent().strip());
          long cents = (own.isEmpty() ? currency : own).equals("USD") ? amount.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact()
              : amount.divide(EUR_2016, 2, RoundingMode.HALF_UP).movePointRight(2).longValueExact();
          switch (type) {
            case "3", "4" -> expenses += cents;
            case "2" -> commitments += cents;
            default -> others++;
          }
        }
      }
    }
    return new Totals(transactions, expenses, commitments, others);
  }
}
