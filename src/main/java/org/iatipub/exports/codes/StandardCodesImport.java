package org.iatipub.exports.codes;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.iatipub.codelist.Code;
import org.iatipub.codelist.CodeStatus;
import org.iatipub.codelist.Codelist;
import org.iatipub.codelist.SourceDigest;
import org.iatipub.codelist.CodelistSnapshot;
import org.iatipub.xml.SafeXml;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns the OECD-DAC CRS code lists and the UN CEB's published lists (a directory with
 * {@code oecd/} and {@code ceb/}, laid out as the reference material is) into the project's
 * snapshot. The result depends only on the files' content and the bundled IATI codelists, so
 * importing twice gives the same bytes.
 *
 * <p>The OECD lists name countries but give no ISO code, which IATI uses; each country is matched to
 * the IATI Country codelist by name, written the same way once articles and "(the)" are set aside.
 * The few names the two lists write differently are matched by {@link #SAME_COUNTRY}; a country
 * that matches neither stops the import rather than being guessed.
 */
public final class StandardCodesImport {
  /** OECD code to ISO 3166 code, for the countries whose OECD and ISO names differ beyond articles. */
  private static final Map<String, String> SAME_COUNTRY = Map.ofEntries(
      Map.entry("12", "GB"), Map.entry("69", "SK"), Map.entry("87", "RU"), Map.entry("93", "MD"),
      Map.entry("235", "CD"), Map.entry("276", "SH"), Map.entry("302", "US"), Map.entry("428", "BO"),
      Map.entry("463", "VE"), Map.entry("540", "IR"), Map.entry("550", "PS"), Map.entry("730", "CN"),
      Map.entry("732", "TW"), Map.entry("740", "KP"), Map.entry("742", "KR"), Map.entry("860", "FM"));
  /** Donors in the DAC members' list that are not countries. */
  private static final Set<String> NOT_A_COUNTRY = Set.of("918");

  private StandardCodesImport() {}

  /** Why an import cannot go on. */
  public static final class ImportFailure extends Exception {
    ImportFailure(String message) {
      super(message);
    }
  }

  public static StandardCodes from(Path dir) throws ImportFailure {
    Path oecd = dir.resolve("oecd");
    Path ceb = dir.resolve("ceb");
    if (!Files.isDirectory(oecd) || !Files.isDirectory(ceb)) {
      throw new ImportFailure(dir + " is not a standards directory: it needs oecd/ and ceb/");
    }
    SourceDigest digest = new SourceDigest();
    Map<String, String> isoByName = isoByName();
    Map<StandardList, Codelist> lists = new EnumMap<>(StandardList.class);

    List<Code> donors = new ArrayList<>();
    for (String file : List.of("dac_members.csv", "non_dac_donors.csv")) {
      for (CSVRecord row : read(oecd, file, digest)) {
        String code = field(row, "code", file);
        String iso = NOT_A_COUNTRY.contains(code) ? "" : country(code, field(row, "name_en", file), isoByName, file);
        donors.add(active(code, field(row, "name_en", file), iso));
      }
    }
    for (String file : List.of("multilateral_donors.csv", "private_donors.csv")) {
      for (CSVRecord row : read(oecd, file, digest)) {
        donors.add(active(field(row, "code", file), field(row, "name_en", file), ""));
      }
    }
    put(lists, StandardList.CRS_DONOR, donors);

    List<Code> agencies = new ArrayList<>();
    for (CSVRecord row : read(oecd, "agencies.csv", digest)) {
      String donor = field(row, "code", "agencies.csv");
      agencies.add(active(donor + "/" + field(row, "agency_code", "agencies.csv"), field(row, "agency_name_en", "agencies.csv"), donor));
    }
    put(lists, StandardList.CRS_AGENCY, agencies);

    List<Code> recipients = new ArrayList<>();
    for (CSVRecord row : read(oecd, "recipients.csv", digest)) {
      String code = field(row, "code", "recipients.csv");
      String name = field(row, "name_en", "recipients.csv");
      boolean region = name.endsWith(", regional") || name.contains("unspecified");
      recipients.add(active(code, name, region ? "" : country(code, name, isoByName, "recipients.csv")));
    }
    put(lists, StandardList.CRS_RECIPIENT, recipients);

    put(lists, StandardList.CRS_CHANNEL, simple(oecd, "channel_codes.csv", "category", digest));
    List<Code> purposes = new ArrayList<>();
    for (CSVRecord row : read(oecd, "sectors.csv", digest)) {
      // A row with a voluntary code describes that code, under the purpose code it refines.
      String voluntary = field(row, "voluntary_code", "sectors.csv");
      String code = voluntary.isEmpty() ? field(row, "code", "sectors.csv") : voluntary;
      purposes.add(active(code, field(row, "name_en", "sectors.csv"), field(row, "category", "sectors.csv")));
    }
    put(lists, StandardList.CRS_PURPOSE, purposes);
    put(lists, StandardList.CRS_FLOW, simple(oecd, "flow_types.csv", null, digest));
    put(lists, StandardList.CRS_FINANCE, simple(oecd, "finance_types.csv", "category", digest));
    put(lists, StandardList.CRS_AID_TYPE, simple(oecd, "aid_types.csv", "category", digest));
    put(lists, StandardList.CRS_BI_MULTI, simple(oecd, "collaboration_types.csv", null, digest));
    put(lists, StandardList.CRS_NATURE_OF_SUBMISSION, simple(oecd, "nature_of_submission.csv", null, digest));
    String edition = oecdEdition(oecd.resolve("DAC-CRS-codelists_iati-format.xml"), digest);

    List<Code> entities = new ArrayList<>();
    for (CSVRecord row : read(ceb, "ceb_entities_observed.csv", digest)) {
      String agency = field(row, "agency", "ceb_entities_observed.csv");
      entities.add(active(agency, agency, ""));
    }
    put(lists, StandardList.CEB_ENTITY, entities);

    List<CSVRecord> instruments = read(ceb, "ceb_financing_instruments_observed.csv", digest);
    int latest = 0;
    for (CSVRecord row : instruments) {
      latest = Math.max(latest, year(row, "last_year", "ceb_financing_instruments_observed.csv"));
    }
    // One code may have been published under several names: the latest one names it.
    Map<String, CSVRecord> newest = new LinkedHashMap<>();
    for (CSVRecord row : instruments) {
      String code = field(row, "sub_type_code", "ceb_financing_instruments_observed.csv");
      CSVRecord before = newest.get(code);
      if (before == null || year(row, "last_year", "") > year(before, "last_year", "")) {
        newest.put(code, row);
      }
    }
    List<Code> financing = new ArrayList<>();
    for (Map.Entry<String, CSVRecord> entry : newest.entrySet()) {
      CSVRecord row = entry.getValue();
      CodeStatus status = year(row, "last_year", "") == latest ? CodeStatus.ACTIVE : CodeStatus.WITHDRAWN;
      financing.add(new Code(entry.getKey(), field(row, "sub_type_name", ""), status, field(row, "rev_type (parent)", "")));
    }
    put(lists, StandardList.CEB_FINANCING_INSTRUMENT, financing);

    List<Code> functions = new ArrayList<>();
    for (CSVRecord row : read(ceb, "ceb_un_system_functions_observed.csv", digest)) {
      String name = field(row, "function_name_as_published", "ceb_un_system_functions_observed.csv");
      CodeStatus status = year(row, "last_year", "ceb_un_system_functions_observed.csv") == latest ? CodeStatus.ACTIVE : CodeStatus.WITHDRAWN;
      functions.add(new Code(name, name, status, ""));
    }
    put(lists, StandardList.CEB_FUNCTION, functions);

    List<Code> contributors = new ArrayList<>();
    for (CSVRecord row : read(ceb, "ceb_contributor_type_crosswalk_derived.csv", digest)) {
      contributors.add(active(field(row, "code", "ceb_contributor_type_crosswalk_derived.csv"),
          field(row, "name", "ceb_contributor_type_crosswalk_derived.csv"), ""));
    }
    put(lists, StandardList.CEB_CONTRIBUTOR_TYPE, contributors);

    return new StandardCodes(new StandardCodes.Source(edition, Integer.toString(latest), digest.value()), lists);
  }

  private static Code active(String code, String name, String category) {
    return new Code(code, name, CodeStatus.ACTIVE, category);
  }

  private static void put(Map<StandardList, Codelist> lists, StandardList list, List<Code> codes) {
    lists.put(list, Codelist.of(list.key(), list.title(), codes));
  }

  /** A list of code and English name, with its category from {@code categoryColumn} when given. */
  private static List<Code> simple(Path dir, String file, String categoryColumn, SourceDigest digest) throws ImportFailure {
    List<Code> codes = new ArrayList<>();
    for (CSVRecord row : read(dir, file, digest)) {
      codes.add(active(field(row, "code", file), field(row, "name_en", file), categoryColumn == null ? "" : field(row, categoryColumn, file)));
    }
    return codes;
  }

  /** The ISO code of an OECD country, by its name or {@link #SAME_COUNTRY}; never guessed. */
  private static String country(String code, String name, Map<String, String> isoByName, String file) throws ImportFailure {
    String iso = SAME_COUNTRY.getOrDefault(code, isoByName.get(comparable(name)));
    if (iso == null) {
      throw new ImportFailure(file + ": no IATI country is named '" + name + "' (OECD code " + code
          + "); add the pair to StandardCodesImport.SAME_COUNTRY after checking which country it is");
    }
    return iso;
  }

  private static Map<String, String> isoByName() {
    Map<String, String> byName = new HashMap<>();
    Codelist countries = CodelistSnapshot.bundled().codelist("Country").orElseThrow();
    for (Code country : countries.codes().values()) {
      byName.put(comparable(country.name()), country.value());
    }
    return byName;
  }

  /** A country name with case, articles and spacing set aside: "Gambia (the)" and "Gambia" compare equal. */
  static String comparable(String name) {
    String plain = name.toLowerCase(Locale.ROOT).replace('\u00a0', ' ').replace("(the)", "");
    plain = plain.replaceFirst(", the .*$", "").replaceFirst("^the ", "");
    return plain.replaceAll("\\s+", " ").strip();
  }

  private static String field(CSVRecord row, String column, String file) throws ImportFailure {
    if (!row.isMapped(column)) {
      throw new ImportFailure(file + ": no column '" + column + "' (columns: " + row.getParser().getHeaderNames() + ")");
    }
    String value = row.get(column).replace('\u00a0', ' ').strip();
    return value.replaceAll("[\\t\\r\\n]+", " ");
  }

  private static int year(CSVRecord row, String column, String file) throws ImportFailure {
    String value = field(row, column, file);
    if (!value.matches("[0-9]{4}")) {
      throw new ImportFailure(file + ": '" + value + "' in column " + column + " is not a year");
    }
    return Integer.parseInt(value);
  }

  private static List<CSVRecord> read(Path dir, String file, SourceDigest digest) throws ImportFailure {
    Path path = dir.resolve(file);
    add(digest, dir.getFileName() + "/" + file, path);
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8); CSVParser parser = CSVParser.parse(in, format)) {
      return parser.getRecords();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new ImportFailure("cannot read " + path + ": " + e.getMessage());
    }
  }

  /** The date the OECD code lists were last modified: the root's {@code date-last-modified}. */
  private static String oecdEdition(Path file, SourceDigest digest) throws ImportFailure {
    add(digest, "oecd/" + file.getFileName(), file);
    String[] date = new String[1];
    XMLReader reader = SafeXml.newReader();
    reader.setContentHandler(new DefaultHandler() {
      @Override
      public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        date[0] = atts.getValue("date-last-modified");
        throw new SAXException("root read"); // nothing else of the file is needed
      }
    });
    try (InputStream in = Files.newInputStream(file)) {
      reader.parse(new InputSource(in));
    } catch (SAXException e) {
      if (date[0] == null && !"root read".equals(e.getMessage())) {
        throw new ImportFailure(file + ": " + e.getMessage());
      }
    } catch (IOException e) {
      throw new ImportFailure("cannot read " + file + ": " + e.getMessage());
    }
    if (date[0] == null || date[0].length() < 10) {
      throw new ImportFailure(file + ": its root has no date-last-modified");
    }
    return date[0].substring(0, 10);
  }

  private static void add(SourceDigest digest, String name, Path file) throws ImportFailure {
    try {
      digest.add(name, file);
    } catch (IOException e) {
      throw new ImportFailure("cannot read " + file + ": " + e.getMessage());
    }
  }

}
