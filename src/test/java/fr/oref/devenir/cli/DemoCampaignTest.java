package fr.oref.devenir.cli;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.lake.Table;
import fr.oref.devenir.stats.IndicatorCatalog;
import fr.oref.devenir.testing.PublishedText;
import fr.oref.devenir.testing.SharedSpark;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import picocli.CommandLine;

/**
 * `devenir demo` end to end on a small campaign, then what its readers get: every figure of every
 * format (Excel, PDF, web page) equals gold.indicators, each CFA's bundle holds nothing of another
 * CFA, the pages render in a real browser and the PDF pages are not blank.
 */
class DemoCampaignTest {
  private static final String COHORT = "2022";
  @TempDir static Path dir;
  private static Path publication;
  private static String output;
  private static Lake lake;
  /** gold.indicators of wave 2 as published (at the manifest's version), by weighting|dimension|value|indicator. */
  private static final Map<String, Row> published = new HashMap<>();
  private static final Map<String, String> indicatorByLabel = new HashMap<>();
  private static final Map<String, String> indicatorByDescription = new HashMap<>();

  @BeforeAll
  static void runTheDemo() throws Exception {
    SharedSpark.session();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Devenir.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute("demo", "--master", "local[2]", "--lake", dir.resolve("lake").toString(), "--out",
        dir.resolve("out").toString(), "--cohort", COHORT, "--cfas", "6", "--leavers", "700");
    output = out.toString();
    assertEquals(0, code, output + err);
    publication = dir.resolve("out/publication/C2022_V2");
    lake = new Lake(SharedSpark.session(), dir.resolve("lake").toString());
    Matcher version = Pattern.compile("\"gold.indicators\": (\\d+)")
        .matcher(Files.readString(publication.resolve("manifest_C2022_V2.json")));
    assertTrue(version.find());
    for (Row r : lake.readVersion(Table.INDICATORS, Long.parseLong(version.group(1)))
        .filter(col("cohort").equalTo(2022).and(col("wave").equalTo(2))).collectAsList()) {
      published.put(r.getAs("weighting") + "|" + r.getAs("dimension") + "|" + r.getAs("dimension_value") + "|"
          + r.getAs("indicator"), r);
    }
    for (IndicatorCatalog.Indicator i : IndicatorCatalog.published()) {
      indicatorByLabel.put(i.label(), i.name());
      indicatorByDescription.put(i.description(), i.name());
    }
  }

  /** How a figure must read, worked here from the stored value, not by the publishing code. */
  private static String expected(Row r) {
    if (Boolean.TRUE.equals(r.getAs("suppressed"))) {
      return "s";
    }
    Double v = r.getAs("value");
    if (v == null) {
      return "n.c.";
    }
    boolean months = IndicatorCatalog.MEDIAN.equals(r.getAs("indicator"));
    BigDecimal shown = new BigDecimal(v.toString()).scaleByPowerOfTen(months ? 0 : 2)
        .setScale(months ? 0 : 1, RoundingMode.HALF_EVEN);
    return shown.toPlainString().replace('.', ',') + (months ? " mois" : " %");
  }

  private static Row gold(String weighting, String dimension, String value, String indicator) {
    Row r = published.get(weighting + "|" + dimension + "|" + value + "|" + indicator);
    assertNotNull(r, weighting + " " + dimension + "=" + value + " " + indicator + " is in gold.indicators");
    return r;
  }

