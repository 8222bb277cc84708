package fr.oref.devenir.values;

import java.util.regex.Pattern;

/**
 * INE, the national pupil / student / apprentice id, in its three formats (RNIE, BEA,
 * apprenticeship). Format only: no public check algorithm exists, so none is enforced.
 */
public final class Ine {
  private static final Pattern SHAPE =
      Pattern.compile("[0-9]{9}[A-Z]{2}|[0-9]{10}[A-Z]|[0-9]{4}A[0-9]{5}[A-Z]");

  private Ine() {}

  /** Upper case without spaces; null for blank. */
  public static String normalise(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.replaceAll("\\s+", "").toUpperCase();
    return s.isEmpty() ? null : s;
  }

  public static boolean isValid(String ine) {
    String s = normalise(ine);
    return s != null && SHAPE.matcher(s).matches();
  }
}
