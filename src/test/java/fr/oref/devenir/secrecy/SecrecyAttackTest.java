package fr.oref.devenir.secrecy;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.oref.devenir.cli.Devenir;
import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.reference.DiplomaTypes;
import fr.oref.devenir.testing.SharedSpark;
import fr.oref.devenir.text.Csv;
import fr.oref.devenir.values.Cfd;
import fr.oref.devenir.values.Uai;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacker of issue 8, from the public files of a small campaign: both waves' open-data CSVs,
 * the public nomenclatures (CFD characters 1–3 → level, 4–6 → NSF, UAI → department, the CFD–RNCP
 * kit) and which CFA each site belongs to. Every nesting those codes suggest is tried; the attacker
 * is told which ones hold exactly (the strongest attacker), and bounds every blank count by LP. A
 * count the open data hides as under the threshold must stay uncertain by the protection width; one
 * hidden in complement must not come back exactly.
 */
class SecrecyAttackTest {
  private static final double WIDTH = 3;
  /** A blank complementary count must not come back exactly. */
  private static final double NOT_EXACT = 1;
  private static final List<String> WITHIN = List.of("respondents = further_study + active", "employed + neet <= active",
      "respondents <= panel", "km_actives <= active", "delay_known <= active", "km_events <= km_actives", "job_within_6_months <= km_events",
      "related_job <= related_answered", "related_answered <= employed", "field_match <= field_coded",
      "field_coded <= employed", "satisfied <= satisfaction_answered", "satisfaction_answered <= respondents",
      "diploma_yes <= diploma_known", "diploma_known <= panel", "contract_broken <= panel",
      "respondents_and_repeaters = active_ij + further_study_ij", "active <= active_ij", "active_ij <= respondents",
      "respondents <= respondents_and_repeaters", "active_ij <= salaried_ij + active",
      "salaried_ij + active <= employed + active_ij");
  @TempDir static Path dir;
  /** wave|dimension=value|count → value shown in the open data. */
  private static final Map<String, Double> shown = new HashMap<>();
  /** Blank counts the open data says are under the threshold (reason LT_…, or NUM_LT_… for a numerator). */
  private static final Set<String> primary = new HashSet<>();
  /** Every count the open data has a row for, with its true value (for the oracle and the report only). */
  private static final Map<String, Double> truth = new HashMap<>();
  private static final List<Map<String, String>> openRows = new ArrayList<>();
  private static Lake lake;

  @BeforeAll
  static void runACampaignAndReadItsOpenData() throws Exception {
    SharedSpark.session();
    StringWriter out = new StringWriter();
    var cli = Devenir.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    assertEquals(0, cli.execute("demo", "--master", "local[2]", "--lake", dir.resolve("lake").toString(), "--out",
        dir.resolve("out").toString(), "--cohort", "2022", "--cfas", "6", "--leavers", "700"), out.toString());
    Map<String, String[]> pairs = pairs();
    for (int wave : List.of(1, 2)) {
      Path csv = dir.resolve("out/publication/C2022_V" + wave + "/region/indicateurs_C2022_V" + wave + "_opendata.csv");
      try (var in = Files.newInputStream(csv)) {
        for (Map<String, String> row : Csv.readMaps(in)) {
          row.replaceAll((k, v) -> v == null ? "" : v);
          openRows.add(row);
          String[] pair = pairs.get(row.get("indicator"));
          String cell = wave + "|" + row.get("dimension") + "=" + row.get("dimension_value") + "|";
          if ("raw".equals(row.get("weighting"))) {
            for (int i = 0; i < 2; i++) {
              truth.putIfAbsent(cell + pair[i], Double.NaN);
              String v = row.get(i == 0 ? "numerator" : "denominator");
              if (!v.isEmpty()) {
                shown.put(cell + pair[i], Double.parseDouble(v));
              }
              String reason = row.get("suppression_reason");
              if (reason.startsWith("LT_") || (i == 0 && reason.startsWith("NUM_LT_"))) {
                primary.add(cell + pair[i]);
              }
            }
          }
        }
      }
    }
    lake = new Lake(SharedSpark.session(), dir.resolve("lake").toString());
    for (Row r : lake.read(Table.INDICATORS).filter(col("weighting").equalTo("raw")).collectAsList()) {
      String cell = r.getAs("wave") + "|" + r.getAs("dimension") + "=" + r.getAs("dimension_value") + "|";
      String[] pair = pairs.get(r.<String>getAs("indicator"));
      truth.put(cell + pair[0], r.getAs("numerator"));
      truth.put(cell + pair[1], r.getAs("denominator"));
    }
  }

