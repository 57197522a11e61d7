package org.iatipub.source;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds workbooks part by part for tests, as Excel and LibreOffice lay them out, so that a test
 * can say exactly what a part holds: a cell type, a formula without its value, a DOCTYPE, a zip bomb.
 */
public final class WorkbookFiles {
  public static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  private WorkbookFiles() {}

  /** A sheet of an .xlsx workbook: its name, its visibility, and its {@code <sheetData>} content. */
  public record Sheet(String name, String state, String rows) {
    public static Sheet visible(String name, String rows) {
      return new Sheet(name, null, rows);
    }
  }

  /**
   * The parts of an .xlsx workbook with {@code sheets}, shared strings {@code sharedStrings} (each
   * an {@code <si>} body; none when null) and the cell styles' number formats {@code cellFormats}
   * (built-in or declared in {@code numFmts}, e.g. {@code <numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>}).
   */
  public static Map<String, String> xlsxParts(List<Sheet> sheets, List<String> sharedStrings, String numFmts,
      List<Integer> cellFormats, boolean date1904) {
    Map<String, String> parts = new LinkedHashMap<>();
    StringBuilder types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
    StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>");
    StringBuilder workbook = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + RELATIONSHIPS + "\">"
        + (date1904 ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>") + "<sheets>");
    for (int i = 0; i < sheets.size(); i++) {
      Sheet sheet = sheets.get(i);
      String part = "xl/worksheets/sheet" + (i + 1) + ".xml";
      types.append("<Override PartName=\"/").append(part)
          .append("\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
      rels.append("<Relationship Id=\"rId").append(i + 1)
          .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
          .append(i + 1).append(".xml\"/>");
      workbook.append("<sheet name=\"").append(sheet.name().replace("&", "&amp;").replace("'", "&apos;")).append("\" sheetId=\"")
          .append(i + 1).append("\"").append(sheet.state() == null ? "" : " state=\"" + sheet.state() + "\"")
          .append(" r:id=\"rId").append(i + 1).append("\"/>");
      parts.put(part, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN
          + "\"><dimension ref=\"A1\"/><sheetData>" + sheet.rows() + "</sheetData></worksheet>");
    }
    if (sharedStrings != null) {
      types.append("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
      rels.append("<Relationship Id=\"rIdStrings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>");
      StringBuilder sst = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\""
          + MAIN + "\" count=\"" + sharedStrings.size() + "\" uniqueCount=\"" + sharedStrings.size() + "\">");
      sharedStrings.forEach(si -> sst.append("<si>").append(si).append("</si>"));
      parts.put("xl/sharedStrings.xml", sst.append("</sst>").toString());
    }
    StringBuilder styles = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<styleSheet xmlns=\""
        + MAIN + "\">" + (numFmts == null ? "" : "<numFmts>" + numFmts + "</numFmts>")
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs><cellXfs count=\"" + cellFormats.size() + "\">");
    cellFormats.forEach(id -> styles.append("<xf numFmtId=\"").append(id).append("\" applyNumberFormat=\"1\"/>"));
    parts.put("xl/styles.xml", styles.append("</cellXfs></styleSheet>").toString());
    parts.put("[Content_Types].xml", types.append("</Types>").toString());
    parts.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
        + " Target=\"xl/workbook.xml\"/></Relationships>");
    parts.put("xl/workbook.xml", workbook.append("</sheets></workbook>").toString());
    parts.put("xl/_rels/workbook.xml.rels", rels.append("</Relationships>").toString());
    return parts;
  }

  /**
   * An .xlsx workbook as a person makes one in Excel, written by POI: each sheet from CSV text
   * ({@code name -> text}, in order), numbers typed as numbers and ISO dates as dates shown the
   * European way (dd/mm/yyyy), everything else as text. A number with a leading zero stays text,
   * as a careful user types it ('089): Excel would drop the zero. {@code hidden} sheets are hidden.
   */
  public static Path typedXlsx(Path file, Map<String, String> sheets, String... hidden) throws IOException {
    java.util.Set<String> hide = java.util.Set.of(hidden);
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
      org.apache.poi.ss.usermodel.CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
      for (Map.Entry<String, String> text : sheets.entrySet()) {
        org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet(text.getKey());
        if (hide.contains(text.getKey())) {
          workbook.setSheetHidden(workbook.getSheetIndex(sheet), true);
        }
        List<org.apache.commons.csv.CSVRecord> records = org.apache.commons.csv.CSVFormat.DEFAULT
            .parse(new java.io.StringReader(text.getValue())).getRecords();
        for (int r = 0; r < records.size(); r++) {
          org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
          for (int c = 0; c < records.get(r).size(); c++) {
            String value = records.get(r).get(c);
            if (value.isEmpty()) {
              continue;
            }
            org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
            if (r > 0 && value.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?")) {
              cell.setCellValue(Double.parseDouble(value));
            } else if (r > 0 && value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
              cell.setCellValue(java.time.LocalDate.parse(value));
              cell.setCellStyle(date);
            } else {
              cell.setCellValue(value);
            }
          }
        }
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (OutputStream out = Files.newOutputStream(file)) {
        workbook.write(out);
      }
    }
    return file;
  }

  /** An .xlsx workbook of one or more sheets with the default styles (0: General, 1: a date). */
  public static Path xlsx(Path file, List<String> sharedStrings, Sheet... sheets) throws IOException {
    return zip(file, xlsxParts(List.of(sheets), sharedStrings, null, List.of(0, 14), false));
  }

  /** Writes {@code parts} as a zip file, in order. */
  public static Path zip(Path file, Map<String, String> parts) throws IOException {
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    parts.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
    return zipBytes(file, bytes);
  }

  /** Writes {@code parts} as a zip file, in order; an OpenDocument {@code mimetype} goes uncompressed, as it must. */
  public static Path zipBytes(Path file, Map<String, byte[]> parts) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> part : parts.entrySet()) {
        ZipEntry entry = new ZipEntry(part.getKey());
        if (part.getKey().equals("mimetype")) {
          entry.setMethod(ZipEntry.STORED);
          entry.setSize(part.getValue().length);
          CRC32 crc = new CRC32();
          crc.update(part.getValue());
          entry.setCrc(crc.getValue());
        }
        zip.putNextEntry(entry);
        zip.write(part.getValue());
        zip.closeEntry();
      }
    }
    return file;
  }

  /** An OpenDocument spreadsheet whose {@code content.xml} has {@code body} inside {@code <office:spreadsheet>}. */
  public static Path ods(Path file, String automaticStyles, String body) throws IOException {
    return zip(file, odsParts(automaticStyles, body));
  }

  public static Map<String, String> odsParts(String automaticStyles, String body) {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("mimetype", "application/vnd.oasis.opendocument.spreadsheet");
    parts.put("META-INF/manifest.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">"
        + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>"
        + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
        + "</manifest:manifest>");
    parts.put("content.xml", odsContent(automaticStyles, body));
    return parts;
  }

  public static String odsContent(String automaticStyles, String body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
        + " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
        + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
        + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
        + " xmlns:calcext=\"urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0\""
        + " xmlns:of=\"urn:oasis:names:tc:opendocument:xmlns:of:1.2\" office:version=\"1.3\">"
        + "<office:automatic-styles>" + automaticStyles + "</office:automatic-styles>"
        + "<office:body><office:spreadsheet>" + body + "</office:spreadsheet></office:body></office:document-content>";
  }
}
