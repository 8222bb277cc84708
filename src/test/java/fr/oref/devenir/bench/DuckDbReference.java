package fr.oref.devenir.bench;

import static org.apache.spark.sql.functions.col;

import com.sun.management.OperatingSystemMXBean;
import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.lake.SparkSessions;
import fr.oref.devenir.stats.IndicatorCatalog;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The reference bench/national.sh holds the indicators job against: DuckDB computes the raw count of
 * every cell (each count of data-schemas/counts.csv, every dimension of dimensions.csv) in one GROUPING
 * SETS query over the Parquet files of the wave's gold.outcomes snapshot and the cohort's repeaters, and
 * each is checked equal to gold.indicators' raw numerators and denominators. Spark only lists the
 * snapshot's files and reads gold.indicators, then stops, so the CPU time printed is DuckDB's query alone.
 * Arguments: lake, cohort; both waves. Exit 1 when a count differs.
 */
public final class DuckDbReference {
  private DuckDbReference() {}

  /** The snapshot's files (plain paths) and gold.indicators' raw counts by {@link #key}. */
  record Snapshot(List<String> outcomes, List<String> repeaters, Map<String, Double> gold) {}

  public static void main(String[] args) throws Exception {
    int cohort = Integer.parseInt(args[1]);
    List<Snapshot> snapshots = snapshots(args[0], cohort);
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    boolean failed = false;
    long cpuTotal = 0;
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      for (int wave = 1; wave <= snapshots.size(); wave++) {
        Snapshot snapshot = snapshots.get(wave - 1);
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        Map<String, Long> reference = counts(db, query(snapshot, cohort, wave));
        long cpu = os.getProcessCpuTime() - cpu0;
        long wall = System.nanoTime() - wall0;
        cpuTotal += cpu;
        List<String> differences = new ArrayList<>();
        snapshot.gold().forEach((key, value) -> {
          Long n = reference.get(key);
          if (n == null ? value != 0 : n.doubleValue() != value) {
            differences.add(key + ": gold.indicators " + value + ", DuckDB " + n);
          }
        });
        System.out.printf(Locale.ROOT, "DuckDB, wave %d: %d raw counts in %.2f s CPU (%.2f s wall); "
            + "%d counts of gold.indicators compared, %d differ%n", wave, reference.size(), cpu / 1e9, wall / 1e9,
            snapshot.gold().size(), differences.size());
        differences.stream().limit(10).forEach(d -> System.out.println("  " + d));
        failed |= !differences.isEmpty() || snapshot.gold().isEmpty();
      }
    }
    System.out.printf(Locale.ROOT, "duckdb_cpu_seconds=%.3f%n", cpuTotal / 1e9);
    if (failed) {
      System.exit(1);
    }
  }

  static String key(String dimension, String value, String count) {
    return dimension + "|" + value + "|" + count;
  }

  /** Both waves' snapshots, read by one Spark session that is stopped before DuckDB starts. */
  private static List<Snapshot> snapshots(String lakeRoot, int cohort) {
    SparkSession spark = SparkSessions.create("duckdb-reference", null, Map.of());
    try {
      Lake lake = new Lake(spark, lakeRoot);
      return List.of(snapshot(lake, cohort, 1), snapshot(lake, cohort, 2));
    } finally {
      spark.stop();
    }
  }

  private static Snapshot snapshot(Lake lake, int cohort, int wave) {
    List<String> outcomes = paths(lake.read(Table.OUTCOMES)
        .filter(col("cohort").equalTo(cohort).and(col("wave").equalTo(wave))).inputFiles());
    List<String> repeaters = wave == 1
        ? paths(lake.read(Table.LEAVER_EXCLUSIONS).filter(col("cohort").equalTo(cohort)).inputFiles()) : List.of();
    Map<String, Double> gold = new HashMap<>();
    for (Row r : lake.read(Table.INDICATORS)
        .filter(col("cohort").equalTo(cohort).and(col("wave").equalTo(wave)).and(col("weighting").equalTo("raw")))
        .select("dimension", "dimension_value", "indicator", "numerator", "denominator").collectAsList()) {
      IndicatorCatalog.Indicator indicator = IndicatorCatalog.get(r.getString(2));
      gold.put(key(r.getString(0), r.getString(1), indicator.numerator()), r.getDouble(3));
      gold.put(key(r.getString(0), r.getString(1), indicator.denominator()), r.getDouble(4));
    }
    return new Snapshot(outcomes, repeaters, gold);
  }

  private static List<String> paths(String[] uris) {
    return Arrays.stream(uris).map(u -> URI.create(u).getPath()).toList();
  }

  /** The columns every dimension groups by, in a fixed order: GROUPING() over them names the set. */
  private static List<String> groupColumns() {
    LinkedHashSet<String> columns = new LinkedHashSet<>();
    IndicatorCatalog.dimensions().forEach(d -> columns.addAll(d.columns()));
    return List.copyOf(columns);
  }

  static String query(Snapshot snapshot, int cohort, int wave) {
    List<String> columns = groupColumns();
    String rows = "SELECT *, false AS repeater FROM read_parquet(" + list(snapshot.outcomes()) + ") WHERE cohort = "
        + cohort + " AND wave = " + wave;
    if (!snapshot.repeaters().isEmpty()) {
      // as the job does (Repeaters): non-respondents flagged repeater, placed in cells by the file's columns
      rows += " UNION ALL BY NAME SELECT " + String.join(", ", columns) + ", false AS respondent, true AS repeater"
          + " FROM read_parquet(" + list(snapshot.repeaters()) + ") WHERE cohort = " + cohort + " AND reason = 'REPEATER'";
    }
    String sums = IndicatorCatalog.counts().stream()
        .map(c -> "sum(CASE WHEN " + c.expression() + " THEN 1 ELSE 0 END) AS \"" + c.name() + "\"")
        .collect(Collectors.joining(", "));
    String sets = IndicatorCatalog.dimensions().stream().map(d -> "(" + String.join(", ", d.columns()) + ")")
        .collect(Collectors.joining(", "));
    return "WITH rows AS (" + rows + ") SELECT GROUPING(" + String.join(", ", columns) + ") AS grouping_set, "
        + String.join(", ", columns) + ", " + sums + " FROM rows GROUP BY GROUPING SETS (" + sets + ")";
  }

  private static String list(List<String> paths) {
    return paths.stream().map(p -> "'" + p.replace("'", "''") + "'").collect(Collectors.joining(", ", "[", "]"));
  }

  /**
   * Each result row as its dimension's cell: the set is the one whose columns GROUPING() marks grouped
   * (bit 0, first column the highest bit); a cell with an unknown value is left out, as the job leaves it.
   */
  private static Map<String, Long> counts(Connection db, String sql) throws Exception {
    List<String> columns = groupColumns();
    Map<Long, IndicatorCatalog.Dimension> bySet = new HashMap<>();
    for (IndicatorCatalog.Dimension d : IndicatorCatalog.dimensions()) {
      long set = 0;
      for (int i = 0; i < columns.size(); i++) {
        set = set << 1 | (d.columns().contains(columns.get(i)) ? 0 : 1);
      }
      bySet.put(set, d);
    }
    Map<String, Long> out = new HashMap<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        IndicatorCatalog.Dimension d = bySet.get(rs.getLong("grouping_set"));
        List<String> values = new ArrayList<>();
        for (String c : d.columns()) {
          values.add(rs.getString(c));
        }
        if (values.contains(null)) {
          continue;
        }
        String value = d.columns().isEmpty() ? IndicatorCatalog.ALL : String.join("*", values);
        for (IndicatorCatalog.Count c : IndicatorCatalog.counts()) {
          out.put(key(d.name(), value, c.name()), rs.getLong(c.name()));
        }
      }
    }
    return out;
  }
}
