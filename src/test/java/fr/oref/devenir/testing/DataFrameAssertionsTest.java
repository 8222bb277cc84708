package fr.oref.devenir.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.oref.devenir.contracts.Table;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The job tests' table comparisons (spark-testing-base on the shared session) fail when they should. */
class DataFrameAssertionsTest {
  private static final List<String> COLUMNS = List.of("cohort", "wave", "uai_cfa", "uai_site");

  private static Dataset<Row> panel(String secondSite) {
    return SharedSpark.expected(Table.PANEL, COLUMNS, new Object[] {2022, 1, "0141300A", "0141300A"},
        new Object[] {2022, 1, "0141300A", secondSite});
  }

  @Test
  void theSameRowsInAnotherOrderPass() {
    Dataset<Row> expected = panel("0141601B");
    SharedSpark.assertSameRows(expected, expected.orderBy(expected.col("uai_site").desc()));
    SharedSpark.assertSameRows(expected, expected, 1e-9);
  }

  @Test
  void oneValueThatDiffersFails() {
    assertThrows(AssertionError.class, () -> SharedSpark.assertSameRows(panel("0141601B"), panel("0141601C")));
    assertThrows(AssertionError.class, () -> SharedSpark.assertSameRows(panel("0141601B"), panel("0141601C"), 1e-9));
  }

  @Test
  void aRowTwiceInsteadOfOnceFails() {
    assertThrows(AssertionError.class, () -> SharedSpark.assertSameRows(panel("0141601B"), panel("0141300A")));
  }

  @Test
  void numbersBeyondTheToleranceFail() {
    List<String> columns = List.of("indicator", "value");
    Dataset<Row> expected = SharedSpark.expected(Table.INDICATORS, columns, new Object[] {"employment_rate", 0.6});
    SharedSpark.assertSameRows(expected, SharedSpark.expected(Table.INDICATORS, columns,
        new Object[] {"employment_rate", 0.6 + 1e-12}), 1e-9);
    assertThrows(AssertionError.class, () -> SharedSpark.assertSameRows(expected,
        SharedSpark.expected(Table.INDICATORS, columns, new Object[] {"employment_rate", 0.61}), 1e-9));
  }
}
