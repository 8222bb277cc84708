package fr.oref.devenir.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import fr.oref.devenir.contracts.LeaverFileStatus;
import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.HadoopFiles;
import fr.oref.devenir.lake.Lake;
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
  static final String[] COUNT_HEADERS = {"Fichier", "Statut", "Lignes lues", "Retenues", "Dont avec avertissement",
      "Redoublants", "Doublons", "Rejetées", "Ajoutées", "Supprimées", "Modifiées", "Motif"};
  static final String[] COUNT_FIELDS = {"rows_read", "rows_kept", "rows_warned", "rows_excluded", "rows_duplicates",
      "rows_rejected", "rows_added", "rows_removed", "rows_changed"};

  private ValidationReports() {}

  /** One line of the « Anomalies » sheet. */
  record Anomaly(String file, String sheet, Integer row, String column, String severity, String message) {}

  public static int write(Lake lake, int cohort, HadoopFiles files, String dir) throws IOException {
    Dataset<org.apache.spark.sql.Row> log = lake.read(Table.INGEST_LOG).filter(col("cohort").equalTo(cohort));
    Dataset<org.apache.spark.sql.Row> latest = log.groupBy("file_cfa").agg(max("ingested_at").as("ingested_at"));
    List<org.apache.spark.sql.Row> current = log.join(latest,
            log.col("file_cfa").equalTo(latest.col("file_cfa")).and(log.col("ingested_at").equalTo(latest.col("ingested_at"))),
            "left_semi")
        .orderBy("file_cfa", "source_file").collectAsList();
    Map<String, List<Anomaly>> anomalies = new TreeMap<>();
    lake.read(Table.REJECTIONS).filter(col("cohort").equalTo(cohort)).collectAsList().forEach(r ->
        anomalies.computeIfAbsent(r.getAs("file_cfa"), k -> new ArrayList<>()).add(new Anomaly(name(r.getAs("source_file")),
            r.getAs("sheet"), r.getAs("row_number"), r.getAs("column_name"),
            "ERROR".equals(r.getAs("severity")) ? "ERREUR" : "AVERTISSEMENT", r.getAs("message"))));
    lake.read(Table.LEAVER_EXCLUSIONS).filter(col("cohort").equalTo(cohort)).collectAsList().forEach(r ->
        anomalies.computeIfAbsent(r.getAs("file_cfa"), k -> new ArrayList<>()).add(new Anomaly(name(r.getAs("source_file")),
            r.getAs("sheet"), r.getAs("row_number"), null, "INFORMATION", r.getAs("detail"))));
    Map<String, List<org.apache.spark.sql.Row>> byCfa = new TreeMap<>();
    current.forEach(r -> byCfa.computeIfAbsent(r.getAs("file_cfa"), k -> new ArrayList<>()).add(r));
    List<String> reports = new ArrayList<>();
    for (Map.Entry<String, List<org.apache.spark.sql.Row>> cfa : byCfa.entrySet()) {
      String path = dir + "/validation_C" + cohort + "_" + cfa.getKey().replaceAll("[^A-Za-z0-9._-]", "_") + ".xlsx";
      try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = files.create(path)) {
        synthesis(wb, cohort, cfa.getKey(), cfa.getValue());
        anomalySheet(wb, anomalies.getOrDefault(cfa.getKey(), List.of()));
        Spreadsheets.write(wb, out);
      }
      reports.add(path);
    }
    // anomalies quote the values found (an INE, a phone, a birth date): deleted with the cohort
    NominativeOutputs.record(lake, files, cohort, NominativeOutputs.VALIDATION_REPORT, reports);
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = files.create(dir + "/synthese_C" + cohort + ".xlsx")) {
      Sheet s = wb.createSheet("CFA");
      CellStyle bold = LeaverTemplate.bold(wb);
      header(s.createRow(0), bold, "UAI CFA", COUNT_HEADERS);
      int r = 1;
      for (Map.Entry<String, List<org.apache.spark.sql.Row>> cfa : byCfa.entrySet()) {
        for (org.apache.spark.sql.Row f : cfa.getValue()) {
          Row row = s.createRow(r++);
          row.createCell(0).setCellValue(cfa.getKey());
          counts(row, 1, f);
        }
      }
      s.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, COUNT_HEADERS.length));
      Spreadsheets.write(wb, out);
    }
    return byCfa.size();
  }

  private static String name(String path) {
    return path == null ? null : path.substring(path.lastIndexOf('/') + 1);
  }

  private static void header(Row row, CellStyle bold, String first, String... titles) {
    int c = 0;
    if (first != null) {
      row.createCell(c++).setCellValue(first);
    }
    for (String t : titles) {
      row.createCell(c++).setCellValue(t);
    }
    row.forEach(cell -> cell.setCellStyle(bold));
  }

  private static void counts(Row row, int start, org.apache.spark.sql.Row f) {
    row.createCell(start).setCellValue(name(f.getAs("source_file")));
    row.createCell(start + 1).setCellValue(LeaverFileStatus.OK.equals(f.getAs("status")) ? "Chargé" : "Refusé");
    for (int i = 0; i < COUNT_FIELDS.length; i++) {
      Integer v = f.getAs(COUNT_FIELDS[i]);
      row.createCell(start + 2 + i).setCellValue(v == null ? 0 : v);
    }
    String error = f.getAs("error");
    row.createCell(start + 2 + COUNT_FIELDS.length).setCellValue(error == null ? "" : error);
  }

  private static void synthesis(XSSFWorkbook wb, int cohort, String cfa, List<org.apache.spark.sql.Row> files) {
    Sheet s = wb.createSheet("Synthèse");
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
    header(s.createRow(4), bold, null, COUNT_HEADERS);
    int r = 5;
    for (org.apache.spark.sql.Row f : files) {
      counts(s.createRow(r++), 0, f);
    }
    s.setColumnWidth(0, 40 * 256);
  }

  private static void anomalySheet(XSSFWorkbook wb, List<Anomaly> anomalies) {
    Sheet s = wb.createSheet("Anomalies");
    header(s.createRow(0), LeaverTemplate.bold(wb), null, "Fichier", "Feuille", "Ligne", "Colonne", "Gravité", "Message");
    List<Anomaly> sorted = new ArrayList<>(anomalies);
    sorted.sort(Comparator.comparing((Anomaly a) -> switch (a.severity()) {
      case "ERREUR" -> 0;
      case "AVERTISSEMENT" -> 1;
      default -> 2;
    }).thenComparing(Anomaly::file, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(Anomaly::row, Comparator.nullsFirst(Comparator.naturalOrder())));
    int r = 1;
    for (Anomaly a : sorted) {
      Row row = s.createRow(r++);
      row.createCell(0).setCellValue(a.file());
      row.createCell(1).setCellValue(a.sheet());
      if (a.row() != null) {
        row.createCell(2).setCellValue(a.row());
      }
      row.createCell(3).setCellValue(a.column() == null ? "" : a.column());
      row.createCell(4).setCellValue(a.severity());
      row.createCell(5).setCellValue(a.message());
    }
    s.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, 5));
    s.createFreezePane(0, 1);
    int[] widths = {36, 14, 8, 28, 16, 100};
    for (int i = 0; i < widths.length; i++) {
      s.setColumnWidth(i, widths[i] * 256);
    }
  }
}
