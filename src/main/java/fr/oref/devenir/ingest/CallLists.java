package fr.oref.devenir.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.contracts.WrittenFile;
import fr.oref.devenir.lake.HadoopFiles;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.privacy.NominativeOutputs;
import fr.oref.devenir.text.Csv;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * For each CFA, its own leavers still to call (neither answered nor refused), sorted by name: nominative,
 * the CFA's alone. The lists reach the driver one partition at a time, sorted by CFA and name, and are
 * written as they come.
 */
final class CallLists {
  /** The call lists' layout. */
  static final String LAYOUT = "call-list";

  private CallLists() {}

  /** @param toCall the panel members to call: leaver_id, leaver_key, uai_cfa */
  static void write(Lake lake, HadoopFiles files, int cohort, int wave, String dir, Dataset<Row> toCall)
      throws IOException {
    WrittenFile layout = WrittenFile.of(LAYOUT);
    Dataset<Row> contacts = lake.read(Table.CONTACTS).filter(col("cohort").equalTo(cohort));
    List<Column> fields = new ArrayList<>();
    for (String f : layout.fields()) {
      Column value = "leaver_id".equals(f) ? toCall.col(f) : contacts.col(f);
      fields.add(coalesce(value.cast("string"), lit("")).as(f));
    }
    fields.add(toCall.col("uai_cfa").as("list_cfa"));
    Iterator<Row> lines = toCall.join(contacts, toCall.col("leaver_key").equalTo(contacts.col("leaver_key")))
        .select(fields.toArray(Column[]::new))
        .orderBy("list_cfa", "last_name", "leaver_id")
        .toLocalIterator();
    List<String> written = new ArrayList<>();
    try (Csv.SplitWriter byCfa = new Csv.SplitWriter(layout.headers(),
        cfa -> dir + "/relances_C" + cohort + "_V" + wave + "_" + cfa + ".csv", files::create)) {
      while (lines.hasNext()) {
        Row line = lines.next();
        List<String> record = new ArrayList<>();
        for (int i = 0; i < layout.fields().size(); i++) {
          record.add(line.getString(i));
        }
        byCfa.write(line.getAs("list_cfa"), record);
      }
      written.addAll(byCfa.paths());
    }
    NominativeOutputs.record(lake, files, cohort, NominativeOutputs.CALL_LIST, written);
  }
}
