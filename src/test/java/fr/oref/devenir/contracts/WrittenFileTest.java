package fr.oref.devenir.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The contracts of written files read as their writers need them. */
class WrittenFileTest {
  private static final List<String> CONTRACTS = List.of("survey-panel", "call-list", "titles-to-code",
      "validation-report", "validation-summary", "key-figures", "open-data", "indicator-definitions", "cfa-indicators",
      "cfa-results");

  @Test
  void everyContractNamesEachColumnsHeaderAndFieldOnce() {
    for (String name : CONTRACTS) {
      WrittenFile contract = WrittenFile.of(name);
      for (String sheet : contract.sheets()) {
        List<String> fields = contract.fields(sheet);
        Set<String> distinct = new HashSet<>(fields);
        assertEquals(fields.size(), distinct.size(), contract.path() + " « " + sheet + " » gives a field twice");
        assertFalse(contract.columns(sheet).stream().anyMatch(c -> c.header().isBlank() || c.field().isBlank()),
            contract.path() + " « " + sheet + " » has a column without header or field");
        contract.headers(sheet, Map.of("indicators", List.of("Taux d'emploi"), "dimension", List.of("level")));
      }
    }
  }

  @Test
  void headersExpandTheWritersPlaceholdersAndFillTheParameters() {
    WrittenFile keyFigures = WrittenFile.of("key-figures");
    assertEquals(List.of("Chiffres clés", "{dimension}", "Notes"), keyFigures.sheets());
    assertEquals(List.of("cfa*level (chiffres bruts)", "Taux d'emploi", "Taux de poursuite"),
        keyFigures.headers("{dimension}", Map.of("dimension", List.of("cfa*level"), "indicators",
            List.of("Taux d'emploi", "Taux de poursuite"))));
    assertTrue(keyFigures.headers("Chiffres clés", Map.of()).contains("IC "
        + Parameters.get().fill("{confidence%}") + " % brut"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> keyFigures.columns("Feuil1"));
    assertTrue(e.getMessage().contains("key-figures.csv"), e.getMessage());
  }
}