  @Test
  void theDemoEndsWithTheKeyFiguresAndWhereToOpenThePublication() {
    int wave1 = output.lastIndexOf("Chiffres clés régionaux, cohorte 2022, vague 1");
    int wave2 = output.lastIndexOf("Chiffres clés régionaux, cohorte 2022, vague 2");
    assertTrue(wave1 > 0 && wave2 > wave1, output);
    assertTrue(output.substring(wave2).contains("brut [IC 95 %]"), output);
    assertTrue(output.substring(wave2).contains("site_C2022_V2/index.html"), output);
    for (String file : List.of("region/chiffres_cles_C2022_V2.pdf", "region/chiffres_cles_C2022_V2.xlsx",
        "region/indicateurs_C2022_V2_opendata.csv", "region/site_C2022_V2/index.html",
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

  /** What identifies each CFA's leavers: its UAI and its sites', their ID_SEINE, surnames, e-mails and phones. */
  private static Map<String, Set<String>> marksOfEachCfa() {
    Map<String, Set<String>> marks = new TreeMap<>();
    for (Row r : lake.read(Table.PANEL).filter(col("cohort").equalTo(2022).and(col("wave").equalTo(1)))
        .select("uai_cfa", "uai_site", "leaver_id").collectAsList()) {
      Set<String> of = marks.computeIfAbsent(r.getString(0), k -> new HashSet<>(Set.of(k)));
      of.add(r.getString(1));
      of.add(r.getString(2));
    }
    // names, e-mails and phones of each CFA's leavers (the scan forgives a mark the bundle's own CFA shares)
    for (Row r : lake.read(Table.CONTACTS).select("uai_cfa", "last_name", "email", "mobile").collectAsList()) {
      for (int i = 1; i < 4; i++) {
        if (r.get(i) != null && marks.containsKey(r.getString(0))) {
          marks.get(r.getString(0)).add(r.getString(i));
        }
      }
    }
    return marks;
  }

  @Test
  void thePdfPagesAreNotBlank() throws Exception {
    assumeTrue(new File("/usr/bin/pdftoppm").canExecute() || System.getenv("CI") != null, "poppler-utils is missing");
    String uai = Files.list(publication.resolve("cfa")).map(p -> p.getFileName().toString()).sorted().findFirst()
        .orElseThrow();
    for (Path pdf : List.of(publication.resolve("region/chiffres_cles_C2022_V2.pdf"),
        publication.resolve("cfa/" + uai + "/rapport_" + uai + "_C2022_V2.pdf"))) {
      Path prefix = dir.resolve("pages-" + pdf.getFileName());
      Process p = new ProcessBuilder("pdftoppm", "-r", "40", "-png", pdf.toString(), prefix.toString())
          .redirectErrorStream(true).start();
      assertEquals(0, p.waitFor(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      List<Path> pages = Files.list(dir).filter(f -> f.getFileName().toString().startsWith(prefix.getFileName()
          + "-")).toList();
      assertTrue(pages.size() >= 2, pdf + " has pages: " + pages);
      for (Path page : pages) {
        assertTrue(inkShare(ImageIO.read(page.toFile())) > 0.01, page + " is not blank");
      }
    }
  }

  @Test
  void theIndexRendersInAHeadlessBrowserWithItsFiguresAndChart() throws Exception {
    File chromium = new File("/usr/bin/chromium");
    // .ci/run installs Debian's chromium; a developer's machine without it skips this one test
    assumeTrue(chromium.canExecute() || System.getenv("CI") != null, "chromium is not installed");
    Path index = publication.resolve("region/site_C2022_V2/index.html");
    Path shot = dir.resolve("index.png");
    String dom = chromium(chromium, "--dump-dom", index.toUri().toString());
    chromium(chromium, "--screenshot=" + shot, "--window-size=1280,4000", index.toUri().toString());
    assertTrue(dom.contains("<h1>Devenir des apprentis en région"), dom.substring(0, Math.min(500, dom.length())));
    for (String indicator : List.of("employment_rate", "further_study_rate", "neet_rate")) {
      assertTrue(dom.contains("<td>" + expected(gold("raw", "region", "ALL", indicator)) + "</td>"), indicator);
    }
    BufferedImage image = ImageIO.read(shot.toFile());
    assertEquals(1280, image.getWidth());
    assertTrue(inkShare(image) > 0.02, "the page is drawn");
    assertTrue(pixelsOf(image, fr.oref.devenir.publish.Charts.BAR.getRGB()) > 2000, "the chart's bars are drawn");
    String keep = System.getProperty("devenir.screenshot");
    if (keep != null) {
      Files.copy(shot, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String chromium(File chromium, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(chromium.getPath(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + Files.createTempDirectory(dir, "chromium")));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), "chromium " + String.join(" ", args));
    return out;
  }

  /** The share of pixels that are not white. */
  private static double inkShare(BufferedImage image) {
    long ink = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
          ink++;
        }
      }
    }
    return (double) ink / ((long) image.getWidth() * image.getHeight());
  }

  private static long pixelsOf(BufferedImage image, int rgb) {
    long n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int p = image.getRGB(x, y);
        if (Math.abs(((p >> 16) & 0xFF) - ((rgb >> 16) & 0xFF)) <= 3 && Math.abs(((p >> 8) & 0xFF) - ((rgb >> 8) & 0xFF)) <= 3
            && Math.abs((p & 0xFF) - (rgb & 0xFF)) <= 3) {
          n++;
        }
      }
    }
    return n;
  }

  private static Document xhtml(Path page) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    return factory.newDocumentBuilder().parse(page.toFile());
  }

  private static Element byId(Document page, String id) {
    NodeList tables = page.getElementsByTagName("table");
    for (int i = 0; i < tables.getLength(); i++) {
      if (id.equals(((Element) tables.item(i)).getAttribute("id"))) {
        return (Element) tables.item(i);
      }
    }
    throw new AssertionError("no table " + id);
  }

  private static List<String> headers(Document page, String id) {
    NodeList th = ((Element) byId(page, id).getElementsByTagName("thead").item(0)).getElementsByTagName("th");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < th.getLength(); i++) {
      out.add(th.item(i).getTextContent().trim());
    }
    return out;
  }

  /** The body lines of a table: the row header, then the cells. */
  private static List<List<String>> table(Document page, String id) {
    NodeList rows = ((Element) byId(page, id).getElementsByTagName("tbody").item(0)).getElementsByTagName("tr");
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < rows.getLength(); i++) {
      List<String> line = new ArrayList<>();
      NodeList cells = rows.item(i).getChildNodes();
      for (int c = 0; c < cells.getLength(); c++) {
        if (cells.item(c) instanceof Element e) {
          line.add(e.getTextContent().trim());
        }
      }
      out.add(line);
    }
    return out;
  }
}
