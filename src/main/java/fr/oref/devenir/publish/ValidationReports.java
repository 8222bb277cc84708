package fr.oref.devenir.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import fr.oref.devenir.contracts.LeaverFileStatus;
import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.contracts.WrittenFile;
import fr.oref.devenir.lake.HadoopFiles;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.lake.Rows;
import fr.oref.devenir.privacy.NominativeOutputs;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Dataset;

/**
 * The validation reports sent back to CFAs before the 18 November deadline: per CFA, a workbook with
 * its counts (« Synthèse ») and every anomaly by file, row and column (« Anomalies »), plus a summary
 * of all CFAs for the observatory. Built from the lake, so they always describe each CFA's latest
 * submission.
 */
public final class ValidationReports {
  /** A CFA's report: data-schemas/validation-report.csv; the observatory's summary: validation-summary.csv. */
  static final WrittenFile REPORT = WrittenFile.of("validation-report");
  static final WrittenFile SUMMARY = WrittenFile.of("validation-summary");
  private static final String SYNTHESIS = "Synthèse";
  private static final String ANOMALIES = "Anomalies";
  /** Characters each anomaly column shows. */
  private static final Map<String, Integer> WIDTHS = Map.of("file", 36, "sheet", 14, "row", 8, "column", 28,
      "message", 100);

  private ValidationReports() {}

  /** One line of the « Anomalies » sheet. */
  record Anomaly(String file, String sheet, Integer row, String column, String severity, String message) {
    Object get(String field) {
      return switch (field) {
        case "file" -> file;
        case "sheet" -> sheet;
        case "row" -> row;
        case "column" -> column;
        case "severity" -> severity;
        case "message" -> message;
        default -> throw new IllegalStateException("Champ « " + field + " » inconnu dans " + REPORT.path() + ".");
      };
    }
  }

