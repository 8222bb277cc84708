package fr.oref.devenir.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeaverValidatorTest {
  private static final int COHORT = 2022;
  private final LeaverValidator validator = new LeaverValidator(COHORT);

  /** A clean row of cohort 2022, as the template's examples would fill it. */
  private static Map<String, String> validRow() {
    Map<String, String> row = new HashMap<>();
    row.put("uai_cfa", "0141300m");
    row.put("uai_site", "0141601P");
    row.put("ine", "1234567890a");
    row.put("last_name", " MARTIN ");
    row.put("first_name", "Léa");
    row.put("sex", "Femme");
    row.put("birth_date", "14/03/2003");
    row.put("address", "12 rue des Lilas");
    row.put("postal_code", "14000");
    row.put("city", "CAEN");
    row.put("email", "lea.martin@exemple.fr");
    row.put("mobile", "06 12 34 56 78");
    row.put("phone2", "02 31 12 34 56");
    row.put("cfd", "50022137");
    row.put("rncp", "37537");
    row.put("training_label", "CAP Boulanger");
    row.put("training_start", "2020-09-01");
    row.put("training_end", "30/06/2022");
    row.put("contract_start", "05/09/2020");
    row.put("contract_break", "");
    row.put("diploma_obtained", "Oui");
    row.put("repeating", "Non");
    row.put("employer_siret", "732 829 320 00074");
    return row;
  }

  private ValidatedLeaver validateWith(String field, String value) {
    Map<String, String> row = validRow();
    row.put(field, value);
    return validator.validate(row);
  }

  private static Issue onlyIssue(ValidatedLeaver leaver) {
    assertEquals(1, leaver.issues().size(), () -> "issues: " + leaver.issues());
    return leaver.issues().get(0);
  }

  @Test
  void aValidRowHasNoIssueAndTypedNormalisedValues() {
    ValidatedLeaver leaver = validator.validate(validRow());

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
    ValidatedLeaver leaver = validator.validate(row);
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
    ValidatedLeaver leaver = validator.validate(row);

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
  void ageAboveThirtyIsAWarningThatQuotesTheAge() {
    // 01/01/1990 to 30/06/2022: 32 full years
    ValidatedLeaver leaver = validateWith("birth_date", "01/01/1990");

    Issue issue = onlyIssue(leaver);
    assertEquals("age.above_30", issue.check());
    assertEquals(Severity.WARNING, issue.severity());
    assertEquals("Âge en fin de formation de 32 ans (plus de 30 ans) : vérifiez la date de naissance.", issue.message());
    assertEquals(32, leaver.value("age_at_end"));
    assertFalse(leaver.rejected());
  }

  @ParameterizedTest
  @CsvSource({
      // 15th birthday on the training end day: allowed
      "30/06/2007, 15, ''",
      "01/07/2007, 14, age.impossible",
      "01/07/1991, 30, ''",
      "30/06/1991, 31, age.above_30",
      "01/07/1961, 60, age.above_30",
      "30/06/1961, 61, age.impossible"})
  void ageEdges(String birthDate, int age, String check) {
    ValidatedLeaver leaver = validateWith("birth_date", birthDate);
    assertEquals(age, leaver.value("age_at_end"));
    assertEquals(check.isEmpty() ? List.of() : List.of(check), checks(leaver));
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
  void aWrongUaiLetterNamesTheRightOne() {
    Issue issue = onlyIssue(validateWith("uai_cfa", "0141300A"));

    assertEquals("UAI CFA responsable", issue.column());
    assertEquals("La colonne « UAI CFA responsable » contient « 0141300A » : la lettre de contrôle de ce code UAI "
        + "devrait être « M ».", issue.message());
  }

  @Test
  void aUaiWithoutItsLetterAlsoGetsTheRightOne() {
    Issue issue = onlyIssue(validateWith("uai_site", "0951099"));
    assertEquals("uai.letter", issue.check());
    assertTrue(issue.message().endsWith("devrait être « D »."), issue.message());
  }

  @Test
  void aMissingRequiredValueNamesTheColumn() {
    Issue issue = onlyIssue(validateWith("cfd", ""));
    assertEquals("Code diplôme", issue.column());
    assertEquals("La colonne « Code diplôme » est vide alors qu'elle est obligatoire.", issue.message());
  }

  @Test
  void nonNominativeValuesAreQuoted() {
    Issue issue = onlyIssue(validateWith("cfd", "ABC12"));
    assertEquals("La colonne « Code diplôme » contient « ABC12 », qui n'est pas un code diplôme valide "
        + "(8 caractères, chiffres 4 à 6 = spécialité).", issue.message());
  }

  @Test
  void messagesNeverQuoteANominativeValue() {
    Map<String, String> row = validRow();
    row.put("last_name", "1234");
    row.put("first_name", "5678");
    row.put("birth_date", "31/02/2003");
    row.put("email", "martin.secret@exemple");
    row.put("mobile", "0712345678");
    row.put("phone2", "0700000000");
    row.put("ine", "ZZ99887766");
    ValidatedLeaver leaver = validator.validate(row);

    assertEquals(Set.of("last_name", "first_name", "birth_date", "email", "mobile", "phone2", "ine"),
        leaver.issues().stream().map(Issue::field).collect(Collectors.toSet()));
    for (Issue issue : leaver.issues()) {
      for (String secret : List.of("1234", "5678", "31/02/2003", "martin.secret", "0712345678", "0700000000",
          "ZZ99887766")) {
        assertFalse(issue.message().contains(secret), issue.message());
      }
    }
    assertEquals("La colonne « Date de naissance » contient «  », qui n'est pas une date (attendu JJ/MM/AAAA).",
        leaver.issues().stream().filter(i -> i.field().equals("birth_date")).findFirst().orElseThrow().message());
  }

  @ParameterizedTest
  @CsvSource({
      "31/08/2021, false",
      "01/09/2021, true",
      "31/12/2022, true",
      "01/01/2023, false"})
  void cohortWindowEdges(String trainingEnd, boolean accepted) {
    Map<String, String> row = validRow();
    row.put("training_end", trainingEnd);
    row.put("training_start", "01/09/2019");
    row.put("contract_start", "");
    ValidatedLeaver leaver = validator.validate(row);

    assertEquals(!accepted, leaver.rejected());
    assertEquals(accepted ? List.of() : List.of("training.end_outside_year"), checks(leaver));
  }

  @Test
  void theCohortWindowIsQuotedInFrench() {
    Issue issue = onlyIssue(validateWith("training_end", "2021-08-31"));
    assertEquals("Date de fin de formation", issue.column());
    assertEquals("La date de fin de formation (31/08/2021) n'est pas dans l'année scolaire de la cohorte "
        + "(01/09/2021 – 31/12/2022).", issue.message());
  }

  @Test
  void invertedTrainingDatesQuoteBoth() {
    Issue issue = onlyIssue(validateWith("training_start", "2022-09-01"));
    assertEquals("La date de début de formation (01/09/2022) est postérieure à la date de fin (30/06/2022) : "
        + "les deux dates sont peut-être inversées.", issue.message());
  }

  @ParameterizedTest
  @CsvSource({
      "01/08/2020, contract.break_outside",
      "15/07/2022, contract.break_outside",
      "05/09/2020, ''",
      "01/03/2021, ''",
      "30/06/2022, ''"})
  void contractBreakMustFallBetweenContractStartAndTrainingEnd(String contractBreak, String check) {
    ValidatedLeaver leaver = validateWith("contract_break", contractBreak);

    assertEquals(check.isEmpty() ? List.of() : List.of(check), checks(leaver));
    assertFalse(leaver.rejected());
    assertEquals(Dates.parse(contractBreak, 2024).orElseThrow(), leaver.value("contract_break"));
  }

  @Test
  void excelSerialDatesAreRead() {
    // 44742 = 44377 (30/06/2021) + 365
    ValidatedLeaver leaver = validateWith("training_end", "44742");
    assertEquals(LocalDate.of(2022, 6, 30), leaver.value("training_end"));
    assertEquals(List.of(), leaver.issues());
  }

  @Test
  void messagesWithASemicolonAreReadWhole() {
    Issue issue = onlyIssue(validateWith("ine", "ABC123"));
    assertEquals("La colonne « INE » contient un INE au format inattendu (attendu : 9 chiffres + 2 lettres, "
        + "10 chiffres + 1 lettre, ou 4 chiffres + A + 5 chiffres + 1 lettre) ; l'INE est ignoré.", issue.message());
  }

  @Test
  void anInvalidCfdLeavesNoNsf() {
    assertNull(validateWith("cfd", "XYZ").value("nsf"));
  }

  @Test
  void theValidatorAndItsResultSurviveJavaSerialisation() throws Exception {
    LeaverValidator copy = roundTrip(validator);
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

  private static List<String> checks(ValidatedLeaver leaver) {
    return leaver.issues().stream().map(Issue::check).toList();
  }
}
