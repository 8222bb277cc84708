package fr.oref.devenir.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import fr.oref.devenir.contracts.SurveyExportContract;
import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.HadoopFiles;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.lake.Rows;
import fr.oref.devenir.text.Csv;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * ingest-responses: one survey export of a wave → bronze (raw) and silver (typed, linked to the
 * panel). Loaded again and again during collection, each load replaces the wave's previous snapshot;
 * it records and prints the response rate so far, and writes each CFA its list of leavers to call.
 * The driver reads only the export's header; its rows are read, checked and typed on the executors
 * ({@link ExportRecords}, {@link AnswerTyping}), so what the driver holds grows with the CFAs, not with
 * the answers.
 */
public final class IngestResponsesJob {

  private IngestResponsesJob() {}

  /** Response counts of one CFA (or of the region, uai "ALL"). */
  public record Progress(String uaiCfa, long panel, long respondents, long refusals) {
    public double rate() {
      return panel == 0 ? 0 : (double) respondents / panel;
    }
  }

  public record Result(String snapshotId, int rowsRead, int rowsKept, int rowsRejected, int valuesRejected,
      List<Progress> progress) {}

  /** Respondent so far, by the contract's rule (the outcomes apply the same). */
  private static final UserDefinedFunction RESPONDENT = udf(
      (UDF2<String, String, Boolean>) SurveyExportContract::respondent, DataTypes.BooleanType);

  static Column respondent() {
    return RESPONDENT.apply(col("status"), col("situation"));
  }