  /** Indicator → its numerator and denominator counts, as the published methods (indicators.csv) state them. */
  private static Map<String, String[]> pairs() throws Exception {
    Map<String, String[]> pairs = new HashMap<>(Map.of("median_months_to_first_job",
        new String[] {"km_events", "km_actives"}));
    try (var in = Files.newInputStream(Path.of("data-schemas/indicators.csv"))) {
      for (Map<String, String> r : Csv.readMaps(in)) {
        pairs.put(r.get("indicator"), new String[] {r.get("numerator"), r.get("denominator")});
      }
    }
    return pairs;
  }

  @Test
  void noBlankCountIsRecoveredWithinTheProtectionWidth() {
    Set<String> unknown = new HashSet<>(truth.keySet());
    unknown.removeAll(shown.keySet());
    List<Attacker.Constraint> constraints = new ArrayList<>();
    Set<String> counts = new HashSet<>();
    truth.keySet().forEach(k -> counts.add(k.substring(k.lastIndexOf('|') + 1)));
    for (Map.Entry<String, List<String>> family : families().entrySet()) {
      for (String count : counts) {
        Map<String, Double> a = new HashMap<>();
        a.put(family.getKey().substring(0, family.getKey().lastIndexOf('|')) + "|" + count, 1.0);
        family.getValue().forEach(c -> a.merge(c + "|" + count, -1.0, Double::sum));
        keepIfTrue(constraints, new Attacker.Constraint(a, true));
      }
    }
    Set<String> cells = new HashSet<>();
    truth.keySet().forEach(k -> cells.add(k.substring(0, k.lastIndexOf('|'))));
    for (String cell : cells) {
      for (String relation : WITHIN) {
        keepIfTrue(constraints, parse(relation, cell + "|", cell + "|"));
      }
      for (String[] pair : pairsOrEmpty()) {
        keepIfTrue(constraints, new Attacker.Constraint(Map.of(cell + "|" + pair[0], 1.0, cell + "|" + pair[1], -1.0),
            false));
      }
      if (cell.startsWith("2|")) {
        String one = "1" + cell.substring(1) + "|";
        keepIfTrue(constraints, parse("panel <= wave1panel - wave1further_study", cell + "|", one));
      }
    }
    Map<String, Double> known = new HashMap<>(shown);
    Map<String, double[]> bounds = Attacker.bounds(known, unknown, constraints, WIDTH);
    List<String> recovered = new ArrayList<>();
    bounds.forEach((k, b) -> {
      if (b[1] - b[0] < (primary.contains(k) ? WIDTH : NOT_EXACT) - 1e-6) {
        recovered.add(k + " = " + truth.get(k) + " ∈ [" + b[0] + ", " + b[1] + "]");
      }
    });
    System.out.printf("Attaque : %d comptages masqués (%d sous le seuil), %d relations, %d retrouvés à moins de %.0f"
        + " près (sous le seuil) ou exactement (masquage complémentaire)%n", unknown.size(),
        unknown.stream().filter(primary::contains).count(), constraints.size(), recovered.size(), WIDTH);
    assertTrue(unknown.stream().filter(primary::contains).count() > 50, "the campaign hides counts under the threshold");
    assertTrue(unknown.size() > 50, "the campaign hides counts: " + unknown.size());
    assertEquals(List.of(), recovered.stream().sorted().limit(20).toList());
  }

