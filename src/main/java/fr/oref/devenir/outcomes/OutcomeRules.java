package fr.oref.devenir.outcomes;

import fr.oref.devenir.contracts.SurveyExportContract;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The outcome variables of SPEC §6 for one panel member and wave, from the leaver's file data and
 * the cleaned answer (null when absent from the export). Identical for every cohort, so trends
 * compare like with like. Variables that only make sense for respondents are null for the others;
 * "unknown" is null too (e.g. field match when the job is not coded).
 */
public final class OutcomeRules {
  static final Set<String> FURTHER_STUDY = Set.of("APPRENTICESHIP_STUDY", "STUDY");
  static final Set<String> NEET = Set.of("JOB_SEEKING", "INACTIVE");
  static final Set<String> LASTING = Set.of("CDI", "CIVIL_SERVANT", "FIXED_TERM_6M_PLUS");
  static final Set<String> RELATED = Set.of("FULLY", "RATHER");
  static final Map<String, Integer> SATISFACTION = Map.of("VERY_SATISFIED", 1, "RATHER_SATISFIED", 2,
      "RATHER_DISSATISFIED", 3, "NOT_AT_ALL_SATISFIED", 4);
  static final int JOB_WITHIN_MONTHS = 6;
  static final String SELF_EMPLOYED = "SELF_EMPLOYED";
  /** Set on the answer by the misrouting rules (work_study_contract) when an alternance is not an apprenticeship. */
  static final String PROFESSIONALISATION = "PROFESSIONALISATION";
  private static final Map<Pattern, Integer> LEVELS = Map.of(
      Pattern.compile("\\b(cap|cap[a-z]*)\\b"), 3,
      Pattern.compile("\\b(bac|bac pro|bp|brevet professionnel|mention complementaire)\\b"), 4,
      Pattern.compile("\\b(bts|dut|but|deust)\\b"), 5,
      Pattern.compile("\\b(licence|bachelor|lp)\\b"), 6,
      Pattern.compile("\\b(master|ingenieur|mba)\\b"), 7);

  private OutcomeRules() {}

  /**
   * @param leaver silver.leavers values (cfd, training_end, diploma_obtained, contract_break…)
   * @param answer cleaned silver.responses values, or null when the leaver is not in the export
   * @param diplomaRome the ROME codes Certif Info attaches to the leaver's diploma
   */
  public static Map<String, Object> derive(Map<String, Object> leaver, Map<String, Object> answer,
      LocalDate referenceDate, Set<String> diplomaRome) {
    Map<String, Object> o = new HashMap<>(leaver);
    Map<String, Object> a = answer == null ? Map.of() : answer;
    String status = answer == null ? "NO_ANSWER" : (String) a.get("status");
    boolean respondent = SurveyExportContract.respondent(status, a.get("situation"));
    o.put("response_status", status);
    o.put("respondent", respondent);
    o.put("opted_out", SurveyExportContract.REFUSED.equals(status));
    o.put("contract_broken", leaver.get("contract_break") != null);
    o.put("diploma_obtained", diploma((String) leaver.get("diploma_obtained"), (String) a.get("diploma_obtained")));
    if (!respondent) {
      return o;
    }
    String situation = (String) a.get("situation");
    boolean employed = "EMPLOYMENT".equals(situation);
    boolean furtherStudy = in(FURTHER_STUDY, situation);
    o.put("situation", situation);
    o.put("further_study", furtherStudy);
    o.put("active", !furtherStudy);
    o.put("employed", employed);
    o.put("neet", in(NEET, situation));
    o.put("lasting_job", employed && in(LASTING, a.get("contract")));
    // InserJeunes counts employees only; an unanswered contract is not a declared self-employment
    o.put("salaried", employed && !SELF_EMPLOYED.equals(a.get("contract")));
    o.put("professionalisation_contract", "APPRENTICESHIP_STUDY".equals(situation)
        && PROFESSIONALISATION.equals(a.get("work_study_contract")));
    o.put("same_employer", employed && "YES".equals(a.get("same_employer")));
    o.put("related_job", employed && in(RELATED, a.get("related_to_training")));
    o.put("related_answered", employed && a.get("related_to_training") != null);
    String rome = employed ? (String) a.get("rome_code") : null;
    o.put("rome_code", rome);
    o.put("rome_coding", rome == null ? null : a.get("rome_coding"));
    if (rome != null && !diplomaRome.isEmpty()) {
      o.put("field_match", diplomaRome.stream().anyMatch(r -> r.substring(0, 3).equals(rome.substring(0, 3))));
      o.put("field_match_exact", diplomaRome.contains(rome));
    }
    firstJob(o, (LocalDate) leaver.get("training_end"), a, employed, referenceDate, !furtherStudy);
    Object satisfaction = a.get("satisfaction");
    o.put("satisfaction", satisfaction == null ? null : SATISFACTION.get(satisfaction));
    o.put("training_level_followed", furtherStudy ? trainingLevel((String) a.get("training_followed")) : null);
    return o;
  }

  /** Set.of(...).contains(null) throws: an unanswered question is simply not in the set. */
  private static boolean in(Set<String> set, Object value) {
    return value != null && set.contains(value);
  }

  /** The file says, else the survey (PENDING is not an outcome), else unknown. */
  static String diploma(String file, String survey) {
    if ("YES".equals(file) || "NO".equals(file)) {
      return file;
    }
    return "YES".equals(survey) || "NO".equals(survey) ? survey : "UNKNOWN";
  }

  /**
   * Whole months from the month of training end to the month of the first job, 0 for a job that
   * started before or in that month; right-censored at the reference date without any job since.
   */
  static void firstJob(Map<String, Object> o, LocalDate trainingEnd, Map<String, Object> a, boolean employed,
      LocalDate referenceDate, boolean active) {
    if (trainingEnd == null) {
      return;
    }
    YearMonth end = YearMonth.from(trainingEnd);
    LocalDate firstJob = (LocalDate) a.get("first_job_month");
    Integer months = null;
    boolean censored = false;
    if ("NO".equals(a.get("job_since_leaving")) && !employed) {
      months = (int) Math.max(0, ChronoUnit.MONTHS.between(end, YearMonth.from(referenceDate)));
      censored = true;
    } else if (firstJob != null) {
      months = (int) Math.max(0, ChronoUnit.MONTHS.between(end, YearMonth.from(firstJob)));
    }
    o.put("months_to_first_job", months);
    o.put("first_job_censored", months == null ? null : censored);
    if (active && months != null) {
      o.put("job_within_6_months", !censored && months <= JOB_WITHIN_MONTHS);
    }
  }

  /** The level of the training followed, when its name says it (CAP 3 … master 7). */
  static Integer trainingLevel(String text) {
    if (text == null) {
      return null;
    }
    String folded = fr.oref.devenir.text.Texts.fold(text);
    return LEVELS.entrySet().stream().filter(e -> e.getKey().matcher(folded).find())
        .map(Map.Entry::getValue).max(Integer::compare).orElse(null);
  }
}
