package fr.oref.devenir.ingest;

import fr.oref.devenir.contracts.SurveyExportContract;
import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Rows;
import fr.oref.devenir.text.Texts;
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
 * One export record checked and typed on the executors. Input: an {@link ExportRecords} row joined to
 * its panel member ({@code leaver_key} and {@code uai_cfa}, null when ID_SEINE is not in the wave's
 * panel) and {@code first_row}, the first row of the export with the same ID_SEINE. Output: one
 * RESPONSE row in silver.responses' layout when the record is kept, and one REJECTION row for the
 * record left out or for each value left empty.
 */
final class AnswerTyping implements FlatMapFunction<Row, Row> {
  static final String RESPONSE = "RESPONSE";
  static final String REJECTION = "REJECTION";
  static final StructType SCHEMA = new StructType()
      .add("kind", DataTypes.StringType, false)
      .add("response", Table.RESPONSES.schema())
      .add("rejection", Table.RESPONSE_REJECTIONS.schema());

  private final int cohort;
  private final int wave;
  private final String file;

  AnswerTyping(int cohort, int wave, String file) {
    this.cohort = cohort;
    this.wave = wave;
    this.file = file;
  }

  @Override
  public Iterator<Row> call(Row record) {
    int rowNumber = record.getAs("row_number");
    String id = record.getAs("id");
    if (record.getAs("leaver_key") == null) {
      return List.of(rejection(rowNumber, "ID_SEINE", "unknown_id", false, id.isEmpty()
          ? "Identifiant ID_SEINE manquant : ligne ignorée."
          : "Identifiant « " + Texts.excerpt(id, SurveyExportContract.QUOTED_MAX) + " » absent du panel de la vague : "
              + "ligne ignorée.")).iterator();
    }
    int firstRow = record.getAs("first_row");
    if (rowNumber != firstRow) {
      return List.of(rejection(rowNumber, "ID_SEINE", "duplicated_id", false,
          "Identifiant déjà présent à la ligne " + firstRow + " : seule la première ligne est retenue.")).iterator();
    }
    SurveyExportContract.Typed typed = SurveyExportContract.get().type(record.getJavaMap(record.fieldIndex("cells")));
    List<Row> out = new ArrayList<>();
    for (SurveyExportContract.Problem p : typed.problems()) {
      out.add(rejection(rowNumber, p.column(), p.rule(), true, p.message()));
    }
    Map<String, Object> values = new HashMap<>(typed.values());
    values.putAll(Map.of("cohort", cohort, "wave", wave, "leaver_key", record.getAs("leaver_key"), "leaver_id", id,
        "uai_cfa", record.getAs("uai_cfa"), "source_file", file, "row_number", rowNumber));
    out.add(Rows.of(SCHEMA, Map.of("kind", RESPONSE, "response", Rows.of(Table.RESPONSES.schema(), values))));
    return out.iterator();
  }

  private Row rejection(int row, String column, String rule, boolean kept, String message) {
    return Rows.of(SCHEMA, Map.of("kind", REJECTION, "rejection", Rows.of(Table.RESPONSE_REJECTIONS.schema(),
        Map.of("cohort", cohort, "wave", wave, "source_file", file, "row_number", row, "column_name", column,
            "rule", rule, "row_kept", kept, "message", message))));
  }
}
