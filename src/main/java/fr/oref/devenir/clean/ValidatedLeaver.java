package fr.oref.devenir.clean;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A leaver row after validation: typed, normalised values keyed by the contract's field names
 * (plus the derived {@code nsf} and {@code age_at_end}), and every issue found. A value that
 * failed its rule is null; the raw text stays in bronze.
 */
public record ValidatedLeaver(Map<String, Object> values, List<Issue> issues) implements Serializable {

  /** True when any issue is an ERROR: the row stays out of the cohort until the CFA fixes it. */
  public boolean rejected() {
    return issues.stream().anyMatch(i -> i.severity() == Severity.ERROR);
  }

  public Object value(String field) {
    return values.get(field);
  }
}
