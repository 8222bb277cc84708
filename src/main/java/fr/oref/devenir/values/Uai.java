package fr.oref.devenir.values;

import java.util.regex.Pattern;

/** UAI establishment ids: 7 digits and a check letter, the digits mod 23 indexing the letter alphabet. */
public final class Uai {
  private static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
  private static final Pattern SHAPE = Pattern.compile("[0-9]{7}[A-Z]");

  private Uai() {}

  /** The check letter of 7 digits: "0951099" gives 'D'. */
  public static char checkLetter(String sevenDigits) {
    return LETTERS.charAt(Integer.parseInt(sevenDigits) % 23);
  }

  /** Upper case, spaces removed; null for blank. */
  public static String normalise(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.replaceAll("\\s+", "").toUpperCase();
    return s.isEmpty() ? null : s;
  }

  public static boolean hasShape(String uai) {
    return uai != null && SHAPE.matcher(uai).matches();
  }

  public static boolean isValid(String uai) {
    return hasShape(uai) && uai.charAt(7) == checkLetter(uai.substring(0, 7));
  }

  /** A full valid UAI from 7 digits. */
  public static String of(String sevenDigits) {
    return sevenDigits + checkLetter(sevenDigits);
  }

  /** The département of a UAI: "014…" is 14, "974…" is 974, "02A…" never occurs in UAIs. */
  public static String department(String uai) {
    if (!hasShape(uai)) {
      return null;
    }
    return uai.startsWith("97") ? uai.substring(0, 3) : uai.substring(1, 3);
  }
}