  public static Result run(SparkSession spark, String lakeRoot, int cohort, int wave, String file, String callsDir)
      throws Exception {
    Lake lake = new Lake(spark, lakeRoot);
    Dataset<Row> panel = lake.read(Table.PANEL).filter(col("cohort").equalTo(cohort).and(col("wave").equalTo(wave)))
        .select("leaver_id", "leaver_key", "uai_cfa");
    if (panel.isEmpty()) {
      throw new IllegalStateException("Pas de panel pour la cohorte " + cohort + " vague " + wave
          + " : lancez d'abord « devenir panel ».");
    }
    HadoopFiles files = new HadoopFiles(spark.sparkContext().hadoopConfiguration());
    String snapshot = files.sha256(file).substring(0, 16);
    Timestamp loadedAt = Timestamp.from(Instant.now());
    ExportRecords.Head head;
    try {
      head = ExportRecords.head(files, file);
    } catch (Csv.MalformedException e) {
      throw malformed(file, e.getMessage());
    }
    if (head.header() == null) {
      throw new IllegalArgumentException("L'export " + file + " est vide.");
    }
    Map<String, Integer> index = SurveyExportContract.get().locate(head.header());
    if (!index.containsKey("ID_SEINE")) {
      throw new IllegalArgumentException("L'export " + file + " n'a pas de colonne ID_SEINE.");
    }

    spark.sparkContext().setJobDescription("lecture de l'export");
    Dataset<Row> records = spark.createDataset(List.of(file), Encoders.STRING())
        .flatMap(new ExportRecords(files, head.charset(), index), Encoders.row(ExportRecords.SCHEMA))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<String> refusal = records.filter(col("malformed").isNotNull()).select("malformed").as(Encoders.STRING())
          .collectAsList();
      if (!refusal.isEmpty()) {
        throw malformed(file, refusal.get(0));
      }
      return load(lake, files, new Load(cohort, wave, file, snapshot, loadedAt), panel,
          records.filter(col("malformed").isNull()), callsDir);
    } finally {
      records.unpersist();
    }
  }

  /** What identifies one load of an export. */
  private record Load(int cohort, int wave, String file, String snapshot, Timestamp loadedAt) {
    String scope() {
      return "t.cohort = " + cohort + " AND t.wave = " + wave;
    }
  }

  private static IllegalArgumentException malformed(String file, String reason) {
    return new IllegalArgumentException("L'export " + file + " est mal formé (" + reason
        + ") : aucune réponse chargée, exportez-le de nouveau depuis l'outil d'enquête.");
  }

  /** Checks and types the records on the executors, then writes bronze, silver, progress and call lists. */
  private static Result load(Lake lake, HadoopFiles files, Load load, Dataset<Row> panel, Dataset<Row> records,
      String callsDir) throws IOException {
    SparkSession spark = lake.spark();
    spark.sparkContext().setJobDescription("contrôle et typage des réponses");
    Dataset<Row> typed = records.join(panel, records.col("id").equalTo(panel.col("leaver_id")), "left")
        .withColumn("first_row", min("row_number").over(Window.partitionBy("id")))
        .flatMap(new AnswerTyping(load.cohort(), load.wave(), load.file()), Encoders.row(AnswerTyping.SCHEMA))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> responses = typed.filter(col("kind").equalTo(AnswerTyping.RESPONSE)).select("response.*");
      Dataset<Row> rejections = typed.filter(col("kind").equalTo(AnswerTyping.REJECTION)).select("rejection.*");
      // each record gives one response or one rejection of the whole row, besides its values' rejections
      Row counts = typed.agg(sum(when(col("kind").equalTo(AnswerTyping.RESPONSE), 1L).otherwise(0L)),
          sum(when(col("rejection.row_kept"), 1L).otherwise(0L)),
          sum(when(not(col("rejection.row_kept")), 1L).otherwise(0L))).first();
      long kept = counts.getLong(0);
      long read = kept + counts.getLong(2);

      spark.sparkContext().setJobDescription("écriture des réponses");
      lake.sync(Table.BRONZE_SURVEY_ROWS, records.select(col("row_number"), col("cells"),
              lit(load.cohort()).as("cohort"), lit(load.wave()).as("wave"), lit(load.snapshot()).as("snapshot_id"),
              lit(load.loadedAt()).as("loaded_at"), lit(load.file()).as("source_file")),
          List.of("cohort", "wave", "row_number"), load.scope());
      lake.sync(Table.RESPONSES, responses, List.of("cohort", "wave", "leaver_id"), load.scope());
      lake.sync(Table.RESPONSE_REJECTIONS, rejections,
          List.of("cohort", "wave", "source_file", "row_number", "column_name", "rule"), load.scope());

      Dataset<Row> members = panel.join(responses.select(col("leaver_id").as("answered_id"),
          respondent().as("respondent"), col("status").equalTo(SurveyExportContract.REFUSED).as("refused")),
          col("leaver_id").equalTo(col("answered_id")), "left");
      List<Progress> progress = progress(members);
      lake.insertNew(Table.COLLECTION_PROGRESS, spark.createDataFrame(progress.stream().map(p -> Rows.of(
          Table.COLLECTION_PROGRESS.schema(), Map.of("cohort", load.cohort(), "wave", load.wave(),
              "snapshot_id", load.snapshot(), "loaded_at", load.loadedAt(), "uai_cfa", p.uaiCfa(), "panel", p.panel(),
              "respondents", p.respondents(), "refusals", p.refusals(), "response_rate", p.rate()))).toList(),
          Table.COLLECTION_PROGRESS.schema()), List.of("cohort", "wave", "snapshot_id", "uai_cfa"));
      if (callsDir != null) {
        CallLists.write(lake, files, load.cohort(), load.wave(), callsDir,
            members.filter(not(coalesce(col("respondent"), lit(false)).or(coalesce(col("refused"), lit(false))))));
      }
      return new Result(load.snapshot(), (int) read, (int) kept, (int) (read - kept), (int) counts.getLong(1),
          progress);
    } finally {
      typed.unpersist();
    }
  }

  /** Response counts by CFA, then the region's (uai "ALL"): as many rows as CFAs, whatever the cohort's size. */
  static List<Progress> progress(Dataset<Row> members) {
    Column[] counts = {count(lit(1)).as("panel"), sum(when(col("respondent"), 1L).otherwise(0L)).as("respondents"),
        sum(when(col("refused"), 1L).otherwise(0L)).as("refusals")};
    return members.groupBy("uai_cfa").agg(counts[0], counts[1], counts[2])
        .union(members.groupBy(lit("ALL").as("uai_cfa")).agg(counts[0], counts[1], counts[2]))
        .orderBy("uai_cfa").collectAsList().stream()
        .map(r -> new Progress(r.getString(0), r.getLong(1), r.getLong(2), r.getLong(3))).toList();
  }
}
