package fr.oref.devenir.ingest;

import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Turns numeric cells into the text a validator can trust: real Excel dates become ISO
 * {@code 2022-06-30}, and "General" numbers are written in full, because Excel's own General
 * rendering turns a SIRET into 7.32829E+13 and a phone stored as a number into 6.12E+08.
 */
final class CellFormatter extends DataFormatter {
  private static final int GENERAL = 0;

  @Override
  public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
    if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
      return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
    }
    if (formatIndex == GENERAL || "General".equalsIgnoreCase(formatString)) {
      return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
    return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
  }
}
