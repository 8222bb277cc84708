package fr.oref.devenir.lake;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The one way Devenir builds its session: Delta enabled from the start (a static conf that
 * getOrCreate() cannot add later). The master is whatever the caller says, else whatever
 * spark-submit set, else an embedded local Spark — job code never names one.
 */
public final class SparkSessions {
  /** Hadoop's own umask, applied to every file and folder it creates (Delta's included), executors' too. */
  public static final String UMASK = "fs.permissions.umask-mode";

  private SparkSessions() {}

  public static SparkSession create(String appName, String master, Map<String, String> conf) {
    HadoopFiles.ownerOnlyByDefault();
    SparkSession.Builder builder = SparkSession.builder()
        .appName(appName)
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.sql.session.timeZone", "Europe/Paris")
        // the lake and every file Devenir writes hold personal data: owner-only (600 / 700)
        .config("spark.hadoop." + UMASK, "077");
    if (master != null) {
      builder.master(master);
    } else if (System.getProperty("spark.master") == null) {
      builder.master("local[*]").config(embeddedDefaults());
    }
    conf.forEach(builder::config);
    return builder.getOrCreate();
  }

  /**
   * An embedded run handles one region's files, not a data centre's: few partitions, no UI,
   * and the Delta snapshot and file-listing parallelism sized to a laptop (VACUUM 45 s → 5 s).
   */
  static Map<String, Object> embeddedDefaults() {
    Map<String, Object> conf = new HashMap<>(longRunning());
    conf.putAll(Map.of(
        "spark.ui.enabled", "false",
        "spark.sql.shuffle.partitions", "4",
        "spark.sql.sources.parallelPartitionDiscovery.parallelism", "2",
        "spark.databricks.delta.snapshotPartitions", "2",
        "spark.driver.host", "127.0.0.1",
        "spark.driver.bindAddress", "127.0.0.1"));
    return conf;
  }

  /**
   * One JVM may play a whole campaign (the demo) or every test class, for over an hour: what Spark
   * keeps of past queries for its UI (kept even with the UI off) is capped, and the hash maps of
   * broadcast joins and aggregations take 1 MiB pages, not arrays of 64 MiB (sized from the heap) that
   * the heap must find contiguous — a long test run ended with "Failed to allocate a page" and
   * broadcast timeouts, ten such arrays held by maps of a few rows.
   */
  public static Map<String, String> longRunning() {
    return Map.of(
        "spark.sql.ui.retainedExecutions", "20",
        "spark.ui.retainedJobs", "50",
        "spark.ui.retainedStages", "50",
        "spark.ui.retainedTasks", "2000",
        "spark.buffer.pageSize", "1m");
  }
}
