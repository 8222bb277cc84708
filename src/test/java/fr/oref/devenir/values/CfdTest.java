package fr.oref.devenir.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CfdTest {

  @ParameterizedTest
  @CsvSource({"50022137, 221", "50022427, 224", "46X32402, 324", "3553260B, 326", "20512008, 120", "40023303, 233"})
  void validCodesAndTheirNsfGroup(String cfd, String nsf) {
    assertTrue(Cfd.isValid(cfd));
    assertEquals(nsf, Cfd.nsf(cfd));
  }

  @ParameterizedTest
  @ValueSource(strings = {"500221", "500221370", "500ABC37", "46x32402", "5002213-", ""})
  void invalidCodes(String cfd) {
    assertFalse(Cfd.isValid(cfd));
    assertNull(Cfd.nsf(cfd));
  }

  @Test
  void normaliseUpperCasesRemovesSpacesAndRestoresTheLeadingZeroExcelDropped() {
    assertEquals("46X32402", Cfd.normalise(" 46x 324 02 "));
    assertEquals("01022105", Cfd.normalise("1022105"));
    assertNull(Cfd.normalise("   "));
    assertNull(Cfd.normalise(null));
    assertFalse(Cfd.isValid(null));
  }
}
