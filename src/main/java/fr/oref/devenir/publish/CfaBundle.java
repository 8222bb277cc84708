package fr.oref.devenir.publish;

import fr.oref.devenir.contracts.WrittenFile;
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
  /** The CFA's figures beside the region's: data-schemas/cfa-indicators.csv. */
  static final WrittenFile INDICATORS = WrittenFile.of("cfa-indicators");

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
      String front = INDICATORS.sheets().get(0);
      Sheet s = wb.createSheet(front);
      s.createRow(0).createCell(0).setCellValue("Résultats du CFA " + uai + " et de la région (diffusion restreinte)");
      s.getRow(0).getCell(0).setCellStyle(bold);
      Spreadsheets.header(s.createRow(2), bold, INDICATORS.headers(front, Map.of()));
      int r = 3;
      for (IndicatorCatalog.Indicator indicator : IndicatorCatalog.published()) {
        Row cfa = KeyFiguresWorkbook.find(own, "raw", "cfa", indicator.name());
        Row reg = KeyFiguresWorkbook.find(region, "raw", IndicatorCatalog.REGION, indicator.name());
        Row regW = KeyFiguresWorkbook.find(region, "weighted", IndicatorCatalog.REGION, indicator.name());
        if (cfa != null) {
          Map<String, String> cells = Map.of("description", indicator.description(), "value", Formats.value(cfa),
              "interval", Formats.interval(cfa), "denominator", Formats.count(cfa, "denominator"),
              "region_value", reg == null ? "" : Formats.value(reg), "region_interval",
              reg == null ? "" : Formats.interval(reg), "region_weighted", regW == null ? "" : Formats.value(regW));
          KeyFiguresWorkbook.line(s.createRow(r++), INDICATORS.fields(front), cells);
        }
      }
      s.createRow(r + 1).createCell(0).setCellValue(Formats.restrictedLegend(threshold));
      s.setColumnWidth(0, 90 * 256);
      List<IndicatorCatalog.Indicator> indicators = IndicatorCatalog.published();
      Map<String, List<String>> labels = Map.of("indicators", indicators.stream().map(IndicatorCatalog.Indicator::label)
          .toList());
      for (String sheet : INDICATORS.sheets().subList(1, INDICATORS.sheets().size())) {
        // the sheet's first field names the dimension it shows
        String dimension = INDICATORS.fields(sheet).get(0);
        Sheet d = wb.createSheet(sheet);
        Spreadsheets.header(d.createRow(0), bold, INDICATORS.headers(sheet, labels));
        Map<String, Map<String, Row>> byValue = new java.util.TreeMap<>();
        own.stream().filter(x -> dimension.equals(x.getAs("dimension")) && "raw".equals(x.getAs("weighting")))
            .forEach(x -> byValue.computeIfAbsent(x.<String>getAs("dimension_value").substring(uai.length() + 1),
                k -> new HashMap<>()).put(x.getAs("indicator"), x));
        KeyFiguresWorkbook.byValue(d, 1, indicators, byValue);
      }
      Spreadsheets.write(wb, out);
    }
  }

  /** The CFA's respondents' cleaned answers, with the identifying columns it gave us. */
  public static void writeResults(OutputStream out, String sheet, List<String> headers, List<List<String>> rows)
      throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet s = wb.createSheet(sheet);
      Spreadsheets.header(s.createRow(0), LeaverTemplate.bold(wb), headers);
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
