package fr.oref.devenir.values;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class YesNoTest {

  @ParameterizedTest
  @ValueSource(strings = {"Oui", "OUI", "oui ", "O", "Yes", "1", "Vrai", "VRAI", "true"})
  void yes(String raw) {
    assertEquals(Optional.of(true), YesNo.parse(raw));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Non", "NON", "N", "No", "0", "Faux", "false"})
  void no(String raw) {
    assertEquals(Optional.of(false), YesNo.parse(raw));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "Peut-être", "Inconnu", "2", "Ouiii"})
  void neither(String raw) {
    assertEquals(Optional.empty(), YesNo.parse(raw));
  }
}
