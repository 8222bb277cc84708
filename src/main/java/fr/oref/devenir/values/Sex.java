package fr.oref.devenir.values;

import fr.oref.devenir.text.Texts;
import java.util.Map;
import java.util.Optional;

/** Sex as CFAs write it, including the civility titles of files whose column is "Civilité". */
public final class Sex {
  private static final Map<String, String> CODES = Map.ofEntries(
      Map.entry("f", "F"), Map.entry("femme", "F"), Map.entry("feminin", "F"), Map.entry("2", "F"),
      Map.entry("mme", "F"), Map.entry("madame", "F"), Map.entry("mlle", "F"), Map.entry("mademoiselle", "F"),
      Map.entry("m", "M"), Map.entry("homme", "M"), Map.entry("masculin", "M"), Map.entry("1", "M"),
      Map.entry("mr", "M"), Map.entry("monsieur", "M"));

  private Sex() {}

  /** "F" or "M", case and accents ignored ("Féminin", "HOMME", "M."); empty otherwise. */
  public static Optional<String> normalise(String raw) {
    return Optional.ofNullable(CODES.get(Texts.key(raw)));
  }
}
