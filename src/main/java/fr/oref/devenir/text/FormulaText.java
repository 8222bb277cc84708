package fr.oref.devenir.text;

import java.util.regex.Pattern;

/**
 * Neutralises text that a spreadsheet would take for a formula (OWASP « CSV injection »): a value
 * from a CFA's file or a survey answer such as {@code =HYPERLINK(…)} must reach the people who open
 * Devenir's CSV and workbooks as text, never as something Excel or LibreOffice evaluates.
 */
public final class FormulaText {
  /** Characters a spreadsheet reads as the start of a formula or of a DDE call. */
  private static final String TRIGGERS = "=+-@\t\r";
  /**
   * A plain number (E.164 phones and negative figures included) is data, not a formula: prefixing it
   * would turn « -3,2 » into text nobody can sum, so it is left as it is.
   */
  private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9]+([.,][0-9]+)?([eE][+-]?[0-9]+)?( ?%)?");

  private FormulaText() {}

  /** True when a spreadsheet could evaluate the value. */
  public static boolean dangerous(String value) {
    return value != null && !value.isEmpty() && TRIGGERS.indexOf(value.charAt(0)) >= 0
        && !PLAIN_NUMBER.matcher(value).matches();
  }

  /** The value prefixed with a single quote when dangerous (the quote shows it was neutralised). */
  public static String neutralise(String value) {
    return dangerous(value) ? "'" + value : value;
  }
}
