package fr.oref.devenir.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.HadoopFiles;
import fr.oref.devenir.testing.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard page on a handful of open-data records written here, in a real headless browser:
 * how figures read (half-to-even rounding on the decimal text, secret, not computable, months), the
 * trend across cohorts, and choices made with the keyboard. No Spark: the page only knows the records.
 */
class DashboardPageTest {
  private static final List<String> HEADER = Arrays.asList(Table.INDICATORS.schema().fieldNames());
  private static final String CFA = "0141941J";
  private static final String OTHER = "0611234A";
  @TempDir Path dir;

  /** One open-data record; {@code value} null for a secret figure (blanked as the open data blanks it). */
  private static List<String> record(int cohort, int wave, String weighting, String dimension, String entity,
      String indicator, String value, String low, String high) {
    boolean secret = value == null;
    Map<String, String> by = new java.util.HashMap<>(Map.of("cohort", "" + cohort, "wave", "" + wave, "weighting",
        weighting, "dimension", dimension, "dimension_value", entity, "indicator", indicator, "suppressed", "" + secret,
        "suppression_reason", secret ? "LT_20" : ""));
    if (!secret) {
      by.putAll(Map.of("numerator", "10.0", "denominator", "40.0", "value", value, "ci_low", low, "ci_high", high,
          "effective_n", "40.0"));
    }
    return HEADER.stream().map(h -> by.getOrDefault(h, "")).toList();
  }

  private Path site() throws Exception {
    List<List<String>> records = new ArrayList<>(List.of(HEADER));
    for (String weighting : List.of("raw", "weighted")) {
      records.add(record(2021, 2, weighting, "region", "ALL", "employment_rate", "0.7", "0.65", "0.75"));
      records.add(record(2021, 2, weighting, "cfa", CFA, "employment_rate", "0.5", "0.4", "0.6"));
      records.add(record(2022, 1, weighting, "region", "ALL", "employment_rate", "0.6", "0.55", "0.65"));
      records.add(record(2022, 1, weighting, "cfa", CFA, "employment_rate", "0.3", "0.2", "0.4"));
      records.add(record(2022, 2, weighting, "region", "ALL", "employment_rate", "0.1225", "0.1", "0.15"));
      records.add(record(2022, 2, weighting, "cfa", CFA, "employment_rate", weighting.equals("raw") ? "0.1235"
          : "1.0E-4", "0.1", "0.2"));
      records.add(record(2022, 2, weighting, "cfa", OTHER, "employment_rate", "0.25", "0.2", "0.3"));
      records.add(record(2022, 2, weighting, "region", "ALL", "neet_rate", "0.2", "0.1", "0.3"));
      records.add(record(2022, 2, weighting, "cfa", CFA, "neet_rate", null, null, null));
      records.add(record(2022, 2, weighting, "cfa", CFA, "response_rate", "", "", ""));
      records.add(record(2022, 2, weighting, "cfa", CFA, "median_months_to_first_job", "2.5", "1.0", "4.0"));
    }
    String site = dir.resolve("site").toString();
    Dashboard.writeSite(new HadoopFiles(new Configuration()), site, records, 2022, 2);
    return Path.of(site, Dashboard.PAGE);
  }

  /** The body of a table of the page: each line its header (title only) then its cells. */
  private static List<List<String>> table(Browser browser, String id) throws Exception {
    JsonNode lines = browser.evaluate("[...document.querySelectorAll('#" + id + " tbody tr')].map(tr => "
        + "[tr.querySelector('th').firstChild.textContent, ...[...tr.querySelectorAll('td')].map(td => td.textContent)])");
    List<List<String>> out = new ArrayList<>();
    lines.forEach(l -> {
      List<String> line = new ArrayList<>();
      l.forEach(c -> line.add(c.asText()));
      out.add(line);
    });
    return out;
  }

  private static List<String> line(List<List<String>> table, String head) {
    return table.stream().filter(l -> l.get(0).equals(head)).findFirst().orElseThrow(() -> new AssertionError(head
        + " in " + table));
  }

