package fr.oref.devenir.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Vectors from the research notes §3.1 (mission-apprentissage tests, the 0951099D worked example). */
class UaiTest {

  @Test
  void checkLetterOfTheWorkedExample() {
    // 951099 = 23 × 41352 + 3, and letter 3 of ABCDEFGHJ… is D
    assertEquals('D', Uai.checkLetter("0951099"));
    assertEquals("0751234J", Uai.of("0751234"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0010856A", "0951099D", "0751234J", "0141300M", "0141601P"})
  void valid(String uai) {
    assertTrue(Uai.isValid(uai));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"0000856A", "0010856B", "00108", "", "0951099", "0951099d"})
  void invalid(String uai) {
    assertFalse(Uai.isValid(uai));
  }
}
