package fr.oref.devenir.publish;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Bar charts of published percentages, drawn by JFreeChart as PNG and embedded in pages as data
 * URIs, so a page or PDF needs nothing beside itself. Suppressed values are not drawn; the alt text
 * says so.
 */
public final class Charts {
  /** The bar colour: 4.9:1 against white (WCAG AA), used nowhere else, so the browser test can find the chart. */
  public static final Color BAR = new Color(0x2E, 0x75, 0xB6);

  private Charts() {}

  /** A chart and the text a screen reader says instead. */
  public record Chart(String dataUri, String alt) {}

  /**
   * @param bars series label → (category → published percentage, or null when suppressed or not computable)
   */
  public static Chart bars(String title, Map<String, Map<String, Double>> bars) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    bars.forEach((series, values) -> values.forEach((category, v) -> {
      if (v != null) {
        data.addValue(v, series, category);
      }
    }));
    JFreeChart chart = ChartFactory.createBarChart(title, null, "%", data, PlotOrientation.VERTICAL, bars.size() > 1,
        false, false);
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.GRAY);
    plot.setRangeGridlineStroke(new BasicStroke(0.5f));
    ((NumberAxis) plot.getRangeAxis()).setRange(0, 100);
    CategoryAxis x = plot.getDomainAxis();
    x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setSeriesPaint(0, BAR);
    renderer.setSeriesPaint(1, new Color(0xC5, 0x5A, 0x11));
    // one decimal always, as the tables print it (16,0 rather than 16)
    renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
        new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.FRANCE))));
    renderer.setDefaultItemLabelsVisible(true);
    try (ByteArrayOutputStream png = new ByteArrayOutputStream()) {
      ChartUtils.writeChartAsPNG(png, chart, 760, 380);
      return new Chart("data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray()),
          alt(title, bars));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String alt(String title, Map<String, Map<String, Double>> bars) {
    return title + ". " + bars.entrySet().stream().map(series -> (bars.size() > 1 ? series.getKey() + " : " : "")
        + series.getValue().entrySet().stream().map(e -> e.getKey() + " " + (e.getValue() == null ? "non publié"
            : e.getValue().toString().replace('.', ',') + " %")).collect(Collectors.joining(", ")))
        .collect(Collectors.joining(" ; ")) + ".";
  }

  /** One series. */
  public static Chart bars(String title, String series, LinkedHashMap<String, Double> values) {
    Map<String, Map<String, Double>> one = new LinkedHashMap<>();
    one.put(series, values);
    return bars(title, one);
  }
}
