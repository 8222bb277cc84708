package fr.oref.devenir.privacy;

import static org.apache.spark.sql.functions.col;

import fr.oref.devenir.lake.CrashPoints;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.lake.Table;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * purge: physically deletes the nominative data of every cohort whose retention has ended (three
 * years after its V2 closure). DELETE alone only hides rows (older files and history still hold
 * them), so each table is then rewritten without them (REORG … PURGE) and the old files vacuumed
 * with no retention: afterwards no version of the table, not even through time travel, holds them.
 */
public final class PurgeJob {
  public static final int RETENTION_YEARS = 3;

  private PurgeJob() {}

  public record Purged(int cohort, String table, long rows) {}

  /** V2 closes on 31 October N+1 (end of collection, SPEC §1); retention ends three years later. */
  public static LocalDate retentionEnd(int cohort) {
    return LocalDate.of(cohort + 1, 10, 31).plusYears(RETENTION_YEARS);
  }

  public static List<Purged> run(SparkSession spark, String lakeRoot, LocalDate asOf) {
    Lake lake = new Lake(spark, lakeRoot);
    List<Purged> purged = new ArrayList<>();
    // vacuuming with no retention is exactly what a purge is for; the check protects ordinary jobs
    spark.conf().set("spark.databricks.delta.retentionDurationCheck.enabled", "false");
    try {
      for (Table table : Arrays.stream(Table.values()).filter(Table::nominative).toList()) {
        if (!lake.exists(table)) {
          continue;
        }
        List<Integer> expired = lake.read(table).select("cohort").distinct().collectAsList().stream()
            .map(r -> r.getInt(0)).filter(c -> retentionEnd(c).isBefore(asOf)).sorted().toList();
        for (int cohort : expired) {
          long rows = lake.read(table).filter(col("cohort").equalTo(cohort)).count();
          io.delta.tables.DeltaTable.forPath(spark, lake.path(table)).delete(col("cohort").equalTo(cohort));
          CrashPoints.reached("purge-deleted");
          purged.add(new Purged(cohort, table.qualifiedName(), rows));
        }
        if (!expired.isEmpty()) {
          spark.sql("REORG TABLE delta.`" + lake.path(table) + "` APPLY (PURGE)");
          io.delta.tables.DeltaTable.forPath(spark, lake.path(table)).vacuum(0);
        }
      }
    } finally {
      spark.conf().set("spark.databricks.delta.retentionDurationCheck.enabled", "true");
    }
    audit(lake, asOf, purged);
    return purged;
  }

  private static void audit(Lake lake, LocalDate asOf, List<Purged> purged) {
    if (purged.isEmpty()) {
      return;
    }
    Timestamp now = Timestamp.from(Instant.now());
    List<Row> rows = purged.stream().map(p -> RowFactory.create(now, Date.valueOf(asOf), p.cohort(), p.table(),
        p.rows(), Date.valueOf(retentionEnd(p.cohort())))).toList();
    lake.append(Table.PURGE_LOG, lake.spark().createDataFrame(rows, Table.PURGE_LOG.schema()));
  }
}
