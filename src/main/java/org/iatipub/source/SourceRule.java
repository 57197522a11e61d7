package org.iatipub.source;

import org.iatipub.finding.PipelineRule;
import org.iatipub.finding.Severity;

/**
 * The rules the sources stage reports under its own ids: reading CSV files ({@code csv/…}) and
 * workbooks ({@code workbook/…}), and joining their rows into activities ({@code source/…}).
 */
public enum SourceRule implements PipelineRule {
  CSV_EMPTY_FILE("csv/empty-file", Severity.ERROR, "a CSV file is empty: it has no header row naming its columns"),
  CSV_BLANK_COLUMN_NAME("csv/blank-column-name", Severity.ERROR, "a column of a CSV file has no name in the header row"),
  CSV_DUPLICATE_COLUMN("csv/duplicate-column", Severity.ERROR, "a CSV file's header names a column twice"),
  CSV_RAGGED_ROW("csv/ragged-row", Severity.ERROR, "a row has more or fewer cells than the header has columns"),
  CSV_NOT_UTF8("csv/not-utf8", Severity.ERROR, "a CSV file holds bytes that are not UTF-8 text (reading stops there)"),
  CSV_QUOTING("csv/quoting", Severity.ERROR, "a quoted cell is not closed or has text after its closing quote (reading stops there)"),
  CSV_UNREADABLE("csv/unreadable", Severity.ERROR, "a CSV file cannot be read on (reading stops there)"),
  WORKBOOK_EMPTY_SHEET("workbook/empty-sheet", Severity.ERROR, "a sheet is empty: it has no header row naming its columns"),
  WORKBOOK_UNNAMED_COLUMN("workbook/unnamed-column", Severity.ERROR, "a cell holds a value in a column the header row does not name"),
  WORKBOOK_DUPLICATE_COLUMN("workbook/duplicate-column", Severity.ERROR, "a sheet's header row names a column twice"),
  WORKBOOK_ERROR_VALUE("workbook/error-value", Severity.ERROR, "a cell shows an error value (#DIV/0!, #REF!, …)"),
  WORKBOOK_FORMULA_WITHOUT_VALUE("workbook/formula-without-value", Severity.ERROR,
      "a cell holds a formula whose value was never calculated and stored"),
  WORKBOOK_NOT_A_DATE("workbook/not-a-date", Severity.ERROR, "a cell formatted as a date holds a number that is no date"),
  WORKBOOK_CELL_TOO_LONG("workbook/cell-too-long", Severity.ERROR, "a cell holds more characters than a spreadsheet cell can"),
  WORKBOOK_BEYOND_SHEET("workbook/beyond-sheet", Severity.ERROR,
      "a cell lies outside any spreadsheet's rows and columns (reading stops there)"),
  WORKBOOK_DAMAGED("workbook/damaged", Severity.ERROR, "a cell's stored value contradicts its type (reading stops there)"),
  WORKBOOK_DOCTYPE("workbook/doctype", Severity.ERROR,
      "a part of the workbook has a DOCTYPE, refused so no entity is fetched or expanded (reading stops there)"),
  WORKBOOK_NOT_WELL_FORMED("workbook/not-well-formed", Severity.ERROR,
      "a part of the workbook is not well-formed XML (reading stops there)"),
  WORKBOOK_ZIP_BOMB("workbook/zip-bomb", Severity.ERROR,
      "a part of the workbook would inflate past 100 times its compressed size or 4 GB (not read)"),
  WORKBOOK_UNREADABLE("workbook/unreadable", Severity.ERROR, "a part of the workbook cannot be read (reading stops there)"),
  WORKBOOK_HIDDEN_SHEET("workbook/hidden-sheet", Severity.INFO, "a hidden sheet is not read"),
  WORKBOOK_UNREAD_SHEET("workbook/unread-sheet", Severity.INFO, "a sheet that no file of the mapping names is not read"),
  MISSING_ID("source/missing-id", Severity.ERROR, "a row has no activity id (or no id of the row it belongs to)"),
  DUPLICATE_ID("source/duplicate-id", Severity.ERROR, "two rows of the main file share an activity id"),
  UNKNOWN_ID("source/unknown-id", Severity.ERROR, "a row of a nested file names an activity that no row of the main file has");

  private final Spec spec;

  SourceRule(String id, Severity severity, String description) {
    this.spec = new Spec(id, severity, description);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
