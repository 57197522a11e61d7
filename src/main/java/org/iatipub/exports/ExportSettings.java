package org.iatipub.exports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.iatipub.codelist.Code;
import org.iatipub.codelist.CodelistSnapshot;
import org.iatipub.exports.codes.StandardCodes;
import org.iatipub.exports.codes.StandardList;
import org.iatipub.finding.Finding;
import org.iatipub.mapping.Crosswalk;

/**
 * What the exports need that IATI does not carry, from the user's settings file (YAML; the README
 * and docs/exports.md describe it; {@code samples/exports.yaml} is an example). Everything in it is
 * checked when it is read: a settings file with a problem stops the run before anything is written.
 *
 * @param exports what {@code publish} writes into its edition (empty: none)
 * @param year the calendar year {@code publish} exports, or null
 * @param entity the CEB entity code of every row, or empty to use each activity's reporting-org ref
 * @param rates exchange rates to the US dollar
 * @param crosswalks each crosswalk given, local code to CEB code (function names as the CEB writes them)
 * @param crs the CRS fields IATI does not carry
 */
public record ExportSettings(List<ExportKind> exports, Integer year, String entity, Rates rates,
    Map<ExportCrosswalk, Map<String, String>> crosswalks, Crs crs) {

  /**
   * The CRS fields IATI does not carry, each empty when not given.
   *
   * @param donorCode the reporter's CRS donor code (else read from an {@code XM-DAC-} reporting-org ref)
   * @param agencyCode its extending agency code (likewise)
   * @param natureOfSubmission the nature of submission of every record without its own
   */
  public record Crs(String donorCode, String agencyCode, String natureOfSubmission) {
    static final Crs NONE = new Crs("", "", "");
  }

  /** Settings that cannot be used, with every problem found, each naming its key or file and row. */
  public static final class Invalid extends Exception {
    private final List<String> problems;

    public Invalid(List<String> problems) {
      super(String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  public ExportSettings {
    exports = List.copyOf(exports);
    crosswalks = crosswalks.isEmpty() ? Map.of() : new EnumMap<>(crosswalks);
  }

  /** No settings file: every code must then come from the published files themselves. */
  public static ExportSettings none() {
    return new ExportSettings(List.of(), null, "", Rates.none(), Map.of(), Crs.NONE);
  }

  public ExportSettings withExports(List<ExportKind> exports) {
    return new ExportSettings(exports, year, entity, rates, crosswalks, crs);
  }

  public ExportSettings withYear(Integer year) {
    return new ExportSettings(exports, year, entity, rates, crosswalks, crs);
  }

  /** This settings' entity replaced, checked against the CEB's list. */
  public ExportSettings withEntity(String entity) throws Invalid {
    List<String> problems = new ArrayList<>();
    checkEntity(entity, "--entity", problems);
    if (!problems.isEmpty()) {
      throw new Invalid(problems);
    }
    return new ExportSettings(exports, year, entity, rates, crosswalks, crs);
  }

  /** This settings' rates replaced by those read from {@code file}. */
  public ExportSettings withRates(Path file) throws Invalid, IOException {
    List<String> problems = new ArrayList<>();
    Rates read = readRates(file, problems);
    if (!problems.isEmpty()) {
      throw new Invalid(problems);
    }
    return new ExportSettings(exports, year, entity, read, crosswalks, crs);
  }

  Optional<String> translate(ExportCrosswalk crosswalk, String local) {
    return Optional.ofNullable(crosswalks.getOrDefault(crosswalk, Map.of()).get(local.strip()));
  }

  boolean has(ExportCrosswalk crosswalk) {
    return crosswalks.containsKey(crosswalk);
  }

  private static final Set<String> TOP_KEYS = Set.of("exports", "year", "entity", "rates", "crosswalks", "crs");
  private static final Set<String> CRS_KEYS = Set.of("donor-code", "agency-code", "nature-of-submission");

  /** Reads and checks a settings file; paths in it are relative to it. */
  public static ExportSettings load(Path file) throws IOException, Invalid {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new Invalid(List.of(file + ": not readable YAML: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")));
    }
    if (root == null || !root.isObject()) {
      throw new Invalid(List.of(file + ": expected a YAML mapping with some of the keys " + new TreeSet<>(TOP_KEYS)));
    }
    List<String> problems = new ArrayList<>();
    String at = file + ": ";
    unknownKeys(root, TOP_KEYS, at, problems);
    List<ExportKind> exports = new ArrayList<>();
    JsonNode list = root.path("exports");
    if (!list.isMissingNode()) {
      List<JsonNode> words = new ArrayList<>();
      if (list.isArray()) {
        list.forEach(words::add);
      } else {
        words.add(list);
      }
      for (JsonNode word : words) {
        Optional<ExportKind> kind = ExportKind.ofWord(word.asText());
        if (kind.isEmpty()) {
          problems.add(at + "exports: '" + word.asText() + "' is not an export; use datacube and crs");
        } else if (!exports.contains(kind.get())) {
          exports.add(kind.get());
        }
      }
    }
    Integer year = null;
    JsonNode yearNode = root.path("year");
    if (!yearNode.isMissingNode()) {
      if (yearNode.asText().matches("[0-9]{4}")) {
        year = Integer.parseInt(yearNode.asText());
      } else {
        problems.add(at + "year: '" + yearNode.asText() + "' is not a calendar year such as 2024");
      }
    }
    String entity = root.path("entity").asText("").strip();
    checkEntity(entity, at + "entity", problems);
    Path base = file.toAbsolutePath().getParent();
    Rates rates = Rates.none();
    if (root.hasNonNull("rates")) {
      Path ratesFile = base.resolve(root.path("rates").asText());
      if (!Files.isRegularFile(ratesFile)) {
        problems.add(at + "rates: no such file " + ratesFile);
      } else {
        rates = readRates(ratesFile, problems);
      }
    }
    Map<ExportCrosswalk, Map<String, String>> crosswalks = new EnumMap<>(ExportCrosswalk.class);
    JsonNode walks = root.path("crosswalks");
    for (var it = walks.fields(); it.hasNext(); ) {
      var entry = it.next();
      Optional<ExportCrosswalk> crosswalk = ExportCrosswalk.byKey(entry.getKey());
      if (crosswalk.isEmpty()) {
        problems.add(at + "crosswalks." + entry.getKey() + ": not a crosswalk the exports use; they are "
            + java.util.Arrays.stream(ExportCrosswalk.values()).map(ExportCrosswalk::key).toList());
        continue;
      }
      Path path = base.resolve(entry.getValue().asText());
      if (!Files.isRegularFile(path)) {
        problems.add(at + "crosswalks." + entry.getKey() + ": no such file " + path);
        continue;
      }
      crosswalks.put(crosswalk.get(), crosswalk(crosswalk.get(), path, problems));
    }
    JsonNode crsNode = root.path("crs");
    unknownKeys(crsNode, CRS_KEYS, at + "crs.", problems);
    Crs crs = new Crs(crsNode.path("donor-code").asText("").strip(), crsNode.path("agency-code").asText("").strip(),
        crsNode.path("nature-of-submission").asText("").strip());
    StandardCodes codes = StandardCodes.bundled();
    if (!crs.donorCode().isEmpty() && !codes.contains(StandardList.CRS_DONOR, crs.donorCode())) {
      problems.add(at + "crs.donor-code: '" + crs.donorCode() + "' is not a CRS donor code ('iatipub export codes show crs-donor' lists them)");
    }
    if (!crs.agencyCode().isEmpty() && !crs.donorCode().isEmpty()
        && !codes.contains(StandardList.CRS_AGENCY, crs.donorCode() + "/" + crs.agencyCode())) {
      problems.add(at + "crs.agency-code: '" + crs.agencyCode() + "' is not an agency of donor " + crs.donorCode()
          + " ('iatipub export codes show crs-agency' lists them as donor/agency)");
    }
    if (!crs.natureOfSubmission().isEmpty() && !codes.contains(StandardList.CRS_NATURE_OF_SUBMISSION, crs.natureOfSubmission())) {
      problems.add(at + "crs.nature-of-submission: '" + crs.natureOfSubmission() + "' is not a CRS nature of submission code");
    }
    if (!problems.isEmpty()) {
      throw new Invalid(problems);
    }
    return new ExportSettings(exports, year, entity, rates, crosswalks, crs);
  }

  private static Rates readRates(Path file, List<String> problems) throws IOException {
    return Rates.read(file, file.toString(), problems);
  }

  private static void checkEntity(String entity, String at, List<String> problems) {
    if (!entity.isEmpty() && !StandardCodes.bundled().contains(StandardList.CEB_ENTITY, entity)) {
      problems.add(at + ": '" + entity + "' is not a UN system entity the CEB publishes ('iatipub export codes show ceb-entity' lists them)");
    }
  }

  /** A crosswalk read as publish reads its own, each code it gives checked against the list it must come from. */
  private static Map<String, String> crosswalk(ExportCrosswalk which, Path path, List<String> problems) throws IOException {
    List<Finding> findings = new ArrayList<>();
    Crosswalk read = Crosswalk.read(which.key(), path, path.toString(), ',', findings);
    findings.stream().filter(Finding::isError).forEach(f -> problems.add(f.toString()));
    Map<String, String> translations = new LinkedHashMap<>();
    StandardCodes codes = StandardCodes.bundled();
    read.entries().forEach((local, code) -> {
      String value = code.code().strip();
      String canonical = switch (which) {
        case FINANCING_INSTRUMENT -> active(codes, StandardList.CEB_FINANCING_INSTRUMENT, value);
        case CONTRIBUTOR, CONTRIBUTOR_TYPE -> active(codes, StandardList.CEB_CONTRIBUTOR_TYPE, value);
        case CONTRIBUTOR_COUNTRY -> CodelistSnapshot.bundled().codelist("Country").orElseThrow().contains(value) ? value : null;
        case UN_SYSTEM_FUNCTION -> Functions.named(codes, value).orElse(null);
      };
      if (canonical == null) {
        problems.add(path + ": local code '" + local + "' is translated to '" + value + "', which is not "
            + switch (which) {
              case FINANCING_INSTRUMENT -> "a current CEB financing instrument ('iatipub export codes show ceb-financing-instrument')";
              case CONTRIBUTOR, CONTRIBUTOR_TYPE -> "a CEB contributor type ('iatipub export codes show ceb-contributor-type')";
              case CONTRIBUTOR_COUNTRY -> "an ISO 3166 country code of the IATI Country codelist";
              case UN_SYSTEM_FUNCTION -> "a current UN system function ('iatipub export codes show ceb-function')";
            });
      } else {
        translations.put(local, canonical);
      }
    });
    return translations;
  }

  private static String active(StandardCodes codes, StandardList list, String value) {
    return codes.code(list, value).filter(c -> !c.isWithdrawn()).map(Code::value).orElse(null);
  }

  private static void unknownKeys(JsonNode node, Set<String> known, String at, List<String> problems) {
    node.fieldNames().forEachRemaining(key -> {
      if (!known.contains(key)) {
        problems.add(at + key + ": unknown key; expected one of " + new TreeSet<>(known));
      }
    });
  }

  /** For messages: the exports named in words. */
  static String words(List<ExportKind> kinds) {
    return String.join(", ", kinds.stream().map(k -> k.word().toLowerCase(Locale.ROOT)).toList());
  }
}
