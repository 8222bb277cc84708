package fr.oref.devenir.clean;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Formats of the codes a leaver file carries: CFD, RNCP, INE, postal code, e-mail. */
public final class Codes {
  private static final Pattern CFD = Pattern.compile("[0-9A-Z]{3}[0-9]{3}[0-9A-Z]{2}");
  private static final Pattern RNCP = Pattern.compile("(?:RNCP)?\\s*0*([0-9]{3,6})");
  private static final Pattern INE = Pattern.compile("[0-9]{9}[A-Z]{2}|[0-9]{10}[A-Z]|[0-9]{4}A[0-9]{5}[A-Z]");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}");

  private Codes() {}

  public static String upper(String raw) {
    return raw == null ? null : raw.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
  }

  public static boolean isCfd(String cfd) {
    return cfd != null && CFD.matcher(cfd).matches();
  }

  /** The NSF specialty group: characters 4 to 6 of the CFD. */
  public static String nsf(String cfd) {
    return isCfd(cfd) ? cfd.substring(3, 6) : null;
  }

  /** "RNCP37537", "rncp 37537", "37537" → RNCP37537; leading zeros dropped. */
  public static Optional<String> rncp(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    Matcher m = RNCP.matcher(raw.trim().toUpperCase(Locale.ROOT));
    return m.matches() ? Optional.of("RNCP" + m.group(1)) : Optional.empty();
  }

  public static boolean isIne(String ine) {
    return ine != null && INE.matcher(ine).matches();
  }

  /** Five digits; four digits are a département 01–09 code whose leading 0 Excel ate. */
  public static Optional<String> postalCode(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = raw.trim();
    if (s.matches("\\d{4}")) {
      s = "0" + s;
    }
    return s.matches("\\d{5}") ? Optional.of(s) : Optional.empty();
  }

  public static boolean isEmail(String email) {
    return email != null && EMAIL.matcher(email.trim()).matches();
  }
}
