package fr.oref.devenir.publish;

import fr.oref.devenir.contracts.WrittenFile;
import fr.oref.devenir.stats.IndicatorCatalog;
import fr.oref.devenir.stats.IndicatorResult;
import fr.oref.devenir.stats.Rounding;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Indicators as an Excel workbook: a front sheet of headline figures (raw and weighted side by side,
 * with intervals, and a native bar chart), one sheet per dimension, and a notes sheet (definitions,
 * methods, legend). Figures are the published text (rounded half to even, « s » when suppressed).
 */
public final class KeyFiguresWorkbook {
  /** The workbook's sheets and columns: data-schemas/key-figures.csv. */
  static final WrittenFile LAYOUT = WrittenFile.of("key-figures");
  private static final String FRONT = LAYOUT.sheets().get(0);
  /** The sheet declared once for every dimension. */
  private static final String BY_DIMENSION = "{dimension}";
  private static final String NOTES = LAYOUT.sheets().get(LAYOUT.sheets().size() - 1);
  private KeyFiguresWorkbook() {}

  /** @param notes the definitions and methods block ({@link MethodNotes#of}) */
  public static void write(OutputStream out, String title, List<IndicatorResult> rows, List<String> notes) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      CellStyle bold = LeaverTemplate.bold(wb);
      front(wb, title, rows, bold);
      Map<String, List<IndicatorResult>> byDimension = new LinkedHashMap<>();
      for (IndicatorCatalog.Dimension d : IndicatorCatalog.dimensions()) {
        if (!d.name().equals(IndicatorCatalog.REGION)) {
          List<IndicatorResult> of = rows.stream().filter(r -> d.name().equals(r.dimension()) && r.raw()).toList();
          if (!of.isEmpty()) {
            byDimension.put(d.name(), of);
          }
        }
      }
      byDimension.forEach((dimension, of) -> dimensionSheet(wb, dimension, of, bold));
      notes(wb, notes, bold);
      Spreadsheets.write(wb, out);
    }
  }

  private static void front(XSSFWorkbook wb, String title, List<IndicatorResult> rows, CellStyle bold) {
    XSSFSheet s = wb.createSheet(FRONT);
    s.createRow(0).createCell(0).setCellValue(title);
    s.getRow(0).getCell(0).setCellStyle(bold);
    List<String> fields = LAYOUT.fields(FRONT);
    Spreadsheets.header(s.createRow(2), bold, LAYOUT.headers(FRONT, Map.of()));
    int r = 3;
    for (IndicatorCatalog.Indicator indicator : IndicatorCatalog.published()) {
      IndicatorResult raw = find(rows, "raw", IndicatorCatalog.REGION, indicator.name());
      IndicatorResult weighted = find(rows, "weighted", IndicatorCatalog.REGION, indicator.name());
      if (raw == null) {
        continue;
      }
      var row = s.createRow(r++);
      line(row, fields, Map.of("description", indicator.description(), "value", Formats.value(raw), "interval",
          Formats.interval(raw), "weighted_value", weighted == null ? "" : Formats.value(weighted),
          "weighted_interval", weighted == null ? "" : Formats.interval(weighted)));
      if (!raw.hidden() && !raw.months()) {
        row.createCell(fields.indexOf("numerator")).setCellValue(raw.numerator());
      }
      if (Formats.denominatorShown(raw)) {
        row.createCell(fields.indexOf("denominator")).setCellValue(raw.denominator());
      }
    }
    s.createRow(r + 1).createCell(0).setCellValue(Formats.LEGEND);
    s.setColumnWidth(0, 90 * 256);
    for (int i = 1; i < fields.size(); i++) {
      s.setColumnWidth(i, 18 * 256);
    }
    levelChart(s, rows, r + 3);
  }

  /** Employment rate by diploma level, as a native Excel bar chart over a small data block. */
  private static void levelChart(XSSFSheet s, List<IndicatorResult> rows, int top) {
    List<IndicatorResult> levels = new ArrayList<>(rows.stream().filter(r -> "level".equals(r.dimension()) && r.raw()
        && "employment_rate".equals(r.indicator()) && !r.hidden() && r.value() != null).toList());
    if (levels.isEmpty()) {
      return;
    }
    levels.sort(java.util.Comparator.comparing(IndicatorResult::dimensionValue));
    s.createRow(top).createCell(0).setCellValue("Taux d'emploi par niveau de diplôme (brut, %)");
    for (int i = 0; i < levels.size(); i++) {
      var row = s.createRow(top + 1 + i);
      row.createCell(0).setCellValue("Niveau " + levels.get(i).dimensionValue());
      row.createCell(1).setCellValue(Rounding.percent(levels.get(i).value()).doubleValue());
    }
    XSSFDrawing drawing = s.createDrawingPatriarch();
    XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 2, top, 8, top + 18));
    chart.setTitleText("Taux d'emploi par niveau (%)");
    XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
    XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
    XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromStringCellRange(s,
        new CellRangeAddress(top + 1, top + levels.size(), 0, 0));
    XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(s,
        new CellRangeAddress(top + 1, top + levels.size(), 1, 1));
    XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
    data.setBarDirection(BarDirection.COL);
    data.addSeries(categories, values).setTitle("Taux d'emploi", null);
    chart.plot(data);
  }

  private static void dimensionSheet(XSSFWorkbook wb, String dimension, List<IndicatorResult> rows, CellStyle bold) {
    // Excel refuses * in a sheet name
    Sheet s = wb.createSheet(dimension.replace('*', 'x'));
    List<IndicatorCatalog.Indicator> indicators = IndicatorCatalog.published();
    Spreadsheets.header(s.createRow(0), bold, LAYOUT.headers(BY_DIMENSION, Map.of("dimension", List.of(dimension),
        "indicators", indicators.stream().map(IndicatorCatalog.Indicator::label).toList())));
    Map<String, Map<String, IndicatorResult>> byValue = new TreeMap<>();
    rows.forEach(r -> byValue.computeIfAbsent(r.dimensionValue(), k -> new LinkedHashMap<>()).put(r.indicator(), r));
    int r = byValue(s, 1, indicators, byValue);
    s.createRow(r + 1).createCell(0).setCellValue(Formats.LEGEND);
    s.createRow(r + 2).createCell(0).setCellValue(MethodNotes.columnBases(indicators));
    s.createFreezePane(1, 1);
  }

  /** One line per dimension value from {@code first}: the value, then each indicator's figure; the next free line. */
  static int byValue(Sheet s, int first, List<IndicatorCatalog.Indicator> indicators,
      Map<String, Map<String, IndicatorResult>> byValue) {
    int r = first;
    for (Map.Entry<String, Map<String, IndicatorResult>> v : byValue.entrySet()) {
      var row = s.createRow(r++);
      row.createCell(0).setCellValue(v.getKey());
      for (int i = 0; i < indicators.size(); i++) {
        IndicatorResult cell = v.getValue().get(indicators.get(i).name());
        row.createCell(1 + i).setCellValue(cell == null ? "" : Formats.value(cell));
      }
    }
    return r;
  }

  /** The text {@code cells} of a line, by field, in the contract's column order; other fields are left to the caller. */
  static void line(Row row, List<String> fields, Map<String, String> cells) {
    for (int c = 0; c < fields.size(); c++) {
      if (cells.containsKey(fields.get(c))) {
        row.createCell(c).setCellValue(cells.get(fields.get(c)));
      }
    }
  }

  private static void notes(XSSFWorkbook wb, List<String> notes, CellStyle bold) {
    Sheet s = wb.createSheet(NOTES);
    Spreadsheets.header(s.createRow(0), bold, LAYOUT.headers(NOTES, Map.of()));
    for (int r = 0; r < notes.size(); r++) {
      s.createRow(r + 1).createCell(0).setCellValue(notes.get(r));
    }
    s.setColumnWidth(0, 150 * 256);
  }

  static IndicatorResult find(List<IndicatorResult> rows, String weighting, String dimension, String indicator) {
    return rows.stream().filter(r -> weighting.equals(r.weighting()) && dimension.equals(r.dimension())
        && indicator.equals(r.indicator())).findFirst().orElse(null);
  }
}
