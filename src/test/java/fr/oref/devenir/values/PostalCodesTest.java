package fr.oref.devenir.values;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostalCodesTest {

  @ParameterizedTest
  @CsvSource({"14000, 14000", "1000, 01000", "'14 000', 14000", "97400, 97400", "' 76600 ', 76600"})
  void normalised(String raw, String expected) {
    assertEquals(Optional.of(expected), PostalCodes.normalise(raw));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "123", "140000", "14OOO", "CAEN", "14-000"})
  void rejected(String raw) {
    assertEquals(Optional.empty(), PostalCodes.normalise(raw));
  }
}
