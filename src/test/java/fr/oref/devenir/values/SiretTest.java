package fr.oref.devenir.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Vectors from the research notes §3.2 (python-stdnum, Dolibarr, mission-apprentissage). */
class SiretTest {

  @ParameterizedTest
  @ValueSource(strings = {"73282932000074", "35600000049837", "35600000000048", "11111111100006"})
  void valid(String siret) {
    assertTrue(Siret.isValid(siret));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"73282932000079", "11111111100008", "12345678912345", "3624679471379", "732829320", "35600000049838", ""})
  void invalid(String siret) {
    assertFalse(Siret.isValid(siret));
  }

  @Test
  void normaliseRemovesSpacesDotsAndDashes() {
    assertEquals("73282932000074", Siret.normalise("732 829 320 00074"));
    assertEquals("73282932000074", Siret.normalise("732.829.320-00074"));
  }

  @Test
  void completeAddsTheLuhnKey() {
    assertEquals("73282932000074", Siret.complete("7328293200007"));
  }
}
