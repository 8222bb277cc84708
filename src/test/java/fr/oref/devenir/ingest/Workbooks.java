package fr.oref.devenir.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Small workbooks written with POI for reader tests: a value is a String, a Number, or a LocalDate. */
final class Workbooks {
  private Workbooks() {}

  static Path write(Path file, String sheetName, List<List<Object>> rows) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
      Sheet sheet = wb.createSheet(sheetName);
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r);
        List<Object> values = rows.get(r);
        for (int c = 0; c < values.size(); c++) {
          Object v = values.get(c);
          if (v == null) {
            continue;
          }
          Cell cell = row.createCell(c);
          if (v instanceof Number n) {
            cell.setCellValue(n.doubleValue());
          } else if (v instanceof java.time.LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(date);
          } else if (v instanceof String s && s.startsWith("=")) {
            cell.setCellFormula(s.substring(1));
          } else {
            cell.setCellValue(v.toString());
          }
        }
      }
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
      wb.write(out);
    }
    return file;
  }

  /** Writes an entry's new content. */
  @FunctionalInterface
  interface Content {
    void write(OutputStream out) throws IOException;
  }

  /** A copy of a workbook with one zip entry's content replaced (or added), for files Excel would never write. */
  static Path rewrite(Path from, Path to, String entry, Content content) throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
         ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
      boolean found = false;
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.putNextEntry(new ZipEntry(e.getName()));
        if (e.getName().equals(entry)) {
          content.write(out);
          found = true;
        } else {
          in.transferTo(out);
        }
      }
      if (!found) {
        out.putNextEntry(new ZipEntry(entry));
        content.write(out);
      }
    }
    return to;
  }

  /** A one-sheet workbook ("Sortants") whose sheet XML is {@code sheetData} as written, rows and cells by hand. */
  static Path handWritten(Path file, String sheetData) throws IOException {
    Path template = write(file.resolveSibling(file.getFileName() + ".template.xlsx"), "Sortants", List.of(List.of("x")));
    rewrite(template, file, SHEET, out -> out.write(worksheet(sheetData).getBytes(StandardCharsets.UTF_8)));
    Files.delete(template);
    return file;
  }

  static final String SHEET = "xl/worksheets/sheet1.xml";

  static String worksheet(String sheetData) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + sheetData
        + "</sheetData></worksheet>";
  }

  /** A row of inline-string cells from column A, with its {@code r} attribute given as text. */
  static String row(String r, List<?> values) {
    StringBuilder row = new StringBuilder("<row r=\"" + r + "\">");
    for (int c = 0; c < values.size(); c++) {
      if (values.get(c) != null) {
        row.append(cell(org.apache.poi.ss.util.CellReference.convertNumToColString(c) + r, values.get(c).toString()));
      }
    }
    return row.append("</row>").toString();
  }

  static String cell(String reference, String text) {
    return "<c r=\"" + reference + "\" t=\"inlineStr\"><is><t>" + text.replace("&", "&amp;").replace("<", "&lt;")
        + "</t></is></c>";
  }
}
