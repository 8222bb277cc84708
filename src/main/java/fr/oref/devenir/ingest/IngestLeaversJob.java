package fr.oref.devenir.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;

import fr.oref.devenir.clean.LeaverCleaning;
import fr.oref.devenir.lake.HadoopFiles;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.lake.Table;
import fr.oref.devenir.privacy.Pseudonymizer;
import fr.oref.devenir.publish.ValidationReports;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * ingest-leavers: files → bronze (raw cells, first ingestion of each file's bytes only) → silver
 * cohort rebuilt from each CFA's latest submission → ingest log and validation reports (one workbook
 * per CFA and a summary, when a reports folder is given).
 */
public final class IngestLeaversJob {
  /** Default ceiling on one file's size: a region's largest CFA sends a few MB. */
  public static final long DEFAULT_MAX_BYTES = 200L << 20;

  private IngestLeaversJob() {}

  public record Result(String batchId, int files, int newFiles, LeaverCleaning.Counts counts, int reports) {}

  public static Result run(SparkSession spark, String lakeRoot, int cohort, List<String> inputs,
      Pseudonymizer pseudonymizer, long maxBytes, String reportsDir) throws Exception {
    Lake lake = new Lake(spark, lakeRoot);
    HadoopFiles files = new HadoopFiles(spark.sparkContext().hadoopConfiguration());
    List<String> paths = files.expand(inputs);
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("Aucun fichier à charger dans " + inputs);
    }
    Dataset<Row> parsed = LeaverParsing.parse(spark, files, paths, maxBytes).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> fileRecords = parsed.filter(col("record_type").equalTo("FILE"));
      List<String> hashes = fileRecords.select("file_hash").as(org.apache.spark.sql.Encoders.STRING())
          .collectAsList().stream().sorted().toList();
      String batchId = batchId(cohort, hashes);
      Dataset<Row> known = lake.read(Table.BRONZE_LEAVER_FILES).filter(col("cohort").equalTo(cohort))
          .select("file_hash");
      Dataset<Row> newFiles = fileRecords
          .withColumn("cohort", lit(cohort))
          .withColumn("batch_id", lit(batchId))
          .withColumn("ingested_at", lit(Timestamp.from(Instant.now())))
          .withColumn("file_cfa", coalesce(col("file_cfa"), regexp_extract(col("source_file"), "[^/]*$", 0)))
          .dropDuplicates("file_hash")
          .join(known, fileRecords.col("file_hash").equalTo(known.col("file_hash")), "left_anti")
          // eager: evaluated after the insert below, the anti-join would find the files known already
          .localCheckpoint(true);
      long newFileCount = newFiles.count();
      Dataset<Row> newRows = parsed.filter(col("record_type").equalTo("DATA")).drop("file_cfa")
          .join(newFiles.filter(col("status").equalTo(FileSummary.OK)).select("file_hash", "file_cfa", "cohort", "batch_id"),
              "file_hash");
      lake.insertNew(Table.BRONZE_LEAVER_FILES, newFiles, List.of("cohort", "file_hash"));
      lake.insertNew(Table.BRONZE_LEAVER_ROWS, newRows, List.of("cohort", "file_hash", "sheet", "row_number"));
      LeaverCleaning.Counts counts = LeaverCleaning.rebuild(lake, cohort, pseudonymizer, batchId);
      int reports = reportsDir == null ? 0 : ValidationReports.write(lake, cohort, files, reportsDir);
      return new Result(batchId, paths.size(), (int) newFileCount, counts, reports);
    } finally {
      parsed.unpersist();
    }
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
