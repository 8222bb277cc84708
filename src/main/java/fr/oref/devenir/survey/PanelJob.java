package fr.oref.devenir.survey;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.contracts.WrittenFile;
import fr.oref.devenir.lake.HadoopFiles;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.privacy.NominativeOutputs;
import fr.oref.devenir.text.Csv;
import fr.oref.devenir.values.Phones;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * panel: who the survey tool must contact in a wave (SPEC §1, §3). Recorded in {@code silver.panel}
 * (the frame of response rates and weighting) and written as the survey tool's CSV, for the region
 * and for each CFA (its own leavers only, for its phone follow-up).
 */
public final class PanelJob {
  /** The survey tool's CSV: data-schemas/survey-panel.csv. */
  public static final String CONTRACT = "survey-panel";
  private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private PanelJob() {}

  public record Result(long members, long excludedFurtherStudy, long excludedRefusal, int files) {}

  public static Result run(SparkSession spark, String lakeRoot, int cohort, int wave, String outDir) throws IOException {
    Lake lake = new Lake(spark, lakeRoot);
    Dataset<Row> leavers = lake.read(Table.LEAVERS).filter(col("cohort").equalTo(cohort));
    if (leavers.isEmpty()) {
      throw new IllegalStateException("Aucun sortant pour la cohorte " + cohort + " : lancez d'abord ingest-leavers.");
    }
    Dataset<Row> members = leavers;
    long furtherStudy = 0;
    long refusals = 0;
    if (wave == 2) {
      Dataset<Row> v1 = lake.read(Table.OUTCOMES).filter(col("cohort").equalTo(cohort).and(col("wave").equalTo(1)));
      if (v1.isEmpty()) {
        throw new IllegalStateException("La vague 1 de la cohorte " + cohort
            + " n'est pas clôturée : lancez close-wave --wave 1 avant le panel de vague 2.");
      }
      Dataset<Row> out = v1.filter(col("further_study").equalTo(true).or(col("opted_out").equalTo(true)));
      furtherStudy = v1.filter(col("further_study").equalTo(true)).count();
      refusals = v1.filter(col("opted_out").equalTo(true).and(col("further_study").isNull().or(col("further_study").equalTo(false)))).count();
      members = leavers.join(out.select("leaver_key"), "leaver_key", "left_anti");
    } else if (wave != 1) {
      throw new IllegalArgumentException("La vague est 1 ou 2, pas " + wave + ".");
    }
    Dataset<Row> panel = members.withColumn("wave", lit(wave));
    lake.sync(Table.PANEL, panel, List.of("cohort", "wave", "leaver_key"),
        "t.cohort = " + cohort + " AND t.wave = " + wave);

    Dataset<Row> contacts = lake.read(Table.CONTACTS).filter(col("cohort").equalTo(cohort))
        .drop("cohort", "uai_cfa");
    Iterator<Row> rows = panel.join(contacts, "leaver_key").orderBy("uai_cfa", "leaver_id").toLocalIterator();
    HadoopFiles files = new HadoopFiles(spark.sparkContext().hadoopConfiguration());
    List<String> written = new ArrayList<>();
    long size = write(files, outDir, cohort, wave, rows, written);
    NominativeOutputs.record(lake, files, cohort, NominativeOutputs.PANEL, written);
    return new Result(size, furtherStudy, refusals, written.size());
  }

  /**
   * The whole panel in one file and each CFA's part in its own, written as the rows come (sorted by CFA,
   * one partition at a time): a national panel never sits whole in the driver. Returns the rows written.
   */
  private static long write(HadoopFiles files, String outDir, int cohort, int wave, Iterator<Row> rows,
      List<String> written) throws IOException {
    WrittenFile layout = WrittenFile.of(CONTRACT);
    String base = "panel_C" + cohort + "_V" + wave;
    written.add(outDir + "/" + base + ".csv");
    long size = 0;
    try (Csv.ExcelWriter all = new Csv.ExcelWriter(files.create(written.get(0)), layout.headers());
         Csv.SplitWriter byCfa = new Csv.SplitWriter(layout.headers(), cfa -> outDir + "/cfa/" + base + "_" + cfa + ".csv",
             files::create)) {
      while (rows.hasNext()) {
        Row row = rows.next();
        List<String> record = layout.fields().stream().map(f -> value(row, f)).toList();
        all.write(record);
        byCfa.write(row.getAs("uai_cfa"), record);
        size++;
      }
      written.addAll(byCfa.paths());
    }
    return size;
  }

  static String value(Row row, String field) {
    return switch (field) {
      case "phone" -> nationalPhone(row.<String>getAs("mobile") != null ? row.getAs("mobile") : row.getAs("phone2"));
      case "wave" -> String.valueOf(row.<Integer>getAs("wave"));
      default -> {
        Object v = row.getAs(field);
        yield v == null ? "" : v instanceof java.sql.Date d ? d.toLocalDate().format(FRENCH_DATE) : v.toString();
      }
    };
  }

  private static String nationalPhone(String e164) {
    return e164 == null ? "" : Phones.toNational(e164);
  }
}
