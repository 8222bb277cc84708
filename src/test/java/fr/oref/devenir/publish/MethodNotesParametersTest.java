package fr.oref.devenir.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.oref.devenir.contracts.Parameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The methods text states the values of data-schemas/parameters.csv, and states none of its own. */
class MethodNotesParametersTest {
  /** A value written in a sentence about the secrecy threshold, the confidence level or the raking. */
  private static final Pattern STATED = Pattern.compile(
      "(inférieur à|confiance à|IC|moins de|entre) \\d|\\d+ fois le poids");

  @Test
  void theSecrecySentenceFollowsTheConfiguredThreshold() {
    String configured = secrecySentence(Parameters.get());
    assertEquals("Secret statistique : valeur masquée si le dénominateur est inférieur à "
        + Parameters.get().secrecyThreshold() + ", avec secret induit.", configured);
    String changed = secrecySentence(Parameters.get().with("secrecy_threshold", "15"));
    assertEquals("Secret statistique : valeur masquée si le dénominateur est inférieur à 15, avec secret induit.",
        changed);
  }

  @Test
  void theIntervalsSentenceFollowsTheConfiguredLevel() {
    List<String> notes = MethodNotes.of(2, List.of(), Parameters.get().with("confidence", "0.9"));
    assertTrue(notes.stream().anyMatch(n -> n.startsWith("Méthodes : intervalles de confiance à 90 % de Wilson")),
        notes.toString());
    assertFalse(String.join("\n", notes).contains("95 %"), notes.toString());
  }

  @Test
  void valuesReadAsFrenchNumbers() {
    Parameters p = Parameters.get().with("raking_lower", "0.2").with("confidence", "0.95");
    assertEquals("entre 0,2 fois et 95 %", p.fill("entre {raking_lower} fois et {confidence%} %"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.fill("{no_such_parameter}"));
    assertTrue(e.getMessage().contains("parameters.csv"), e.getMessage());
  }

  /** The publishing code and templates write placeholders, never the values themselves. */
  @Test
  void noPublishedSentenceStatesAConfiguredValue() throws IOException {
    List<Path> sources;
    try (Stream<Path> java = Files.walk(Path.of("src/main/java/fr/oref/devenir"));
        Stream<Path> templates = Files.walk(Path.of("src/main/resources/publish"))) {
      sources = Stream.concat(java, templates).filter(f -> f.toString().matches(".*\\.(java|mustache|js)$")
          && !f.toString().contains("vendor")).toList();
    }
    assertTrue(sources.size() > 50, "sources found: " + sources.size());
    for (Path f : sources) {
      List<String> lines = Files.readAllLines(f);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (!line.strip().startsWith("*") && !line.strip().startsWith("//")) {
          assertFalse(STATED.matcher(line).find(), f + ":" + (i + 1) + " states a value: " + line.strip());
        }
      }
    }
  }

  private static String secrecySentence(Parameters p) {
    return MethodNotes.of(1, List.of(), p).stream().filter(n -> n.startsWith("Secret statistique")).findFirst()
        .orElseThrow();
  }
}
