package fr.oref.devenir.publish;

import fr.oref.devenir.stats.IndicatorCatalog;
import fr.oref.devenir.stats.Secrecy;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;

/**
 * A CFA's restricted bundle: its own indicators (CFA, CFA × diploma, CFA × level) beside the
 * region's, under the restricted secrecy threshold, and its respondents' cleaned answers. It is
 * built only from rows that describe this CFA's leavers — never a site or diploma total that
 * other CFAs' leavers share.
 */
public final class CfaBundle {
  static final List<String> OWN_DIMENSIONS = List.of("cfa", "cfa*diploma", "cfa*level");

  private CfaBundle() {}

  /** The CFA's own rows of gold.indicators, suppression recomputed at the restricted threshold. */
  public static List<Row> ownRows(List<Row> indicators, String uai, int threshold) {
    List<Row> own = indicators.stream().filter(r -> OWN_DIMENSIONS.contains(r.<String>getAs("dimension"))
        && (r.<String>getAs("dimension_value").equals(uai) || r.<String>getAs("dimension_value").startsWith(uai + "*")))
        .toList();
    List<Row> out = new ArrayList<>();
    Map<String, List<Row>> byIndicator = new LinkedHashMap<>();
    own.forEach(r -> byIndicator.computeIfAbsent(r.getAs("weighting") + "|" + r.getAs("indicator"), k -> new ArrayList<>())
        .add(r));
    for (List<Row> rows : byIndicator.values()) {
      Map<String, Secrecy.Cell> cells = new HashMap<>();
      Map<String, List<String>> family = new HashMap<>();
      for (Row r : rows) {
        String key = r.getAs("dimension") + "=" + r.getAs("dimension_value");
        cells.put(key, new Secrecy.Cell(key, r.<Double>getAs("numerator"), r.<Double>getAs("denominator")));
        if (!"cfa".equals(r.getAs("dimension"))) {
          family.computeIfAbsent(r.getAs("dimension") + "|cfa=" + uai, k -> new ArrayList<>()).add(key);
        }
      }
      List<Map<String, List<String>>> hierarchies = new ArrayList<>();
      family.forEach((k, children) -> hierarchies.add(Map.of(k.substring(k.indexOf('|') + 1), children)));
      Map<String, String> suppressed = Secrecy.apply(cells, hierarchies, threshold);
      for (Row r : rows) {
        String reason = suppressed.get(r.getAs("dimension") + "=" + r.getAs("dimension_value"));
        out.add(withSecrecy(r, reason));
      }
    }
    return out;
  }

  private static Row withSecrecy(Row r, String reason) {
    Object[] values = new Object[r.size()];
    for (int i = 0; i < r.size(); i++) {
      values[i] = r.get(i);
    }
    values[r.fieldIndex("suppressed")] = reason != null;
    values[r.fieldIndex("suppression_reason")] = reason;
    return new GenericRowWithSchema(values, r.schema());
  }

  public static void writeIndicators(OutputStream out, String uai, List<Row> own, List<Row> region, int threshold)
      throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      CellStyle bold = LeaverTemplate.bold(wb);
      Sheet s = wb.createSheet("CFA et région");
      s.createRow(0).createCell(0).setCellValue("Résultats du CFA " + uai + " et de la région (diffusion restreinte)");
      s.getRow(0).getCell(0).setCellStyle(bold);
      String[] headers = {"Indicateur", "CFA (brut)", "IC 95 %", "Dénominateur (brut)", "Région (brut)", "IC 95 %",
          "Région (redressé)"};
      var h = s.createRow(2);
      for (int i = 0; i < headers.length; i++) {
        h.createCell(i).setCellValue(headers[i]);
        h.getCell(i).setCellStyle(bold);
      }
      int r = 3;
      for (IndicatorCatalog.Indicator indicator : IndicatorCatalog.published()) {
        Row cfa = KeyFiguresWorkbook.find(own, "raw", "cfa", indicator.name());
        Row reg = KeyFiguresWorkbook.find(region, "raw", IndicatorCatalog.REGION, indicator.name());
        Row regW = KeyFiguresWorkbook.find(region, "weighted", IndicatorCatalog.REGION, indicator.name());
        if (cfa == null) {
          continue;
        }
        var row = s.createRow(r++);
        row.createCell(0).setCellValue(indicator.description());
        row.createCell(1).setCellValue(Formats.value(cfa));
        row.createCell(2).setCellValue(Formats.interval(cfa));
        row.createCell(3).setCellValue(Formats.count(cfa, "denominator"));
        row.createCell(4).setCellValue(reg == null ? "" : Formats.value(reg));
        row.createCell(5).setCellValue(reg == null ? "" : Formats.interval(reg));
        row.createCell(6).setCellValue(regW == null ? "" : Formats.value(regW));
      }
      s.createRow(r + 1).createCell(0).setCellValue(Formats.restrictedLegend(threshold));
      s.setColumnWidth(0, 90 * 256);
      for (String dimension : List.of("cfa*diploma", "cfa*level")) {
        Sheet d = wb.createSheet(dimension.equals("cfa*diploma") ? "Par diplôme" : "Par niveau");
        var head = d.createRow(0);
        head.createCell(0).setCellValue(dimension.equals("cfa*diploma") ? "Diplôme (CFD)" : "Niveau");
        List<IndicatorCatalog.Indicator> indicators = IndicatorCatalog.published();
        for (int i = 0; i < indicators.size(); i++) {
          head.createCell(1 + i).setCellValue(indicators.get(i).label());
        }
        Map<String, Map<String, Row>> byValue = new java.util.TreeMap<>();
        own.stream().filter(x -> dimension.equals(x.getAs("dimension")) && "raw".equals(x.getAs("weighting")))
            .forEach(x -> byValue.computeIfAbsent(x.<String>getAs("dimension_value").substring(uai.length() + 1),
                k -> new HashMap<>()).put(x.getAs("indicator"), x));
        int rr = 1;
        for (var v : byValue.entrySet()) {
          var row = d.createRow(rr++);
          row.createCell(0).setCellValue(v.getKey());
          for (int i = 0; i < indicators.size(); i++) {
            Row cell = v.getValue().get(indicators.get(i).name());
            row.createCell(1 + i).setCellValue(cell == null ? "" : Formats.value(cell));
          }
        }
      }
      Spreadsheets.write(wb, out);
    }
  }

  /** The CFA's respondents' cleaned answers, with the identifying columns it gave us. */
  public static void writeResults(OutputStream out, List<String> headers, List<List<String>> rows) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet s = wb.createSheet("Répondants");
      CellStyle bold = LeaverTemplate.bold(wb);
      var h = s.createRow(0);
      for (int i = 0; i < headers.size(); i++) {
        h.createCell(i).setCellValue(headers.get(i));
        h.getCell(i).setCellStyle(bold);
      }
      for (int r = 0; r < rows.size(); r++) {
        var row = s.createRow(r + 1);
        for (int i = 0; i < rows.get(r).size(); i++) {
          row.createCell(i).setCellValue(rows.get(r).get(i));
        }
      }
      s.createFreezePane(0, 1);
      Spreadsheets.write(wb, out);
    }
  }
}
