package fr.oref.devenir.outcomes;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import fr.oref.devenir.clean.MisroutingRules;
import fr.oref.devenir.clean.Overrides;
import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.contracts.WrittenFile;
import fr.oref.devenir.lake.HadoopFiles;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.lake.Rows;
import fr.oref.devenir.privacy.NominativeOutputs;
import fr.oref.devenir.reference.CertifInfo;
import fr.oref.devenir.text.Csv;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * close-wave: the cleaning of SPEC §5 and the outcome table of §6. For each panel member: status at
 * closure, misrouting rules, manual overrides (last), ROME coding of the job title, then the outcome
 * variables; closing V2 also counts the V1 → V2 transitions. Each member is closed on the executors
 * ({@link WaveClosure}, plain Java per row): the driver holds only the counts, and the titles left to
 * code reach it as a stream written to their file, so a national wave fits a driver of bounded size.
 * Every step is audited in the lake.
 */
public final class CloseWaveJob {
  /** The titles to code's layout. */
  static final String TITLES_TO_CODE = "titles-to-code";

  private CloseWaveJob() {}

  public record Result(long panel, long respondents, long corrections, long overrides, long titlesCoded,
      long titlesToCode, String titlesFile) {}

  /** Reference dates of SPEC §1: 31 January N+1 for V1, 30 June N+1 for V2. */
  public static LocalDate referenceDate(int cohort, int wave) {
    return wave == 1 ? LocalDate.of(cohort + 1, 1, 31) : LocalDate.of(cohort + 1, 6, 30);
  }

