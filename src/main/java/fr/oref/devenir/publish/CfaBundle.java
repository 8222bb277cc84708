package fr.oref.devenir.publish;

import fr.oref.devenir.contracts.WrittenFile;
import fr.oref.devenir.stats.IndicatorCatalog;
import fr.oref.devenir.stats.IndicatorResult;
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
  public static List<IndicatorResult> ownRows(List<IndicatorResult> indicators, String uai, int threshold) {
    List<IndicatorResult> own = indicators.stream().filter(r -> OWN_DIMENSIONS.contains(r.dimension())
        && (r.dimensionValue().equals(uai) || r.dimensionValue().startsWith(uai + "*"))).toList();
    List<IndicatorResult> out = new ArrayList<>();
    Map<String, List<IndicatorResult>> byIndicator = new LinkedHashMap<>();
    own.forEach(r -> byIndicator.computeIfAbsent(r.weighting() + "|" + r.indicator(), k -> new ArrayList<>()).add(r));
    for (List<IndicatorResult> rows : byIndicator.values()) {
      Map<String, Secrecy.Cell> cells = new HashMap<>();
      Map<String, List<String>> family = new HashMap<>();
      for (IndicatorResult r : rows) {
        String key = r.dimension() + "=" + r.dimensionValue();
        cells.put(key, new Secrecy.Cell(key, r.numerator(), r.denominator()));
        if (!"cfa".equals(r.dimension())) {
          family.computeIfAbsent(r.dimension() + "|cfa=" + uai, k -> new ArrayList<>()).add(key);
        }
      }
      List<Map<String, List<String>>> hierarchies = new ArrayList<>();
      family.forEach((k, children) -> hierarchies.add(Map.of(k.substring(k.indexOf('|') + 1), children)));
      Map<String, String> suppressed = Secrecy.apply(cells, hierarchies, threshold);
      rows.forEach(r -> out.add(r.withSuppression(suppressed.get(r.dimension() + "=" + r.dimensionValue()))));
    }
    return out;
  }

  public static void writeIndicators(OutputStream out, String uai, List<IndicatorResult> own,
      List<IndicatorResult> region, int threshold)
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
        IndicatorResult cfa = KeyFiguresWorkbook.find(own, "raw", "cfa", indicator.name());
        IndicatorResult reg = KeyFiguresWorkbook.find(region, "raw", IndicatorCatalog.REGION, indicator.name());
        IndicatorResult regW = KeyFiguresWorkbook.find(region, "weighted", IndicatorCatalog.REGION, indicator.name());
        if (cfa != null) {
          Map<String, String> cells = Map.of("description", indicator.description(), "value", Formats.value(cfa),
              "interval", Formats.interval(cfa), "denominator", Formats.denominator(cfa),
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
        Map<String, Map<String, IndicatorResult>> byValue = new java.util.TreeMap<>();
        own.stream().filter(x -> dimension.equals(x.dimension()) && x.raw())
            .forEach(x -> byValue.computeIfAbsent(x.dimensionValue().substring(uai.length() + 1),
                k -> new HashMap<>()).put(x.indicator(), x));
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
