package fr.oref.devenir.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutcomeRulesTest {
  static final LocalDate V1_REFERENCE = LocalDate.of(2023, 1, 31);
  static final Map<String, Object> LEAVER = Map.of("cfd", "50022137", "training_end", LocalDate.of(2022, 6, 30),
      "diploma_obtained", "UNKNOWN");

  static Map<String, Object> answer(Object... kv) {
    Map<String, Object> a = new HashMap<>(Map.of("status", "COMPLETE"));
    for (int i = 0; i < kv.length; i += 2) {
      a.put((String) kv[i], kv[i + 1]);
    }
    return a;
  }

  static Map<String, Object> derive(Map<String, Object> answer, Set<String> rome) {
    return OutcomeRules.derive(LEAVER, answer, V1_REFERENCE, rome);
  }

  @ParameterizedTest
  @CsvSource({
      "EMPLOYMENT, true, true, false, false",
      "APPRENTICESHIP_STUDY, false, false, true, false",
      "STUDY, false, false, true, false",
      "JOB_SEEKING, false, true, false, true",
      "INACTIVE, false, true, false, true",
      "OTHER, false, true, false, false"})
  void everySituation(String situation, boolean employed, boolean active, boolean furtherStudy, boolean neet) {
    Map<String, Object> o = derive(answer("situation", situation), Set.of());
    assertEquals(employed, o.get("employed"));
    assertEquals(active, o.get("active"));
    assertEquals(furtherStudy, o.get("further_study"));
    assertEquals(neet, o.get("neet"));
    assertEquals(true, o.get("respondent"));
  }

  @ParameterizedTest
  @CsvSource({"CDI, true", "CIVIL_SERVANT, true", "FIXED_TERM_6M_PLUS, true", "FIXED_TERM_LT_6M, false",
      "TEMPING, false", "SELF_EMPLOYED, false", "SUBSIDISED, false", "OTHER, false"})
  void everyContract(String contract, boolean lasting) {
    assertEquals(lasting, derive(answer("situation", "EMPLOYMENT", "contract", contract), Set.of()).get("lasting_job"));
  }

  @ParameterizedTest
  @CsvSource({"CDI, true", "SELF_EMPLOYED, false", "OTHER, true", ", true"})
  void salariedIsEmployedAndNotSelfEmployed(String contract, boolean salaried) {
    Map<String, Object> a = answer("situation", "EMPLOYMENT");
    if (contract != null) {
      a.put("contract", contract);
    }
    assertEquals(salaried, derive(a, Set.of()).get("salaried"));
    assertEquals(false, derive(answer("situation", "JOB_SEEKING", "contract", "CDI"), Set.of()).get("salaried"));
  }

  @Test
  void professionalisationContractIsAnAlternanceTheRulesNamed() {
    Map<String, Object> o = derive(answer("situation", "APPRENTICESHIP_STUDY", "work_study_contract",
        "PROFESSIONALISATION"), Set.of());
    assertEquals(true, o.get("professionalisation_contract"));
    assertEquals(true, o.get("further_study"), "Devenir's own definition keeps it in further study");
    assertEquals(false, derive(answer("situation", "APPRENTICESHIP_STUDY"), Set.of()).get("professionalisation_contract"));
    assertEquals(false, derive(answer("situation", "STUDY", "work_study_contract", "PROFESSIONALISATION"), Set.of())
        .get("professionalisation_contract"), "an override that made it study wins");
    assertNull(derive(Map.of("status", "PENDING"), Set.of()).get("professionalisation_contract"));
  }

  @Test
  void statusAtClosure() {
    assertEquals(false, derive(Map.of("status", "PENDING"), Set.of()).get("respondent"));
    assertEquals(false, derive(Map.of("status", "PARTIAL"), Set.of()).get("respondent"));
    assertEquals(true, derive(answer("status", "PARTIAL", "situation", "STUDY"), Set.of()).get("respondent"));
    Map<String, Object> refusal = derive(Map.of("status", "REFUSED"), Set.of());
    assertEquals(true, refusal.get("opted_out"));
    assertNull(refusal.get("situation"));
    Map<String, Object> absent = derive(null, Set.of());
    assertEquals("NO_ANSWER", absent.get("response_status"));
    assertEquals(false, absent.get("respondent"));
  }

  @Test
  void monthsToFirstJobAndCensoring() {
    Map<String, Object> before = derive(answer("situation", "EMPLOYMENT", "first_job_month", LocalDate.of(2022, 3, 1)),
        Set.of());
    assertEquals(0, before.get("months_to_first_job"), "a job that started before training end counts 0");
    Map<String, Object> sept = derive(answer("situation", "EMPLOYMENT", "first_job_month", LocalDate.of(2022, 9, 1)),
        Set.of());
    assertEquals(3, sept.get("months_to_first_job"), "June → September");
    assertEquals(true, sept.get("job_within_6_months"));
    Map<String, Object> none = derive(answer("situation", "JOB_SEEKING", "job_since_leaving", "NO"), Set.of());
    assertEquals(7, none.get("months_to_first_job"), "June 2022 → January 2023, censored");
    assertEquals(true, none.get("first_job_censored"));
    assertEquals(false, none.get("job_within_6_months"));
    Map<String, Object> january = derive(answer("situation", "EMPLOYMENT", "first_job_month", LocalDate.of(2023, 1, 1)),
        Set.of());
    assertEquals(false, january.get("job_within_6_months"), "7 months is not within 6");
    Map<String, Object> undated = derive(answer("situation", "JOB_SEEKING", "job_since_leaving", "YES"), Set.of());
    assertNull(undated.get("months_to_first_job"), "a job since leaving without its date");
    assertNull(undated.get("job_within_6_months"), "unknown, left out of the rate's denominator");
    assertEquals(true, undated.get("active"));
  }

  @Test
  void fieldMatchByDomainAndExactly() {
    Set<String> rome = Set.of("D1102", "D1104");
    Map<String, Object> exact = derive(answer("situation", "EMPLOYMENT", "rome_code", "D1102"), rome);
    assertEquals(true, exact.get("field_match"));
    assertEquals(true, exact.get("field_match_exact"));
    Map<String, Object> domain = derive(answer("situation", "EMPLOYMENT", "rome_code", "D1106"), rome);
    assertEquals(true, domain.get("field_match"));
    assertEquals(false, domain.get("field_match_exact"));
    assertEquals(false, derive(answer("situation", "EMPLOYMENT", "rome_code", "K2204"), rome).get("field_match"));
    assertNull(derive(answer("situation", "EMPLOYMENT"), rome).get("field_match"), "job not coded: unknown");
    assertNull(derive(answer("situation", "EMPLOYMENT", "rome_code", "D1102"), Set.of()).get("field_match"),
        "diploma without ROME codes: unknown");
  }

  @Test
  void relatedJobAndDiploma() {
    Map<String, Object> o = derive(answer("situation", "EMPLOYMENT", "related_to_training", "RATHER",
        "same_employer", "YES", "diploma_obtained", "YES"), Set.of());
    assertTrue((Boolean) o.get("related_job"));
    assertTrue((Boolean) o.get("related_answered"));
    assertTrue((Boolean) o.get("same_employer"));
    assertEquals("YES", o.get("diploma_obtained"), "the file says unknown: the survey decides");
    assertEquals("NO", OutcomeRules.diploma("NO", "YES"), "the file wins");
    assertEquals("UNKNOWN", OutcomeRules.diploma("UNKNOWN", "PENDING"));
    assertFalse((Boolean) derive(answer("situation", "EMPLOYMENT", "related_to_training", "NOT_AT_ALL"), Set.of())
        .get("related_job"));
  }

  @Test
  void trainingLevelFollowed() {
    assertEquals(5, OutcomeRules.trainingLevel("BTS MCO en alternance"));
    assertEquals(6, OutcomeRules.trainingLevel("Licence pro commerce"));
    assertEquals(4, OutcomeRules.trainingLevel("bac pro"));
    assertNull(OutcomeRules.trainingLevel("formation maison"));
  }
}
