package fr.oref.devenir.clean;

import static fr.oref.devenir.clean.LeaverRows.VALIDATOR;
import static fr.oref.devenir.clean.LeaverRows.checks;
import static fr.oref.devenir.clean.LeaverRows.onlyIssue;
import static fr.oref.devenir.clean.LeaverRows.validRow;
import static fr.oref.devenir.clean.LeaverRows.validateWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fr.oref.devenir.values.Dates;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The checks between dates of a leaver row: age at training end, the cohort's school year, the contract. */
class LeaverDateChecksTest {
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
    ValidatedLeaver leaver = VALIDATOR.validate(row);

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
}
