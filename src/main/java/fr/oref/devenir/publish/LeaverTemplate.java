package fr.oref.devenir.publish;

import fr.oref.devenir.contracts.LeaverColumn;
import fr.oref.devenir.contracts.LeaverFileContract;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The workbook CFAs fill in, generated from the leaver-file contract: sheet « Sortants » (headers in
 * contract order, date and text formats so Excel keeps leading zeros, drop-down lists for coded
 * columns) and sheet « Description » (what each column means).
 */
public final class LeaverTemplate {
  /** Rows prepared with formats and drop-downs: more than the largest CFA's leavers. */
  static final int PREPARED_ROWS = 2000;
  /** Drop-down values of the coded columns, by rule; the validator accepts these and more. */
  static final Map<String, String[]> CHOICES = Map.of(
      "sex", new String[] {"F", "M"},
      "yes_no", new String[] {"Oui", "Non"},
      "yes_no_unknown", new String[] {"Oui", "Non", "Inconnu"});
  /** Rules whose values are codes: stored as text, or Excel turns 01000 into 1000 and a SIRET into 7,3E+13. */
  static final List<String> TEXT_RULES = List.of("uai", "ine", "postal_code", "phone", "cfd", "rncp", "siret");

  private LeaverTemplate() {}

  public static void write(OutputStream out) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      List<LeaverColumn> columns = LeaverFileContract.get().columns();
      Sheet data = wb.createSheet(LeaverFileContract.SHEET);
      CellStyle header = bold(wb);
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
      CellStyle text = wb.createCellStyle();
      text.setDataFormat(wb.createDataFormat().getFormat("@"));
      Row headerRow = data.createRow(0);
      DataValidationHelper validations = data.getDataValidationHelper();
      for (int c = 0; c < columns.size(); c++) {
        LeaverColumn column = columns.get(c);
        headerRow.createCell(c).setCellValue(column.header());
        headerRow.getCell(c).setCellStyle(header);
        if (column.isDate()) {
          data.setDefaultColumnStyle(c, date);
        } else if (TEXT_RULES.contains(column.rule())) {
          data.setDefaultColumnStyle(c, text);
        }
        String[] choices = CHOICES.get(column.rule());
        if (choices != null) {
          DataValidation list = validations.createValidation(validations.createExplicitListConstraint(choices),
              new CellRangeAddressList(1, PREPARED_ROWS, c, c));
          list.setShowErrorBox(true);
          list.createErrorBox("Valeur non prévue", "Choisissez : " + String.join(", ", choices));
          data.addValidationData(list);
        }
        data.setColumnWidth(c, Math.max(14, column.header().length() + 4) * 256);
      }
      data.createFreezePane(0, 1);
      describe(wb, columns, header);
      Spreadsheets.write(wb, out);
    }
  }

  private static void describe(XSSFWorkbook wb, List<LeaverColumn> columns, CellStyle header) {
    Sheet sheet = wb.createSheet(LeaverFileContract.DESCRIPTION_SHEET);
    String[] titles = {"Colonne", "Signification", "Format", "Obligatoire", "Exemple"};
    Row top = sheet.createRow(0);
    for (int i = 0; i < titles.length; i++) {
      top.createCell(i).setCellValue(titles[i]);
      top.getCell(i).setCellStyle(header);
    }
    for (int r = 0; r < columns.size(); r++) {
      LeaverColumn c = columns.get(r);
      Row row = sheet.createRow(r + 1);
      row.createCell(0).setCellValue(c.header());
      row.createCell(1).setCellValue(c.description());
      row.createCell(2).setCellValue(c.format());
      row.createCell(3).setCellValue(switch (c.required()) {
        case "yes" -> "Oui";
        case "contact" -> "Courriel ou portable";
        default -> "Non";
      });
      row.createCell(4).setCellValue(c.example());
    }
    int[] widths = {28, 70, 20, 20, 24};
    for (int i = 0; i < widths.length; i++) {
      sheet.setColumnWidth(i, widths[i] * 256);
    }
  }

  static CellStyle bold(XSSFWorkbook wb) {
    Font font = wb.createFont();
    font.setBold(true);
    CellStyle style = wb.createCellStyle();
    style.setFont(font);
    return style;
  }
}
