package fr.oref.devenir.values;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Dates as CFAs write them: ISO (from real Excel date cells, possibly with a time part),
 * French day-first text with {@code /}, {@code -} or {@code .}, two-digit years, and Excel
 * serial numbers (cells formatted as numbers).
 */
public final class Dates {
  private static final Pattern ISO =
      Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");
  private static final Pattern DAY_FIRST =
      Pattern.compile("(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?: \\d{1,2}:\\d{2}(?::\\d{2})?)?");
  private static final Pattern SERIAL = Pattern.compile("\\d{1,5}(?:[.,]\\d+)?");
  private static final int MAX_SERIAL = 80_000;

  private Dates() {}

  /** {@link #parse(String, int)} with two-digit years pivoting on the current year. */
  public static Optional<LocalDate> parse(String raw) {
    return parse(raw, Year.now().getValue());
  }

  /**
   * The date written in {@code raw}, or empty if it is not one (including impossible calendar
   * dates such as 31/02/2021).
   *
   * <p>Two-digit years: 00 to ({@code currentYear} % 100 + 1) are 20xx, the others 19xx. A leaver
   * file holds birth dates (always past) and training dates (at most a year ahead), so one year
   * of slack past the current year is enough, and 1900s birth dates keep working.
   */
  public static Optional<LocalDate> parse(String raw, int currentYear) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = raw.trim();
    Matcher m = ISO.matcher(s);
    if (m.matches()) {
      return of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }
    m = DAY_FIRST.matcher(s);
    if (m.matches()) {
      int year = Integer.parseInt(m.group(4));
      if (m.group(4).length() == 2) {
        year += year <= currentYear % 100 + 1 ? 2000 : 1900;
      }
      return of(year, Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)));
    }
    if (SERIAL.matcher(s).matches()) {
      return fromExcelSerial(Double.parseDouble(s.replace(',', '.')));
    }
    return Optional.empty();
  }

  /**
   * The day of an Excel serial number (1900 date system, time of day dropped), by POI's
   * {@code DateUtil}: serial 60 (Excel's fake 29/02/1900, a Lotus 1-2-3 bug) reads as 01/03/1900.
   */
  public static Optional<LocalDate> fromExcelSerial(double serial) {
    if (serial < 1 || serial > MAX_SERIAL) {
      return Optional.empty();
    }
    return Optional.of(DateUtil.getLocalDateTime(serial).toLocalDate());
  }

  private static Optional<LocalDate> of(int year, int month, int day) {
    try {
      return Optional.of(LocalDate.of(year, month, day));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
