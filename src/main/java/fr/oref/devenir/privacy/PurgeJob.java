package fr.oref.devenir.privacy;

import static org.apache.spark.sql.functions.col;

import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.CrashPoints;
import fr.oref.devenir.lake.HadoopFiles;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.lake.Rows;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * purge: physically deletes the nominative data of every cohort whose retention has ended (three
 * years after its V2 closure). DELETE alone only hides rows (older files and history still hold
 * them), so each table is then rewritten without them (REORG … PURGE) and the old files vacuumed
 * with no retention: afterwards no version of the table, not even through time travel, holds them.
 * The files Devenir wrote outside the lake with personal data (registered in
 * {@code silver.nominative_outputs}) are deleted with them.
 */
public final class PurgeJob {
  public static final int RETENTION_YEARS = 3;

  private PurgeJob() {}

  public record Purged(int cohort, String table, long rows) {}

  /** Rows deleted per table and cohort, and what became of each registered output file. */
  public record Result(List<Purged> tables, List<NominativeOutputs.Outcome> files) {}

  /** V2 closes on 31 October N+1 (end of collection, SPEC §1); retention ends three years later. */
  public static LocalDate retentionEnd(int cohort) {
    return LocalDate.of(cohort + 1, 10, 31).plusYears(RETENTION_YEARS);
  }

  /**
   * The deletions are logged before they are made (one log row per cohort and table, never twice), and
   * a table whose last commit is an unfinished purge is rewritten and vacuumed again: a purge killed
   * halfway is finished by its rerun, with the same log.
   */
  public static Result run(SparkSession spark, String lakeRoot, LocalDate asOf) {
    Lake lake = new Lake(spark, lakeRoot);
    List<Table> nominative = Arrays.stream(Table.values()).filter(Table::nominative).filter(lake::exists).toList();
    List<Purged> purged = new ArrayList<>();
    for (Table table : nominative) {
      for (int cohort : expired(lake.read(table), asOf)) {
        purged.add(new Purged(cohort, table.qualifiedName(),
            lake.read(table).filter(col("cohort").equalTo(cohort)).count()));
      }
    }
    List<NominativeOutputs.Outcome> files = NominativeOutputs.purge(lake,
        new HadoopFiles(spark.sparkContext().hadoopConfiguration()), expiredOutputCohorts(lake, asOf));
    files.stream().filter(NominativeOutputs.Outcome::deleted)
        .collect(java.util.stream.Collectors.groupingBy(NominativeOutputs.Outcome::cohort, java.util.TreeMap::new,
            java.util.stream.Collectors.counting()))
        .forEach((cohort, n) -> purged.add(new Purged(cohort, Table.NOMINATIVE_OUTPUTS.qualifiedName(), n)));
    audit(lake, asOf, purged);
    // vacuuming with no retention is exactly what a purge is for; the check protects ordinary jobs
    String check = "spark.databricks.delta.retentionDurationCheck.enabled";
    String before = spark.conf().get(check, "true");
    spark.conf().set(check, "false");
    try {
      for (Table table : nominative) {
        List<Purged> mine = purged.stream().filter(p -> p.table().equals(table.qualifiedName())).toList();
        for (Purged p : mine) {
          io.delta.tables.DeltaTable.forPath(spark, lake.path(table)).delete(col("cohort").equalTo(p.cohort()));
          CrashPoints.reached("purge-deleted");
        }
        if (!mine.isEmpty() || unfinished(lake, table)) {
          spark.sql("REORG TABLE delta.`" + lake.path(table) + "` APPLY (PURGE)");
          io.delta.tables.DeltaTable.forPath(spark, lake.path(table)).vacuum(0);
        }
      }
    } finally {
      spark.conf().set(check, before);
    }
    return new Result(purged, files);
  }

  /**
   * Only a purge DELETEs from a nominative table (jobs MERGE), so a last commit that is a DELETE, the
   * REORG that follows it or a VACUUM that did not end is a purge killed before its files were gone.
   */
  private static boolean unfinished(Lake lake, Table table) {
    String last = io.delta.tables.DeltaTable.forPath(lake.spark(), lake.path(table)).history(1)
        .select("operation").first().getString(0);
    return List.of("DELETE", "REORG", "OPTIMIZE", "VACUUM START").contains(last);
  }

  private static List<Integer> expiredOutputCohorts(Lake lake, LocalDate asOf) {
    return expired(lake.read(Table.NOMINATIVE_OUTPUTS).filter(col("purged_at").isNull()), asOf);
  }

  private static List<Integer> expired(org.apache.spark.sql.Dataset<Row> table, LocalDate asOf) {
    return table.select("cohort").distinct().collectAsList().stream()
        .map(r -> r.getInt(0)).filter(c -> retentionEnd(c).isBefore(asOf)).sorted().toList();
  }

  private static void audit(Lake lake, LocalDate asOf, List<Purged> purged) {
    if (purged.isEmpty()) {
      return;
    }
    Timestamp now = Timestamp.from(Instant.now());
    List<Row> rows = purged.stream().map(p -> Rows.of(Table.PURGE_LOG.schema(), Map.of("purged_at", now,
        "as_of", asOf, "cohort", p.cohort(), "table_name", p.table(), "rows_deleted", p.rows(),
        "retention_end", retentionEnd(p.cohort())))).toList();
    lake.insertNew(Table.PURGE_LOG, lake.spark().createDataFrame(rows, Table.PURGE_LOG.schema()),
        List.of("cohort", "table_name"));
  }
}
