package fr.oref.devenir.stats;

import java.util.Map;

/** The relations of hand-worked tables. */
final class Sums {
  private Sums() {}

  /** {@code total = x + y}, as the audit reads it. */
  static LinearAudit.Relation sum(String total, String x, String y) {
    return new LinearAudit.Relation(Map.of(total, 1.0, x, -1.0, y, -1.0), true);
  }
}
