package fr.oref.devenir.contracts;

import fr.oref.devenir.text.Csv;
import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The leaver-file contract: columns from {@code data-schemas/leaver-file.csv} and the French
 * messages of every check from {@code data-schemas/leaver-checks.csv}. Code, template and
 * docs all read these two files.
 */
public final class LeaverFileContract implements Serializable {
  public static final String SHEET = "Sortants";
  public static final String DESCRIPTION_SHEET = "Description";

  private static final LeaverFileContract INSTANCE = load();

  private final List<LeaverColumn> columns;
  private final Map<String, Check> checks;

  /** A check's French message template ({column}, {value}, {expected}) and fixed severity, if any. */
  public record Check(String id, String severity, String message) implements Serializable {}

  private LeaverFileContract(List<LeaverColumn> columns, Map<String, Check> checks) {
    this.columns = List.copyOf(columns);
    this.checks = checks;
  }

  public static LeaverFileContract get() {
    return INSTANCE;
  }

  private static LeaverFileContract load() {
    List<LeaverColumn> columns = Csv.readResource("data-schemas/leaver-file.csv").stream()
        .map(r -> new LeaverColumn(
            r.get("header"),
            Arrays.stream(r.get("aliases").split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
            r.get("field"),
            r.get("type"),
            r.get("required"),
            r.get("rule"),
            r.get("severity"),
            r.get("format"),
            r.get("description"),
            r.get("example")))
        .toList();
    Map<String, Check> checks = new LinkedHashMap<>();
    for (Map<String, String> r : Csv.readResource("data-schemas/leaver-checks.csv")) {
      checks.put(r.get("check"), new Check(r.get("check"), r.get("severity"), r.get("message")));
    }
    return new LeaverFileContract(columns, checks);
  }

  public List<LeaverColumn> columns() {
    return columns;
  }

  public LeaverColumn column(String field) {
    return columns.stream().filter(c -> c.field().equals(field)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No leaver column " + field));
  }

  public Optional<LeaverColumn> findColumn(String field) {
    return columns.stream().filter(c -> c.field().equals(field)).findFirst();
  }

  public Check check(String id) {
    Check check = checks.get(id);
    if (check == null) {
      throw new IllegalArgumentException("No check " + id + " in data-schemas/leaver-checks.csv");
    }
    return check;
  }

  /** The French message of a check, placeholders filled. */
  public String message(String checkId, String column, String value, String expected) {
    return check(checkId).message()
        .replace("{column}", column == null ? "" : column)
        .replace("{value}", value == null ? "" : value)
        .replace("{expected}", expected == null ? "" : expected);
  }
}
