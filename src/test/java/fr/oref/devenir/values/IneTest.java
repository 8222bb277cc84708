package fr.oref.devenir.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class IneTest {

  @ParameterizedTest
  @ValueSource(strings = {"123456789AB", "1234567890A", "1234A12345F", "0494004062M", "1234a12345f", "123456789ab"})
  void theThreeFormatsInAnyCase(String ine) {
    assertTrue(Ine.isValid(ine));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "123456789A", "12345678901", "1234B12345F", "12345678ABC", "A234567890B", "1234567890AB"})
  void otherShapes(String ine) {
    assertFalse(Ine.isValid(ine));
  }

  @Test
  void normaliseUpperCasesAndRemovesSpaces() {
    assertEquals("1234A12345F", Ine.normalise(" 1234a 12345f "));
  }
}
