package fr.oref.devenir.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Job titles as respondents type them get the ROME code of the referential's appellation. */
class RomeCoderTest {
  @Test
  void romeCoderCodesTitlesAsPeopleTypeThem() {
    RomeCoder coder = RomeCoder.load();
    String boulanger = coder.code("Boulanger").orElseThrow().romeCode();
    assertEquals(boulanger, coder.code("boulangère").orElseThrow().romeCode());
    assertEquals(boulanger, coder.code("BOULANGERE ").orElseThrow().romeCode());
    assertEquals(boulanger, coder.code("boulangers").orElseThrow().romeCode());
    assertEquals(1.0, coder.code("Boulanger").orElseThrow().confidence());
    assertTrue(coder.code("xyz qwerty").isEmpty());
    assertTrue(coder.referentialVersion().toString().contains("rome_appellations.csv"));
    assertEquals(11522, coder.referentialVersion().rows());
  }
}
