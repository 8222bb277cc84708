package fr.oref.devenir.privacy;

import static org.apache.spark.sql.functions.col;

import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.HadoopFiles;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.lake.Rows;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * The register of files written outside the lake that hold personal data ({@code silver.nominative_outputs}):
 * a file leaves the lake's control once written, so its path and hash are kept for purge to delete
 * it when its cohort's retention ends, wherever it lies (any Hadoop file system).
 */
public final class NominativeOutputs {
  public static final String PANEL = "panel";
  public static final String CALL_LIST = "call_list";
  public static final String TITLES_TO_CODE = "titles_to_code";
  public static final String CFA_RESULTS = "cfa_results";
  public static final String VALIDATION_REPORT = "validation_report";
  /** Pseudonymous, not nominative: deleted with the cohort's names all the same (a unit-level file). */
  public static final String RESPONDENT_EXTRACT = "respondent_extract";

  private NominativeOutputs() {}

  /** What purge did with one registered file. */
  public record Outcome(int cohort, String path, String outcome) {
    public boolean deleted() {
      return "deleted".equals(outcome);
    }
  }

  /** Registers files just written (a file written again at the same path is registered again, as kept). */
  public static void record(Lake lake, HadoopFiles files, int cohort, String kind, List<String> paths) throws IOException {
    Timestamp now = Timestamp.from(Instant.now());
    List<Row> rows = new ArrayList<>();
    for (String path : paths) {
      Map<String, Object> v = new HashMap<>();
      v.put("path", files.qualified(path));
      v.put("cohort", cohort);
      v.put("kind", kind);
      v.put("sha256", files.sha256(path));
      v.put("written_at", now);
      rows.add(Rows.of(Table.NOMINATIVE_OUTPUTS.schema(), v));
    }
    save(lake, rows);
  }

  /**
   * Deletes the registered files of the cohorts given that are still kept. A file that cannot be
   * reached (file system not configured here, no rights) stays registered as kept, with the reason,
   * so the next purge tries again and the purge output lists it.
   */
  public static List<Outcome> purge(Lake lake, HadoopFiles files, List<Integer> cohorts) {
    if (cohorts.isEmpty() || !lake.exists(Table.NOMINATIVE_OUTPUTS)) {
      return List.of();
    }
    List<Row> kept = lake.read(Table.NOMINATIVE_OUTPUTS)
        .filter(col("cohort").isin(cohorts.toArray()).and(col("purged_at").isNull())).orderBy("path").collectAsList();
    Timestamp now = Timestamp.from(Instant.now());
    List<Outcome> outcomes = new ArrayList<>();
    List<Row> updated = new ArrayList<>();
    for (Row r : kept) {
      Map<String, Object> v = Rows.toMap(r);
      String outcome = delete(files, r.getAs("path"));
      boolean done = !outcome.startsWith("unreachable");
      v.put("purged_at", done ? now : null);
      v.put("purge_outcome", outcome);
      updated.add(Rows.of(Table.NOMINATIVE_OUTPUTS.schema(), v));
      outcomes.add(new Outcome(r.getAs("cohort"), r.getAs("path"), outcome));
    }
    save(lake, updated);
    return outcomes;
  }

  private static String delete(HadoopFiles files, String path) {
    try {
      return files.delete(path) ? "deleted" : "already_absent";
    } catch (IOException | RuntimeException e) {
      // the class only: a file system's message may quote a path, never data, but keep it short and stable
      return "unreachable: " + e.getClass().getSimpleName();
    }
  }

  private static void save(Lake lake, List<Row> rows) {
    if (rows.isEmpty()) {
      return;
    }
    lake.sync(Table.NOMINATIVE_OUTPUTS, lake.spark().createDataFrame(rows, Table.NOMINATIVE_OUTPUTS.schema()),
        List.of("path"), "false");
  }
}
