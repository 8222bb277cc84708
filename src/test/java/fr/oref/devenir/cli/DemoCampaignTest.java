package fr.oref.devenir.cli;

import static fr.oref.devenir.cli.DemoRun.expected;
import static fr.oref.devenir.cli.DemoRun.gold;
import static fr.oref.devenir.cli.DemoRun.indicatorByDescription;
import static fr.oref.devenir.cli.DemoRun.indicatorByLabel;
import static fr.oref.devenir.cli.DemoRun.marksOfEachCfa;
import static fr.oref.devenir.cli.DemoRun.output;
import static fr.oref.devenir.cli.DemoRun.publication;
import static fr.oref.devenir.cli.PageTables.byId;
import static fr.oref.devenir.cli.PageTables.headers;
import static fr.oref.devenir.cli.PageTables.table;
import static fr.oref.devenir.cli.PageTables.xhtml;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.stats.IndicatorCatalog;
import fr.oref.devenir.testing.PublishedText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * `devenir demo` end to end on a small campaign, then what its readers get: every figure of every
 * format (Excel, PDF, web page) equals gold.indicators, and each CFA's bundle holds nothing of another
 * CFA. {@link DemoRenderingTest} looks at the same publication's pixels and dashboard, {@link DemoNotebooksTest}
 * at its notebooks.
 */
class DemoCampaignTest {
  @BeforeAll
  static void runTheDemo() throws Exception {
    DemoRun.ensure();
  }

  @Test
  void theDemoEndsWithTheKeyFiguresAndWhereToOpenThePublication() {
    int wave1 = output.lastIndexOf("Chiffres clés régionaux, cohorte 2022, vague 1");
    int wave2 = output.lastIndexOf("Chiffres clés régionaux, cohorte 2022, vague 2");
    assertTrue(wave1 > 0 && wave2 > wave1, output);
    assertTrue(output.substring(wave2).contains("brut [IC 95 %]"), output);
    assertTrue(output.substring(wave2).contains("site_C2022_V2/index.html"), output);
    assertTrue(output.substring(wave2).contains("site_C2022_V2/tableau-de-bord.html (tableau de bord)"), output);
    assertTrue(Pattern.compile("\n  tableau de bord : \\S+/site_C2022_V2/tableau-de-bord\\.html\n")
        .matcher(output.substring(wave2)).find(), "publish says where its dashboard is");
    for (String file : List.of("region/chiffres_cles_C2022_V2.pdf", "region/chiffres_cles_C2022_V2.xlsx",
        "region/indicateurs_C2022_V2_opendata.csv", "region/site_C2022_V2/index.html",
        "region/site_C2022_V2/tableau-de-bord.html", "region/indicateurs_toutes_cohortes_C2022_V2_opendata.csv",
        "../C2022_V1/region/chiffres_cles_C2022_V1.pdf")) {
      assertTrue(Files.isRegularFile(publication.resolve(file)), file);
    }
  }

  @Test
  void theWorkbookShowsTheFiguresOfTheIndicatorTable() throws Exception {
    DataFormatter text = new DataFormatter();
    try (XSSFWorkbook wb = new XSSFWorkbook(publication.resolve("region/chiffres_cles_C2022_V2.xlsx").toFile())) {
      Sheet front = wb.getSheet("Chiffres clés");
      int checked = 0;
      for (int i = 3; front.getRow(i) != null && indicatorByDescription.containsKey(text.formatCellValue(
          front.getRow(i).getCell(0))); i++) {
        String indicator = indicatorByDescription.get(text.formatCellValue(front.getRow(i).getCell(0)));
        assertEquals(expected(gold("raw", "region", "ALL", indicator)), text.formatCellValue(front.getRow(i).getCell(1)));
        assertEquals(expected(gold("weighted", "region", "ALL", indicator)),
            text.formatCellValue(front.getRow(i).getCell(3)));
        checked++;
      }
      assertEquals(IndicatorCatalog.published().size(), checked, "every indicator on the front sheet");
      Sheet byCfa = wb.getSheet("cfa");
      List<String> headers = new ArrayList<>();
      byCfa.getRow(0).forEach(c -> headers.add(text.formatCellValue(c)));
      int cells = 0;
      for (int r = 1; byCfa.getRow(r) != null && !text.formatCellValue(byCfa.getRow(r).getCell(0)).isEmpty(); r++) {
        String uai = text.formatCellValue(byCfa.getRow(r).getCell(0));
        if (uai.startsWith("s :")) {
          break;
        }
        for (int c = 1; c < headers.size(); c++) {
          assertEquals(expected(gold("raw", "cfa", uai, indicatorByLabel.get(headers.get(c)))),
              text.formatCellValue(byCfa.getRow(r).getCell(c)), uai + " " + headers.get(c));
          cells++;
        }
      }
      assertEquals(6 * IndicatorCatalog.published().size(), cells);
    }
  }

