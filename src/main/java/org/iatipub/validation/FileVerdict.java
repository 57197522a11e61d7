package org.iatipub.validation;

import java.util.Optional;

/**
 * The outcome for one file.
 *
 * @param path the file as the user named it
 * @param kind activity or organisation file, empty when the root element was not an IATI one
 * @param errors findings of error severity, from any check (any makes the file invalid)
 * @param warnings findings of warning severity
 * @param schemaErrors the errors that the XML Schema (or XML parsing) found, a subset of errors
 * @param version the IATI version the root declares, trimmed; empty when none (or no IATI root)
 */
public record FileVerdict(String path, Optional<DocumentKind> kind, int errors, int warnings, int schemaErrors, String version) {
  public FileVerdict {
    version = version == null ? "" : version;
  }

  public FileVerdict(String path, Optional<DocumentKind> kind, int errors, int warnings, int schemaErrors) {
    this(path, kind, errors, warnings, schemaErrors, "");
  }

  /** No errors at all: what the IATI Validator would accept. */
  public boolean valid() {
    return errors == 0;
  }

  /** Valid against the schema, whatever the codelist and rule checks say. */
  public boolean schemaValid() {
    return schemaErrors == 0;
  }
}
