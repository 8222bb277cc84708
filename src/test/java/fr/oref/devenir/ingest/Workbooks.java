package fr.oref.devenir.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
}
