package fr.oref.devenir.outcomes;

import static org.apache.spark.sql.functions.col;

import fr.oref.devenir.clean.Correction;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * close-wave: the cleaning of SPEC §5 and the outcome table of §6. For each panel member: status at
 * closure, misrouting rules, manual overrides (last), ROME coding of the job title, then the outcome
 * variables; closing V2 also counts the V1 → V2 transitions. A wave is a region's few tens of thousands of answers: the cleaning runs on the
 * driver, in plain Java, and every step is audited in the lake.
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
    List<Row> members = lake.read(Table.PANEL).filter(col("cohort").equalTo(cohort).and(col("wave").equalTo(wave)))
        .select("leaver_key", "wave")
        .join(lake.read(Table.LEAVERS).filter(col("cohort").equalTo(cohort)), "leaver_key")
        .collectAsList();
    if (members.isEmpty()) {
      throw new IllegalStateException("Pas de panel pour la cohorte " + cohort + " vague " + wave
          + " : lancez d'abord « devenir panel ».");
    }
    Map<String, Map<String, Object>> answers = new HashMap<>();
    for (Row r : lake.read(Table.RESPONSES).filter(col("cohort").equalTo(cohort).and(col("wave").equalTo(wave)))
        .collectAsList()) {
      answers.put(r.getAs("leaver_id"), Rows.toMap(r));
    }
    if (answers.isEmpty()) {
      throw new IllegalStateException("Aucun export chargé pour la cohorte " + cohort + " vague " + wave
          + " : lancez d'abord « devenir ingest-responses ».");
    }
    HadoopFiles files = new HadoopFiles(spark.sparkContext().hadoopConfiguration());
    MisroutingRules rules = rulesFile == null ? MisroutingRules.defaults() : MisroutingRules.from(files, rulesFile);
    Overrides overrides = overridesFile == null ? Overrides.none() : Overrides.from(files, overridesFile);
    RomeCoder coder = RomeCoder.load();
    CertifInfo certifInfo = CertifInfo.load();
    LocalDate reference = referenceDate(cohort, wave);

    List<Row> outcomes = new ArrayList<>();
    List<Row> corrections = new ArrayList<>();
    List<Row> toCode = new ArrayList<>();
    long respondents = 0;
    long overridden = 0;
    long coded = 0;
    for (Row member : members) {
      Map<String, Object> leaver = Rows.toMap(member);
      String id = (String) leaver.get("leaver_id");
      Map<String, Object> answer = answers.containsKey(id) ? new HashMap<>(answers.get(id)) : null;
      List<Correction> changes = new ArrayList<>();
      if (answer != null) {
        changes.addAll(rules.apply(id, wave, answer));
        List<Correction> manual = overrides.apply(id, wave, answer);
        overridden += manual.size();
        changes.addAll(manual);
        boolean romeOverridden = manual.stream().anyMatch(c -> c.variable().equals("rome_code"));
        if (answer.get("rome_code") != null) {
          answer.put("rome_coding", romeOverridden ? "OVERRIDE" : "EXPORT");
        } else if ("EMPLOYMENT".equals(answer.get("situation")) && answer.get("job_title") != null) {
          String title = (String) answer.get("job_title");
          var match = coder.code(title);
          if (match.isPresent()) {
            answer.put("rome_code", match.get().romeCode());
            answer.put("rome_coding", "REFERENTIAL");
            changes.add(new Correction(id, wave, "rome_code", null, match.get().romeCode(),
                "rome:" + match.get().method()));
            coded++;
          } else {
            var guess = coder.bestGuess(title);
            toCode.add(Rows.of(Table.TITLES_TO_CODE.schema(), mapOf("cohort", cohort, "wave", wave, "leaver_id", id,
                "job_title", title, "best_guess", guess.map(RomeCoder.Match::romeCode).orElse(null),
                "best_score", guess.map(RomeCoder.Match::confidence).orElse(null))));
          }
        }
      }
      Map<String, Object> outcome = OutcomeRules.derive(leaver, answer, reference,
          certifInfo.romeCodes((String) leaver.get("cfd")));
      outcome.put("wave", wave);
      respondents += Boolean.TRUE.equals(outcome.get("respondent")) ? 1 : 0;
      outcomes.add(Rows.of(Table.OUTCOMES.schema(), outcome));
      for (Correction c : changes) {
        corrections.add(Rows.of(Table.CORRECTIONS.schema(), mapOf("cohort", cohort, "wave", wave,
            "leaver_id", c.leaverId(), "variable", c.variable(), "old_value", c.oldValue(), "new_value", c.newValue(),
            "rule", c.rule())));
      }
    }

    String scope = "t.cohort = " + cohort + " AND t.wave = " + wave;
    spark.sparkContext().setJobDescription("écriture des variables de résultat");
    lake.sync(Table.OUTCOMES, spark.createDataFrame(outcomes, Table.OUTCOMES.schema()),
        List.of("cohort", "wave", "leaver_key"), scope);
    lake.sync(Table.CORRECTIONS, spark.createDataFrame(corrections, Table.CORRECTIONS.schema()),
        List.of("cohort", "wave", "leaver_id", "variable", "rule"), scope);
    lake.sync(Table.TITLES_TO_CODE, spark.createDataFrame(toCode, Table.TITLES_TO_CODE.schema()),
        List.of("cohort", "wave", "leaver_id"), scope);
    Row closure = Rows.of(Table.WAVE_CLOSURES.schema(), mapOf("cohort", cohort, "wave", wave,
        "closed_at", Timestamp.from(Instant.now()), "panel", (long) members.size(), "respondents", respondents,
        "corrections", (long) corrections.size(), "overrides", overridden, "titles_coded", coded,
        "titles_to_code", (long) toCode.size(), "rome_referential", coder.referentialVersion().toString(),
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
    return new Result(members.size(), respondents, corrections.size(), overridden, coded, toCode.size(), titlesFile);
  }

  /** The titles to code, laid out as lines of the overrides file: fill VALEUR and send it back. */
  private static void writeTitlesToCode(HadoopFiles files, String path, int wave, List<Row> toCode) throws Exception {
    WrittenFile layout = WrittenFile.of(TITLES_TO_CODE);
    List<List<String>> records = new ArrayList<>();
    for (Row r : toCode) {
      Map<String, Object> line = mapOf("leaver_id", r.getAs("leaver_id"), "wave", wave, "variable", "CODE_ROME",
          "value", "", "reason", "codage manuel", "job_title", r.getAs("job_title"), "best_guess", r.getAs("best_guess"),
          "best_score", r.getAs("best_score") == null ? null
              : String.format(java.util.Locale.ROOT, "%.2f", r.<Double>getAs("best_score")));
      records.add(layout.fields().stream().map(f -> line.get(f) == null ? "" : line.get(f).toString()).toList());
    }
    Csv.writeForExcel(files.create(path), layout.headers(), records);
  }

  /** Map.of refuses nulls; answers have many. */
  private static Map<String, Object> mapOf(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
