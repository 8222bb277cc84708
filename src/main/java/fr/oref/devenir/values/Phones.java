package fr.oref.devenir.values;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** French phone numbers (metropolitan and overseas) checked against libphonenumber's numbering plan. */
public final class Phones {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  /**
   * Overseas départements and collectivities share the French national format (0 + 9 digits)
   * but have their own country codes, so a number invalid as FR is tried in each of them.
   */
  private static final List<String> OVERSEAS_REGIONS = List.of("RE", "GP", "MQ", "GF", "YT", "PM");
  /** FR, RE/YT, GP/BL/MF, MQ, GF, PM: the French numbering plan; other countries are not accepted. */
  private static final Set<Integer> FRENCH_COUNTRY_CODES = Set.of(33, 262, 590, 596, 594, 508);

  private Phones() {}

  /**
   * The E.164 form ({@code +33612345678}) of a French number, or empty. A number that Excel
   * stored as a number has lost its leading 0 ({@code 612345678}) or its + ({@code 33612345678}):
   * both are still recognised.
   */
  public static Optional<String> toE164(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    String s = raw.trim();
    if (s.matches("[1-9][0-9]{10,11}")) {
      s = "+" + s;
    }
    Optional<String> french = valid(s, "FR");
    if (french.isPresent()) {
      return french;
    }
    for (String region : OVERSEAS_REGIONS) {
      Optional<String> overseas = valid(s, region);
      if (overseas.isPresent()) {
        return overseas;
      }
    }
    return Optional.empty();
  }

  /**
   * The number as dialled from France ({@code +33612345678} → {@code 0612345678}, overseas too), what
   * the survey tool and CFA clerks expect; a number outside the French plan is left as it is.
   */
  public static String toNational(String e164) {
    try {
      PhoneNumber number = UTIL.parse(e164, "FR");
      if (FRENCH_COUNTRY_CODES.contains(number.getCountryCode())) {
        return UTIL.format(number, PhoneNumberFormat.NATIONAL).replace(" ", "");
      }
    } catch (NumberParseException e) {
      // not a phone number: kept as stored
    }
    return e164;
  }

  private static Optional<String> valid(String s, String region) {
    try {
      PhoneNumber number = UTIL.parse(s, region);
      if (UTIL.isValidNumber(number) && FRENCH_COUNTRY_CODES.contains(number.getCountryCode())) {
        return Optional.of(UTIL.format(number, PhoneNumberFormat.E164));
      }
    } catch (NumberParseException e) {
      // not a number in this region: the caller tries the next one
    }
    return Optional.empty();
  }
}
