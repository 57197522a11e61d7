package org.iatipub.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.iatipub.finding.Finding;
import org.iatipub.xml.SafeXml;
import org.iatipub.finding.Location;
import org.iatipub.finding.Severity;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Validates IATI files one at a time in a single streaming pass: memory does not grow with file
 * size, and every schema problem is reported, not only the first. What is wrong with the file as a
 * whole carries the official validator's ids ({@link FileLevelRule}).
 */
public final class FileValidator {
  private final SchemaSet schemas;
  private final CheckSuite checks;
  private final boolean schemaAlone;

  /**
   * The schema alone: the file is judged by it whatever version it declares (a version other than
   * 2.03 is a warning), as {@code xmllint --schema} would judge it. (For {@code validate
   * --schema-only}, which stops at a version no longer supported as the official validator's
   * schema check does, give {@link CheckSuite#none()} to the other constructor.)
   */
  public FileValidator(SchemaSet schemas) {
    this(schemas, CheckSuite.none(), true);
  }

  /**
   * Validation as the official validator's: a file of a version no longer supported stops at
   * 0.6.1; otherwise the schema and, in the same pass, the given checks on every record.
   */
  public FileValidator(SchemaSet schemas, CheckSuite checks) {
    this(schemas, checks, false);
  }

  private FileValidator(SchemaSet schemas, CheckSuite checks, boolean schemaAlone) {
    this.schemas = schemas;
    this.checks = checks;
    this.schemaAlone = schemaAlone;
  }

  /**
   * Validates one file, handing each finding to {@code findings} as soon as it is known.
   *
   * @throws IOException when the file cannot be read at all (missing, no permission)
   */
  public FileVerdict validate(Path file, String shownAs, Consumer<Finding> findings) throws IOException {
    return validate(file, shownAs, findings, span -> { });
  }

  /**
   * As {@link #validate(Path, String, Consumer)}, telling {@code records} where each record lies
   * and what names it, once it is read (for reports that group findings by record).
   */
  public FileVerdict validate(Path file, String shownAs, Consumer<Finding> findings, Consumer<RecordSpan> records)
      throws IOException {
    Tally tally = new Tally(findings);
    XMLReader reader = SafeXml.newReader();
    SchemaDispatch dispatch = new SchemaDispatch(schemas, checks, !schemaAlone, shownAs, tally, tally::acceptFromCheck, records);
    reader.setContentHandler(dispatch);
    reader.setErrorHandler(dispatch);
    long size = Files.size(file);
    try (InputStream in = Files.newInputStream(file)) {
      if (size == 0) {
        tally.accept(NotWellFormed.empty(shownAs));
      } else {
        InputSource source = new InputSource(in);
        source.setSystemId(file.toUri().toString());
        reader.parse(source);
      }
    } catch (SAXParseException e) {
      tally.accept(NotWellFormed.finding(shownAs, e));
    } catch (SAXException e) {
      tally.accept(NotWellFormed.unreadable(shownAs, e));
    } finally {
      dispatch.close();
    }
    return new FileVerdict(shownAs, Optional.ofNullable(dispatch.kind()), tally.errors, tally.warnings, tally.schemaErrors,
        dispatch.version());
  }

  /** Passes findings on while counting them by severity and telling schema errors apart. */
  private static final class Tally implements Consumer<Finding> {
    private final Consumer<Finding> next;
    int errors;
    int warnings;
    int schemaErrors;

    Tally(Consumer<Finding> next) {
      this.next = next;
    }

    /** A finding of the parser or the schema. */
    @Override
    public void accept(Finding finding) {
      if (finding.severity() == Severity.ERROR) {
        schemaErrors++;
      }
      acceptFromCheck(finding);
    }

    /** A finding of a codelist or rule check. */
    void acceptFromCheck(Finding finding) {
      if (finding.severity() == Severity.ERROR) {
        errors++;
      } else if (finding.severity() == Severity.WARNING) {
        warnings++;
      }
      next.accept(finding);
    }
  }
}
