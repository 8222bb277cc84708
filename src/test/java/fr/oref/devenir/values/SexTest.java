package fr.oref.devenir.values;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SexTest {

  @ParameterizedTest
  @ValueSource(strings = {"F", "f", "Femme", "FEMME", "Féminin", "feminin", "2", "Mme", "Madame", "Mlle"})
  void female(String raw) {
    assertEquals(Optional.of("F"), Sex.normalise(raw));
  }

  @ParameterizedTest
  @ValueSource(strings = {"M", "m", "Homme", "HOMME", "Masculin", "1", "M.", "Monsieur", " M "})
  void male(String raw) {
    assertEquals(Optional.of("M"), Sex.normalise(raw));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "X", "3", "H/F", "inconnu"})
  void unrecognised(String raw) {
    assertEquals(Optional.empty(), Sex.normalise(raw));
  }
}
