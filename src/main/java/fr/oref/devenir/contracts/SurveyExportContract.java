package fr.oref.devenir.contracts;

import fr.oref.devenir.text.Csv;
import fr.oref.devenir.text.Texts;
import fr.oref.devenir.values.Dates;
import java.io.Serializable;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The survey export of SPEC §4, from data-schemas/survey-export.csv: columns, their types, and the
 * codes of coded answers (the tool's label → Devenir's English code name). Types one raw row.
 */
public final class SurveyExportContract implements Serializable {
  private static final Pattern ROME = Pattern.compile("[A-N][0-9]{4}");
  private static final Pattern MONTH = Pattern.compile("(\\d{1,2})/(\\d{4})");
  private static final SurveyExportContract INSTANCE = new SurveyExportContract();
  /** Answer statuses (the export's STATUT coded by survey-export.csv) the statistics read. */
  public static final String COMPLETE = "COMPLETE";
  public static final String PARTIAL = "PARTIAL";
  public static final String REFUSED = "REFUSED";
  /** Longest part of an answer a message quotes. */
  public static final int QUOTED_MAX = 80;

  /** One export column. */
  public record Column(String name, String field, String type, Map<String, String> codes) implements Serializable {}

  /** A value that could not be typed: reported, and the value left empty. */
  public record Problem(String column, String rule, String message) implements Serializable {}

  /** A typed row: values by field, and what was wrong. */
  public record Typed(Map<String, Object> values, List<Problem> problems) implements Serializable {}

  private final List<Column> columns = new ArrayList<>();

  private SurveyExportContract() {
    for (Map<String, String> r : Csv.readResource("data-schemas/survey-export.csv")) {
      Map<String, String> codes = new HashMap<>();
      for (String pair : r.get("codes").split("\\|")) {
        if (pair.contains("=")) {
          String[] kv = pair.split("=", 2);
          codes.put(Texts.key(kv[0]), kv[1]);
        }
      }
      columns.add(new Column(r.get("column"), r.get("field"), r.get("type"), codes));
    }
  }

  /**
   * Respondent (SPEC §5.1): a complete answer, or a partial one that gives the situation. The one rule
   * the outcomes and the progress of collection both apply.
   */
  public static boolean respondent(String status, Object situation) {
    return COMPLETE.equals(status) || (PARTIAL.equals(status) && situation != null);
  }

  public static SurveyExportContract get() {
    return INSTANCE;
  }

  public List<Column> columns() {
    return columns;
  }

  /** Finds each contract column in an export header (case, accents and order ignored); -1 when absent. */
  public Map<String, Integer> locate(List<String> header) {
    Map<String, Integer> index = new HashMap<>();
    for (Column c : columns) {
      for (int i = 0; i < header.size(); i++) {
        if (Texts.key(header.get(i)).equals(Texts.key(c.name()))) {
          index.put(c.name(), i);
          break;
        }
      }
    }
    return index;
  }

  /** Types the raw cells of one export row (by column name). */
  public Typed type(Map<String, String> cells) {
    Map<String, Object> values = new HashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (Column c : columns) {
      String raw = Texts.clean(cells.get(c.name()));
      if (raw == null) {
        continue;
      }
      Optional<Object> value = parse(c, raw);
      if (value.isPresent()) {
        values.put(c.field(), value.get());
      } else {
        problems.add(new Problem(c.name(), rule(c), message(c, raw)));
      }
    }
    return new Typed(values, problems);
  }

  private static Optional<Object> parse(Column c, String raw) {
    return switch (c.type()) {
      case "string" -> Optional.of(raw);
      case "code" -> Optional.ofNullable(c.codes().get(Texts.key(raw)));
      case "rome" -> ROME.matcher(raw.toUpperCase()).matches() ? Optional.of(raw.toUpperCase()) : Optional.empty();
      case "date" -> Dates.parse(raw).filter(d -> d.getYear() > 2000).map(d -> (Object) d);
      case "month" -> month(raw);
      case "integer" -> raw.matches("\\d{1,3}") ? Optional.of(Integer.parseInt(raw)) : Optional.empty();
      default -> throw new IllegalStateException("Unknown type " + c.type() + " in data-schemas/survey-export.csv");
    };
  }

  private static Optional<Object> month(String raw) {
    var m = MONTH.matcher(raw.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    int month = Integer.parseInt(m.group(1));
    return month < 1 || month > 12 ? Optional.empty()
        : Optional.of(YearMonth.of(Integer.parseInt(m.group(2)), month).atDay(1));
  }

  private static String rule(Column c) {
    return switch (c.type()) {
      case "code", "rome" -> "unknown_code";
      case "date", "month" -> "invalid_date";
      default -> "invalid_number";
    };
  }

  private static String message(Column c, String value) {
    String raw = Texts.excerpt(value, QUOTED_MAX);
    return switch (c.type()) {
      case "code" -> "Code « " + raw + " » inconnu pour " + c.name() + " : valeur ignorée.";
      case "rome" -> "Code ROME « " + raw + " » mal formé (lettre + 4 chiffres) : valeur ignorée.";
      case "date" -> "Date « " + raw + " » impossible pour " + c.name() + " (JJ/MM/AAAA) : valeur ignorée.";
      case "month" -> "Mois « " + raw + " » impossible pour " + c.name() + " (MM/AAAA) : valeur ignorée.";
      default -> "Nombre « " + raw + " » invalide pour " + c.name() + " : valeur ignorée.";
    };
  }
}