  public static int write(Lake lake, int cohort, HadoopFiles files, String dir) throws IOException {
    Dataset<org.apache.spark.sql.Row> log = lake.read(Table.INGEST_LOG).filter(col("cohort").equalTo(cohort));
    Dataset<org.apache.spark.sql.Row> latest = log.groupBy("file_cfa").agg(max("ingested_at").as("ingested_at"));
    List<org.apache.spark.sql.Row> current = log.join(latest,
            log.col("file_cfa").equalTo(latest.col("file_cfa")).and(log.col("ingested_at").equalTo(latest.col("ingested_at"))),
            "left_semi")
        .orderBy("file_cfa", "source_file").collectAsList();
    Rows.Groups anomalies = anomalies(lake, cohort);
    Map<String, List<org.apache.spark.sql.Row>> byCfa = new TreeMap<>();
    current.forEach(r -> byCfa.computeIfAbsent(r.getAs("file_cfa"), k -> new ArrayList<>()).add(r));
    List<String> reports = new ArrayList<>();
    for (Map.Entry<String, List<org.apache.spark.sql.Row>> cfa : byCfa.entrySet()) {
      String path = dir + "/validation_C" + cohort + "_" + cfa.getKey().replaceAll("[^A-Za-z0-9._-]", "_") + ".xlsx";
      try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = files.create(path)) {
        synthesis(wb, cohort, cfa.getKey(), cfa.getValue());
        anomalySheet(wb, anomalies.of(cfa.getKey()).stream().map(r -> new Anomaly(name(r.getAs("source_file")),
            r.getAs("sheet"), r.getAs("row_number"), r.getAs("column_name"), r.getAs("severity"), r.getAs("message")))
            .toList());
        Spreadsheets.write(wb, out);
      }
      reports.add(path);
    }
    // anomalies quote the values found (an INE, a phone, a birth date): deleted with the cohort
    NominativeOutputs.record(lake, files, cohort, NominativeOutputs.VALIDATION_REPORT, reports);
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = files.create(dir + "/synthese_C" + cohort + ".xlsx")) {
      String sheet = SUMMARY.sheets().get(0);
      Sheet s = wb.createSheet(sheet);
      Spreadsheets.header(s.createRow(0), LeaverTemplate.bold(wb), SUMMARY.headers(sheet, Map.of()));
      int r = 1;
      for (Map.Entry<String, List<org.apache.spark.sql.Row>> cfa : byCfa.entrySet()) {
        for (org.apache.spark.sql.Row f : cfa.getValue()) {
          cells(s.createRow(r++), SUMMARY.fields(sheet), f);
        }
      }
      s.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, SUMMARY.fields(sheet).size() - 1));
      Spreadsheets.write(wb, out);
    }
    return byCfa.size();
  }

  /**
   * Every anomaly of the cohort's files — rejections and warnings, then the rows left out (repeaters,
   * duplicates) — sorted by CFA only, handed out one CFA at a time (each CFA's sheet orders its own).
   */
  private static Rows.Groups anomalies(Lake lake, int cohort) {
    Dataset<org.apache.spark.sql.Row> rejections = lake.read(Table.REJECTIONS).filter(col("cohort").equalTo(cohort))
        .select(col("file_cfa"), col("source_file"), col("sheet"), col("row_number"), col("column_name"),
            when(col("severity").equalTo("ERROR"), "ERREUR").otherwise("AVERTISSEMENT").as("severity"),
            col("message"));
    Dataset<org.apache.spark.sql.Row> exclusions = lake.read(Table.LEAVER_EXCLUSIONS).filter(col("cohort").equalTo(cohort))
        .select(col("file_cfa"), col("source_file"), col("sheet"), col("row_number"),
            lit(null).cast("string").as("column_name"), lit("INFORMATION").as("severity"), col("detail").as("message"));
    return new Rows.Groups(rejections.unionByName(exclusions)
        .orderBy("file_cfa").toLocalIterator(), "file_cfa");
  }

  private static String name(String path) {
    return path == null ? null : path.substring(path.lastIndexOf('/') + 1);
  }

  /** A file's line of silver.ingest_log, its columns in the contract's order. */
  private static void cells(Row row, List<String> fields, org.apache.spark.sql.Row f) {
    for (int c = 0; c < fields.size(); c++) {
      Object v = f.getAs(fields.get(c));
      switch (fields.get(c)) {
        case "source_file" -> row.createCell(c).setCellValue(name((String) v));
        case "status" -> row.createCell(c).setCellValue(LeaverFileStatus.OK.equals(v) ? "Chargé" : "Refusé");
        case "file_cfa", "error" -> row.createCell(c).setCellValue(v == null ? "" : v.toString());
        default -> row.createCell(c).setCellValue(v == null ? 0 : ((Number) v).doubleValue());
      }
    }
  }

  private static void synthesis(XSSFWorkbook wb, int cohort, String cfa, List<org.apache.spark.sql.Row> files) {
    Sheet s = wb.createSheet(SYNTHESIS);
    CellStyle bold = LeaverTemplate.bold(wb);
    s.createRow(0).createCell(0).setCellValue("Fichier des sortants " + cohort + " — rapport de validation");
    s.getRow(0).getCell(0).setCellStyle(bold);
    s.createRow(1).createCell(0).setCellValue("CFA : " + cfa);
    long rejected = files.stream().mapToLong(f -> f.<Integer>getAs("rows_rejected") == null ? 0 : f.<Integer>getAs("rows_rejected")).sum();
    boolean failed = files.stream().anyMatch(f -> !LeaverFileStatus.OK.equals(f.getAs("status")));
    s.createRow(2).createCell(0).setCellValue(rejected == 0 && !failed
        ? "Votre fichier a été chargé sans erreur bloquante. Les avertissements éventuels sont à vérifier (onglet « Anomalies »)."
        : "Des lignes ou fichiers n'ont pas pu être retenus : corrigez les anomalies de gravité ERREUR (onglet « Anomalies ») "
            + "et renvoyez le fichier complet avant le 18 novembre " + cohort + ".");
    Spreadsheets.header(s.createRow(4), bold, REPORT.headers(SYNTHESIS, Map.of()));
    int r = 5;
    for (org.apache.spark.sql.Row f : files) {
      cells(s.createRow(r++), REPORT.fields(SYNTHESIS), f);
    }
    s.setColumnWidth(0, 40 * 256);
  }

  private static void anomalySheet(XSSFWorkbook wb, List<Anomaly> anomalies) {
    Sheet s = wb.createSheet(ANOMALIES);
    Spreadsheets.header(s.createRow(0), LeaverTemplate.bold(wb), REPORT.headers(ANOMALIES, Map.of()));
    List<Anomaly> sorted = new ArrayList<>(anomalies);
    sorted.sort(Comparator.comparing((Anomaly a) -> switch (a.severity()) {
      case "ERREUR" -> 0;
      case "AVERTISSEMENT" -> 1;
      default -> 2;
    }).thenComparing(Anomaly::file, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(Anomaly::row, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(Anomaly::column, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(Anomaly::message, Comparator.nullsFirst(Comparator.naturalOrder())));
    List<String> fields = REPORT.fields(ANOMALIES);
    int r = 1;
    for (Anomaly a : sorted) {
      Row row = s.createRow(r++);
      for (int c = 0; c < fields.size(); c++) {
        Object v = a.get(fields.get(c));
        if (v instanceof Integer n) {
          row.createCell(c).setCellValue(n);
        } else {
          row.createCell(c).setCellValue(v == null ? "" : v.toString());
        }
      }
    }
    s.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, fields.size() - 1));
    s.createFreezePane(0, 1);
    for (int c = 0; c < fields.size(); c++) {
      s.setColumnWidth(c, WIDTHS.getOrDefault(fields.get(c), 16) * 256);
    }
  }
}
