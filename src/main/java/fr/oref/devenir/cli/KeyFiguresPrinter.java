package fr.oref.devenir.cli;

import fr.oref.devenir.contracts.Parameters;
import fr.oref.devenir.publish.Formats;
import fr.oref.devenir.stats.IndicatorResult;
import java.io.PrintWriter;
import java.util.List;

/** The regional key figures of a wave on the terminal: raw and weighted, with their intervals. */
final class KeyFiguresPrinter {
  private KeyFiguresPrinter() {}

  static void print(PrintWriter w, int cohort, int wave, List<IndicatorResult> region) {
    w.printf("Chiffres clés régionaux, cohorte %d, vague %d :%n", cohort, wave);
    w.printf("  %-28s %-32s %-32s%n", "indicateur", Parameters.get().fill("brut [IC {confidence%} %]"),
        Parameters.get().fill("redressé [IC {confidence%} %]"));
    for (IndicatorResult raw : region.stream().filter(IndicatorResult::raw).toList()) {
      IndicatorResult weighted = region.stream().filter(y -> !y.raw() && y.indicator().equals(raw.indicator()))
          .findFirst().orElse(raw);
      w.printf("  %-28s %-32s %-32s%n", raw.indicator(), format(raw), format(weighted));
    }
  }

  private static String format(IndicatorResult x) {
    return (Formats.value(x) + " " + Formats.interval(x)).trim();
  }
}
