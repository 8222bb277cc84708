package fr.oref.devenir.values;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Vectors from the research notes §3.6 (verified against libphonenumber). */
class PhonesTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "06 12 34 56 78", "0612345678", "+33 6 12 34 56 78", "0033612345678", "612345678",
      "06.12.34.56.78", "06-12-34-56-78", "33612345678"})
  void spellingsOfOneMobile(String raw) {
    assertEquals(Optional.of("+33612345678"), Phones.toE164(raw));
  }

  @ParameterizedTest
  @CsvSource({
      "0734567890, +33734567890",
      "0756123456, +33756123456",
      "0781234567, +33781234567",
      "0799999999, +33799999999",
      "0235123456, +33235123456",
      "02 31 12 34 56, +33231123456",
      "0123456789, +33123456789",
      "0912345678, +33912345678",
      "0812345678, +33812345678"})
  void validFrenchNumbers(String raw, String e164) {
    assertEquals(Optional.of(e164), Phones.toE164(raw));
  }

  @ParameterizedTest
  @CsvSource({
      "0692123456, +262692123456",
      "692123456, +262692123456",
      "+262 692 12 34 56, +262692123456",
      // Mayotte shares +262 with La Réunion
      "0639012345, +262639012345",
      "0690001234, +590690001234",
      "0696201234, +596696201234",
      "0694201234, +594694201234",
      // 0694 12 is a Guadeloupe block, not Guyane: the blocks are allocated per territory
      "0694123456, +590694123456",
      "41 12 34, +508411234"})
  void overseasNumbersGetTheirOwnCountryCode(String raw, String e164) {
    assertEquals(Optional.of(e164), Phones.toE164(raw));
    assertEquals(Optional.of(e164), Phones.toE164(Phones.toNational(e164)), "dialled from France, the same number");
  }

  @ParameterizedTest
  @CsvSource({
      "+33612345678, 0612345678",
      "+262692123456, 0692123456",
      "+262639012345, 0639012345",
      "+590690001234, 0690001234",
      "+596696201234, 0696201234",
      "+594694201234, 0694201234",
      // outside the French plan (a stored number never is): left as it is rather than mangled
      "+447911123456, +447911123456",
      "+2693212345, +2693212345"})
  void panelsCarryTheNumberAsDialledFromFrance(String e164, String national) {
    assertEquals(national, Phones.toNational(e164));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {
      "0712345678", "0639123456", "0701020304", "0700000000", "06123456", "061234567890", "", "  ", "pas de portable",
      "+44 7911 123456", "0000000000"})
  void invalid(String raw) {
    assertEquals(Optional.empty(), Phones.toE164(raw));
  }
}
