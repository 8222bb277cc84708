package fr.oref.devenir.clean;

import fr.oref.devenir.ingest.LeaverColumn;
import fr.oref.devenir.ingest.LeaverFileContract;
import fr.oref.devenir.text.Texts;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates one leaver row against the contract (SPEC §2): each column's rule, then the checks that
 * span columns (age, date order, school year, a way to reach the leaver). Severity and French
 * message come from data-schemas/; this class only decides what is wrong.
 */
public final class LeaverValidator implements Serializable {
  private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  /** Their values never appear in a message (the reports leave the observatory). */
  private static final Set<String> NOMINATIVE = Set.of("last_name", "first_name", "birth_date", "address", "city",
      "email", "mobile", "phone2", "ine");

  private final LeaverFileContract contract = LeaverFileContract.get();
  private final LocalDate yearStart;
  private final LocalDate yearEnd;

  /** Cohort N: training ended between 1 September N-1 and 31 December N. */
  public LeaverValidator(int cohort) {
    this.yearStart = LocalDate.of(cohort - 1, 9, 1);
    this.yearEnd = LocalDate.of(cohort, 12, 31);
  }

  public ValidatedLeaver validate(Map<String, String> cells) {
    Row row = new Row(cells);
    for (LeaverColumn column : contract.columns()) {
      row.check(column);
    }
    row.crossChecks();
    return new ValidatedLeaver(row.values, row.issues);
  }

  /** The state of one row being validated. */
  private final class Row {
    private final Map<String, String> cells;
    private final Map<String, Object> values = new HashMap<>();
    private final List<Issue> issues = new ArrayList<>();

    Row(Map<String, String> cells) {
      this.cells = cells;
    }

    void check(LeaverColumn column) {
      String raw = Texts.clean(cells.get(column.field()));
      if (raw == null) {
        missing(column);
        return;
      }
      Optional<?> value = parse(column, raw);
      if (value.isPresent()) {
        values.put(column.field(), value.get());
      } else if (!"uai".equals(column.rule()) || !Uai.hasShape(Uai.normalise(raw))) {
        issue(column, column.rule(), raw, null);
      } else {
        String uai = Uai.normalise(raw);
        issue(column, "uai.letter", raw, String.valueOf(Uai.checkLetter(uai.substring(0, 7))));
      }
    }

    private void missing(LeaverColumn column) {
      switch (column.field()) {
        case "diploma_obtained" -> values.put("diploma_obtained", "UNKNOWN");
        case "repeating" -> {
          values.put("repeating", false);
          issue(column, "repeating.default", null, null);
        }
        default -> {
          if (column.isRequired()) {
            issue(column, "required", null, null);
          }
        }
      }
    }

    private Optional<?> parse(LeaverColumn column, String raw) {
      return switch (column.rule()) {
        case "uai" -> Optional.ofNullable(Uai.normalise(raw)).filter(Uai::isValid);
        case "ine" -> Optional.ofNullable(Codes.upper(raw)).filter(Codes::isIne);
        case "name" -> raw.chars().anyMatch(Character::isLetter) ? Optional.of(raw) : Optional.empty();
        case "sex" -> sex(raw);
        case "date", "birth_date" -> Dates.parse(raw);
        case "postal_code" -> Codes.postalCode(raw);
        case "email" -> Codes.isEmail(raw) ? Optional.of(raw.trim()) : Optional.empty();
        case "phone" -> Phones.toE164(raw);
        case "cfd" -> Optional.ofNullable(Codes.upper(raw)).filter(Codes::isCfd);
        case "rncp" -> Codes.rncp(raw);
        case "yes_no" -> yesNo(raw);
        case "yes_no_unknown" -> yesNoUnknown(raw);
        case "siret" -> Optional.ofNullable(Siret.normalise(raw)).filter(Siret::isValid);
        case "text" -> Optional.of(raw);
        default -> throw new IllegalStateException("Unknown rule " + column.rule() + " in data-schemas/leaver-file.csv");
      };
    }

    void crossChecks() {
      String cfd = (String) values.get("cfd");
      values.put("nsf", Codes.nsf(cfd));
      if (values.get("email") == null && values.get("mobile") == null) {
        issue(null, "contact.missing", null, null);
      }
      LocalDate birth = (LocalDate) values.get("birth_date");
      LocalDate start = (LocalDate) values.get("training_start");
      LocalDate end = (LocalDate) values.get("training_end");
      if (birth != null && end != null) {
        int age = Period.between(birth, end).getYears();
        values.put("age_at_end", age);
        if (age < 15 || age > 60) {
          issue(null, "age.impossible", String.valueOf(age), null);
        } else if (age > 30) {
          issue(null, "age.above_30", String.valueOf(age), null);
        }
      }
      if (start != null && end != null && start.isAfter(end)) {
        issue(contract.column("training_start"), "training.dates_order", start.format(FRENCH), end.format(FRENCH));
      }
      if (end != null && (end.isBefore(yearStart) || end.isAfter(yearEnd))) {
        issue(contract.column("training_end"), "training.end_outside_year", end.format(FRENCH),
            yearStart.format(FRENCH) + " – " + yearEnd.format(FRENCH));
      }
      LocalDate contractStart = (LocalDate) values.get("contract_start");
      LocalDate contractBreak = (LocalDate) values.get("contract_break");
      if (contractBreak != null && ((contractStart != null && contractBreak.isBefore(contractStart))
          || (end != null && contractBreak.isAfter(end)))) {
        issue(contract.column("contract_break"), "contract.break_outside", contractBreak.format(FRENCH), null);
      }
    }

    /** Severity: the check's own if it has one, else the column's. */
    private void issue(LeaverColumn column, String checkId, String value, String expected) {
      LeaverFileContract.Check check = contract.check(checkId);
      String severity = !check.severity().isEmpty() ? check.severity() : column.severity();
      String field = column == null ? null : column.field();
      String shown = field != null && NOMINATIVE.contains(field) ? "" : value;
      String header = column == null ? null : column.header();
      issues.add(new Issue(field, header, checkId, Severity.valueOf(severity),
          contract.message(checkId, header, shown, expected)));
    }
  }

  private static Optional<String> sex(String raw) {
    return switch (Texts.key(raw)) {
      case "f", "femme", "feminin", "2" -> Optional.of("F");
      case "m", "h", "homme", "masculin", "1" -> Optional.of("M");
      default -> Optional.empty();
    };
  }

  private static Optional<Boolean> yesNo(String raw) {
    return switch (Texts.key(raw)) {
      case "oui", "o", "yes", "y", "1", "vrai", "x" -> Optional.of(true);
      case "non", "n", "no", "0", "faux" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  private static Optional<String> yesNoUnknown(String raw) {
    if (Texts.key(raw).equals("inconnu") || Texts.key(raw).equals("nsp")) {
      return Optional.of("UNKNOWN");
    }
    return yesNo(raw).map(b -> b ? "YES" : "NO");
  }
}
