package fr.oref.devenir.values;

import java.util.regex.Pattern;

/**
 * A pragmatic e-mail syntax check: something, one @, and a domain of dot-separated labels. It
 * catches the usual slips in leaver files (phone number in the e-mail column, missing @,
 * "gmail" without ".com", spaces) without pretending to implement RFC 5322.
 */
public final class Emails {
  private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s.]+(?:\\.[^@\\s.]+)+");

  private Emails() {}

  public static boolean isValid(String email) {
    return email != null && SHAPE.matcher(email.trim()).matches();
  }
}