  /** Weighted rows hide exactly what raw rows hide; the share of hidden rows is printed before and after. */
  @Test
  void weightedRowsHideWhatRawRowsHideAndTheShareOfHiddenRowsStaysReasonable() {
    Map<String, Map<String, String>> raw = new HashMap<>();
    List<Map<String, String>> weighted = new ArrayList<>();
    for (Map<String, String> r : openRows) {
      String key = r.get("wave") + "|" + r.get("dimension") + "=" + r.get("dimension_value") + "|" + r.get("indicator");
      if ("raw".equals(r.get("weighting"))) {
        raw.put(key, r);
      } else {
        weighted.add(r);
      }
    }
    for (Map<String, String> w : weighted) {
      Map<String, String> r = raw.get(w.get("wave") + "|" + w.get("dimension") + "=" + w.get("dimension_value") + "|"
          + w.get("indicator"));
      assertEquals(r.get("suppressed"), w.get("suppressed"), w.toString());
      assertEquals(r.get("denominator").isEmpty(), w.get("denominator").isEmpty(), w.toString());
      assertEquals(r.get("numerator").isEmpty(), w.get("numerator").isEmpty(), w.toString());
    }
    for (String wave : List.of("1", "2")) {
      List<Row> rows = lake.read(Table.INDICATORS).filter(col("wave").equalTo(Integer.parseInt(wave))
          .and(col("weighting").equalTo("raw"))).collectAsList();
      long primary = rows.stream().filter(r -> r.<Double>getAs("denominator") < 20).count();
      long hidden = rows.stream().filter(r -> r.<Boolean>getAs("suppressed")).count();
      long hiddenCounts = truth.keySet().stream().filter(k -> k.startsWith(wave + "|") && !shown.containsKey(k)).count();
      long allCounts = truth.keySet().stream().filter(k -> k.startsWith(wave + "|")).count();
      System.out.printf("Vague %s : %d lignes (brutes ; redressées identiques), dénominateur < 20 : %.1f %%, masquées"
          + " : %.1f %% ; comptages masqués %d sur %d (%.1f %%)%n", wave, rows.size(), 100.0 * primary / rows.size(),
          100.0 * hidden / rows.size(), hiddenCounts, allCounts, 100.0 * hiddenCounts / allCounts);
      assertTrue(hidden >= primary);
      assertTrue(hidden - primary <= 0.5 * rows.size(), "complementary suppression stays under half the rows");
    }
  }

