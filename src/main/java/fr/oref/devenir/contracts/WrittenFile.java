package fr.oref.devenir.contracts;

import fr.oref.devenir.text.Csv;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file Devenir writes for people (panels, call lists, reports, open data), from
 * {@code data-schemas/<name>.csv}: its sheets in order (a CSV has one, unnamed) and each sheet's columns
 * in order, with the French header, the field it holds, and what else the contract says of it. Writers
 * take their header and column order from here; a header may hold {@code {parameter}} placeholders
 * ({@link Parameters}) and placeholders its writer expands ({@code {indicators}}: one column each).
 */
public final class WrittenFile {
  /** A CSV's one sheet. */
  public static final String CSV = "";
  private static final Pattern WHOLE = Pattern.compile("\\{([a-z_]+)}");
  private static final ConcurrentHashMap<String, WrittenFile> CACHE = new ConcurrentHashMap<>();

  /** One column: its sheet, French header, field, and every attribute of its contract line. */
  public record Column(String sheet, String header, String field, Map<String, String> attributes) {
    public String get(String attribute) {
      return attributes.getOrDefault(attribute, "");
    }
  }

  private final String path;
  private final List<Column> columns = new ArrayList<>();

  private WrittenFile(String name) {
    this.path = "data-schemas/" + name + ".csv";
    for (Map<String, String> r : Csv.readResource(path)) {
      columns.add(new Column(r.getOrDefault("sheet", CSV), r.get("column"), r.get("field"), r));
    }
  }

  public static WrittenFile of(String name) {
    return CACHE.computeIfAbsent(name, WrittenFile::new);
  }

  public String path() {
    return path;
  }

  /** The sheets, in the workbook's order. */
  public List<String> sheets() {
    return columns.stream().map(Column::sheet).distinct().toList();
  }

  public List<Column> columns(String sheet) {
    List<Column> of = columns.stream().filter(c -> c.sheet().equals(sheet)).toList();
    if (of.isEmpty()) {
      throw new IllegalArgumentException("Pas de feuille « " + sheet + " » dans " + path + ".");
    }
    return of;
  }

  public List<String> headers() {
    return headers(CSV, Map.of());
  }

  /**
   * A sheet's header row: a header that is a placeholder of {@code expansions} alone becomes its values
   * (a column each), one holding it among other text has it replaced; parameters are then filled.
   */
  public List<String> headers(String sheet, Map<String, List<String>> expansions) {
    List<String> headers = new ArrayList<>();
    for (Column c : columns(sheet)) {
      Matcher whole = WHOLE.matcher(c.header());
      if (whole.matches() && expansions.containsKey(whole.group(1))) {
        headers.addAll(expansions.get(whole.group(1)));
        continue;
      }
      String header = c.header();
      for (Map.Entry<String, List<String>> e : expansions.entrySet()) {
        header = header.replace("{" + e.getKey() + "}", String.join(", ", e.getValue()));
      }
      headers.add(Parameters.get().fill(header));
    }
    return headers;
  }

  public List<String> fields(String sheet) {
    return columns(sheet).stream().map(Column::field).toList();
  }

  public List<String> fields() {
    return fields(CSV);
  }
}