  @Test
  void theWebPagesShowTheFiguresOfTheIndicatorTable() throws Exception {
    Path site = publication.resolve("region/site_C2022_V2");
    Document index = xhtml(site.resolve("index.html"));
    List<List<String>> headline = table(index, "chiffres-cles-table");
    assertEquals(IndicatorCatalog.published().size(), headline.size());
    for (List<String> line : headline) {
      String indicator = indicatorByDescription.get(line.get(0));
      Row raw = gold("raw", "region", "ALL", indicator);
      assertEquals(expected(raw), line.get(1), line.get(0));
      assertEquals(expected(gold("weighted", "region", "ALL", indicator)), line.get(3), line.get(0));
      boolean hidden = Boolean.TRUE.equals(raw.getAs("suppressed"));
      // a row hiding only its numerator (reason NUM_…) still shows its published denominator
      boolean denominatorHidden = hidden && !raw.<String>getAs("suppression_reason").startsWith("NUM_");
      boolean median = indicator.equals(IndicatorCatalog.MEDIAN);
      assertEquals(median ? "" : denominatorHidden ? "s" : String.valueOf(Math.round(raw.<Double>getAs("denominator"))),
          line.get(6), "the median has no numerator or denominator");
      boolean census = !IndicatorCatalog.get(indicator).interval();
      assertEquals(census || hidden, line.get(2).isEmpty(), indicator + ": an interval only on sampled figures");
      assertEquals(census || hidden, line.get(4).isEmpty(), indicator);
    }
    assertEquals("salaried_employment_rate_ij", indicatorByDescription.get(headline.get(
        headline.indexOf(headline.stream().filter(l -> indicatorByDescription.get(l.get(0)).equals("employment_rate"))
            .findFirst().orElseThrow()) + 1).get(0)), "the InserJeunes rate right under ours");
    List<List<String>> byCfa = table(index, "par-cfa-table");
    List<String> headers = headers(index, "par-cfa-table");
    assertEquals(6, byCfa.size());
    for (List<String> line : byCfa) {
      for (int c = 1; c < headers.size(); c++) {
        assertEquals(expected(gold("raw", "cfa", line.get(0), indicatorByLabel.get(headers.get(c)))), line.get(c));
      }
      List<List<String>> own = table(xhtml(site.resolve("cfa/" + line.get(0) + ".html")), "chiffres-cles-table");
      for (List<String> figure : own) {
        assertEquals(expected(gold("raw", "cfa", line.get(0), indicatorByDescription.get(figure.get(0)))),
            figure.get(1), line.get(0) + " " + figure.get(0));
      }
    }
    assertTrue(Files.readString(site.resolve("index.html")).contains("s : secret statistique"), "the legend");
    assertTrue(index.getElementsByTagName("img").getLength() > 0);
    Element chart = (Element) index.getElementsByTagName("img").item(0);
    assertTrue(chart.getAttribute("src").startsWith("data:image/png;base64,"), "self-contained");
    assertTrue(chart.getAttribute("alt").startsWith("Taux d'emploi par niveau"), chart.getAttribute("alt"));
    assertFalse(Pattern.compile("(src|href)=\"(?!data:)[a-z]+:").matcher(Files.readString(site.resolve("index.html")))
        .find(), "nothing fetched at view time: no absolute address");
    assertTrue(Files.isRegularFile(site.resolve(link(index, "Tableau de bord"))), "the index links to the dashboard");
  }