  private static List<String[]> pairsOrEmpty() {
    try {
      return new ArrayList<>(pairs().values());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code a + b <= c - d}, counts of {@code prefix}; {@code wave1x} names count x of {@code waveOne}. */
  private static Attacker.Constraint parse(String relation, String prefix, String waveOne) {
    boolean equality = relation.contains(" = ");
    String[] sides = relation.split(equality ? " = " : " <= ");
    Map<String, Double> a = new HashMap<>();
    for (int side = 0; side < 2; side++) {
      double sign = side == 0 ? 1 : -1;
      for (String term : sides[side].replace(" - ", " + -").split(" \\+ ")) {
        String t = term.trim();
        double s = t.startsWith("-") ? -sign : sign;
        t = t.replace("-", "");
        String key = t.startsWith("wave1") ? waveOne + t.substring(5) : prefix + t;
        a.merge(key, s, Double::sum);
      }
    }
    return new Attacker.Constraint(a, equality);
  }

  /** The oracle: a candidate relation is used only when the true counts satisfy it (and it names known cells). */
  private static void keepIfTrue(List<Attacker.Constraint> constraints, Attacker.Constraint c) {
    double sum = 0;
    for (Map.Entry<String, Double> t : c.a().entrySet()) {
      Double v = truth.get(t.getKey());
      if (v == null || v.isNaN()) {
        return;
      }
      sum += t.getValue() * v;
    }
    if (c.equality() ? Math.abs(sum) < 1e-9 : sum <= 1e-9) {
      constraints.add(c);
    }
  }

  /** Parent cell → children cells, from public codes only. */
  private static Map<String, List<String>> families() {
    DiplomaTypes types = DiplomaTypes.load();
    Map<String, Set<String>> rncpOfCfd = new HashMap<>();
    try (var in = Files.newInputStream(Path.of("src/main/resources/reference/kit_apprentissage_cfd_rncp_2024-04-26.csv"))) {
      for (Map<String, String> r : Csv.readMaps(in)) {
        rncpOfCfd.computeIfAbsent(r.get("Code Diplôme"), k -> new HashSet<>()).add(r.get("FicheRNCP"));
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    Map<String, Set<String>> sitesOfCfa = new HashMap<>();
    lake.read(Table.OUTCOMES).select("uai_cfa", "uai_site").distinct().collectAsList()
        .forEach(r -> sitesOfCfa.computeIfAbsent(r.getString(0), k -> new HashSet<>()).add(r.getString(1)));
    Map<String, List<String>> families = new TreeMap<>();
    Map<String, Set<String>> values = new HashMap<>();
    truth.keySet().forEach(k -> {
      String[] p = k.split("\\|");
      values.computeIfAbsent(p[0] + "|" + p[1].substring(0, p[1].indexOf('=')), x -> new TreeSet<>())
          .add(p[1].substring(p[1].indexOf('=') + 1));
    });
    for (String wave : List.of("1", "2")) {
      for (String dimension : List.of("department", "cfa", "site", "level", "diploma", "rncp", "nsf", "sex")) {
        values.getOrDefault(wave + "|" + dimension, Set.of()).forEach(v -> add(families, wave, "region=ALL",
            dimension + "=" + v));
      }
      for (String cfd : values.getOrDefault(wave + "|diploma", Set.of())) {
        add(families, wave, "level=" + types.levelOf(cfd), "diploma=" + cfd);
        add(families, wave, "nsf=" + Cfd.nsf(cfd), "diploma=" + cfd);
        rncpOfCfd.getOrDefault(cfd, Set.of()).forEach(r -> add(families, wave, "rncp=" + r, "diploma=" + cfd));
      }
      for (String site : values.getOrDefault(wave + "|site", Set.of())) {
        add(families, wave, "department=" + Uai.department(site), "site=" + site);
      }
      sitesOfCfa.forEach((cfa, sites) -> sites.forEach(s -> add(families, wave, "cfa=" + cfa, "site=" + s)));
      for (String cd : values.getOrDefault(wave + "|cfa*diploma", Set.of())) {
        String[] p = cd.split("\\*");
        add(families, wave, "cfa=" + p[0], "cfa*diploma=" + cd);
        add(families, wave, "diploma=" + p[1], "cfa*diploma=" + cd);
        add(families, wave, "cfa*level=" + p[0] + "*" + types.levelOf(p[1]), "cfa*diploma=" + cd);
      }
      for (String cl : values.getOrDefault(wave + "|cfa*level", Set.of())) {
        String[] p = cl.split("\\*");
        add(families, wave, "cfa=" + p[0], "cfa*level=" + cl);
        add(families, wave, "level=" + p[1], "cfa*level=" + cl);
      }
      for (String cfa : values.getOrDefault(wave + "|cfa", Set.of())) {
        add(families, wave, "department=" + Uai.department(cfa), "cfa=" + cfa);
      }
    }
    return families;
  }

  private static void add(Map<String, List<String>> families, String wave, String parent, String child) {
    families.computeIfAbsent(wave + "|" + parent + "|" + child.substring(0, child.indexOf('=')), k -> new ArrayList<>())
        .add(wave + "|" + child);
  }
}
