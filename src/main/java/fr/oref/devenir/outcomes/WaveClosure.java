package fr.oref.devenir.outcomes;

import fr.oref.devenir.clean.Correction;
import fr.oref.devenir.clean.MisroutingRules;
import fr.oref.devenir.clean.Overrides;
import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Rows;
import fr.oref.devenir.reference.CertifInfo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The closure of one panel member, on the executors (a national wave is 500,000 answers, more than a
 * driver should hold): misrouting rules, manual overrides (last), ROME coding of the job title, then the
 * outcome variables. Input: the member's leaver row ({@code leaver}) and its answer ({@code answer},
 * null without one). Output: one row of kind OUTCOME, one CORRECTION row per change, and a TITLE row
 * when the job title could not be coded; the job splits them into their tables.
 */
final class WaveClosure implements FlatMapFunction<Row, Row> {
  static final String OUTCOME = "OUTCOME";
  static final String CORRECTION = "CORRECTION";
  static final String TITLE = "TITLE";
  /** The kind, then the row of that kind in its own table's layout (the others null), and what it counted. */
  static final StructType SCHEMA = new StructType()
      .add("kind", DataTypes.StringType, false)
      .add("outcome", Table.OUTCOMES.schema())
      .add("correction", Table.CORRECTIONS.schema())
      .add("title", Table.TITLES_TO_CODE.schema())
      .add("overridden", DataTypes.IntegerType)
      .add("coded", DataTypes.IntegerType);

  private final int cohort;
  private final int wave;
  private final LocalDate reference;
  private final MisroutingRules rules;
  private final Overrides overrides;
  private final RomeCoder coder;
  private final CertifInfo certifInfo;

  WaveClosure(int cohort, int wave, MisroutingRules rules, Overrides overrides, RomeCoder coder,
      CertifInfo certifInfo) {
    this.cohort = cohort;
    this.wave = wave;
    this.reference = CloseWaveJob.referenceDate(cohort, wave);
    this.rules = rules;
    this.overrides = overrides;
    this.coder = coder;
    this.certifInfo = certifInfo;
  }

  @Override
  public Iterator<Row> call(Row member) {
    Map<String, Object> leaver = Rows.toMap(member.getStruct(member.fieldIndex("leaver")));
    Row answerRow = member.getStruct(member.fieldIndex("answer"));
    Map<String, Object> answer = answerRow == null ? null : Rows.toMap(answerRow);
    String id = (String) leaver.get("leaver_id");
    List<Row> out = new ArrayList<>();
    List<Correction> changes = new ArrayList<>();
    int overridden = 0;
    int coded = 0;
    if (answer != null) {
      changes.addAll(rules.apply(id, wave, answer));
      List<Correction> manual = overrides.apply(id, wave, answer);
      overridden = manual.size();
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
          changes.add(new Correction(id, wave, "rome_code", null, match.get().romeCode(), "rome:" + match.get().method()));
          coded = 1;
        } else {
          var guess = coder.bestGuess(title);
          out.add(kind(TITLE, "title", Rows.of(Table.TITLES_TO_CODE.schema(), mapOf("cohort", cohort, "wave", wave,
              "leaver_id", id, "job_title", title, "best_guess", guess.map(RomeCoder.Match::romeCode).orElse(null),
              "best_score", guess.map(RomeCoder.Match::confidence).orElse(null)))));
        }
      }
    }
    Map<String, Object> outcome = OutcomeRules.derive(leaver, answer, reference,
        certifInfo.romeCodes((String) leaver.get("cfd")));
    outcome.put("wave", wave);
    out.add(Rows.of(SCHEMA, mapOf("kind", OUTCOME, "outcome", Rows.of(Table.OUTCOMES.schema(), outcome),
        "overridden", overridden, "coded", coded)));
    for (Correction c : changes) {
      out.add(kind(CORRECTION, "correction", Rows.of(Table.CORRECTIONS.schema(), mapOf("cohort", cohort, "wave", wave,
          "leaver_id", c.leaverId(), "variable", c.variable(), "old_value", c.oldValue(), "new_value", c.newValue(),
          "rule", c.rule()))));
    }
    return out.iterator();
  }

  private static Row kind(String kind, String column, Row row) {
    return Rows.of(SCHEMA, mapOf("kind", kind, column, row));
  }

  /** Map.of refuses nulls; answers have many. */
  static Map<String, Object> mapOf(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
