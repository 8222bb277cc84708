package fr.oref.devenir.clean;

import static fr.oref.devenir.clean.LeaverRows.VALIDATOR;
import static fr.oref.devenir.clean.LeaverRows.checks;
import static fr.oref.devenir.clean.LeaverRows.onlyIssue;
import static fr.oref.devenir.clean.LeaverRows.validRow;
import static fr.oref.devenir.clean.LeaverRows.validateWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeaverValidatorTest {
  @Test
  void aValidRowHasNoIssueAndTypedNormalisedValues() {
    ValidatedLeaver leaver = VALIDATOR.validate(validRow());

    assertEquals(List.of(), leaver.issues());
    assertFalse(leaver.rejected());
    Map<String, Object> v = leaver.values();
    assertEquals("0141300M", v.get("uai_cfa"));
    assertEquals("0141601P", v.get("uai_site"));
    assertEquals("1234567890A", v.get("ine"));
    assertEquals("MARTIN", v.get("last_name"));
    assertEquals("Léa", v.get("first_name"));
    assertEquals("F", v.get("sex"));
    assertEquals(LocalDate.of(2003, 3, 14), v.get("birth_date"));
    assertEquals("12 rue des Lilas", v.get("address"));
    assertEquals("14000", v.get("postal_code"));
    assertEquals("CAEN", v.get("city"));
    assertEquals("lea.martin@exemple.fr", v.get("email"));
    assertEquals("+33612345678", v.get("mobile"));
    assertEquals("+33231123456", v.get("phone2"));
    assertEquals("50022137", v.get("cfd"));
    assertEquals("221", v.get("nsf"));
    assertEquals("RNCP37537", v.get("rncp"));
    assertEquals("CAP Boulanger", v.get("training_label"));
    assertEquals(LocalDate.of(2020, 9, 1), v.get("training_start"));
    assertEquals(LocalDate.of(2022, 6, 30), v.get("training_end"));
    assertEquals(LocalDate.of(2020, 9, 5), v.get("contract_start"));
    assertNull(v.get("contract_break"));
    assertEquals("YES", v.get("diploma_obtained"));
    assertEquals(Boolean.FALSE, v.get("repeating"));
    assertEquals("73282932000074", v.get("employer_siret"));
    // 14/03/2003 to 30/06/2022: 19 full years
    assertEquals(19, v.get("age_at_end"));
    assertEquals(25, v.size());
    assertTrue(v.containsKey("contract_break"));
  }

  @Test
  void aMissingKeyIsABlankCell() {
    Map<String, String> row = validRow();
    row.remove("phone2");
    row.remove("contract_start");
    ValidatedLeaver leaver = VALIDATOR.validate(row);
    assertEquals(List.of(), leaver.issues());
    assertNull(leaver.value("phone2"));
  }

  @ParameterizedTest(name = "{0} = ''{1}'' → {2}")
  @CsvSource({
      "uai_cfa, '', required",
      "uai_cfa, ABC, uai",
      "uai_cfa, 0141300A, uai.letter",
      "uai_site, '  ', required",
      "uai_site, 014160, uai",
      "last_name, '', required",
      "last_name, 12345, name",
      "first_name, '', required",
      "first_name, '-', name",
      "sex, '', required",
      "sex, X, sex",
      "birth_date, '', required",
      "birth_date, 31/02/2003, birth_date",
      "cfd, '', required",
      "cfd, 500221, cfd",
      "training_end, '', required",
      "training_end, bientôt, date",
      "birth_date, 01/01/2010, age.impossible",
      "birth_date, 01/01/1950, age.impossible",
      "training_start, 2022-09-01, training.dates_order",
      "training_end, 2023-01-01, training.end_outside_year"})
  void eachErrorRejectsTheRow(String field, String value, String check) {
    ValidatedLeaver leaver = validateWith(field, value);

    Issue issue = onlyIssue(leaver);
    assertEquals(check, issue.check());
    assertEquals(Severity.ERROR, issue.severity());
    assertEquals(field, issue.field());
    assertTrue(leaver.rejected());
  }

  @ParameterizedTest(name = "{0} = ''{1}'' → {2}")
  @CsvSource({
      "ine, ABC123, ine",
      "postal_code, '', required",
      "postal_code, CAEN, postal_code",
      "email, lea.martin@exemple, email",
      "mobile, 0712345678, phone",
      "phone2, 06123456, phone",
      "rncp, '', required",
      "rncp, RS5432, rncp",
      "training_label, '', required",
      "training_start, '', required",
      "training_start, 31/09/2020, date",
      "contract_start, 2020-13-01, date",
      "contract_break, demain, date",
      "repeating, Peut-être, yes_no",
      "employer_siret, 73282932000079, siret"})
  void eachInvalidWarningValueKeepsTheRowAndBecomesNull(String field, String value, String check) {
    ValidatedLeaver leaver = validateWith(field, value);

    Issue issue = onlyIssue(leaver);
    assertEquals(check, issue.check());
    assertEquals(Severity.WARNING, issue.severity());
    assertEquals(field, issue.field());
    assertFalse(leaver.rejected());
    assertNull(leaver.value(field));
  }

  @Test
  void noValidContactIsAWarning() {
    Map<String, String> row = validRow();
    row.put("email", "");
    row.put("mobile", "0712345678");
    ValidatedLeaver leaver = VALIDATOR.validate(row);

    assertEquals(List.of("phone", "contact.missing"), checks(leaver));
    assertEquals("Ni courriel ni téléphone portable valide : l'apprenti ne pourra pas être interrogé.",
        leaver.issues().get(1).message());
    assertFalse(leaver.rejected());
  }

  @Test
  void eitherContactIsEnough() {
    assertEquals(List.of(), validateWith("email", "").issues());
    assertEquals(List.of(), validateWith("mobile", "").issues());
  }

  @Test
  void diplomaObtainedDefaultsToUnknown() {
    assertEquals("UNKNOWN", validateWith("diploma_obtained", "").value("diploma_obtained"));
    assertEquals(List.of(), validateWith("diploma_obtained", null).issues());
    assertEquals("UNKNOWN", validateWith("diploma_obtained", "Inconnu").value("diploma_obtained"));
    assertEquals(List.of(), validateWith("diploma_obtained", "Inconnu").issues());
    assertEquals("NO", validateWith("diploma_obtained", "non").value("diploma_obtained"));
  }

  @Test
  void anUnreadableDiplomaResultIsAWarningAndKeptAsUnknown() {
    ValidatedLeaver leaver = validateWith("diploma_obtained", "Admis");

    Issue issue = onlyIssue(leaver);
    assertEquals("yes_no_unknown", issue.check());
    assertEquals(Severity.WARNING, issue.severity());
    assertEquals("La colonne « Diplôme obtenu » contient « Admis » : indiquez Oui, Non ou Inconnu ; "
        + "la valeur Inconnu est retenue.", issue.message());
    assertEquals("UNKNOWN", leaver.value("diploma_obtained"));
  }

  @Test
  void aBlankRepeatingCellMeansNotRepeatingWithAWarning() {
    ValidatedLeaver leaver = validateWith("repeating", " ");

    Issue issue = onlyIssue(leaver);
    assertEquals("repeating.default", issue.check());
    assertEquals(Severity.WARNING, issue.severity());
    assertEquals(Boolean.FALSE, leaver.value("repeating"));
    assertFalse(leaver.rejected());
  }

  @Test
  void aRepeaterIsNotAnIssue() {
    ValidatedLeaver leaver = validateWith("repeating", "Oui");
    assertEquals(List.of(), leaver.issues());
    assertEquals(Boolean.TRUE, leaver.value("repeating"));
  }

  @ParameterizedTest
  @CsvSource({"1, M", "2, F", "Homme, M", "féminin, F", "MASCULIN, M"})
  void sexSpellings(String raw, String sex) {
    ValidatedLeaver leaver = validateWith("sex", raw);
    assertEquals(sex, leaver.value("sex"));
    assertEquals(List.of(), leaver.issues());
  }

  @Test
  void anInvalidCfdLeavesNoNsf() {
    assertNull(validateWith("cfd", "XYZ").value("nsf"));
  }

  @Test
  void theValidatorAndItsResultSurviveJavaSerialisation() throws Exception {
    LeaverValidator copy = roundTrip(VALIDATOR);
    ValidatedLeaver leaver = roundTrip(copy.validate(validRow()));
    assertEquals(LocalDate.of(2022, 6, 30), leaver.value("training_end"));
    assertFalse(leaver.rejected());
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T object) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(object);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
