package fr.oref.devenir.clean;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import fr.oref.devenir.contracts.LeaverFileStatus;
import fr.oref.devenir.contracts.Schemas;
import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.privacy.Pseudonymizer;
import fr.oref.devenir.reference.DiplomaTypes;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Rebuilds a cohort's silver tables from bronze: the latest readable submission of each CFA is
 * validated and split, then each table is synchronised by MERGE, so a resubmission replaces its
 * CFA's rows, unchanged rows stay untouched and Delta history keeps the earlier state.
 */
public final class LeaverCleaning {
  static final String KEPT = "KEPT";
  static final String REJECTED = "REJECTED";
  /** Columns that say where a row came from, not what it says: a resubmission changes them freely. */
  private static final Set<String> PROVENANCE = Set.of("source_file", "sheet", "row_number", "batch_id", "file_cfa");

  private LeaverCleaning() {}

  /** The balance of the cohort's current submissions: read = kept + repeaters + duplicates + rejected. */
  public record Counts(long read, long kept, long warned, long repeaters, long duplicates, long rejected) {
    public boolean balanced() {
      return read == kept + repeaters + duplicates + rejected;
    }
  }

  public static Counts rebuild(Lake lake, int cohort, Pseudonymizer pseudonymizer, String batchId) {
    Column inCohort = col("cohort").equalTo(cohort);
    Dataset<Row> files = lake.read(Table.BRONZE_LEAVER_FILES).filter(inCohort);
    Dataset<Row> rows = lake.read(Table.BRONZE_LEAVER_ROWS).filter(inCohort)
        .join(currentSubmissions(files).select("file_hash"), "file_hash", "left_semi");
    Dataset<Row> validated = rows
        .mapPartitions(new LeaverRowValidation(cohort, pseudonymizer, DiplomaTypes.load()),
            Encoders.row(Schemas.of(LeaverRowValidation.SCHEMA)))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> kept = LeaverCohort.kept(validated).cache();
    try {
      Dataset<Row> exclusions = LeaverCohort.repeaters(validated).unionByName(LeaverCohort.duplicates(validated), true);
      Dataset<Row> outcomes = outcomes(validated, kept, exclusions).localCheckpoint(true);
      Dataset<Row> changes = changesByCfa(lake.read(Table.LEAVERS).filter(inCohort), kept).localCheckpoint(true);

      // the log first: it compares with silver.leavers as the previous submission left it, which a
      // killed run may already have replaced; a rerun keeps this first entry (logged once per file)
      logBatch(lake, files.filter(col("batch_id").equalTo(batchId)), outcomes, changes);
      String scope = "t.cohort = " + cohort;
      lake.sync(Table.LEAVERS, kept, List.of("cohort", "leaver_key"), scope);
      lake.sync(Table.CONTACTS, kept, List.of("cohort", "leaver_key"), scope);
      lake.sync(Table.LEAVER_EXCLUSIONS, exclusions,
          List.of("cohort", "batch_id", "source_file", "sheet", "row_number"), scope);
      lake.sync(Table.REJECTIONS, LeaverCohort.issues(validated),
          List.of("cohort", "batch_id", "source_file", "sheet", "row_number", "field", "rule"), scope);
      return totals(currentSubmissions(files), outcomes);
    } finally {
      kept.unpersist();
      validated.unpersist();
    }
  }

  /** Each CFA's latest batch that could be read: a corrupt resend does not wipe a good earlier file. */
  static Dataset<Row> currentSubmissions(Dataset<Row> files) {
    Dataset<Row> ok = files.filter(col("status").equalTo(LeaverFileStatus.OK));
    Dataset<Row> latest = ok.groupBy("file_cfa").agg(max("ingested_at").as("latest_at"));
    return ok.join(latest, ok.col("file_cfa").equalTo(latest.col("file_cfa"))
        .and(ok.col("ingested_at").equalTo(latest.col("latest_at"))), "left_semi");
  }

