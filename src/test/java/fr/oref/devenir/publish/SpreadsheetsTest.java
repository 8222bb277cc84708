package fr.oref.devenir.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class SpreadsheetsTest {
  @Test
  void textCellsAreNeutralisedAndNumbersStayNumbers() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      var row = wb.createSheet("S").createRow(0);
      row.createCell(0).setCellValue("=HYPERLINK(\"http://x\")");
      row.createCell(1).setCellValue(-3.5);
      row.createCell(2).setCellValue("-2,5");
      row.createCell(3).setCellValue("Dupont");
      Spreadsheets.write(wb, bytes);
    }
    try (XSSFWorkbook back = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
      Sheet s = back.getSheet("S");
      assertEquals("'=HYPERLINK(\"http://x\")", s.getRow(0).getCell(0).getStringCellValue());
      assertEquals(CellType.NUMERIC, s.getRow(0).getCell(1).getCellType());
      assertEquals(-3.5, s.getRow(0).getCell(1).getNumericCellValue());
      assertEquals("-2,5", s.getRow(0).getCell(2).getStringCellValue());
      assertEquals("Dupont", s.getRow(0).getCell(3).getStringCellValue());
    }
  }

  @Test
  void aFormulaCellStopsTheWrite() throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      wb.createSheet("S").createRow(0).createCell(0).setCellFormula("1+1");
      assertThrows(IllegalStateException.class, () -> Spreadsheets.write(wb, new ByteArrayOutputStream()));
    }
  }
}
