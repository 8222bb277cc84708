package fr.oref.devenir.ingest;

import static org.apache.spark.sql.functions.col;

import fr.oref.devenir.contracts.SurveyExportContract;
import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.contracts.WrittenFile;
import fr.oref.devenir.lake.HadoopFiles;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.lake.Rows;
import fr.oref.devenir.privacy.NominativeOutputs;
import fr.oref.devenir.text.Csv;
import fr.oref.devenir.text.Texts;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * ingest-responses: one survey export of a wave → bronze (raw) and silver (typed, linked to the
 * panel). Loaded again and again during collection, each load replaces the wave's previous snapshot;
 * it records and prints the response rate so far, and writes each CFA its list of leavers to call.
 * An export is one file of a few MB: it is read on the driver.
 */
public final class IngestResponsesJob {
  /** The call lists' layout. */
  public static final String CALL_LIST = "call-list";
  static final String COMPLETE = "COMPLETE";
  static final String PARTIAL = "PARTIAL";
  static final String REFUSED = "REFUSED";

  private IngestResponsesJob() {}

  /** Response counts of one CFA (or of the region, uai "ALL"). */
  public record Progress(String uaiCfa, long panel, long respondents, long refusals) {
    public double rate() {
      return panel == 0 ? 0 : (double) respondents / panel;
    }
  }

  public record Result(String snapshotId, int rowsRead, int rowsKept, int rowsRejected, int valuesRejected,
      List<Progress> progress) {}

  /** Respondent so far: a complete answer, or a partial one that gives the situation (SPEC §5.1). */
  static boolean respondent(Map<String, Object> answer) {
    Object status = answer.get("status");
    return COMPLETE.equals(status) || (PARTIAL.equals(status) && answer.get("situation") != null);
  }

  public static Result run(SparkSession spark, String lakeRoot, int cohort, int wave, String file, String callsDir)
      throws Exception {
    Lake lake = new Lake(spark, lakeRoot);
    Map<String, Row> panel = new HashMap<>();
    for (Row r : lake.read(Table.PANEL).filter(col("cohort").equalTo(cohort).and(col("wave").equalTo(wave)))
        .collectAsList()) {
      panel.put(r.getAs("leaver_id"), r);
    }
    if (panel.isEmpty()) {
      throw new IllegalStateException("Pas de panel pour la cohorte " + cohort + " vague " + wave
          + " : lancez d'abord « devenir panel ».");
    }
    HadoopFiles files = new HadoopFiles(spark.sparkContext().hadoopConfiguration());
    byte[] bytes;
    try (InputStream in = files.open(file)) {
      bytes = in.readAllBytes();
    }
    String snapshot = java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
        .substring(0, 16);
    Timestamp loadedAt = Timestamp.from(Instant.now());
    List<List<String>> records;
    try {
      records = records(bytes);
    } catch (Csv.MalformedException e) {
      throw new IllegalArgumentException("L'export " + file + " est mal formé (" + e.getMessage()
          + ") : aucune réponse chargée, exportez-le de nouveau depuis l'outil d'enquête.");
    }
    if (records.isEmpty()) {
      throw new IllegalArgumentException("L'export " + file + " est vide.");
    }
    SurveyExportContract contract = SurveyExportContract.get();
    Map<String, Integer> index = contract.locate(records.get(0));
    if (!index.containsKey("ID_SEINE")) {
      throw new IllegalArgumentException("L'export " + file + " n'a pas de colonne ID_SEINE.");
    }

    List<Row> bronze = new ArrayList<>();
    List<Row> responses = new ArrayList<>();
    List<Row> rejections = new ArrayList<>();
    Map<String, Integer> firstRow = new HashMap<>();
    Map<String, Map<String, Object>> answers = new HashMap<>();
    int valuesRejected = 0;
    for (int i = 1; i < records.size(); i++) {
      int rowNumber = i + 1;
      Map<String, String> cells = new LinkedHashMap<>();
      List<String> record = records.get(i);
      index.forEach((column, position) -> {
        if (position < record.size() && !record.get(position).isBlank()) {
          cells.put(column, record.get(position));
        }
      });
      // a row with text only outside the export's columns is still a row: rejected below, not skipped
      if (record.stream().allMatch(String::isBlank)) {
        continue;
      }
      bronze.add(Rows.of(Table.BRONZE_SURVEY_ROWS.schema(), Map.of("cohort", cohort, "wave", wave,
          "snapshot_id", snapshot, "loaded_at", loadedAt, "source_file", file, "row_number", rowNumber, "cells", cells)));
      String id = cells.getOrDefault("ID_SEINE", "").trim();
      Row member = panel.get(id);
      if (member == null) {
        rejections.add(rejection(cohort, wave, file, rowNumber, "ID_SEINE", "unknown_id", false, id.isEmpty()
            ? "Identifiant ID_SEINE manquant : ligne ignorée."
            : "Identifiant « " + Texts.excerpt(id, SurveyExportContract.QUOTED_MAX) + " » absent du panel de la vague : "
                + "ligne ignorée."));
        continue;
      }
      if (firstRow.containsKey(id)) {
        rejections.add(rejection(cohort, wave, file, rowNumber, "ID_SEINE", "duplicated_id", false,
            "Identifiant déjà présent à la ligne " + firstRow.get(id) + " : seule la première ligne est retenue."));
        continue;
      }
      firstRow.put(id, rowNumber);
      SurveyExportContract.Typed typed = contract.type(cells);
      for (SurveyExportContract.Problem p : typed.problems()) {
        rejections.add(rejection(cohort, wave, file, rowNumber, p.column(), p.rule(), true, p.message()));
        valuesRejected++;
      }
      Map<String, Object> values = new HashMap<>(typed.values());
      values.putAll(Map.of("cohort", cohort, "wave", wave, "leaver_key", member.getAs("leaver_key"),
          "leaver_id", id, "uai_cfa", member.getAs("uai_cfa"), "source_file", file, "row_number", rowNumber));
      answers.put(id, values);
      responses.add(Rows.of(Table.RESPONSES.schema(), values));
    }

    String scope = "t.cohort = " + cohort + " AND t.wave = " + wave;
    lake.sync(Table.BRONZE_SURVEY_ROWS, spark.createDataFrame(bronze, Table.BRONZE_SURVEY_ROWS.schema()),
        List.of("cohort", "wave", "row_number"), scope);
    lake.sync(Table.RESPONSES, spark.createDataFrame(responses, Table.RESPONSES.schema()),
        List.of("cohort", "wave", "leaver_id"), scope);
    lake.sync(Table.RESPONSE_REJECTIONS, spark.createDataFrame(rejections, Table.RESPONSE_REJECTIONS.schema()),
        List.of("cohort", "wave", "source_file", "row_number", "column_name", "rule"), scope);

    List<Progress> progress = progress(panel, answers);
    List<Row> progressRows = progress.stream().map(p -> Rows.of(Table.COLLECTION_PROGRESS.schema(), Map.of(
        "cohort", cohort, "wave", wave, "snapshot_id", snapshot, "loaded_at", loadedAt, "uai_cfa", p.uaiCfa(),
        "panel", p.panel(), "respondents", p.respondents(), "refusals", p.refusals(), "response_rate", p.rate())))
        .toList();
    lake.insertNew(Table.COLLECTION_PROGRESS, spark.createDataFrame(progressRows, Table.COLLECTION_PROGRESS.schema()),
        List.of("cohort", "wave", "snapshot_id", "uai_cfa"));
    if (callsDir != null) {
      writeCallLists(lake, files, cohort, wave, callsDir, panel, answers);
    }
    int kept = responses.size();
    return new Result(snapshot, bronze.size(), kept, bronze.size() - kept, valuesRejected, progress);
  }

