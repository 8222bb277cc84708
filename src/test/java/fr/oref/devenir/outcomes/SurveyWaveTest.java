package fr.oref.devenir.outcomes;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.oref.devenir.campaign.IngestLeaversStep;
import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.ingest.IngestResponsesJob;
import fr.oref.devenir.ingest.ReadLimits;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.privacy.Pseudonymizer;
import fr.oref.devenir.survey.PanelJob;
import fr.oref.devenir.testing.PublishedText;
import fr.oref.devenir.testing.SharedSpark;
import fr.oref.devenir.values.Uai;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** A small cohort of two CFAs through the V1 panel and two loads of the survey export. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SurveyWaveTest {
  static final int COHORT = 2022;
  static final String CFA_A = Uai.of("0141300");
  static final String CFA_B = Uai.of("0500001");
  static final String HEADER = "UAI CFA responsable;UAI lieu de formation;Nom;Prénom;Sexe;Date de naissance;"
      + "Téléphone portable;Code diplôme;Code RNCP;Date de fin de formation;Redoublant";
  Path dir;
  SparkSession spark;
  Lake lake;
  Map<String, String> idByName;

  static String leaver(String cfa, String last, String first, String birth) {
    return String.join(";", cfa, cfa, last, first, "F", birth, "0612345678", "50022137", "RNCP37537", "30/06/2022", "Non");
  }

  @BeforeAll
  void cohort(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    spark = SharedSpark.session();
    lake = new Lake(spark, dir.resolve("lake").toString());
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("a.csv"), String.join("\n", HEADER, leaver(CFA_A, "Martin", "Léa", "14/03/2003"),
        leaver(CFA_A, "Durand", "Paul", "02/05/2002"), leaver(CFA_A, "Petit", "Zoé", "20/11/2003")), StandardCharsets.UTF_8);
    Files.writeString(in.resolve("b.csv"), String.join("\n", HEADER, leaver(CFA_B, "Bernard", "Noé", "12/12/2002")),
        StandardCharsets.UTF_8);
    IngestLeaversStep.run(spark, lake.root(), COHORT, List.of(in.toString()), new Pseudonymizer("a-test-key-of-sixteen-chars"),
        ReadLimits.DEFAULT, null);
  }

  @Test
  @Order(1)
  void theV2PanelWaitsForV1Closure() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> PanelJob.run(spark, lake.root(), COHORT, 2, dir.resolve("p2").toString()));
    assertTrue(e.getMessage().contains("close-wave"), e.getMessage());
  }

  @Test
  @Order(2)
  void theV1PanelHasEveryLeaverAndEachCfaFileOnlyItsOwn() throws Exception {
    PanelJob.Result r = PanelJob.run(spark, lake.root(), COHORT, 1, dir.resolve("p1").toString());
    assertEquals(4, r.members());
    assertEquals(3, r.files());
    List<String> region = Files.readAllLines(dir.resolve("p1/panel_C2022_V1.csv"), StandardCharsets.UTF_8);
    assertEquals("\uFEFFID_SEINE;VAGUE;UAI_CFA;UAI_LIEU;CODE_DIPLOME;CODE_RNCP;INTITULE_FORMATION;NOM;PRENOM;SEXE;"
        + "DATE_NAISSANCE;COURRIEL;TELEPHONE;DATE_FIN_FORMATION", region.get(0));
    assertEquals(5, region.size());
    List<String> b = Files.readAllLines(dir.resolve("p1/cfa/panel_C2022_V1_" + CFA_B + ".csv"), StandardCharsets.UTF_8);
    assertEquals(2, b.size());
    assertTrue(b.get(1).contains("Bernard") && b.get(1).contains("0612345678") && b.get(1).contains("30/06/2022"), b.get(1));
    List<String> a = Files.readAllLines(dir.resolve("p1/cfa/panel_C2022_V1_" + CFA_A + ".csv"), StandardCharsets.UTF_8);
    assertFalse(String.join("\n", a).contains("Bernard"));
    idByName = region.stream().skip(1).map(l -> l.split(";"))
        .collect(Collectors.toMap(f -> f[7], f -> f[0]));
    assertTrue(idByName.values().stream().allMatch(id -> id.matches("C22-[0-9A-Z]{10}")), idByName.toString());
    Dataset<Row> expected = SharedSpark.expected(Table.PANEL, List.of("cohort", "wave", "uai_cfa", "uai_site"),
        new Object[] {COHORT, 1, CFA_A, CFA_A}, new Object[] {COHORT, 1, CFA_A, CFA_A},
        new Object[] {COHORT, 1, CFA_A, CFA_A}, new Object[] {COHORT, 1, CFA_B, CFA_B});
    SharedSpark.assertSameRows(expected, SharedSpark.actual(lake.read(Table.PANEL), expected));
  }

  @Test
  @Order(3)
  void theSameLeaverKeepsItsIdWhenThePanelIsBuiltAgain() throws Exception {
    PanelJob.run(spark, lake.root(), COHORT, 1, dir.resolve("p1bis").toString());
    List<String> again = Files.readAllLines(dir.resolve("p1bis/panel_C2022_V1.csv"), StandardCharsets.UTF_8);
    assertEquals(idByName, again.stream().skip(1).map(l -> l.split(";")).collect(Collectors.toMap(f -> f[7], f -> f[0])));
  }

  @Test
  @Order(4)
  void hostileExportsAreRefusedWholeOrEveryRowIsAccounted() throws Exception {
    Path open = Files.writeString(dir.resolve("guillemet.csv"), "ID_SEINE;STATUT;SITUATION\n"
        + idByName.get("Martin") + ";\"Complet;1\n" + idByName.get("Durand") + ";Complet;1\n", StandardCharsets.UTF_8);
    long before = lake.version(Table.RESPONSES);
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> IngestResponsesJob.run(spark, lake.root(), COHORT, 1, open.toString(), null));
    assertTrue(refused.getMessage().contains("jamais refermé"), refused.getMessage());
    assertEquals(before, lake.version(Table.RESPONSES), "nothing loaded from a malformed export");

    // old Mac line ends, UTF-16, formula-like text, an answer far too long, a row with text only outside the columns
    String text = "\uFEFFID_SEINE;STATUT;SITUATION;CONTRAT;DATE_REPONSE;AUTRE\r"
        + idByName.get("Martin") + ";Complet;1;1;03/02/2023;\r"
        + idByName.get("Durand") + ";=HYPERLINK(\"http://x\");1;;;\r"
        + idByName.get("Petit") + ";Complet;" + "9".repeat(30_000) + ";;;\r"
        + ";;;;;remarque\r";
    Path hostile = Files.write(dir.resolve("hostile.csv"), text.getBytes(StandardCharsets.UTF_16LE));
    IngestResponsesJob.Result r = IngestResponsesJob.run(spark, lake.root(), COHORT, 1, hostile.toString(), null);
    assertEquals(4, r.rowsRead(), "every row, the remark's included");
    assertEquals(3, r.rowsKept());
    assertEquals(1, r.rowsRejected());
    assertEquals(2, r.valuesRejected(), "the formula-like status and the over-long situation");
    List<String> messages = lake.read(Table.RESPONSE_REJECTIONS).select("message")
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertTrue(messages.contains("Identifiant ID_SEINE manquant : ligne ignorée."), messages.toString());
    assertTrue(messages.stream().allMatch(m -> m.length() < 300), "a message never holds a whole answer");
  }

  @Test
  @Order(5)
  void eachLoadReplacesTheSnapshotAndBadRowsAreReported() throws Exception {
    Path first = dir.resolve("export1.csv");
    Files.writeString(first, "ID_SEINE;STATUT;SITUATION;CONTRAT;DATE_REPONSE\n"
        + idByName.get("Martin") + ";Complet;1;1;03/02/2023\n", StandardCharsets.UTF_8);
    IngestResponsesJob.Result r1 = IngestResponsesJob.run(spark, lake.root(), COHORT, 1, first.toString(),
        dir.resolve("calls1").toString());
    assertEquals(0.25, r1.progress().stream().filter(p -> p.uaiCfa().equals("ALL")).findFirst().orElseThrow().rate());
    assertEquals(List.of(CFA_A, CFA_B, "ALL"), r1.progress().stream().map(IngestResponsesJob.Progress::uaiCfa).toList());
    // one list per CFA, each sorted by name: the lists reach the driver as one stream sorted by CFA and name
    List<String> callsA = Files.readAllLines(dir.resolve("calls1/relances_C2022_V1_" + CFA_A + ".csv"));
    assertEquals(3, callsA.size(), callsA.toString());
    assertTrue(callsA.get(1).contains("Durand") && callsA.get(2).contains("Petit"), callsA.toString());
    List<String> callsB = Files.readAllLines(dir.resolve("calls1/relances_C2022_V1_" + CFA_B + ".csv"));
    assertEquals(2, callsB.size(), callsB.toString());
    assertTrue(callsB.get(1).contains("Bernard"), callsB.toString());

    Path second = dir.resolve("export2.csv");
    Files.write(second, ("STATUT;ID_SEINE;SITUATION;CONTRAT;DATE_REPONSE;COLONNE_INCONNUE\n"
        + "Complet;" + idByName.get("Martin") + ";1;1;03/02/2023;x\n"
        + "Partiel;" + idByName.get("Durand") + ";9;;31/02/2023;x\n"
        + "Refus;" + idByName.get("Petit") + ";;;;\n"
        + "Complet;C22-XXXXXXXXXX;1;;;\n"
        + "Complet;" + idByName.get("Martin") + ";4;;;\n"
        + "Complet;" + idByName.get("Bernard") + ";2;;05/03/2023;été\n").getBytes("windows-1252"));
    IngestResponsesJob.Result r2 = IngestResponsesJob.run(spark, lake.root(), COHORT, 1, second.toString(),
        dir.resolve("calls").toString());
    assertEquals(6, r2.rowsRead());
    assertEquals(4, r2.rowsKept());
    assertEquals(2, r2.rowsRejected(), "unknown and duplicated ids");
    assertEquals(2, r2.valuesRejected(), "code 9 and 31/02");
    IngestResponsesJob.Progress all = r2.progress().stream().filter(p -> p.uaiCfa().equals("ALL")).findFirst().orElseThrow();
    assertEquals(2, all.respondents(), "the partial answer without a valid situation is not a respondent yet");
    assertEquals(1, all.refusals());

    Dataset<Row> expected = SharedSpark.expected(Table.RESPONSES, List.of("leaver_id", "uai_cfa", "status", "situation",
        "contract", "answer_date", "row_number"),
        new Object[] {idByName.get("Martin"), CFA_A, "COMPLETE", "EMPLOYMENT", "CDI", Date.valueOf("2023-02-03"), 2},
        new Object[] {idByName.get("Durand"), CFA_A, "PARTIAL", null, null, null, 3},
        new Object[] {idByName.get("Petit"), CFA_A, "REFUSED", null, null, null, 4},
        new Object[] {idByName.get("Bernard"), CFA_B, "COMPLETE", "APPRENTICESHIP_STUDY", null, Date.valueOf("2023-03-05"), 7});
    SharedSpark.assertSameRows(expected, SharedSpark.actual(lake.read(Table.RESPONSES), expected));
    assertEquals(4, lake.read(Table.RESPONSES).count(), "the second load replaced the first");
    Row durand = lake.read(Table.RESPONSES).filter(col("leaver_id").equalTo(idByName.get("Durand"))).first();
    assertNull(durand.getAs("situation"));
    assertEquals("PARTIAL", durand.getAs("status"));
    List<String> rules = lake.read(Table.RESPONSE_REJECTIONS).select("rule").as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList().stream().sorted().toList();
    assertEquals(List.of("duplicated_id", "invalid_date", "unknown_code", "unknown_id"), rules);
    List<String> calls = Files.readAllLines(dir.resolve("calls/relances_C2022_V1_" + CFA_A + ".csv"), StandardCharsets.UTF_8);
    assertEquals(2, calls.size(), "Durand only: Martin answered, Petit refused");
    assertTrue(calls.get(1).contains("Durand"));
    assertFalse(Files.exists(dir.resolve("calls/relances_C2022_V1_" + CFA_B + ".csv")), "Bernard answered");
  }

  @Test
  @Order(6)
  void closingV1GivesOneOutcomeRowPerPanelMemberAndTheV2PanelFollowsTheRule() throws Exception {
    CloseWaveJob.Result r = CloseWaveJob.run(spark, lake.root(), COHORT, 1, null, null, dir.resolve("out").toString());
    assertEquals(4, r.panel());
    assertEquals(2, r.respondents());
    Dataset<Row> expected = SharedSpark.expected(Table.OUTCOMES, List.of("leaver_id", "response_status", "respondent",
        "opted_out", "situation", "further_study", "active", "employed", "lasting_job"),
        new Object[] {idByName.get("Martin"), "COMPLETE", true, false, "EMPLOYMENT", false, true, true, true},
        new Object[] {idByName.get("Durand"), "PARTIAL", false, false, null, null, null, null, null},
        new Object[] {idByName.get("Petit"), "REFUSED", false, true, null, null, null, null, null},
        new Object[] {idByName.get("Bernard"), "COMPLETE", true, false, "APPRENTICESHIP_STUDY", true, false, false, false});
    SharedSpark.assertSameRows(expected, SharedSpark.actual(lake.read(Table.OUTCOMES), expected));

    List<String> before = lake.read(Table.OUTCOMES).collectAsList().stream().map(Row::toString).sorted().toList();
    CloseWaveJob.run(spark, lake.root(), COHORT, 1, null, null, dir.resolve("out").toString());
    assertEquals(before, lake.read(Table.OUTCOMES).collectAsList().stream().map(Row::toString).sorted().toList(),
        "closing twice gives the same table");

    PanelJob.Result v2 = PanelJob.run(spark, lake.root(), COHORT, 2, dir.resolve("p2").toString());
    assertEquals(2, v2.members(), "Martin (employed) and Durand (no answer) stay; Bernard (study) and Petit (refusal) leave");
    assertEquals(1, v2.excludedFurtherStudy());
    assertEquals(1, v2.excludedRefusal());
    List<String> v2Ids = Files.readAllLines(dir.resolve("p2/panel_C2022_V2.csv"), StandardCharsets.UTF_8).stream()
        .skip(1).map(l -> l.split(";")[0]).sorted().toList();
    assertEquals(List.of(idByName.get("Durand"), idByName.get("Martin")).stream().sorted().toList(), v2Ids,
        "the same ID_SEINE at V1 and V2");
  }

  @Test
  @Order(7)
  void publicationKeepsEachCfaToItsOwnAndCanBeRebuiltByTimeTravel() throws Exception {
    fr.oref.devenir.stats.IndicatorsJob.run(spark, lake.root(), COHORT, 1, 20, null);
    List<String> bundles = new java.util.ArrayList<>();
    fr.oref.devenir.publish.PublishJob.Result r = fr.oref.devenir.publish.PublishJob.run(spark, lake.root(), COHORT, 1,
        dir.resolve("pub").toString(), 5, false, (done, total) -> bundles.add(done + "/" + total));
    Path out = dir.resolve("pub/C2022_V1");
    assertEquals(2, r.bundles());
    assertEquals(List.of("1/2", "2/2"), bundles, "told after each CFA's bundle");
    Map<String, List<String>> others = Map.of(CFA_A, List.of(CFA_B, "Bernard"), CFA_B,
        List.of(CFA_A, "Martin", "Durand", "Petit"));
    for (Map.Entry<String, List<String>> cfa : others.entrySet()) {
      List<Path> bundle = Files.list(out.resolve("cfa/" + cfa.getKey())).toList();
      assertEquals(3, bundle.size(), "indicators, results and the PDF report");
      for (Path file : bundle) {
        String content = PublishedText.of(file);
        for (String foreign : cfa.getValue()) {
          assertFalse(content.contains(foreign), file + " mentions " + foreign);
        }
      }
    }
    assertTrue(PublishedText.of(out.resolve("cfa/" + CFA_A + "/resultats_" + CFA_A + "_C2022_V1.xlsx")).contains("Martin"),
        "a CFA gets its own respondents' answers with their names");

    List<String> open = Files.readAllLines(out.resolve("region/indicateurs_C2022_V1_opendata.csv"));
    String regionRate = open.stream().filter(l -> l.startsWith("2022;1;raw;region;ALL;response_rate;")).findFirst()
        .orElseThrow();
    assertTrue(regionRate.endsWith(";;;;;;;true;LT_20"), "4 leavers < 20: reason kept, numbers blanked: " + regionRate);
    assertTrue(Files.exists(out.resolve("region/chiffres_cles_C2022_V1.xlsx")));

    var manifest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("manifest_C2022_V1.json").toFile());
    long version = r.versions().get("gold.indicators");
    assertEquals(version, manifest.get("table_versions").get("gold.indicators").asLong(), manifest.toString());
    assertEquals(1, manifest.get("wave").asInt());
    var published = fr.oref.devenir.publish.PublishJob.indicators(lake, version, COHORT, 1);
    fr.oref.devenir.stats.IndicatorsJob.run(spark, lake.root(), COHORT, 1, 1, null);
    assertFalse(published.equals(fr.oref.devenir.publish.PublishJob.indicators(lake, lake.version(Table.INDICATORS),
        COHORT, 1)), "the table has moved on");
    assertEquals(published, fr.oref.devenir.publish.PublishJob.indicators(lake, version, COHORT, 1),
        "time travel gives back the published figures");
  }

  @Test
  @Order(8)
  void closingV2CountsTheTransitionsFromV1() throws Exception {
    Path export = dir.resolve("export_v2.csv");
    Files.writeString(export, "ID_SEINE;STATUT;SITUATION;CONTRAT\n"
        + idByName.get("Martin") + ";Complet;1;1\n"
        + idByName.get("Durand") + ";Complet;4;\n", StandardCharsets.UTF_8);
    IngestResponsesJob.run(spark, lake.root(), COHORT, 2, export.toString(), null);
    CloseWaveJob.run(spark, lake.root(), COHORT, 2, null, null, dir.resolve("out").toString());
    Map<String, Long> transitions = lake.read(Table.TRANSITIONS).collectAsList().stream().collect(Collectors.toMap(
        r -> r.getAs("situation_v1") + ">" + r.getAs("situation_v2"), r -> r.<Long>getAs("leavers")));
    assertEquals(Map.of("EMPLOYMENT>EMPLOYMENT", 1L, "NON_RESPONDENT>JOB_SEEKING", 1L,
        "APPRENTICESHIP_STUDY>NOT_IN_V2_PANEL", 1L, "NON_RESPONDENT>NOT_IN_V2_PANEL", 1L), transitions);
  }

  @Test
  @Order(9)
  void everyTableWrittenMatchesItsContract() {
    int checked = 0;
    for (Table table : Table.values()) {
      if (lake.exists(table)) {
        assertEquals(Lake.shape(table.schema()), Lake.shape(spark.read().format("delta").load(lake.path(table)).schema()),
            table.qualifiedName());
        checked++;
      }
    }
    assertTrue(checked >= 18, "tables checked: " + checked);
  }
}
