package fr.oref.devenir.testing;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import com.holdenkarau.spark.testing.SparkSessionProvider;
import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.SparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The one Spark session of the test JVM, built through the production factory so tests run the same
 * Delta setup, tuned for 2 cores: local[2], 2 shuffle partitions, no UI, no code generation (Janino
 * compilation dominates on tiny data). spark-testing-base is used for its DataFrame assertions only,
 * on this session: its Java suite is a JUnit 4 base class, so one instance is kept here and handed
 * the session instead of letting the suite build its own.
 */
public final class SharedSpark {
  private static SparkSession session;
  private static JavaDataFrameSuiteBase assertions;

  private SharedSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      try {
        Path warehouse = Files.createTempDirectory("devenir-warehouse");
        Map<String, String> conf = new HashMap<>(SparkSessions.longRunning());
        conf.putAll(Map.ofEntries(
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
        session = SparkSessions.create("devenir-tests", "local[2]", conf);
        session.sparkContext().setLogLevel("WARN");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return session;
  }

  /**
   * A job's expected table on a small fixture: rows given by value, under {@code columns} typed as in
   * the table's contract, so a test compares the job's output with the contract's types.
   */
  public static Dataset<Row> expected(Table table, List<String> columns, Object[]... rows) {
    StructType contract = table.schema();
    StructType schema = new StructType(columns.stream().map(contract::apply).toArray(StructField[]::new));
    return session().createDataFrame(Arrays.stream(rows).map(RowFactory::create).toList(), schema);
  }

  /** The columns of the expected table, in its order. */
  public static Dataset<Row> actual(Dataset<Row> table, Dataset<Row> expected) {
    return table.select(Arrays.stream(expected.columns()).map(functions::col).toArray(Column[]::new));
  }

  /** Same rows (as a multiset), same column names and types, with spark-testing-base's diff on failure. */
  public static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
    dataFrameAssertions().assertDataFrameNoOrderEquals(expected, actual);
  }

  /** Same rows in the same order, numbers equal within {@code tolerance} (computed proportions, intervals). */
  public static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual, double tolerance) {
    dataFrameAssertions().assertDataFrameApproximateEquals(expected, actual, tolerance);
  }

  private static synchronized JavaDataFrameSuiteBase dataFrameAssertions() {
    if (assertions == null) {
      SparkSessionProvider._sparkSession_$eq(session());
      assertions = new JavaDataFrameSuiteBase() {
        @Override
        public boolean enableHiveSupport() {
          return false;
        }
      };
    }
    return assertions;
  }
}
