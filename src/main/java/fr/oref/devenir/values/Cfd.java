package fr.oref.devenir.values;

import java.util.regex.Pattern;

/** CFD, the BCN "code formation diplôme": 3 characters of diploma type, 3 digits of NSF group, 2 of order. */
public final class Cfd {
  private static final Pattern SHAPE = Pattern.compile("[0-9A-Z]{3}[0-9]{3}[0-9A-Z]{2}");

  private Cfd() {}

  /**
   * Upper case without spaces; null for blank. Seven digits get their leading 0 back: diploma
   * types such as 010 (mention complémentaire) lose it when Excel stores the code as a number.
   */
  public static String normalise(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.replaceAll("\\s+", "").toUpperCase();
    if (s.matches("[0-9]{7}")) {
      return "0" + s;
    }
    return s.isEmpty() ? null : s;
  }

  public static boolean isValid(String cfd) {
    return cfd != null && SHAPE.matcher(cfd).matches();
  }

  /** The NSF group (characters 4 to 6) of a valid CFD: "50022137" gives "221"; null if invalid. */
  public static String nsf(String cfd) {
    return isValid(cfd) ? cfd.substring(3, 6) : null;
  }
}