  private static Row rejection(int cohort, int wave, String file, int row, String column, String rule, boolean kept,
      String message) {
    return Rows.of(Table.RESPONSE_REJECTIONS.schema(), Map.of("cohort", cohort, "wave", wave, "source_file", file,
        "row_number", row, "column_name", column, "rule", rule, "row_kept", kept, "message", message));
  }

  private static List<List<String>> records(byte[] bytes) throws IOException {
    var charset = CsvReader.detectCharset(java.util.Arrays.copyOf(bytes, Math.min(bytes.length, 65536)));
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes), charset))) {
      Csv.Parser parser = new Csv.Parser(reader, ';');
      List<List<String>> records = new ArrayList<>();
      for (List<String> r = parser.next(); r != null; r = parser.next()) {
        records.add(r);
      }
      return records;
    }
  }

  static List<Progress> progress(Map<String, Row> panel, Map<String, Map<String, Object>> answers) {
    Map<String, long[]> byCfa = new TreeMap<>();
    for (Row member : panel.values()) {
      Map<String, Object> answer = answers.getOrDefault(member.<String>getAs("leaver_id"), Map.of());
      for (String cfa : List.of(member.<String>getAs("uai_cfa"), "ALL")) {
        long[] c = byCfa.computeIfAbsent(cfa, k -> new long[3]);
        c[0]++;
        c[1] += respondent(answer) ? 1 : 0;
        c[2] += REFUSED.equals(answer.get("status")) ? 1 : 0;
      }
    }
    return byCfa.entrySet().stream().map(e -> new Progress(e.getKey(), e.getValue()[0], e.getValue()[1],
        e.getValue()[2])).toList();
  }

  /** For each CFA, its own leavers still to call: neither answered nor refused. Nominative: the CFA's alone. */
  private static void writeCallLists(Lake lake, HadoopFiles files, int cohort, int wave, String dir,
      Map<String, Row> panel, Map<String, Map<String, Object>> answers) throws IOException {
    Map<String, Row> contacts = new HashMap<>();
    for (Row c : lake.read(Table.CONTACTS).filter(col("cohort").equalTo(cohort)).collectAsList()) {
      contacts.put(c.getAs("leaver_key"), c);
    }
    WrittenFile layout = WrittenFile.of(CALL_LIST);
    Map<String, List<List<String>>> byCfa = new TreeMap<>();
    for (Row member : panel.values()) {
      Map<String, Object> answer = answers.getOrDefault(member.<String>getAs("leaver_id"), Map.of());
      Row c = contacts.get(member.<String>getAs("leaver_key"));
      if (respondent(answer) || REFUSED.equals(answer.get("status")) || c == null) {
        continue;
      }
      byCfa.computeIfAbsent(member.getAs("uai_cfa"), k -> new ArrayList<>()).add(layout.fields().stream()
          .map(f -> nullToEmpty("leaver_id".equals(f) ? member.getAs(f) : c.getAs(f))).toList());
    }
    List<String> header = layout.headers();
    int name = layout.fields().indexOf("last_name");
    List<String> written = new ArrayList<>();
    for (Map.Entry<String, List<List<String>>> e : byCfa.entrySet()) {
      e.getValue().sort(java.util.Comparator.comparing(r -> r.get(name)));
      String path = dir + "/relances_C" + cohort + "_V" + wave + "_" + e.getKey() + ".csv";
      Csv.writeForExcel(files.create(path), header, e.getValue());
      written.add(path);
    }
    NominativeOutputs.record(lake, files, cohort, NominativeOutputs.CALL_LIST, written);
  }

  private static String nullToEmpty(Object o) {
    return o == null ? "" : o.toString();
  }
}