  @Test
  void figuresReadAsInEveryOtherOutput() throws Exception {
    try (Browser browser = Browser.open(site(), 1280, dir)) {
      List<List<String>> figures = table(browser, "tableau-indicateurs");
      assertEquals(List.of("Taux d'emploi", "12,4 %", "[10,0 % – 20,0 %]", "40", "12,2 %", "[10,0 % – 15,0 %]"),
          line(figures, "Taux d'emploi"), "12.35 rounds up to 12.4 and 12.25 down to 12.2 (half to even)");
      assertEquals(List.of("s", "", "s", "20,0 %", "[10,0 % – 30,0 %]"), line(figures, "Ni en emploi ni en études")
          .subList(1, 6), "a secret figure reads « s », its interval and base hidden");
      assertEquals("secret", browser.evaluate("[...document.querySelectorAll('#tableau-indicateurs td.secret')].length"
          + " > 0 ? 'secret' : 'none'").asText());
      assertEquals("n.c.", line(figures, "Taux de réponse").get(1));
      assertEquals(List.of("3 mois", "[1 mois – 4 mois]", ""), line(figures, "Délai médian d'accès à l'emploi")
          .subList(1, 4), "the median in whole months, without a base");
      browser.choose("ponderation", "weighted");
      assertEquals("0,0 %", line(table(browser, "tableau-indicateurs"), "Taux d'emploi").get(1), "1.0E-4 is 0.01 %");
    }
  }

  @Test
  void theTrendShowsEveryCohortOfTheWaveAndTheKeyboardChoosesAnother() throws Exception {
    try (Browser browser = Browser.open(site(), 1280, dir)) {
      assertEquals(List.of(List.of("2021", "50,0 %", "[40,0 % – 60,0 %]", "70,0 %", "[65,0 % – 75,0 %]"),
          List.of("2022", "12,4 %", "[10,0 % – 20,0 %]", "12,2 %", "[10,0 % – 15,0 %]")),
          table(browser, "tableau-evolution"), "wave 2 of each cohort, not wave 1 of 2022");
      assertEquals(2, browser.evaluate("document.querySelectorAll('figure svg[aria-label]').length").asInt(),
          "both charts are drawn and named");
      browser.choose("vague", "1");
      assertEquals(List.of(List.of("2022", "30,0 %", "[20,0 % – 40,0 %]", "60,0 %", "[55,0 % – 65,0 %]")),
          table(browser, "tableau-evolution"), "wave 1: one cohort");
      assertFalse(browser.evaluate("document.querySelector('main').textContent").asText().contains("⚠"),
          "Observable Plot drew no warning sign, even for a single point");
      browser.choose("vague", "2");
      assertTrue(browser.evaluate("[...document.querySelectorAll('select')].every(s => s.labels.length === 1)")
          .asBoolean(), "every choice has its label");

      browser.evaluate("document.getElementById('valeur').focus()");
      browser.press("ArrowDown", 40);
      assertEquals(OTHER, browser.evaluate("document.getElementById('valeur').value").asText());
      assertTrue(browser.evaluate("document.querySelector('#tableau-indicateurs caption').textContent").asText()
          .contains("CFA " + OTHER));
      assertEquals("25,0 %", line(table(browser, "tableau-indicateurs"), "Taux d'emploi").get(1));

      browser.evaluate("document.getElementById('cohorte').focus()");
      browser.press("ArrowUp", 38);
      assertEquals("2021", browser.evaluate("document.getElementById('cohorte').value").asText());
      assertEquals("2", browser.evaluate("document.getElementById('vague').value").asText(), "2021 has only wave 2");
      assertTrue(browser.evaluate("document.getElementById('etat').textContent").asText().contains("cohorte 2021"));
    }
  }

  @Test
  void thePageLoadsNothingFromElsewhere() throws Exception {
    String page = Files.readString(site());
    assertFalse(page.matches("(?s).*(src|href)=\"[a-z]+:.*"), "only files of the published folder");
    for (String asset : List.of("d3.min.js", "plot.umd.min.js", "dashboard.js")) {
      assertTrue(page.contains("src=\"assets/" + asset + "\""), asset);
      assertTrue(Files.isRegularFile(dir.resolve("site/assets/" + asset)), asset);
    }
  }

  @Test
  void dataCannotCloseItsScriptElement() {
    String json = Dashboard.json(Map.of("label", "</script><script>alert(1)</script>"));
    assertFalse(json.contains("<"), json);
    assertTrue(json.contains("\\u003c/script>"), json);
  }
}
