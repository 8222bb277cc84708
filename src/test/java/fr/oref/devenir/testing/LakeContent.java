package fr.oref.devenir.testing;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Lake;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.StructField;

/**
 * What a lake's tables hold, as each table's sorted row hashes, to compare two lakes' content whatever
 * the commits, files or row order that led there.
 */
public final class LakeContent {
  /**
   * Set by the clock of the run that wrote the row (a workbook's hash too: POI stamps its creation
   * time inside it): two runs of the same data differ there only.
   */
  public static final Set<String> RUN_TIMES = Set.of("ingested_at", "loaded_at", "closed_at", "purged_at", "written_at",
      "sha256");

  private LakeContent() {}

  /** Every table of the lake, each as the SHA-256 of its rows' JSON, {@code ignored} columns left out. */
  public static Map<Table, List<String>> of(Lake lake, Set<String> ignored) {
    Map<Table, List<String>> content = new LinkedHashMap<>();
    for (Table table : Table.values()) {
      content.put(table, rows(lake, table, ignored));
    }
    return content;
  }

  public static List<String> rows(Lake lake, Table table, Set<String> ignored) {
    Column[] kept = Arrays.stream(table.schema().fields()).filter(f -> !ignored.contains(f.name()))
        .map(LakeContent::comparable).toArray(Column[]::new);
    return lake.read(table).select(sha2(to_json(struct(kept)), 256).as("h")).orderBy(col("h"))
        .as(Encoders.STRING()).collectAsList();
  }

  /**
   * Doubles to 9 decimals: a sum of weights taken in another order (the rows of a rewritten file) differs
   * in its last bits, not in anything a statistic shows.
   */
  private static Column comparable(StructField f) {
    return f.dataType() instanceof DoubleType ? round(col(f.name()), 9).as(f.name()) : col(f.name());
  }

  /** The tables whose content differs, with their row counts, for a failure message. */
  public static String differences(Map<Table, List<String>> expected, Map<Table, List<String>> actual) {
    StringBuilder s = new StringBuilder();
    expected.forEach((table, rows) -> {
      List<String> other = actual.get(table);
      if (!rows.equals(other)) {
        s.append(table.qualifiedName()).append(" (").append(rows.size()).append(" rows expected, ")
            .append(other == null ? "none" : other.size()).append(" found) ");
      }
    });
    return s.toString().strip();
  }
}
