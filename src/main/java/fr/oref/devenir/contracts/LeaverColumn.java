package fr.oref.devenir.contracts;

import java.io.Serializable;
import java.util.List;

/**
 * One column of the leaver file, as {@code data-schemas/leaver-file.csv} defines it.
 *
 * @param required "yes", "no", or "contact" (one of e-mail / mobile)
 * @param rule the validation rule applied to the cell (uai, date, phone…)
 * @param severity ERROR or WARNING: what a missing or invalid value costs the row
 */
public record LeaverColumn(
    String header,
    List<String> aliases,
    String field,
    String type,
    String required,
    String rule,
    String severity,
    String format,
    String description,
    String example) implements Serializable {

  public boolean isRequired() {
    return "yes".equals(required);
  }

  public boolean isDate() {
    return "date".equals(type);
  }
}
