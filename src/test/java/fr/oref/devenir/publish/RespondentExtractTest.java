package fr.oref.devenir.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.oref.devenir.stats.Raking;
import fr.oref.devenir.text.Csv;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The extract's design columns give back the raking as it ran: its margins, its merged categories. */
class RespondentExtractTest {
  @Test
  void eachCategoryEndsInTheGroupTheRakingMergedItInto() {
    // 30 respondents; level 6 (4 of them) is merged with 7 (5), then 6+7 (9) with 5 (6): all three end in one group
    String[] level = new String[30];
    Arrays.fill(level, 0, 15, "4");
    Arrays.fill(level, 15, 21, "5");
    Arrays.fill(level, 21, 25, "6");
    Arrays.fill(level, 25, 30, "7");
    String[] sex = new String[30];
    for (int i = 0; i < 30; i++) {
      sex[i] = i % 2 == 0 ? "F" : "M";
    }
    Map<String, Map<String, Double>> targets = Map.of("level", Map.of("4", 30.0, "5", 12.0, "6", 8.0, "7", 10.0),
        "sex", Map.of("F", 30.0, "M", 30.0));
    double[] initial = new double[30];
    Arrays.fill(initial, 2.0);
    Raking.Result raked = new Raking().rake(new java.util.LinkedHashMap<>(Map.of("level", level, "sex", sex)), targets,
        initial);
    String collapsed = String.join("; ", raked.diagnostics().collapsed());
    assertEquals(2, raked.diagnostics().collapsed().size(), collapsed);

    Map<String, Map<String, String>> groups = RespondentExtract.rakingGroups(collapsed);
    assertEquals(Map.of("level", Map.of("5", "5+6+7", "6", "5+6+7", "7", "5+6+7")),
        Map.of("level", groups.get("level")), collapsed);
    assertFalse(groups.containsKey("sex"), "no merge, no group");
    // the groups are the raking's: their weighted totals are the merged targets
    Map<String, Double> totals = new HashMap<>();
    for (int i = 0; i < 30; i++) {
      totals.merge(groups.get("level").getOrDefault(level[i], level[i]), raked.weights()[i], Double::sum);
    }
    assertEquals(30.0, totals.get("4"), 1e-6);
    assertEquals(30.0, totals.get("5+6+7"), 1e-6);
    assertTrue(RespondentExtract.rakingGroups("").isEmpty());
  }

  @Test
  void anExtractWhoseMarginsAreNotTheRakingsIsRefused() {
    List<Map<String, String>> layout = Csv.readResource(RespondentExtract.CONTRACT);
    RespondentExtract.checkMargins(layout, "uai_cfa, level, sex, file_diploma");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> RespondentExtract.checkMargins(layout, "uai_cfa, level, sex, file_diploma, department"));
    assertTrue(e.getMessage().contains("department") && e.getMessage().contains("respondent-extract.csv"), e.getMessage());
  }

  @Test
  void theExtractIsPseudonymous() {
    List<String> columns = Csv.readResource(RespondentExtract.CONTRACT).stream().map(c -> c.get("column")).toList();
    assertTrue(columns.contains("leaver_key") && columns.contains("weight"), columns.toString());
    for (String identifying : List.of("leaver_id", "last_name", "first_name", "birth_date", "email", "mobile", "phone",
        "ine", "address", "postal_code")) {
      assertFalse(columns.contains(identifying), identifying);
    }
    assertTrue(RespondentExtract.file(2022, 1).startsWith("observatoire/"), "the restricted folder, not region/");
  }
}
