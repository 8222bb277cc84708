package fr.oref.devenir.ingest;

import fr.oref.devenir.contracts.LeaverColumn;
import fr.oref.devenir.contracts.LeaverFileContract;
import fr.oref.devenir.text.Texts;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Recognises the leaver-file header however a CFA typed it: case, accents, spaces and punctuation
 * are ignored, aliases from the contract are accepted, and so is another word order
 * ("Naissance (date)" for "Date de naissance").
 */
public final class HeaderMatcher implements Serializable {
  /** Fewer recognised columns than this and a row is not the header (a title, a data row). */
  static final int MIN_MATCHED = 4;
  /** Title rows a CFA may put above the header. */
  static final int MAX_TITLE_ROWS = 10;

  private static final Set<String> STOP_WORDS = Set.of("de", "du", "des", "d", "la", "le", "l", "en", "of");

  private final Map<String, String> fieldByKey = new HashMap<>();
  private final List<LeaverColumn> columns;

  public HeaderMatcher(LeaverFileContract contract) {
    this.columns = contract.columns();
    for (LeaverColumn column : columns) {
      List<String> names = new ArrayList<>(column.aliases());
      names.add(0, column.header());
      for (String name : names) {
        fieldByKey.putIfAbsent(Texts.key(name), column.field());
        fieldByKey.putIfAbsent(orderFree(name), column.field());
      }
    }
  }

  private static String orderFree(String name) {
    return Arrays.stream(Texts.fold(name).split(" "))
        .filter(t -> !t.isEmpty() && !STOP_WORDS.contains(t))
        .sorted()
        .collect(Collectors.joining("|"));
  }

  public Optional<String> field(String header) {
    if (Texts.isBlank(header)) {
      return Optional.empty();
    }
    String exact = fieldByKey.get(Texts.key(header));
    return Optional.ofNullable(exact != null ? exact : fieldByKey.get(orderFree(header)));
  }

  /** How a header row maps onto the contract. */
  public record Mapping(Map<Integer, String> fieldByColumn, List<String> extraHeaders, List<String> missingHeaders)
      implements Serializable {
    public int matched() {
      return fieldByColumn.size();
    }
  }

  /** Maps a candidate header row; a field named twice keeps its first column, the second is extra. */
  public Mapping map(List<String> cells) {
    Map<Integer, String> byColumn = new LinkedHashMap<>();
    List<String> extras = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      Optional<String> field = field(cell);
      if (field.isPresent() && !byColumn.containsValue(field.get())) {
        byColumn.put(i, field.get());
      } else if (!Texts.isBlank(cell)) {
        extras.add(cell.trim());
      }
    }
    List<String> missing = columns.stream()
        .filter(c -> !byColumn.containsValue(c.field()))
        .map(LeaverColumn::header)
        .toList();
    return new Mapping(byColumn, extras, missing);
  }

  public boolean isHeader(Mapping mapping) {
    return mapping.matched() >= MIN_MATCHED;
  }
}
