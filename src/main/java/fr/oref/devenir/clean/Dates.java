package fr.oref.devenir.clean;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as CFAs type them: ISO (what real Excel date cells become), JJ/MM/AAAA, JJ/MM/AA (also with
 * - or . between), and Excel serial numbers left in General-format cells.
 */
public final class Dates {
  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})([T ].*)?");
  private static final Pattern FRENCH = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{2}|\\d{4})");
  private static final Pattern SERIAL = Pattern.compile("\\d{1,5}(\\.\\d+)?");
  /** Excel's day 0 is 30/12/1899 once its fictitious 29/02/1900 (serial 60) is skipped. */
  private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

  private Dates() {}

  public static Optional<LocalDate> parse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = raw.trim();
    try {
      Matcher m = ISO.matcher(s);
      if (m.matches()) {
        return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3))));
      }
      m = FRENCH.matcher(s);
      if (m.matches()) {
        return Optional.of(LocalDate.of(year(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
      }
      if (SERIAL.matcher(s).matches()) {
        return fromSerial(Double.parseDouble(s));
      }
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * Two-digit years: up to next year's two digits mean 20xx, the rest 19xx (a leaver born in "98"
   * is 1998, a training ending in "22" is 2022).
   */
  static int year(String digits) {
    int y = Integer.parseInt(digits);
    if (digits.length() == 4) {
      return y;
    }
    int pivot = (Year.now().getValue() + 1) % 100;
    return y <= pivot ? 2000 + y : 1900 + y;
  }

  static Optional<LocalDate> fromSerial(double serial) {
    if (serial < 1 || serial > 80000 || serial == 60) {
      return Optional.empty();
    }
    long days = (long) Math.floor(serial);
    return Optional.of(days < 60 ? EXCEL_EPOCH.plusDays(days + 1) : EXCEL_EPOCH.plusDays(days));
  }
}
