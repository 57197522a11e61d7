package org.iatipub.validation.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.iatipub.SharedIati;
import org.iatipub.codelist.CodelistSnapshot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code iatipub rules} against the official validator's catalogue ({@code data-quality-rules.csv}):
 * every error-severity check that applies to 2.03 activity and organisation files is run, none that
 * the catalogue marks as not run on 2.0x files is reported under its id, and the README states the
 * coverage this test computes.
 */
class OfficialCatalogueCoverageTest {
  private static final Pattern RULE_ID = Pattern.compile("\\d+(\\.\\d+)+");
  private static final Pattern README_COVERAGE =
      Pattern.compile("covers (\\d+) of the (\\d+) error-severity checks .* catalogue's (\\d+) checks");

  private static final Pattern CODELIST_TEST = Pattern.compile("me:codeListFail\\(\\.,\\s*'([^']+)'");

  /** One row of the catalogue, as far as coverage needs it. */
  record CatalogueRow(String id, String severity, String ruleset, String test, String v2, boolean codelist) {
    /**
     * Error severity, and not a check only for versions before 2.03 or for version 1 files. A
     * codelist check against a codelist the 2.03 codelists do not have is one for older versions
     * too: the validator judges no code against a codelist its release lacks.
     */
    boolean appliesTo203AsError() {
      return severity.equals("Error") && !notRunOn2() && !ruleset.startsWith("iati:<") && !ruleset.startsWith("iati:1")
          && !test.contains("$iati-version != '2.03'") && !test.contains("$iati-version ne '2.03'")
          && codelistName().map(codelists203::contains).orElse(true);
    }

    /** The catalogue's V2 column says NO: "not used in v2", mostly "duplicate of schema". */
    boolean notRunOn2() {
      return v2.strip().equals("NO");
    }

    Optional<String> codelistName() {
      Matcher m = CODELIST_TEST.matcher(test);
      return codelist && m.lookingAt() ? Optional.of(m.group(1)) : Optional.empty();
    }
  }

  private static List<CatalogueRow> catalogue;
  private static Set<String> listed;
  /** The 2.03 codelists: those of the bundled snapshot, which BundledSnapshotTest holds to the official ones. */
  private static Set<String> codelists203;

  @BeforeAll
  static void read() throws IOException {
    catalogue = rows(SharedIati.require("validator", "data-quality-rules.csv"));
    listed = RuleCatalogue.standard().ids();
    codelists203 = CodelistSnapshot.bundled().codelists().keySet();
  }

  private static List<CatalogueRow> rows(Path csv) throws IOException {
    List<CatalogueRow> rows = new ArrayList<>();
    // The catalogue's header ends with an unnamed column, so columns are read by position.
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      for (CSVRecord record : CSVFormat.DEFAULT.parse(in)) {
        if (record.getRecordNumber() == 1 || !RULE_ID.matcher(record.get(0)).matches()) {
          continue; // the header, and the catalogue's template row for generated codelist checks
        }
        rows.add(new CatalogueRow(record.get(0), record.get(2), record.get(3), record.get(7), record.get(9), record.get(10).equals("Codelist Rules")));
      }
    }
    return rows;
  }

  private static Set<String> applicableErrorIds(boolean codelist) {
    Set<String> ids = new TreeSet<>();
    catalogue.stream().filter(r -> r.appliesTo203AsError() && r.codelist() == codelist).forEach(r -> ids.add(r.id()));
    return ids;
  }

  @Test
  void everyErrorSeverityRuleOfTheCatalogueIsRun() {
    Set<String> missing = new TreeSet<>(applicableErrorIds(false));
    missing.removeAll(listed);
    assertEquals(Set.of(), missing, "error-severity catalogue rules that iatipub does not run");
  }

  @Test
  void noRuleTheOfficialValidatorDoesNotRunOn2FilesIsReportedUnderItsId() {
    Set<String> reported = new TreeSet<>();
    catalogue.stream().filter(CatalogueRow::notRunOn2).map(CatalogueRow::id).filter(listed::contains).forEach(reported::add);
    assertEquals(Set.of(), reported, "catalogue rules marked 'V2: NO' that iatipub lists");
    assertTrue(catalogue.stream().filter(CatalogueRow::notRunOn2).count() >= 20, "rows marked V2 NO are read from the catalogue");
  }

  @Test
  void everyErrorSeverityCodelistCheckOfTheCatalogueIsRun() {
    Set<String> missing = new TreeSet<>(applicableErrorIds(true));
    missing.removeAll(listed);
    assertEquals(Set.of(), missing, "error-severity codelist checks of the catalogue that iatipub does not run");
  }

  @Test
  void onlyTheAidTypeFlagCheckIsLeftOutForItsCodelistIsNotIn203() {
    // Kept exact, so that a codelist lost from the snapshot cannot quietly drop its checks from the count.
    Set<String> withoutCodelist = new TreeSet<>();
    catalogue.stream().filter(r -> r.codelistName().filter(name -> !codelists203.contains(name)).isPresent())
        .forEach(r -> withoutCodelist.add(r.id() + " " + r.codelistName().get()));
    assertEquals(Set.of("9.116.1 AidTypeFlag"), withoutCodelist);
  }

  @Test
  void theReadmeStatesTheCoverageComputedHere() throws IOException {
    Set<String> applicable = new TreeSet<>(applicableErrorIds(false));
    applicable.addAll(applicableErrorIds(true));
    Set<String> covered = new TreeSet<>(applicable);
    covered.retainAll(listed);
    long total = catalogue.size(); // one row per check; 7.8.1 has a row each for activities and organisations
    String readme = Files.readString(SharedIati.projectDir().resolve("README.md"));
    Matcher stated = README_COVERAGE.matcher(readme.replaceAll("\\s+", " "));
    assertTrue(stated.find(), "the README's Rules section states 'covers N of the M error-severity checks ... catalogue's T checks'");
    assertEquals(List.of(covered.size(), applicable.size(), (int) total),
        List.of(Integer.parseInt(stated.group(1)), Integer.parseInt(stated.group(2)), Integer.parseInt(stated.group(3))),
        "covered, applicable error-severity and total checks");
  }
}
