package org.iatipub.validation;

import java.util.Optional;

/**
 * The outcome for one file.
 *
 * @param path the file as the user named it
 * @param kind activity or organisation file, empty when the root element was not an IATI one
 * @param errors findings of error severity (any makes the file invalid)
 * @param warnings findings of warning severity
 */
public record FileVerdict(String path, Optional<DocumentKind> kind, int errors, int warnings) {
  public boolean valid() {
    return errors == 0;
  }
}
