package fr.oref.devenir.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;

import fr.oref.devenir.contracts.LeaverFileStatus;
import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.HadoopFiles;
import fr.oref.devenir.lake.Lake;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The first step of ingest-leavers: files → bronze (raw cells, first ingestion of each file's bytes
 * only). What follows (validation into the silver cohort, the reports sent back to CFAs) is the
 * campaign's to call, in {@code campaign.IngestLeaversStep}.
 */
public final class IngestLeaversJob {
  private IngestLeaversJob() {}

  /**
   * @param batchId the batch's deterministic id, which the cohort rebuild logs its files under
   * @param refused the files of the batch refused whole, each with its reason
   */
  public record Batch(String batchId, int files, int newFiles, List<Refusal> refused) {}

  /** A file refused whole: its name and the French reason. */
  public record Refusal(String file, String reason) {}

  public static Batch run(SparkSession spark, String lakeRoot, int cohort, List<String> inputs, ReadLimits limits)
      throws Exception {
    Lake lake = new Lake(spark, lakeRoot);
    HadoopFiles files = new HadoopFiles(spark.sparkContext().hadoopConfiguration());
    List<String> paths = files.expand(inputs);
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("Aucun fichier à charger dans " + inputs);
    }
    // phases named for the command's progress and the Spark UI; the parse runs one file per task
    spark.sparkContext().setJobDescription("lecture des fichiers");
    Dataset<Row> parsed = LeaverParsing.parse(spark, files, paths, limits).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> fileRecords = parsed.filter(col("record_type").equalTo("FILE"));
      List<Row> seen = fileRecords.select("file_hash", "source_file", "status", "message").collectAsList();
      String batchId = batchId(cohort, seen.stream().map(r -> r.<String>getAs("file_hash")).sorted().toList());
      Dataset<Row> earlier = lake.read(Table.BRONZE_LEAVER_FILES).filter(col("cohort").equalTo(cohort))
          .select(col("file_hash"), col("ingested_at").as("first_ingested_at"));
      Dataset<Row> newFiles = fileRecords
          .withColumn("cohort", lit(cohort))
          .withColumn("batch_id", lit(batchId))
          .withColumn("file_cfa", coalesce(col("file_cfa"), regexp_extract(col("source_file"), "[^/]*$", 0)))
          .dropDuplicates("file_hash")
          .join(completeFiles(lake, cohort), "file_hash", "left_anti")
          .join(earlier, "file_hash", "left")
          .withColumn("ingested_at", coalesce(col("first_ingested_at"), lit(Timestamp.from(Instant.now()))))
          // eager: evaluated after the writes below, the anti-join would find the files known already
          .localCheckpoint(true);
      List<String> newHashes = newFiles.select("file_hash").as(Encoders.STRING()).collectAsList();
      if (!newHashes.isEmpty()) {
        spark.sparkContext().setJobDescription("écriture des lignes lues");
        Dataset<Row> newRows = parsed.filter(col("record_type").equalTo("DATA")).drop("file_cfa")
            .join(newFiles.filter(col("status").equalTo(LeaverFileStatus.OK)).select("file_hash", "file_cfa", "cohort",
                "batch_id"), "file_hash");
        String scope = "t.cohort = " + cohort + " AND t.file_hash IN ('" + String.join("', '", newHashes) + "')";
        // rows first, their file's record last: a run killed in between leaves rows of a file not
        // known yet, so the rerun reads it again and writes the same rows over them
        lake.sync(Table.BRONZE_LEAVER_ROWS, newRows, List.of("cohort", "file_hash", "sheet", "row_number"), scope);
        lake.sync(Table.BRONZE_LEAVER_FILES, newFiles, List.of("cohort", "file_hash"), scope);
      }
      List<Refusal> refused = seen.stream().filter(r -> !LeaverFileStatus.OK.equals(r.getAs("status")))
          .map(r -> new Refusal(new org.apache.hadoop.fs.Path(r.<String>getAs("source_file")).getName(),
              r.getAs("message")))
          .sorted(java.util.Comparator.comparing(Refusal::file)).toList();
      return new Batch(batchId, paths.size(), newHashes.size(), refused);
    } finally {
      parsed.unpersist();
    }
  }

  /**
   * The cohort's files whose record and rows are both in bronze: refused or empty ones, and those
   * with rows. A record without its rows (an earlier version killed between the two writes) is not
   * complete: the file is read again.
   */
  static Dataset<Row> completeFiles(Lake lake, int cohort) {
    Dataset<Row> records = lake.read(Table.BRONZE_LEAVER_FILES).filter(col("cohort").equalTo(cohort));
    Dataset<Row> withRows = records.join(lake.read(Table.BRONZE_LEAVER_ROWS).filter(col("cohort").equalTo(cohort))
        .select("file_hash"), "file_hash", "left_semi");
    return records.filter(col("status").notEqual(LeaverFileStatus.OK).or(col("rows_read").equalTo(0)))
        .select("file_hash").union(withRows.select("file_hash"));
  }

  /** The same files give the same batch id, whatever their order or how often they are sent. */
  static String batchId(int cohort, List<String> sortedHashes) throws NoSuchAlgorithmException {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(String.valueOf(cohort).getBytes(StandardCharsets.UTF_8));
    for (String h : sortedHashes) {
      sha.update(String.valueOf(h).getBytes(StandardCharsets.UTF_8));
    }
    return "C" + cohort + "-" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
  }
}
