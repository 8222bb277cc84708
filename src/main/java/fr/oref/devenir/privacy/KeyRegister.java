package fr.oref.devenir.privacy;

import static org.apache.spark.sql.functions.col;

import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.lake.Rows;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Which pseudonymisation key a lake was built with ({@code silver.pseudonymisation_keys}, fingerprints
 * only). Every leaver key and ID_SEINE derives from the key, so a run with another key would silently
 * give every leaver a new identity: such a run is refused before it touches anything.
 */
public final class KeyRegister {
  static final String FIRST_USE = "first_use";
  static final String ROTATION = "rotation";

  private KeyRegister() {}

  /**
   * Refuses the demo key unless allowed, and any key other than the lake's; records the key's
   * fingerprint on a lake's first use.
   */
  public static void check(Lake lake, Pseudonymizer key, boolean allowDemoKey) {
    if (key.isDemo() && !allowDemoKey) {
      throw new IllegalStateException("clé de pseudonymisation de démonstration refusée : définissez "
          + Pseudonymizer.KEY_ENV + " (ou passez --allow-demo-key pour un essai sur données fictives).");
    }
    String current = current(lake);
    if (current == null) {
      record(lake, key, FIRST_USE);
    } else if (!current.equals(key.fingerprint())) {
      throw new IllegalStateException("la clé de pseudonymisation n'est pas celle du lac " + lake.root()
          + " : elle changerait l'ID_SEINE de tous les sortants ; reprenez la bonne clé, ou changez-la avec « devenir rotate-key ».");
    }
  }

  /** The fingerprint of the key in force, null for a lake that never saw one. */
  public static String current(Lake lake) {
    if (!lake.exists(Table.PSEUDONYMISATION_KEYS)) {
      return null;
    }
    List<org.apache.spark.sql.Row> latest = lake.read(Table.PSEUDONYMISATION_KEYS)
        .orderBy(col("recorded_at").desc()).limit(1).collectAsList();
    return latest.isEmpty() ? null : latest.get(0).getAs("fingerprint");
  }

  static void record(Lake lake, Pseudonymizer key, String reason) {
    var row = Rows.of(Table.PSEUDONYMISATION_KEYS.schema(), Map.of("fingerprint", key.fingerprint(),
        "recorded_at", Timestamp.from(Instant.now()), "reason", reason));
    lake.append(Table.PSEUDONYMISATION_KEYS, lake.spark().createDataFrame(List.of(row), Table.PSEUDONYMISATION_KEYS.schema()));
  }
}
