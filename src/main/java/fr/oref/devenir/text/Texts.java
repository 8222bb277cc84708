package fr.oref.devenir.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text normalisation shared by header matching, identity keys and job-title coding. */
public final class Texts {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

  private Texts() {}

  /** Lower case, no accents, ligatures spelled out, every run of non-alphanumerics as one space. */
  public static String fold(String s) {
    if (s == null) {
      return "";
    }
    String t = s.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE");
    t = MARKS.matcher(Normalizer.normalize(t, Normalizer.Form.NFD)).replaceAll("");
    return NON_ALNUM.matcher(t.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
  }

  /** {@link #fold} without spaces: "Prénom " and "PRENOM" agree. */
  public static String key(String s) {
    return fold(s).replace(" ", "");
  }

  public static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * At most {@code max} characters of a value quoted in a message: a hostile 32,767-character cell
   * must not make a message longer than a spreadsheet cell can hold.
   */
  public static String excerpt(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    return s.substring(0, max) + "… (" + s.length() + " caractères)";
  }

  /** Trimmed, with non-breaking spaces treated as spaces; null for blank. */
  public static String clean(String s) {
    if (s == null) {
      return null;
    }
    String t = s.replace('\u00A0', ' ').trim();
    return t.isEmpty() ? null : t;
  }
}
