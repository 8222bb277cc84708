package fr.oref.devenir.values;

/**
 * SIRET: 14 digits with a Luhn key, except La Poste's establishments (SIREN 356000000) whose
 * digit sum is a multiple of 5; La Poste's head office keeps an ordinary Luhn key.
 */
public final class Siret {
  private static final String LA_POSTE_SIREN = "356000000";
  private static final String LA_POSTE_HEAD_OFFICE = "35600000000048";

  private Siret() {}

  public static String normalise(String raw) {
    return raw == null ? null : raw.replaceAll("[\\s.\\-]", "");
  }

  public static boolean isValid(String siret) {
    if (siret == null || !siret.matches("[0-9]{14}")) {
      return false;
    }
    if (siret.startsWith(LA_POSTE_SIREN) && !siret.equals(LA_POSTE_HEAD_OFFICE)) {
      return digitSum(siret) % 5 == 0;
    }
    return luhn(siret) % 10 == 0;
  }

  /** Luhn sum: every second digit from the right doubled, 9 subtracted above 9. */
  static int luhn(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return sum;
  }

  private static int digitSum(String digits) {
    return digits.chars().map(c -> c - '0').sum();
  }

  /** Completes 13 digits with the Luhn key that makes them a valid SIRET (for synthetic data). */
  public static String complete(String thirteenDigits) {
    for (char k = '0'; k <= '9'; k++) {
      String candidate = thirteenDigits + k;
      if (luhn(candidate) % 10 == 0) {
        return candidate;
      }
    }
    throw new IllegalStateException("unreachable");
  }
}
