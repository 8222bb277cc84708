package fr.oref.devenir.clean;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Optional;

/**
 * French phone numbers, overseas included, to E.164 with libphonenumber: "06 12 34 56 78" and
 * "+33 6…" give +33612345678; La Réunion's 0692… is not a valid metropolitan number, so the overseas
 * regions are tried next (+262692…).
 */
public final class Phones {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final List<String> REGIONS = List.of("FR", "RE", "GP", "MQ", "GF", "YT", "PM");

  private Phones() {}

  public static Optional<String> toE164(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    String s = raw.trim();
    // a mobile stored as a number in Excel lost its leading 0
    if (s.matches("[67]\\d{8}")) {
      s = "0" + s;
    }
    for (String region : REGIONS) {
      try {
        PhoneNumber number = UTIL.parse(s, region);
        if (UTIL.isValidNumber(number)) {
          return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        }
      } catch (NumberParseException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  public static boolean isMobile(String e164) {
    try {
      PhoneNumberUtil.PhoneNumberType type = UTIL.getNumberType(UTIL.parse(e164, "FR"));
      return type == PhoneNumberUtil.PhoneNumberType.MOBILE || type == PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE;
    } catch (NumberParseException e) {
      return false;
    }
  }
}
