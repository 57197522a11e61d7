package org.iatipub.codelist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.iatipub.xml.SafeXml;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns a directory of official IATI codelists ({@code embedded/*.xml}, {@code non-embedded/*.xml},
 * {@code mapping.xml}) into the project's snapshot. The result depends only on the files' content,
 * so importing the same release twice gives the same snapshot, byte for byte.
 */
public final class CodelistImport {
  private static final List<String> CODELIST_DIRS = List.of("embedded", "non-embedded");
  private static final String MAPPING = "mapping.xml";

  private CodelistImport() {}

  /** Why an import cannot go on, in words for the person running it. */
  public static final class ImportFailure extends Exception {
    ImportFailure(String message, Throwable cause) {
      super(message, cause);
    }

    ImportFailure(String message) {
      super(message);
    }
  }

  /**
   * Imports the codelists in {@code dir}.
   *
   * @param ruleCatalogue the official validator's {@code data-quality-rules.csv}, whose ids the
   *     snapshot's mappings then carry; empty to give every check the project's own id
   */
  public static CodelistSnapshot from(Path dir, Optional<Path> ruleCatalogue) throws ImportFailure {
    Path mappingFile = dir.resolve(MAPPING);
    if (!Files.isRegularFile(mappingFile)) {
      throw new ImportFailure(dir + " is not an IATI codelists directory: it has no " + MAPPING);
    }
    List<Path> codelistFiles = codelistFiles(dir);
    if (codelistFiles.isEmpty()) {
      throw new ImportFailure(dir + " has no codelists: expected embedded/*.xml or non-embedded/*.xml");
    }
    SourceDigest digest = new SourceDigest();
    Map<String, Codelist> codelists = new TreeMap<>();
    String latestChange = "";
    for (Path file : codelistFiles) {
      CodelistFile reader = new CodelistFile();
      parse(file, reader);
      add(digest, dir.relativize(file).toString().replace('\\', '/'), file);
      Codelist codelist = reader.codelist();
      if (codelist.name().isEmpty()) {
        throw new ImportFailure(file + ": the codelist has no name attribute");
      }
      if (codelists.put(codelist.name(), codelist) != null) {
        throw new ImportFailure(file + ": codelist " + codelist.name() + " is defined twice");
      }
      latestChange = reader.latestChange().compareTo(latestChange) > 0 ? reader.latestChange() : latestChange;
    }
    MappingFile mapping = new MappingFile();
    parse(mappingFile, mapping);
    add(digest, MAPPING, mappingFile);

    OfficialRuleIds ids = OfficialRuleIds.none();
    String ruleIdSource = "";
    if (ruleCatalogue.isPresent()) {
      Path catalogue = ruleCatalogue.get();
      try {
        ids = OfficialRuleIds.read(catalogue);
      } catch (IOException e) {
        throw new ImportFailure("cannot read the rule catalogue " + catalogue + ": " + e.getMessage(), e);
      }
      add(digest, "rule-catalogue", catalogue);
      ruleIdSource = "IATI Validator " + catalogue.getFileName() + ", " + ids.size() + " codelist rule ids";
    }
    List<CodelistMapping> mappings = new ArrayList<>();
    for (MappingFile.Entry entry : mapping.entries()) {
      if (!codelists.containsKey(entry.codelist())) {
        throw new ImportFailure(MAPPING + " maps " + entry.officialPath() + " to codelist " + entry.codelist() + ", which is not in " + dir);
      }
      String rule = ids.idFor(entry.officialPath(), entry.codelist()).orElse(CodelistMapping.projectRule(entry.codelist()));
      mappings.add(new CodelistMapping(entry.path(), entry.codelist(), entry.condition(), rule));
    }
    SnapshotSource source = new SnapshotSource(standardVersion(codelists.get("Version")), latestChange, digest.value(), ruleIdSource);
    return new CodelistSnapshot(source, codelists, mappings);
  }

  private static List<Path> codelistFiles(Path dir) throws ImportFailure {
    List<Path> files = new ArrayList<>();
    for (String sub : CODELIST_DIRS) {
      Path subdir = dir.resolve(sub);
      if (!Files.isDirectory(subdir)) {
        continue;
      }
      try (Stream<Path> listing = Files.list(subdir)) {
        listing.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().forEach(files::add);
      } catch (IOException e) {
        throw new ImportFailure("cannot list " + subdir + ": " + e.getMessage(), e);
      }
    }
    return files;
  }

  private static void parse(Path file, DefaultHandler handler) throws ImportFailure {
    XMLReader reader = SafeXml.newReader();
    reader.setContentHandler(handler);
    // Reports a broken file through the exception only (the default handler also prints it).
    reader.setErrorHandler(handler);
    try (InputStream in = Files.newInputStream(file)) {
      InputSource source = new InputSource(in);
      source.setSystemId(file.toUri().toString());
      reader.parse(source);
    } catch (IllegalArgumentException e) {
      throw new ImportFailure(file + ": " + e.getMessage(), e);
    } catch (SAXException e) {
      throw new ImportFailure(file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ImportFailure("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The newest version in the Version codelist that is still active. */
  private static String standardVersion(Codelist versions) {
    if (versions == null) {
      return "";
    }
    return versions.codes().values().stream()
        .filter(code -> !code.isWithdrawn())
        .map(Code::value)
        .max(Comparator.comparing(CodelistImport::versionParts, Arrays::compare))
        .orElse("");
  }

  private static int[] versionParts(String version) {
    return Stream.of(version.split("\\.")).mapToInt(part -> part.matches("\\d+") ? Integer.parseInt(part) : -1).toArray();
  }

  private static void add(SourceDigest digest, String name, Path file) throws ImportFailure {
    try {
      digest.add(name, file);
    } catch (IOException e) {
      throw new ImportFailure("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

}
