package fr.oref.devenir.publish;

import fr.oref.devenir.text.FormulaText;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The one way Devenir saves a workbook. Checking the finished workbook rather than each
 * {@code setCellValue} means no writer can forget it: every text cell that a spreadsheet could read
 * as a formula is neutralised ({@link FormulaText}), numbers stay numbers, and a formula cell — which
 * Devenir never writes — stops the write.
 */
public final class Spreadsheets {
  private Spreadsheets() {}

  public static void write(Workbook wb, OutputStream out) throws IOException {
    neutralise(wb);
    wb.write(out);
  }

  /** A header row, in bold, from a contract of data-schemas/. */
  public static void header(Row row, CellStyle bold, List<String> titles) {
    for (int c = 0; c < titles.size(); c++) {
      row.createCell(c).setCellValue(titles.get(c));
      row.getCell(c).setCellStyle(bold);
    }
  }

  static void neutralise(Workbook wb) {
    for (Sheet sheet : wb) {
      for (Row row : sheet) {
        for (Cell cell : row) {
          if (cell.getCellType() == CellType.FORMULA) {
            throw new IllegalStateException("Formule dans la feuille « " + sheet.getSheetName() + " » : Devenir n'en écrit pas.");
          }
          if (cell.getCellType() == CellType.STRING && FormulaText.dangerous(cell.getStringCellValue())) {
            cell.setCellValue(FormulaText.neutralise(cell.getStringCellValue()));
          }
        }
      }
    }
  }
}
