package org.iatipub.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import org.iatipub.finding.Finding;
import org.iatipub.finding.Location;
import org.iatipub.source.SourceRow;

/**
 * Reads the cells of the own form through the mapping file: finds a field's column, translates
 * codes through crosswalks, checks dates and numbers, and records a finding (file, row, column,
 * value) for each cell it cannot use. One per activity, as it collects that activity's findings.
 */
final class CellReader {
  static final QName XML_LANG = new QName(XMLConstants.XML_NS_URI, "lang", "xml");
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  private final MappingFile.Field[] sources;
  private final Map<String, Crosswalk> crosswalks;
  private final List<Finding> findings;
  private final boolean ruleChecks;
  private final String language;

  /**
   * @param sources where each named field is read from, by {@link #sources(MappingFile)}
   * @param findings where the findings of one activity are collected
   * @param ruleChecks false with {@code --schema-only}: the checks of IATI rules are left out
   * @param language the activity's language, which its narratives need not say
   */
  CellReader(MappingFile.Field[] sources, Map<String, Crosswalk> crosswalks, List<Finding> findings, boolean ruleChecks,
      String language) {
    this.sources = sources;
    this.crosswalks = crosswalks;
    this.findings = findings;
    this.ruleChecks = ruleChecks;
    this.language = language;
  }

  /**
   * Where each named field is read from, by its ordinal (null when not mapped): worked out once per
   * mapping, as the rules ask for fields many times per activity.
   */
  static MappingFile.Field[] sources(MappingFile mapping) {
    MappingFile.Field[] sources = new MappingFile.Field[OwnField.values().length];
    for (OwnField field : OwnField.values()) {
      MappingFile.FileMapping file = mapping.table(field.table());
      sources[field.ordinal()] = file == null ? null : file.field(field);
    }
    return sources;
  }

  private MappingFile.Field source(OwnField field) {
    return sources[field.ordinal()];
  }

  /** The cell's text, trimmed; empty when the field is not mapped or the cell is blank. */
  String raw(SourceRow row, OwnField field) {
    return source(field) instanceof MappingFile.Column c ? row.get(c.column()) : "";
  }

  Location.Cell cell(SourceRow row, OwnField field) {
    return source(field) instanceof MappingFile.Column c ? row.cell(c.column()) : row.whole();
  }

  /** A value that must be there; a finding when it is not. */
  String required(SourceRow row, OwnField field) {
    String value = raw(row, field);
    if (value.isEmpty()) {
      add(MappingRule.MISSING_VALUE.at(cell(row, field),
          "'" + field.key() + "' is required here but the cell is empty"));
    }
    return value;
  }

  /** A code, translated through the field's crosswalk when it has one; null when empty or unknown. */
  Crosswalk.Code code(SourceRow row, OwnField field) {
    String value = raw(row, field);
    if (value.isEmpty()) {
      return null;
    }
    MappingFile.Column column = (MappingFile.Column) source(field);
    return column.crosswalk() == null ? new Crosswalk.Code(value, null) : translate(value, column.crosswalk(), cell(row, field));
  }

  /** A local code translated through the named crosswalk; null, with a finding at {@code cell}, when it has no entry. */
  Crosswalk.Code translate(String value, String crosswalkName, Location.Cell cell) {
    Crosswalk crosswalk = crosswalks.get(crosswalkName);
    Crosswalk.Code code = crosswalk.translate(value).orElse(null);
    if (code == null) {
      add(MappingRule.UNKNOWN_CODE.at(cell,
          "the local code '" + value + "' has no entry in the crosswalk '" + crosswalk.name() + "' ("
              + crosswalk.file() + "); add it there or correct the cell"));
    }
    return code;
  }

  /** True when the field is mapped to a column whose codes go through a crosswalk, with labels as narratives. */
  boolean labelAsNarrative(OwnField field) {
    return source(field) instanceof MappingFile.Column c && c.labelAsNarrative();
  }

  /** The code alone (see {@link #code}). */
  String codeValue(SourceRow row, OwnField field) {
    Crosswalk.Code code = code(row, field);
    return code == null ? null : code.code();
  }

  /** An ISO date (YYYY-MM-DD); null when empty or not a date. */
  String date(SourceRow row, OwnField field) {
    String value = raw(row, field);
    if (value.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(value).toString();
    } catch (DateTimeParseException e) {
      add(MappingRule.BAD_DATE.at(cell(row, field),
          "'" + value + "' is not a date; write dates as YYYY-MM-DD, e.g. 2024-03-31"));
      return null;
    }
  }

  /** A plain decimal number; null when empty or not a number. */
  String number(SourceRow row, OwnField field) {
    String value = raw(row, field);
    if (value.isEmpty()) {
      return null;
    }
    if (!NUMBER.matcher(value).matches()) {
      add(MappingRule.BAD_NUMBER.at(cell(row, field),
          "'" + value + "' is not a plain number; write digits with '.' for decimals,"
              + " without thousands separators, spaces or currency signs, e.g. 125000.50"));
      return null;
    }
    return value;
  }

  /** A percentage from 0 to 100; null when empty or not one. */
  String percentage(SourceRow row, OwnField field) {
    String value = number(row, field);
    if (value != null) {
      BigDecimal number = new BigDecimal(value);
      if (number.signum() < 0 || number.compareTo(BigDecimal.valueOf(100)) > 0) {
        add(MappingRule.BAD_PERCENTAGE.at(cell(row, field),
            "'" + value + "' is not a percentage from 0 to 100"));
        return null;
      }
    }
    return value;
  }

  /** A year such as 2021; null when empty or not a year. */
  String year(SourceRow row, OwnField field) {
    String value = raw(row, field);
    if (value.isEmpty()) {
      return null;
    }
    if (!value.matches("[12][0-9]{3}")) {
      add(MappingRule.BAD_YEAR.at(cell(row, field),
          "'" + value + "' is not a year; write four digits, e.g. 2021"));
      return null;
    }
    return value;
  }

  /** Adds one {@code narrative} per language that has text; true when it added any. */
  boolean narratives(SourceRow row, OwnField field, XmlElement.Builder parent) {
    if (!(source(field) instanceof MappingFile.Text text)) {
      return false;
    }
    boolean any = false;
    for (Map.Entry<String, String> entry : text.columns().entrySet()) {
      String value = row.get(entry.getValue());
      if (!value.isEmpty()) {
        parent.child(narrative(entry.getKey(), value, row.cell(entry.getValue())));
        any = true;
      }
    }
    return any;
  }

  /** Narratives in the activity's language leave out xml:lang: they inherit it from the activity. */
  XmlElement.Builder narrative(String language, String value, Location.Cell from) {
    XmlElement.Builder narrative = XmlElement.element("narrative").text(value, from);
    if (!language.isEmpty() && !language.equals(this.language)) {
      narrative.attribute(XML_LANG, language, from);
    }
    return narrative;
  }

  /** Records a finding; those of IATI rules only when the rules are checked. */
  void add(Finding finding) {
    if (ruleChecks || MappingRule.byId(finding.rule()).map(r -> !r.isIatiRule()).orElse(true)) {
      findings.add(finding);
    }
  }
}
