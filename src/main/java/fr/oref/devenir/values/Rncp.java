package fr.oref.devenir.values;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RNCP fiche codes: {@code RNCP} followed by the fiche number. */
public final class Rncp {
  /** Leading zeros are padding, not part of the fiche number; 6 digits leave room for growth. */
  private static final Pattern SHAPE = Pattern.compile("(?:RNCP)?0*([1-9][0-9]{2,5})");

  private Rncp() {}

  /**
   * {@code RNCP37537} from "RNCP37537", "rncp 37537", "RNCP-37537", "37537" or "RNCP037537";
   * empty for anything else (RS fiches, skill blocks, fewer than 3 or more than 6 digits).
   */
  public static Optional<String> normalise(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    Matcher m = SHAPE.matcher(raw.toUpperCase().replaceAll("[\\s\\-_:]", ""));
    return m.matches() ? Optional.of("RNCP" + m.group(1)) : Optional.empty();
  }
}
