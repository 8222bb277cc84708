package fr.oref.devenir.stats;

import static org.apache.spark.sql.functions.col;

import fr.oref.devenir.contracts.Table;
import fr.oref.devenir.lake.Lake;
import fr.oref.devenir.lake.Rows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/** Changes from the previous cohort, for every rate and dimension value present in both (gold.indicator_trends). */
public final class Trends {
  private Trends() {}

  private static String key(Row r) {
    return r.getAs("weighting") + "|" + r.getAs("dimension") + "|" + r.getAs("dimension_value") + "|"
        + r.getAs("indicator");
  }

  public static int run(Lake lake, int cohort, int wave) {
    Map<String, Row> previous = new HashMap<>();
    lake.read(Table.INDICATORS).filter(col("cohort").equalTo(cohort - 1).and(col("wave").equalTo(wave)))
        .collectAsList().forEach(r -> previous.put(key(r), r));
    if (previous.isEmpty()) {
      return 0;
    }
    List<Row> trends = new ArrayList<>();
    for (Row now : lake.read(Table.INDICATORS).filter(col("cohort").equalTo(cohort).and(col("wave").equalTo(wave)))
        .collectAsList()) {
      Row before = previous.get(key(now));
      if (before == null || IndicatorCatalog.MEDIAN.equals(now.getAs("indicator"))
          || now.getAs("value") == null || before.getAs("value") == null) {
        continue;
      }
      TwoProportionTest t = TwoProportionTest.compare(before.getAs("value"), before.getAs("effective_n"),
          now.getAs("value"), now.getAs("effective_n"));
      Map<String, Object> row = new HashMap<>();
      for (String column : List.of("cohort", "wave", "weighting", "dimension", "dimension_value", "indicator", "value")) {
        row.put(column, now.get(now.fieldIndex(column)));
      }
      row.put("previous_value", before.<Double>getAs("value"));
      row.put("change", t.difference());
      row.put("z", t.z());
      row.put("p_value", t.pValue());
      row.put("significant", t.significantAt5());
      row.put("suppressed", Boolean.TRUE.equals(now.getAs("suppressed")) || Boolean.TRUE.equals(before.getAs("suppressed")));
      trends.add(Rows.of(Table.INDICATOR_TRENDS.schema(), row));
    }
    lake.sync(Table.INDICATOR_TRENDS, lake.spark().createDataFrame(trends, Table.INDICATOR_TRENDS.schema()),
        List.of("cohort", "wave", "weighting", "dimension", "dimension_value", "indicator"),
        "t.cohort = " + cohort + " AND t.wave = " + wave);
    return trends.size();
  }
}
