package fr.oref.devenir.values;

import fr.oref.devenir.text.Texts;
import java.util.Map;
import java.util.Optional;

/** Yes/no answers in the spellings CFAs use (Oui, O, 1, Vrai, Yes…), case and accents ignored. */
public final class YesNo {
  private static final Map<String, Boolean> ANSWERS = Map.ofEntries(
      Map.entry("oui", true), Map.entry("o", true), Map.entry("yes", true),
      Map.entry("1", true), Map.entry("vrai", true), Map.entry("true", true),
      Map.entry("non", false), Map.entry("n", false), Map.entry("no", false),
      Map.entry("0", false), Map.entry("faux", false), Map.entry("false", false));

  private YesNo() {}

  public static Optional<Boolean> parse(String raw) {
    return Optional.ofNullable(ANSWERS.get(Texts.key(raw)));
  }
}