  /** Per file: how many rows ended in each place. */
  static Dataset<Row> outcomes(Dataset<Row> validated, Dataset<Row> kept, Dataset<Row> exclusions) {
    Dataset<Row> placed = kept.select(col("batch_id"), col("source_file"), lit(KEPT).as("outcome"),
            col("warnings").gt(0).as("warned"))
        .unionByName(exclusions.select(col("batch_id"), col("source_file"), col("reason").as("outcome"),
            lit(false).as("warned")))
        .unionByName(validated.filter(col("rejected")).select(col("batch_id"), col("source_file"),
            lit(REJECTED).as("outcome"), lit(false).as("warned")));
    return placed.groupBy("batch_id", "source_file").agg(
        count(lit(1)).as("rows_placed"),
        countOf(KEPT).as("rows_kept"),
        sum(when(col("warned"), 1).otherwise(0)).cast("int").as("rows_warned"),
        countOf(LeaverCohort.REPEATER).as("rows_excluded"),
        countOf(LeaverCohort.DUPLICATE).as("rows_duplicates"),
        countOf(REJECTED).as("rows_rejected"));
  }

  private static Column countOf(String outcome) {
    return sum(when(col("outcome").equalTo(outcome), 1).otherwise(0)).cast("int");
  }

  /** Leavers added, removed and changed for each CFA since its previous submission. */
  static Dataset<Row> changesByCfa(Dataset<Row> before, Dataset<Row> after) {
    Column[] content = Arrays.stream(Table.LEAVERS.schema().fieldNames())
        .filter(f -> !PROVENANCE.contains(f)).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    Dataset<Row> b = before.select(col("leaver_key"), col("file_cfa").as("cfa_before"),
        sha2(to_json(struct(content)), 256).as("hash_before"));
    Dataset<Row> a = Lake.conform(after, Table.LEAVERS).select(col("leaver_key"), col("file_cfa").as("cfa_after"),
        sha2(to_json(struct(content)), 256).as("hash_after"));
    return b.join(a, "leaver_key", "full_outer")
        .withColumn("file_cfa", coalesce(col("cfa_after"), col("cfa_before")))
        .groupBy("file_cfa").agg(
            sum(when(col("hash_before").isNull(), 1).otherwise(0)).cast("int").as("rows_added"),
            sum(when(col("hash_after").isNull(), 1).otherwise(0)).cast("int").as("rows_removed"),
            sum(when(col("hash_before").isNotNull().and(col("hash_after").isNotNull())
                .and(col("hash_before").notEqual(col("hash_after"))), 1).otherwise(0)).cast("int").as("rows_changed"));
  }

  /** One log row per file the batch brought for the first time; files seen before keep their first entry. */
  private static void logBatch(Lake lake, Dataset<Row> batchFiles, Dataset<Row> outcomes, Dataset<Row> changes) {
    Dataset<Row> log = batchFiles
        .join(outcomes, batchFiles.col("batch_id").equalTo(outcomes.col("batch_id"))
            .and(batchFiles.col("source_file").equalTo(outcomes.col("source_file"))), "left")
        .drop(outcomes.col("batch_id")).drop(outcomes.col("source_file")).drop("rows_placed")
        .join(changes, batchFiles.col("file_cfa").equalTo(changes.col("file_cfa")), "left")
        .drop(changes.col("file_cfa"))
        .withColumn("error", col("message"));
    lake.insertNew(Table.INGEST_LOG, log.na().fill(0, new String[] {"rows_kept", "rows_warned", "rows_excluded",
        "rows_duplicates", "rows_rejected", "rows_added", "rows_removed", "rows_changed"}),
        List.of("cohort", "file_hash"));
  }

  private static Counts totals(Dataset<Row> currentFiles, Dataset<Row> outcomes) {
    Row read = currentFiles.agg(sum("rows_read")).first();
    Row t = outcomes.agg(sum("rows_placed"), sum("rows_kept"), sum("rows_warned"), sum("rows_excluded"),
        sum("rows_duplicates"), sum("rows_rejected")).first();
    return new Counts(longOf(read, 0), longOf(t, 1), longOf(t, 2), longOf(t, 3), longOf(t, 4), longOf(t, 5));
  }

  private static long longOf(Row r, int i) {
    return r.isNullAt(i) ? 0 : r.getLong(i);
  }
}
