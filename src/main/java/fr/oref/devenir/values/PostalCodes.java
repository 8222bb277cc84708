package fr.oref.devenir.values;

import java.util.Optional;

/** French postal codes: 5 digits, overseas 97x included. */
public final class PostalCodes {
  private PostalCodes() {}

  /**
   * The 5-digit code, spaces removed; a 4-digit value gets its leading 0 back (Excel stored
   * 01000 as the number 1000). Empty otherwise.
   */
  public static Optional<String> normalise(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = raw.replaceAll("\\s+", "");
    if (s.matches("[0-9]{4}")) {
      return Optional.of("0" + s);
    }
    return s.matches("[0-9]{5}") ? Optional.of(s) : Optional.empty();
  }
}
