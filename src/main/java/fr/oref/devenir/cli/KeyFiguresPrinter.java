package fr.oref.devenir.cli;

import fr.oref.devenir.contracts.Parameters;
import fr.oref.devenir.publish.Formats;
import java.io.PrintWriter;
import java.util.List;
import org.apache.spark.sql.Row;

/** The regional key figures of a wave on the terminal: raw and weighted, with their intervals. */
final class KeyFiguresPrinter {
  private KeyFiguresPrinter() {}

  static void print(PrintWriter w, int cohort, int wave, List<Row> region) {
    w.printf("Chiffres clés régionaux, cohorte %d, vague %d :%n", cohort, wave);
    w.printf("  %-28s %-32s %-32s%n", "indicateur", Parameters.get().fill("brut [IC {confidence%} %]"),
        Parameters.get().fill("redressé [IC {confidence%} %]"));
    for (Row raw : region.stream().filter(x -> "raw".equals(x.getAs("weighting"))).toList()) {
      Row weighted = region.stream().filter(y -> "weighted".equals(y.getAs("weighting"))
          && y.<String>getAs("indicator").equals(raw.getAs("indicator"))).findFirst().orElse(raw);
      w.printf("  %-28s %-32s %-32s%n", raw.<String>getAs("indicator"), format(raw), format(weighted));
    }
  }

  private static String format(Row x) {
    return (Formats.value(x) + " " + Formats.interval(x)).trim();
  }
}
