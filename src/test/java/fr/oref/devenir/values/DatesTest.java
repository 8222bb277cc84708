package fr.oref.devenir.values;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;
import org.apache.poi.ss.usermodel.DateUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {
  private static final LocalDate END_OF_JUNE = LocalDate.of(2021, 6, 30);

  @ParameterizedTest
  @ValueSource(strings = {
      "2021-06-30", "2021-06-30T00:00", "2021-06-30 00:00:00", "2021-06-30T14:30:15.250",
      "30/06/2021", "30-06-2021", "30.06.2021", " 30/06/2021 ", "30/06/2021 00:00",
      "30/06/21", "44377", "44377.0", "44377.75", "44377,5"})
  void everyAcceptedSpellingOfTheSameDay(String raw) {
    assertEquals(Optional.of(END_OF_JUNE), Dates.parse(raw, 2024));
  }

  @Test
  void dayAndMonthMayHaveOneDigit() {
    assertEquals(Optional.of(LocalDate.of(2021, 9, 1)), Dates.parse("1/9/2021", 2024));
    assertEquals(Optional.of(LocalDate.of(2021, 9, 1)), Dates.parse("2021-9-1", 2024));
  }

  @ParameterizedTest
  @CsvSource({
      // current year 2024: 00 to 25 are 20xx, 26 to 99 are 19xx
      "14/03/03, 2003-03-14",
      "14/03/00, 2000-03-14",
      "14/03/24, 2024-03-14",
      "14/03/25, 2025-03-14",
      "14/03/26, 1926-03-14",
      "14/03/85, 1985-03-14",
      "14/03/99, 1999-03-14"})
  void twoDigitYearsPivotOnTheCurrentYearPlusOne(String raw, LocalDate expected) {
    assertEquals(Optional.of(expected), Dates.parse(raw, 2024));
  }

  @Test
  void pivotMovesWithTheCurrentYear() {
    assertEquals(Optional.of(LocalDate.of(2031, 1, 1)), Dates.parse("01/01/31", 2030));
    assertEquals(Optional.of(LocalDate.of(1931, 1, 1)), Dates.parse("01/01/31", 2029));
  }

  @ParameterizedTest
  @CsvSource({
      "1, 1900-01-01",
      "2, 1900-01-02",
      "59, 1900-02-28",
      // Excel's fake 29/02/1900; POI reads it as 1 March
      "60, 1900-03-01",
      "61, 1900-03-01",
      "62, 1900-03-02",
      "36526, 2000-01-01",
      "44197, 2021-01-01",
      "44377, 2021-06-30",
      "44926, 2022-12-31",
      "80000, 2119-01-11"})
  void excelSerialNumbers(String raw, LocalDate expected) {
    assertEquals(Optional.of(expected), Dates.parse(raw, 2024));
  }

  @Test
  void excelSerialsAgreeWithPoiFromTheFakeLeapDayOn() {
    for (int serial = 60; serial <= 80_000; serial += 7) {
      assertEquals(DateUtil.getLocalDateTime(serial).toLocalDate(), Dates.fromExcelSerial(serial).orElseThrow(),
          "serial " + serial);
    }
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {
      "", "  ", "31/02/2021", "29/02/2021", "2021-02-29", "2021-13-01", "00/01/2021", "30/06-2021",
      "0", "0.5", "80001", "123456", "20210630", "-44377", "30 juin 2021", "30/06", "bientôt", "2021/06/30"})
  void notADate(String raw) {
    assertEquals(Optional.empty(), Dates.parse(raw, 2024));
  }

  @Test
  void leapDayOfARealLeapYear() {
    assertEquals(Optional.of(LocalDate.of(2020, 2, 29)), Dates.parse("29/02/2020", 2024));
  }
}
