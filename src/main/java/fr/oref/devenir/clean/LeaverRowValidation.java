package fr.oref.devenir.clean;

import fr.oref.devenir.contracts.Schemas;
import fr.oref.devenir.lake.Rows;
import fr.oref.devenir.privacy.Pseudonymizer;
import fr.oref.devenir.reference.DiplomaTypes;
import fr.oref.devenir.values.Uai;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructType;

/**
 * Validates bronze rows on the executors: each raw row becomes one {@code staging.leaver_validated}
 * row carrying its typed values, its pseudonymous key and its issues. The output columns are
 * filled by name from the validator's values, so the contract file alone decides the layout.
 */
public final class LeaverRowValidation implements MapPartitionsFunction<Row, Row> {
  public static final String SCHEMA = "staging.leaver_validated";
  /** One of a row's issues, as the contract's {@code issues} column holds them. */
  private static final StructType ISSUE =
      (StructType) ((ArrayType) Schemas.of(SCHEMA).apply("issues").dataType()).elementType();
  private static final List<String> CARRIED = List.of("cohort", "batch_id", "file_hash", "source_file", "sheet",
      "row_number", "file_cfa");

  private final int cohort;
  private final Pseudonymizer pseudonymizer;
  private final DiplomaTypes diplomaTypes;

  public LeaverRowValidation(int cohort, Pseudonymizer pseudonymizer, DiplomaTypes diplomaTypes) {
    this.cohort = cohort;
    this.pseudonymizer = pseudonymizer;
    this.diplomaTypes = diplomaTypes;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    LeaverValidator validator = new LeaverValidator(cohort);
    StructType schema = Schemas.of(SCHEMA);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        Row bronze = rows.next();
        Map<String, String> cells = bronze.getJavaMap(bronze.fieldIndex("cells"));
        Map<String, Object> values = new HashMap<>(derive(validator.validate(cells)));
        for (String column : CARRIED) {
          values.put(column, bronze.get(bronze.fieldIndex(column)));
        }
        return Rows.of(schema, values);
      }
    };
  }

  /** The validator's values plus what Devenir derives from them. */
  Map<String, Object> derive(ValidatedLeaver v) {
    Map<String, Object> values = new HashMap<>(v.values());
    String key = pseudonymizer.leaverKey(cohort, (String) values.get("last_name"), (String) values.get("first_name"),
        (LocalDate) values.get("birth_date"));
    String cfd = (String) values.get("cfd");
    LocalDate birth = (LocalDate) values.get("birth_date");
    values.put("leaver_key", key);
    values.put("leaver_id", pseudonymizer.surveyId(cohort, key));
    values.put("department", Uai.department((String) values.get("uai_site")));
    values.put("birth_year", birth == null ? null : birth.getYear());
    values.put("diploma_type", cfd == null ? null : cfd.substring(0, 3));
    values.put("level", diplomaTypes.levelOf(cfd));
    values.put("has_email", values.get("email") != null);
    values.put("has_mobile", values.get("mobile") != null);
    values.put("warnings", (int) v.issues().stream().filter(i -> i.severity() == Severity.WARNING).count());
    values.put("rejected", v.rejected());
    values.put("repeating", Boolean.TRUE.equals(values.get("repeating")));
    values.put("issues", v.issues().stream()
        .map(i -> Rows.of(ISSUE, issue(i)))
        .toArray(Row[]::new));
    return values;
  }

  private static Map<String, Object> issue(Issue i) {
    Map<String, Object> values = new HashMap<>();
    values.put("field", i.field());
    values.put("column_name", i.column());
    values.put("rule", i.check());
    values.put("severity", i.severity().name());
    values.put("message", i.message());
    return values;
  }
}
