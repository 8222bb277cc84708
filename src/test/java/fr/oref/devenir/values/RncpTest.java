package fr.oref.devenir.values;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RncpTest {

  @ParameterizedTest
  @CsvSource({
      "RNCP37537, RNCP37537",
      "rncp 37537, RNCP37537",
      "37537, RNCP37537",
      "RNCP037537, RNCP37537",
      "RNCP-37537, RNCP37537",
      "' RNCP 37 537 ', RNCP37537",
      "RNCP123, RNCP123",
      "RNCP123456, RNCP123456",
      "10013, RNCP10013"})
  void normalised(String raw, String expected) {
    assertEquals(Optional.of(expected), Rncp.normalise(raw));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "RNCP12", "RNCP1234567", "RS5432", "RNCP37537BC01", "RNCP", "abc", "RNCP000"})
  void rejected(String raw) {
    assertEquals(Optional.empty(), Rncp.normalise(raw));
  }
}