  /** Where the page's first link whose text starts so leads. */
  private static String link(Document page, String text) {
    NodeList links = page.getElementsByTagName("a");
    for (int i = 0; i < links.getLength(); i++) {
      if (links.item(i).getTextContent().startsWith(text)) {
        return ((Element) links.item(i)).getAttribute("href");
      }
    }
    throw new AssertionError("no link « " + text + " »");
  }

  @Test
  void whatReadersSeeSaysWhatItIs() throws Exception {
    Path site = publication.resolve("region/site_C2022_V2");
    String uai = marksOfEachCfa().keySet().iterator().next();
    Pattern actifs = Pattern.compile("(?<![\\p{L}])actifs(?![\\p{L}])");
    for (Path file : List.of(site.resolve("index.html"), site.resolve("cfa/" + uai + ".html"),
        publication.resolve("region/chiffres_cles_C2022_V2.pdf"), publication.resolve("region/chiffres_cles_C2022_V2.xlsx"),
        publication.resolve("cfa/" + uai + "/rapport_" + uai + "_C2022_V2.pdf"))) {
      String text = PublishedText.of(file).replace("&#39;", "'").replaceAll("\\s+", " ");
      assertFalse(actifs.matcher(text).find(), file + ": « actifs » names a base that holds inactive people");
      assertFalse(text.contains("parmi les salariés"), file + ": no base is the salaried");
      assertTrue(text.contains("sortants hors poursuite d'études et refus en vague 1"), file + ": the wave-2 population");
      assertTrue(text.contains("(base : répondants hors poursuite d'études)"), file + ": each definition with its base");
    }
    Document index = xhtml(site.resolve("index.html"));
    String byCfa = byId(index, "par-cfa-table").getParentNode().getTextContent();
    assertTrue(byCfa.contains("Base de chaque colonne : Taux de réponse : sortants du panel de la vague ; "
        + "Taux d'emploi : répondants hors poursuite d'études"), byCfa);
    assertTrue(byCfa.contains(", bruts"), "the breakdown says its figures are raw");
    assertTrue(headers(xhtml(site.resolve("cfa/" + uai + ".html")), "chiffres-cles-table")
        .containsAll(List.of("CFA " + uai + " (brut)", "Région (brut)", "Région (redressé)")));
    List<String> definitions = Files.readAllLines(publication.resolve("region/indicateurs_C2022_V2_definitions.csv"));
    assertTrue(definitions.stream().anyMatch(l -> l.startsWith("further_study_rate_ij;")
        && l.endsWith(";further_study_rate")), "the open data's definitions name each base and pairing");
  }

  @Test
  void theReportShowsTheFiguresOfTheIndicatorTableInOrder() throws Exception {
    String text = PublishedText.of(publication.resolve("region/chiffres_cles_C2022_V2.pdf")).replaceAll("\\s+", " ");
    int at = 0;
    for (IndicatorCatalog.Indicator i : IndicatorCatalog.indicators()) {
      for (String weighting : List.of("raw", "weighted")) {
        String figure = expected(gold(weighting, "region", "ALL", i.name()));
        int found = text.indexOf(figure, at);
        assertTrue(found >= 0, i.name() + " " + weighting + " « " + figure + " » after position " + at);
        at = found + figure.length();
      }
    }
    assertTrue(text.contains("s : secret statistique"));
    assertTrue(text.contains("Par CFA") && text.contains("Définitions et méthodes"));
    // the table by CFA: each CFA's line reads its UAI, then its figures in the columns' order
    List<String> columns = headers(xhtml(publication.resolve("region/site_C2022_V2/index.html")), "par-cfa-table");
    for (String uai : marksOfEachCfa().keySet()) {
      StringBuilder line = new StringBuilder(uai);
      for (String label : columns.subList(1, columns.size())) {
        line.append(' ').append(expected(gold("raw", "cfa", uai, indicatorByLabel.get(label))));
      }
      assertTrue(text.contains(line), "the report's line « " + line + " »");
    }
  }

