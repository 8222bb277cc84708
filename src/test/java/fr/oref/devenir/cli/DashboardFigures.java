package fr.oref.devenir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.oref.devenir.publish.Dashboard;
import fr.oref.devenir.stats.IndicatorCatalog;
import fr.oref.devenir.testing.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.Row;

/**
 * The published dashboard in a headless browser: every value of every breakdown chosen in its
 * selects, raw then weighted, and each figure read from the page compared with gold.indicators.
 */
final class DashboardFigures {
  private static final List<String> DIMENSIONS = List.of("cfa", "diploma", "level", "department", "sex");
  /** Chooses each weighting, breakdown and value as a reader does, and reads the table of each choice. */
  private static final String EVERY_CHOICE = """
      (() => {
        const out = {};
        const choose = (id, v) => { const s = document.getElementById(id); s.value = v; s.dispatchEvent(new Event('change')); };
        const values = (id) => [...document.getElementById(id).options].map(o => o.value);
        for (const w of values('ponderation')) {
          choose('ponderation', w);
          for (const d of values('dimension')) {
            choose('dimension', d);
            for (const v of values('valeur')) {
              choose('valeur', v);
              out[w + '|' + d + '|' + v] = [...document.querySelectorAll('#tableau-indicateurs tbody tr')].map(tr =>
                [tr.querySelector('th').firstChild.textContent, ...[...tr.querySelectorAll('td')].map(td => td.textContent)]);
            }
          }
        }
        return out;
      })()""";

  private DashboardFigures() {}

  /**
   * @param gold the wave's gold.indicators by weighting|dimension|value|indicator
   * @param expected how a figure of gold.indicators must read
   */
  static void check(Path site, Map<String, Row> gold, Function<Row, String> expected, Path scratch) throws Exception {
    Map<String, String> byLabel = new java.util.HashMap<>();
    IndicatorCatalog.published().forEach(i -> byLabel.put(i.label(), i.name()));
    try (Browser browser = Browser.open(site.resolve(Dashboard.PAGE), 1280, scratch)) {
      assertEquals(0, browser.evaluate("""
          (() => {
            const data = JSON.parse(document.getElementById('donnees').textContent);
            const at = (c) => data.columns.indexOf(c);
            return data.rows.filter(r => r[at('suppressed')] === 'true' && ['numerator', 'value', 'ci_low', 'ci_high',
              'effective_n'].concat(r[at('suppression_reason')].startsWith('NUM_') ? [] : ['denominator'])
              .some(c => r[at(c)] !== '')).length;
          })()""").asInt(), "the page holds the open data only: no figure of a secret cell");
      JsonNode shown = browser.evaluate(EVERY_CHOICE);
      Set<String> entities = new HashSet<>();
      gold.keySet().stream().map(k -> k.substring(0, k.lastIndexOf('|')))
          .filter(k -> DIMENSIONS.contains(k.split("\\|")[1])).forEach(entities::add);
      Set<String> seen = new HashSet<>();
      shown.fieldNames().forEachRemaining(seen::add);
      assertEquals(entities, seen, "every value of every breakdown can be chosen, raw and weighted");
      int figures = 0;
      int secret = 0;
      for (String entity : seen) {
        String weighting = entity.split("\\|")[0];
        for (JsonNode line : shown.get(entity)) {
          String indicator = byLabel.get(line.get(0).asText());
          Row own = gold.get(entity + "|" + indicator);
          Row region = gold.get(weighting + "|region|ALL|" + indicator);
          assertEquals(expected.apply(own), line.get(1).asText(), entity + " " + indicator);
          assertEquals(expected.apply(region), line.get(4).asText(), "region, " + entity + " " + indicator);
          boolean hidden = Boolean.TRUE.equals(own.getAs("suppressed"));
          assertEquals(hidden || own.getAs("ci_low") == null, line.get(2).asText().isEmpty(), entity + " " + indicator);
          if (!IndicatorCatalog.MEDIAN.equals(indicator)) {
            boolean denominatorHidden = hidden && !own.<String>getAs("suppression_reason").startsWith("NUM_");
            assertEquals(denominatorHidden ? "s" : String.valueOf(Math.round(own.<Double>getAs("denominator"))),
                line.get(3).asText(), entity + " " + indicator);
          }
          figures++;
          secret += hidden ? 1 : 0;
        }
        long inGold = gold.keySet().stream().filter(k -> k.startsWith(entity + "|")).count();
        assertEquals(inGold, shown.get(entity).size(), entity + ": every indicator of gold.indicators");
      }
      assertTrue(secret > 0 && secret < figures, "secret cells were shown as such: " + secret + " of " + figures);
      String keep = System.getProperty("devenir.dashboard.screenshot");
      if (keep != null) {
        Path shot = scratch.resolve("dashboard.png");
        browser.choose("dimension", "cfa");
        browser.screenshot(shot, 1280);
        Files.copy(shot, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