  public static Result run(SparkSession spark, String lakeRoot, int cohort, int wave, String rulesFile,
      String overridesFile, String outDir) throws Exception {
    Lake lake = new Lake(spark, lakeRoot);
    // phases named for the command's progress and the Spark UI
    spark.sparkContext().setJobDescription("lecture du panel et des réponses");
    Dataset<Row> members = lake.read(Table.PANEL).filter(col("cohort").equalTo(cohort).and(col("wave").equalTo(wave)))
        .select("leaver_key", "wave")
        .join(lake.read(Table.LEAVERS).filter(col("cohort").equalTo(cohort)), "leaver_key");
    if (members.isEmpty()) {
      throw new IllegalStateException("Pas de panel pour la cohorte " + cohort + " vague " + wave
          + " : lancez d'abord « devenir panel ».");
    }
    Dataset<Row> answers = lake.read(Table.RESPONSES).filter(col("cohort").equalTo(cohort).and(col("wave").equalTo(wave)));
    if (answers.isEmpty()) {
      throw new IllegalStateException("Aucun export chargé pour la cohorte " + cohort + " vague " + wave
          + " : lancez d'abord « devenir ingest-responses ».");
    }
    HadoopFiles files = new HadoopFiles(spark.sparkContext().hadoopConfiguration());
    MisroutingRules rules = rulesFile == null ? MisroutingRules.defaults() : MisroutingRules.from(files, rulesFile);
    Overrides overrides = overridesFile == null ? Overrides.none() : Overrides.from(files, overridesFile);
    RomeCoder coder = RomeCoder.load();
    CertifInfo certifInfo = CertifInfo.load();

    spark.sparkContext().setJobDescription("nettoyage et variables de résultat");
    Dataset<Row> leaver = members.select(col("leaver_id").as("id"), whole(members).as("leaver"));
    Dataset<Row> answer = answers.select(col("leaver_id").as("answer_id"), whole(answers).as("answer"));
    Dataset<Row> closed = leaver.join(answer, leaver.col("id").equalTo(answer.col("answer_id")), "left")
        .select("leaver", "answer")
        .flatMap(new WaveClosure(cohort, wave, rules, overrides, coder, certifInfo), Encoders.row(WaveClosure.SCHEMA))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Row counts = closed.agg(
          sum(when(col("kind").equalTo(WaveClosure.OUTCOME), 1L).otherwise(0L)),
          sum(when(col("outcome.respondent"), 1L).otherwise(0L)),
          sum(when(col("kind").equalTo(WaveClosure.CORRECTION), 1L).otherwise(0L)),
          coalesce(sum("overridden"), lit(0L)), coalesce(sum("coded"), lit(0L)),
          sum(when(col("kind").equalTo(WaveClosure.TITLE), 1L).otherwise(0L))).first();
      Dataset<Row> toCode = closed.filter(col("kind").equalTo(WaveClosure.TITLE)).select("title.*");

      String scope = "t.cohort = " + cohort + " AND t.wave = " + wave;
      spark.sparkContext().setJobDescription("écriture des variables de résultat");
      lake.sync(Table.OUTCOMES, closed.filter(col("kind").equalTo(WaveClosure.OUTCOME)).select("outcome.*"),
          List.of("cohort", "wave", "leaver_key"), scope);
      lake.sync(Table.CORRECTIONS, closed.filter(col("kind").equalTo(WaveClosure.CORRECTION)).select("correction.*"),
          List.of("cohort", "wave", "leaver_id", "variable", "rule"), scope);
      lake.sync(Table.TITLES_TO_CODE, toCode, List.of("cohort", "wave", "leaver_id"), scope);
      return finish(lake, files, cohort, wave, outDir, coder, certifInfo, counts, toCode);
    } finally {
      closed.unpersist();
    }
  }

  /** Every column of a frame as one struct, so that a join keeps each side's row whole. */
  private static Column whole(Dataset<Row> frame) {
    return struct(Arrays.stream(frame.columns()).map(functions::col).toArray(Column[]::new));
  }

  /** The closure's audit row, the transitions when V2 closes, and the titles to code written for people. */
  private static Result finish(Lake lake, HadoopFiles files, int cohort, int wave, String outDir, RomeCoder coder,
      CertifInfo certifInfo, Row counts, Dataset<Row> toCode) throws Exception {
    SparkSession spark = lake.spark();
    long panel = counts.getLong(0);
    long respondents = counts.getLong(1);
    long corrections = counts.getLong(2);
    long overridden = counts.getLong(3);
    long coded = counts.getLong(4);
    long titlesToCode = counts.getLong(5);
    Row closure = Rows.of(Table.WAVE_CLOSURES.schema(), WaveClosure.mapOf("cohort", cohort, "wave", wave,
        "closed_at", Timestamp.from(Instant.now()), "panel", panel, "respondents", respondents,
        "corrections", corrections, "overrides", overridden, "titles_coded", coded,
        "titles_to_code", titlesToCode, "rome_referential", coder.referentialVersion().toString(),
        "certif_info_referential", certifInfo.version().toString()));
    List<String> closureKeys = new ArrayList<>(List.of(Table.WAVE_CLOSURES.schema().fieldNames()));
    closureKeys.remove("closed_at");
    lake.insertNew(Table.WAVE_CLOSURES, spark.createDataFrame(List.of(closure), Table.WAVE_CLOSURES.schema()),
        closureKeys);
    if (wave == 2) {
      lake.sync(Table.TRANSITIONS, Transitions.counts(lake.read(Table.OUTCOMES), cohort),
          List.of("cohort", "situation_v1", "situation_v2"), "t.cohort = " + cohort);
    }
    String titlesFile = outDir + "/titres_a_coder_C" + cohort + "_V" + wave + ".csv";
    writeTitlesToCode(files, titlesFile, wave, toCode);
    // free text answers beside each ID_SEINE: personal data, deleted with the cohort
    NominativeOutputs.record(lake, files, cohort, NominativeOutputs.TITLES_TO_CODE, List.of(titlesFile));
    return new Result(panel, respondents, corrections, overridden, coded, titlesToCode, titlesFile);
  }

  /** The titles to code, laid out as lines of the overrides file: fill VALEUR and send it back. Streamed, by ID. */
  private static void writeTitlesToCode(HadoopFiles files, String path, int wave, Dataset<Row> toCode) throws Exception {
    WrittenFile layout = WrittenFile.of(TITLES_TO_CODE);
    Iterator<Row> titles = toCode.orderBy("leaver_id").toLocalIterator();
    try (Csv.ExcelWriter out = new Csv.ExcelWriter(files.create(path), layout.headers())) {
      while (titles.hasNext()) {
        Row r = titles.next();
        Map<String, Object> line = WaveClosure.mapOf("leaver_id", r.getAs("leaver_id"), "wave", wave,
            "variable", "CODE_ROME", "value", "", "reason", "codage manuel", "job_title", r.getAs("job_title"),
            "best_guess", r.getAs("best_guess"), "best_score", r.getAs("best_score") == null ? null
                : String.format(java.util.Locale.ROOT, "%.2f", r.<Double>getAs("best_score")));
        out.write(layout.fields().stream().map(f -> line.get(f) == null ? "" : line.get(f).toString()).toList());
      }
    }
  }
}
