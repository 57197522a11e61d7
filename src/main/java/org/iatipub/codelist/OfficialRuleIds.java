package org.iatipub.codelist;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The official IATI Validator's ids for its codelist checks, read from its rule catalogue
 * ({@code data-quality-rules.csv}), so that iatipub's findings carry the ids auditors already know.
 * A catalogue row names the checked XPath with the vocabulary condition as a predicate
 * ({@code //iati-activity/sector[@vocabulary = '2']/@code}) and the codelist in its test; the
 * mapping entry with the same path and codelist gets its id.
 *
 * <p>The validator also runs a few codelist rules that the catalogue does not list (they came with
 * its newer rule mapping): the SDG goals and targets as sector codes. Their ids are known here, so
 * an import with a catalogue gives them too.
 */
final class OfficialRuleIds {
  /** The validator's codelist rules that its catalogue leaves out: path as mapping.xml writes it, codelist, id. */
  private static final List<List<String>> NOT_IN_CATALOGUE = List.of(
      List.of("//iati-activity/sector/@code", "UNSDG-Goals", "9.129.1"),
      List.of("//iati-activity/sector/@code", "UNSDG-Targets", "9.130.1"),
      List.of("//iati-activity/transaction/sector/@code", "UNSDG-Goals", "9.131.1"),
      List.of("//iati-activity/transaction/sector/@code", "UNSDG-Targets", "9.132.1"));

  private static final Pattern CODELIST_TEST = Pattern.compile("me:codeListFail\\(\\.,\\s*'([^']+)'");
  private static final Pattern PREDICATE = Pattern.compile("\\[[^\\]]*\\]");

  private final Map<String, String> ids;

  private OfficialRuleIds(Map<String, String> ids) {
    this.ids = Map.copyOf(ids);
  }

  static OfficialRuleIds none() {
    return new OfficialRuleIds(Map.of());
  }

  int size() {
    return ids.size();
  }

  /** The official id for checking {@code officialPath} (as mapping.xml writes it) against {@code codelist}. */
  Optional<String> idFor(String officialPath, String codelist) {
    return Optional.ofNullable(ids.get(key(officialPath, codelist)));
  }

  private static String key(String path, String codelist) {
    return path + " " + codelist;
  }

  static OfficialRuleIds read(Path catalogue) throws IOException {
    Map<String, String> ids = new HashMap<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(true).get();
    try (Reader in = Files.newBufferedReader(catalogue, StandardCharsets.UTF_8)) {
      for (CSVRecord row : format.parse(in)) {
        String id = row.get("ID");
        Matcher test = CODELIST_TEST.matcher(row.get("Test (Xpath)"));
        // Rows the catalogue marks as not applying to IATI 2 (V2 = N/A) are retired checks.
        if (id.isEmpty() || !Character.isDigit(id.charAt(0)) || !test.lookingAt() || row.get("V2").equals("N/A")) {
          continue;
        }
        String path = PREDICATE.matcher(row.get("Context (Xpath)")).replaceAll("");
        String earlier = ids.put(key(path, test.group(1)), id);
        if (earlier != null && !earlier.equals(id)) {
          throw new IOException(catalogue + ": both " + earlier + " and " + id + " check " + path + " against " + test.group(1));
        }
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new IOException(catalogue + " is not the validator's rule catalogue (columns ID, Context (Xpath), Test (Xpath), V2): " + e.getMessage(), e);
    }
    for (List<String> known : NOT_IN_CATALOGUE) {
      ids.putIfAbsent(key(known.get(0), known.get(1)), known.get(2));
    }
    return new OfficialRuleIds(ids);
  }
}
