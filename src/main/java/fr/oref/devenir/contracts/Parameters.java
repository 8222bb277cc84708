package fr.oref.devenir.contracts;

import fr.oref.devenir.text.Csv;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The thresholds and parameters of the statistics (data-schemas/parameters.csv): the code that applies
 * them and the sentences that tell readers about them read the same value, so a published sentence
 * never states a threshold the figures were not computed with.
 */
public final class Parameters {
  public static final String FILE = "data-schemas/parameters.csv";
  /** {@code {name}} is the value as a French number, {@code {name%}} the value as a percentage. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)(%?)}");
  private static final Parameters DEFAULT = new Parameters(read());

  private final Map<String, String> values;

  private Parameters(Map<String, String> values) {
    this.values = values;
  }

  /** The configured parameters. */
  public static Parameters get() {
    return DEFAULT;
  }

  /** The same parameters with one value changed: what-if runs and the tests of what reads them. */
  public Parameters with(String name, String value) {
    Map<String, String> changed = new LinkedHashMap<>(values);
    changed.put(known(name), value);
    return new Parameters(changed);
  }

  public int integer(String name) {
    return Integer.parseInt(values.get(known(name)));
  }

  public double decimal(String name) {
    return Double.parseDouble(values.get(known(name)));
  }

  public int secrecyThreshold() {
    return integer("secrecy_threshold");
  }

  public int restrictedThreshold() {
    return integer("restricted_threshold");
  }

  public double confidence() {
    return decimal("confidence");
  }

  /** A sentence or header with its {@code {name}} and {@code {name%}} placeholders replaced by the values. */
  public String fill(String template) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      BigDecimal value = new BigDecimal(values.get(known(m.group(1))));
      if (!m.group(2).isEmpty()) {
        value = value.movePointRight(2);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value.stripTrailingZeros().toPlainString().replace('.', ',')));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String known(String name) {
    if (!values.containsKey(name)) {
      throw new IllegalArgumentException("Paramètre « " + name + " » absent de " + FILE + ".");
    }
    return name;
  }

  private static Map<String, String> read() {
    Map<String, String> values = new LinkedHashMap<>();
    Csv.readResource(FILE).forEach(r -> values.put(r.get("name"), r.get("value").strip()));
    return values;
  }
}
