package fr.oref.devenir.clean;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** A leaver row after validation: typed values by contract field (null when absent or invalid), and its issues. */
public record ValidatedLeaver(Map<String, Object> values, List<Issue> issues) implements Serializable {
  public boolean rejected() {
    return issues.stream().anyMatch(i -> i.severity() == Severity.ERROR);
  }
}
