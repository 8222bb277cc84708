package fr.oref.devenir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.lake.Rows;
import fr.oref.devenir.testing.PublishedText;
import fr.oref.devenir.testing.SharedSpark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A raking that cannot reach its margins: CFA X answered 10 times out of 1,000 leavers, CFA Y 100 out
 * of 100, CFA Z 3 out of 20. Z is merged with X (fewer than 10 respondents), whose weights would have
 * to be about 8 times the mean, beyond the bound of 5: weights are bounded and the CFA margin stays
 * far from the panel. The indicators command and every publication must say so.
 */
class WeightingDisclosureTest {
  private static final String NOT_CONVERGED = "le calage n'a pas convergé";
  private static final String MERGED = "Catégories regroupées pour le calage (moins de 10 répondants) : CFA : 2 CFA "
      + "regroupés.";

  private static List<Row> leavers(String cfa, int panel, int respondents) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < panel; i++) {
      Map<String, Object> m = new HashMap<>(Map.of("cohort", 2022, "wave", 1, "leaver_key", cfa + i, "leaver_id",
          cfa + i, "uai_cfa", cfa, "uai_site", cfa, "department", "14", "level", "3", "sex", "F", "cfd", "50022137"));
      m.putAll(Map.of("diploma_obtained", "YES", "contract_broken", false, "opted_out", false, "respondent",
          i < respondents, "response_status", i < respondents ? "COMPLETE" : "PENDING"));
      if (i < respondents) {
        m.putAll(Map.of("situation", "EMPLOYMENT", "employed", true, "active", true, "further_study", false, "neet",
            false, "salaried", true, "professionalisation_contract", false, "months_to_first_job", 1,
            "first_job_censored", false, "job_within_6_months", true));
      }
      rows.add(Rows.of(Table.OUTCOMES.schema(), m));
    }
    return rows;
  }

  @Test
  void aRakingThatDidNotConvergeIsPrintedAndPublished(@TempDir Path dir) throws Exception {
    SparkSession spark = SharedSpark.session();
    Lake lake = new Lake(spark, dir.resolve("lake").toString());
    List<Row> rows = new ArrayList<>(leavers("X", 1000, 10));
    rows.addAll(leavers("Y", 100, 100));
    rows.addAll(leavers("Z", 20, 3));
    lake.append(Table.OUTCOMES, spark.createDataFrame(rows, Table.OUTCOMES.schema()));
    lake.append(Table.LEAVERS, spark.createDataFrame(rows.stream().map(r -> Rows.of(Table.LEAVERS.schema(),
        Rows.toMap(r))).toList(), Table.LEAVERS.schema()));
    lake.ensure(Table.CONTACTS);

    StringWriter out = new StringWriter();
    CommandLine cli = Devenir.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    String[] target = {"--allow-demo-key", "--lake", lake.root(), "--cohort", "2022", "--wave", "1"};
    assertEquals(0, cli.execute(concat("indicators", target)), out.toString());
    String printed = out.toString();
    assertTrue(printed.contains(NOT_CONVERGED), printed);
    assertTrue(printed.contains(MERGED), printed);
    assertTrue(printed.contains("Poids bornés"), printed);

    Path outDir = dir.resolve("out");
    assertEquals(0, cli.execute(concat("publish", concat("--out", concat(outDir.toString(), target)))),
        out.toString());
    Path published = outDir.resolve("C2022_V1");
    String site = Files.readString(published.resolve("region/site_C2022_V1/index.html")).replace("&#39;", "'");
    String pdf = PublishedText.of(published.resolve("region/chiffres_cles_C2022_V1.pdf")).replaceAll("\\s+", " ");
    String workbook = PublishedText.of(published.resolve("region/chiffres_cles_C2022_V1.xlsx"));
    String restricted = PublishedText.of(published.resolve("cfa/Y/rapport_Y_C2022_V1.pdf")).replaceAll("\\s+", " ");
    for (String text : List.of(site, pdf, workbook, restricted)) {
      assertTrue(text.contains(NOT_CONVERGED), text);
      assertTrue(text.contains(MERGED), text);
    }
    assertFalse(java.util.regex.Pattern.compile("(?<![\\p{L}\\d])[XZ](?![\\p{L}\\d])").matcher(restricted).find(),
        "Y's report names no other CFA: " + restricted);
  }

  private static String[] concat(String first, String... rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
