package org.iatipub.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import org.iatipub.publish.dataset.Layout;

/**
 * What to publish and how.
 *
 * @param input a directory of CSV files (one set), or of set directories
 * @param mapping a mapping file to use instead of each own-form set's {@code mapping.yaml}, or null
 * @param output the directory the files are published into
 * @param delimiter the CSV cell delimiter
 * @param form the input form, or null to tell it from the header rows
 * @param strict publish nothing at all if anything fails
 * @param layout how the files are split (per set, country or region) and how large they may grow
 * @param organisation the organisation CSV, or null to use {@code organisation.csv} in the input
 *     directory when there is one
 */
public record PublishRequest(Path input, Path mapping, Path output, char delimiter, InputForm form, boolean strict,
    Layout layout, Path organisation) {

  /** The organisation CSV's name in an input directory; never read as part of an activity set. */
  public static final String ORGANISATION_FILE = "organisation.csv";

  public PublishRequest(Path input, Path mapping, Path output, char delimiter, InputForm form, boolean strict) {
    this(input, mapping, output, delimiter, form, strict, Layout.standard(), null);
  }

  /** The organisation CSV to publish, or null when there is none. */
  Path organisationFile() {
    if (organisation != null) {
      return organisation;
    }
    Path beside = input.resolve(ORGANISATION_FILE);
    return Files.isRegularFile(beside) ? beside : null;
  }
}