  @Test
  void eachBundleHoldsItsOwnCfaAndNothingOfAnother() throws Exception {
    Map<String, Set<String>> marks = marksOfEachCfa();
    assertEquals(6, marks.size());
    for (String uai : marks.keySet()) {
      List<Path> bundle = new java.util.ArrayList<>(Files.list(publication.resolve("cfa/" + uai)).toList());
      bundle.addAll(Files.list(publication.resolve("../C2022_V1/cfa/" + uai)).toList());
      assertEquals(6, bundle.size(), "indicators, results and report of two waves: " + bundle);
      StringBuilder all = new StringBuilder();
      for (Path file : bundle) {
        all.append(PublishedText.of(file));
      }
      assertTrue(all.indexOf(uai) >= 0);
      for (Map.Entry<String, Set<String>> other : marks.entrySet()) {
        if (other.getKey().equals(uai)) {
          continue;
        }
        for (String mark : other.getValue()) {
          if (!marks.get(uai).contains(mark) && mark.length() > 3) {
            // whole words: another CFA's BLANC must not be found inside this CFA's BLANCHARD
            assertFalse(Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(mark) + "(?![\\p{L}\\d])").matcher(all)
                .find(), "the bundle of " + uai + " mentions " + mark + " of " + other.getKey());
          }
        }
      }
    }
  }

  /**
   * Over-suppression the reader sees: the regional page's chart of employment by level, and its table by
   * sex, keep published employment rates in each wave — a choice of partners by size alone hid every
   * level's at wave 2. (Departments are printed, not asserted: in a 6-CFA campaign a department often
   * holds one CFA, whose counts it repeats, so a CFA's hidden count hides its department's.)
   */
  @Test
  void theRegionalPagesBreakdownsKeepTheirEmploymentRatesInEachWave() {
    for (IndicatorCatalog.Dimension d : IndicatorCatalog.dimensions()) {
      for (int wave : List.of(1, 2)) {
        long published = DemoRun.lake.read(Table.INDICATORS).filter(col("wave").equalTo(wave)
            .and(col("dimension").equalTo(d.name())).and(col("indicator").equalTo("employment_rate"))
            .and(col("weighting").equalTo("raw")).and(not(col("suppressed")))).count();
        System.out.printf("Vague %d, %s (priorité %d) : %d taux d'emploi publiés%n", wave, d.name(), d.priority(),
            published);
        if (List.of("level", "sex").contains(d.name())) {
          assertTrue(published >= 2, "wave " + wave + ": " + published + " employment rates published by " + d.name());
        }
      }
    }
  }

  /** Each CFA's results workbook lists its own respondents, every one of them, sorted by name (streamed by CFA). */
  @Test
  void eachCfasResultsHoldEveryOneOfItsRespondentsByName() throws Exception {
    Map<String, Long> respondents = new java.util.TreeMap<>();
    DemoRun.lake.read(Table.OUTCOMES).filter(col("cohort").equalTo(2022).and(col("wave").equalTo(2))
        .and(col("respondent"))).groupBy("uai_cfa").count().collectAsList()
        .forEach(r -> respondents.put(r.getString(0), r.getLong(1)));
    assertTrue(respondents.size() > 1, respondents.toString());
    DataFormatter text = new DataFormatter();
    for (Map.Entry<String, Long> cfa : respondents.entrySet()) {
      Path file = publication.resolve("cfa/" + cfa.getKey() + "/resultats_" + cfa.getKey() + "_C2022_V2.xlsx");
      try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
        Sheet sheet = wb.getSheetAt(0);
        assertEquals(cfa.getValue(), sheet.getLastRowNum(), cfa.getKey() + ": one row per respondent below the header");
        int name = 0;
        while (!"NOM".equals(text.formatCellValue(sheet.getRow(0).getCell(name)))) {
          name++;
        }
        for (int r = 2; r <= sheet.getLastRowNum(); r++) {
          assertTrue(text.formatCellValue(sheet.getRow(r - 1).getCell(name))
              .compareTo(text.formatCellValue(sheet.getRow(r).getCell(name))) <= 0, cfa.getKey() + " row " + r);
        }
      }
    }
  }
}
