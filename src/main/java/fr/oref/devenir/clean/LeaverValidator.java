package fr.oref.devenir.clean;

import fr.oref.devenir.contracts.LeaverColumn;
import fr.oref.devenir.contracts.LeaverFileContract;
import fr.oref.devenir.text.Texts;
import fr.oref.devenir.values.Cfd;
import fr.oref.devenir.values.Dates;
import fr.oref.devenir.values.Emails;
import fr.oref.devenir.values.Ine;
import fr.oref.devenir.values.Phones;
import fr.oref.devenir.values.PostalCodes;
import fr.oref.devenir.values.Rncp;
import fr.oref.devenir.values.Sex;
import fr.oref.devenir.values.Siret;
import fr.oref.devenir.values.Uai;
import fr.oref.devenir.values.YesNo;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates one leaver row against the leaver-file contract: each column's rule, then the
 * checks that span several columns (contact, age, training dates, cohort window, contract break).
 * Columns, rules, severities and French messages all come from {@code data-schemas/}.
 */
public final class LeaverValidator implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Fields whose value identifies the person (SPEC §1, plus the birth date): messages never
   * quote them, because validation reports travel by e-mail and end up in tickets.
   */
  private static final Set<String> NOMINATIVE = Set.of(
      "last_name", "first_name", "birth_date", "address", "city", "email", "mobile", "phone2", "ine");
  private static final Set<String> UNKNOWN_ANSWERS = Set.of("", "inconnu", "nsp", "nesaitpas", "unknown", "enattente");
  private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  /** Longest part of a cell a message quotes. */
  private static final int QUOTED_MAX = 80;
  private static final int MIN_AGE = 15;
  private static final int MAX_AGE = 60;
  /** Older leavers exist (reconversion) but are often a birth-date typo, so they are flagged. */
  private static final int USUAL_MAX_AGE = 30;

  private final int cohort;
  private final LeaverFileContract contract = LeaverFileContract.get();

  public LeaverValidator(int cohort) {
    this.cohort = cohort;
  }

  /** Cohort N's leavers end their training between 1 September N-1 and 31 December N. */
  public LocalDate windowStart() {
    return LocalDate.of(cohort - 1, 9, 1);
  }

  public LocalDate windowEnd() {
    return LocalDate.of(cohort, 12, 31);
  }

  /**
   * @param cells raw cell text keyed by contract field name; a key may be missing, null or blank.
   *     Excel date cells are expected as ISO {@code 2021-06-30}.
   */
  public ValidatedLeaver validate(Map<String, String> cells) {
    Row row = new Row();
    for (LeaverColumn column : contract.columns()) {
      validateColumn(column, Texts.clean(cells.get(column.field())), row);
    }
    String cfd = (String) row.values.get("cfd");
    row.values.put("nsf", cfd == null ? null : Cfd.nsf(cfd));
    checkContact(row);
    checkAge(row);
    checkTrainingDates(row);
    checkContractBreak(row);
    return new ValidatedLeaver(Collections.unmodifiableMap(row.values), List.copyOf(row.issues));
  }

  private void validateColumn(LeaverColumn column, String raw, Row row) {
    if (raw == null) {
      row.values.put(column.field(), blankValue(column, row));
      return;
    }
    Parsed parsed = parse(column, raw);
    row.values.put(column.field(), parsed.value());
    if (parsed.failedCheck() != null) {
      String quoted = NOMINATIVE.contains(column.field()) ? null : Texts.excerpt(raw, QUOTED_MAX);
      row.issue(column, parsed.failedCheck(), quoted, parsed.expected());
    }
  }

  /** A blank cell: an issue if the column is required, and the default the contract documents. */
  private Object blankValue(LeaverColumn column, Row row) {
    switch (column.rule()) {
      case "yes_no_unknown":
        return DiplomaObtained.UNKNOWN.name();
      case "yes_no":
        // a blank yes/no means No; "<field>.default" tells the CFA so instead of rejecting
        row.issue(column, column.field() + ".default", null, null);
        return Boolean.FALSE;
      default:
        if (column.isRequired()) {
          row.issue(column, "required", null, null);
        }
        return null;
    }
  }

  /** The value of a non-blank cell, or the check it failed (the value is then null). */
  private Parsed parse(LeaverColumn column, String raw) {
    String rule = column.rule();
    return switch (rule) {
      case "uai" -> uai(raw);
      case "ine" -> Parsed.of(Optional.ofNullable(Ine.normalise(raw)).filter(Ine::isValid), rule);
      case "name" -> raw.codePoints().anyMatch(Character::isLetter) ? Parsed.ok(raw) : Parsed.failed(rule);
      case "sex" -> Parsed.of(Sex.normalise(raw), rule);
      case "birth_date", "date" -> Parsed.of(Dates.parse(raw), rule);
      case "text" -> Parsed.ok(raw);
      case "postal_code" -> Parsed.of(PostalCodes.normalise(raw), rule);
      case "email" -> Emails.isValid(raw) ? Parsed.ok(raw) : Parsed.failed(rule);
      case "phone" -> Parsed.of(Phones.toE164(raw), rule);
      case "cfd" -> Parsed.of(Optional.ofNullable(Cfd.normalise(raw)).filter(Cfd::isValid), rule);
      case "rncp" -> Parsed.of(Rncp.normalise(raw), rule);
      case "yes_no" -> Parsed.of(YesNo.parse(raw), rule);
      case "yes_no_unknown" -> diplomaObtained(raw);
      case "siret" -> Parsed.of(Optional.ofNullable(Siret.normalise(raw)).filter(Siret::isValid), rule);
      default -> throw new IllegalStateException(
          "Rule " + rule + " of column " + column.field() + " in data-schemas/leaver-file.csv has no validator");
    };
  }

  private static Parsed uai(String raw) {
    String uai = Uai.normalise(raw);
    if (Uai.isValid(uai)) {
      return Parsed.ok(uai);
    }
    // right digits, wrong or missing letter: tell the CFA which letter it should be
    if (uai.matches("[0-9]{7}[A-Z]?")) {
      return new Parsed(null, "uai.letter", String.valueOf(Uai.checkLetter(uai.substring(0, 7))));
    }
    return Parsed.failed("uai");
  }

  private static Parsed diplomaObtained(String raw) {
    Optional<Boolean> answer = YesNo.parse(raw);
    if (answer.isPresent()) {
      return Parsed.ok((answer.get() ? DiplomaObtained.YES : DiplomaObtained.NO).name());
    }
    String unknown = DiplomaObtained.UNKNOWN.name();
    // the check's message says Inconnu is kept, so the value is UNKNOWN rather than null
    return UNKNOWN_ANSWERS.contains(Texts.key(raw))
        ? Parsed.ok(unknown)
        : new Parsed(unknown, "yes_no_unknown", null);
  }

  private enum DiplomaObtained { YES, NO, UNKNOWN }

  private void checkContact(Row row) {
    if (row.values.get("email") == null && row.values.get("mobile") == null) {
      row.issue(contract.column("mobile"), "contact.missing", null, null);
    }
  }

  private void checkAge(Row row) {
    LocalDate birth = (LocalDate) row.values.get("birth_date");
    LocalDate end = (LocalDate) row.values.get("training_end");
    Integer age = birth == null || end == null ? null : Period.between(birth, end).getYears();
    row.values.put("age_at_end", age);
    if (age == null) {
      return;
    }
    // the age is derived, not the birth date itself, so quoting it does not identify the leaver
    if (age < MIN_AGE || age > MAX_AGE) {
      row.issue(contract.column("birth_date"), "age.impossible", age.toString(), null);
    } else if (age > USUAL_MAX_AGE) {
      row.issue(contract.column("birth_date"), "age.above_30", age.toString(), null);
    }
  }

  private void checkTrainingDates(Row row) {
    LocalDate start = (LocalDate) row.values.get("training_start");
    LocalDate end = (LocalDate) row.values.get("training_end");
    if (start != null && end != null && start.isAfter(end)) {
      row.issue(contract.column("training_start"), "training.dates_order", french(start), french(end));
    }
    if (end != null && (end.isBefore(windowStart()) || end.isAfter(windowEnd()))) {
      row.issue(contract.column("training_end"), "training.end_outside_year", french(end),
          french(windowStart()) + " – " + french(windowEnd()));
    }
  }

  private void checkContractBreak(Row row) {
    LocalDate contractBreak = (LocalDate) row.values.get("contract_break");
    if (contractBreak == null) {
      return;
    }
    LocalDate contractStart = (LocalDate) row.values.get("contract_start");
    LocalDate trainingEnd = (LocalDate) row.values.get("training_end");
    if ((contractStart != null && contractBreak.isBefore(contractStart))
        || (trainingEnd != null && contractBreak.isAfter(trainingEnd))) {
      row.issue(contract.column("contract_break"), "contract.break_outside", french(contractBreak), null);
    }
  }

  private static String french(LocalDate date) {
    return date.format(FRENCH_DATE);
  }

  /** A cell's typed value, or the check it failed with its {expected} hint. */
  private record Parsed(Object value, String failedCheck, String expected) {
    static Parsed ok(Object value) {
      return new Parsed(value, null, null);
    }

    static Parsed failed(String check) {
      return new Parsed(null, check, null);
    }

    static Parsed of(Optional<?> value, String check) {
      return value.isPresent() ? ok(value.get()) : failed(check);
    }
  }

  /** The values and issues of the row being validated. */
  private final class Row {
    final Map<String, Object> values = new LinkedHashMap<>();
    final List<Issue> issues = new ArrayList<>();

    void issue(LeaverColumn column, String checkId, String value, String expected) {
      String fixed = contract.check(checkId).severity();
      Severity severity = Severity.valueOf(Texts.isBlank(fixed) ? column.severity() : fixed);
      issues.add(new Issue(column.field(), column.header(), checkId, severity,
          contract.message(checkId, column.header(), value, expected)));
    }
  }
}
