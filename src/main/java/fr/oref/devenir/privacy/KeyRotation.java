package fr.oref.devenir.privacy;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;

import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.lake.Rows;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * rotate-key: moves a lake to a new pseudonymisation key on purpose. Every leaver key and ID_SEINE is
 * derived again under the new key, consistently in every table that holds one, so the next ingest
 * (which derives them from the names) finds the same leavers. ID_SEINE is what the survey tool knows
 * a leaver by, stable across waves (SPEC §3): a cohort whose survey is under way (a panel handed out,
 * wave 2 not closed) refuses the rotation. A cohort whose names were purged gets keys derived from
 * its old ones under the new key: still joinable across its tables, no longer computable with the
 * old key.
 */
public final class KeyRotation {
  /**
   * Tables whose contract holds leaver_key (and maybe leaver_id): rewritten through the key map. Read
   * from the contracts, so a table added later is re-keyed without anyone remembering to list it.
   */
  static final List<Table> BY_KEY = holding("leaver_key");
  /** Tables holding only leaver_id: rewritten through the ID map. */
  static final List<Table> BY_ID = holding("leaver_id").stream().filter(t -> !BY_KEY.contains(t)).toList();
  private static final StructType MAP = new StructType().add("cohort", DataTypes.IntegerType)
      .add("old_key", DataTypes.StringType).add("old_id", DataTypes.StringType)
      .add("new_key", DataTypes.StringType).add("new_id", DataTypes.StringType);

  private KeyRotation() {}

  private static List<Table> holding(String column) {
    return Arrays.stream(Table.values()).filter(t -> Arrays.asList(t.schema().fieldNames()).contains(column)).toList();
  }

  /** @return the number of leavers re-keyed */
  public static long run(SparkSession spark, String lakeRoot, Pseudonymizer current, Pseudonymizer next) {
    Lake lake = new Lake(spark, lakeRoot);
    if (next.isDemo()) {
      throw new IllegalArgumentException("la nouvelle clé ne peut pas être la clé de démonstration.");
    }
    if (next.fingerprint().equals(current.fingerprint())) {
      throw new IllegalArgumentException("la nouvelle clé est la clé actuelle : rien à changer.");
    }
    refuseOpenSurveys(lake);
    // materialised before the first rewrite: computed again later, it would read tables already re-keyed
    Dataset<Row> map = keyMap(lake, current, next).localCheckpoint();
    for (Table table : BY_KEY) {
      rewrite(lake, table, map, "leaver_key", "old_key");
    }
    for (Table table : BY_ID) {
      rewrite(lake, table, map, "leaver_id", "old_id");
    }
    KeyRegister.record(lake, next, KeyRegister.ROTATION);
    return map.count();
  }

  private static void refuseOpenSurveys(Lake lake) {
    List<Integer> closed = lake.read(Table.WAVE_CLOSURES).filter(col("wave").equalTo(2)).select("cohort")
        .collectAsList().stream().map(r -> r.getInt(0)).toList();
    lake.read(Table.PANEL).select("cohort").distinct().collectAsList().stream().map(r -> r.getInt(0))
        .filter(c -> !closed.contains(c)).findFirst().ifPresent(c -> {
          throw new IllegalStateException("rotation refusée : l'enquête de la cohorte " + c + " est en cours (panel remis, "
              + "vague 2 non clôturée) et l'ID_SEINE doit rester le même d'une vague à l'autre.");
        });
  }

  /**
   * Old key and ID to new ones, for every leaver key the lake holds, derived on the executors (the
   * names of every cohort never reach the driver): from the names where the lake still has them,
   * else from the old key.
   */
  static Dataset<Row> keyMap(Lake lake, Pseudonymizer current, Pseudonymizer next) {
    Dataset<Row> keys = null;
    for (Table table : BY_KEY) {
      Dataset<Row> k = lake.read(table).select("cohort", "leaver_key").where(col("leaver_key").isNotNull());
      keys = keys == null ? k : keys.union(k);
    }
    Dataset<Row> contacts = lake.read(Table.CONTACTS).select(col("cohort").as("c_cohort"), col("leaver_key").as("c_key"),
        col("last_name"), col("first_name"), col("birth_date")).dropDuplicates("c_cohort", "c_key");
    Dataset<Row> known = keys.distinct().join(contacts, col("cohort").equalTo(col("c_cohort"))
        .and(col("leaver_key").equalTo(col("c_key"))), "left");
    return known.map((MapFunction<Row, Row>) k -> {
      int cohort = k.getInt(k.fieldIndex("cohort"));
      String old = k.getAs("leaver_key");
      java.sql.Date birth = k.getAs("birth_date");
      String fresh = birth == null ? next.rekeyed(old)
          : next.leaverKey(cohort, k.getAs("last_name"), k.getAs("first_name"), birth.toLocalDate());
      return Rows.of(MAP, Map.of("cohort", cohort, "old_key", old, "old_id", current.surveyId(cohort, old),
          "new_key", fresh, "new_id", next.surveyId(cohort, fresh)));
    }, Encoders.row(MAP));
  }

  /** The table with its keys (and IDs) mapped; a value the map does not know stays as it was. */
  private static void rewrite(Lake lake, Table table, Dataset<Row> map, String column, String mapColumn) {
    if (!lake.exists(table)) {
      return;
    }
    Dataset<Row> current = lake.read(table);
    Dataset<Row> m = map.withColumnRenamed("cohort", "m_cohort");
    Dataset<Row> joined = current.join(m, current.col("cohort").equalTo(m.col("m_cohort"))
        .and(current.col(column).equalTo(m.col(mapColumn))), "left");
    List<String> names = Arrays.asList(current.columns());
    org.apache.spark.sql.Column[] columns = names.stream().map(n -> switch (n) {
      case "leaver_key" -> coalesce(col("new_key"), current.col(n)).as(n);
      case "leaver_id" -> coalesce(col("new_id"), current.col(n)).as(n);
      default -> current.col(n);
    }).toArray(org.apache.spark.sql.Column[]::new);
    Dataset<Row> rewritten = Lake.conform(joined.select(columns), table).localCheckpoint();
    rewritten.write().format("delta").mode("overwrite").save(lake.path(table));
  }
}
