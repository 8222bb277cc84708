package fr.oref.devenir.testing;

import fr.oref.devenir.lake.SparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The one Spark session of the test JVM, built through the production factory so tests run the same
 * Delta setup, tuned for 2 cores: local[2], 2 shuffle partitions, no UI, no code generation (Janino
 * compilation dominates on tiny data).
 */
public final class SharedSpark {
  private static SparkSession session;

  private SharedSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      try {
        Path warehouse = Files.createTempDirectory("devenir-warehouse");
        session = SparkSessions.create("devenir-tests", "local[2]", Map.ofEntries(
            Map.entry("spark.ui.enabled", "false"),
            Map.entry("spark.sql.shuffle.partitions", "2"),
            Map.entry("spark.default.parallelism", "2"),
            Map.entry("spark.sql.adaptive.enabled", "false"),
            Map.entry("spark.sql.codegen.wholeStage", "false"),
            Map.entry("spark.sql.codegen.factoryMode", "NO_CODEGEN"),
            Map.entry("spark.sql.sources.parallelPartitionDiscovery.parallelism", "2"),
            Map.entry("spark.databricks.delta.snapshotPartitions", "2"),
            Map.entry("spark.databricks.delta.retentionDurationCheck.enabled", "false"),
            Map.entry("spark.driver.host", "127.0.0.1"),
            Map.entry("spark.driver.bindAddress", "127.0.0.1"),
            Map.entry("spark.sql.warehouse.dir", warehouse.toString())));
        session.sparkContext().setLogLevel("WARN");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return session;
  }
}
