package fr.oref.devenir.lake;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Rows of a contract filled by field name from plain Java values, so no layout is restated in code. */
public final class Rows {
  private Rows() {}

  public static Row of(StructType schema, Map<String, ?> values) {
    StructField[] fields = schema.fields();
    Object[] cells = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      Object v = values.get(fields[i].name());
      if (v instanceof LocalDate d) {
        v = java.sql.Date.valueOf(d);
      } else if (v instanceof LocalDateTime t) {
        v = java.sql.Timestamp.valueOf(t);
      } else if (v instanceof Map<?, ?> m) {
        v = scala.collection.JavaConverters.mapAsScalaMap(m);
      }
      cells[i] = v;
    }
    return new GenericRowWithSchema(cells, schema);
  }

  /** A row of a contract from a record read by {@link #as}: each component fills its column. */
  public static Row of(StructType schema, Record record) {
    Map<String, Object> values = new java.util.HashMap<>();
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      values.put(column(c), get(record, column(c)));
    }
    return of(schema, values);
  }

  /** A row as plain Java values by column name (dates as LocalDate), the inverse of {@link #of}. */
  public static Map<String, Object> toMap(Row row) {
    Map<String, Object> values = new java.util.HashMap<>();
    String[] names = row.schema().fieldNames();
    for (int i = 0; i < names.length; i++) {
      Object v = row.get(i);
      values.put(names[i], v instanceof java.sql.Date d ? d.toLocalDate() : v);
    }
    return values;
  }

  /**
   * A row as a record whose components are its columns in camelCase ({@code ci_low} → {@code ciLow}):
   * what a stage hands the next one, typed and read by name (Spark's encoders take JavaBeans, not records).
   */
  public static <R extends Record> R as(Row row, Class<R> type) {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] = row.getAs(column(components[i]));
      types[i] = components[i].getType();
    }
    try {
      return type.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(type.getSimpleName() + " cannot be read from " + row.schema().simpleString(), e);
    }
  }

  /** One column of a record read by {@link #as}, by the column's name. */
  public static Object get(Record record, String column) {
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      if (column(c).equals(column)) {
        try {
          return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no column " + column);
  }

  /** The column a record component stands for: {@code dimensionValue} → {@code dimension_value}. */
  public static String column(RecordComponent component) {
    return component.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
  }

  /**
   * A stream of rows sorted by a key column, handed out one key's rows at a time (keys asked for in
   * ascending order; the rows of a key never asked for are skipped): what a job writing one file per CFA
   * holds is one CFA's rows, never the whole table.
   */
  public static final class Groups {
    private final Iterator<Row> rows;
    private final String column;
    private Row next;

    public Groups(Iterator<Row> rows, String column) {
      this.rows = rows;
      this.column = column;
    }

    public List<Row> of(String key) {
      List<Row> rowsOfKey = new ArrayList<>();
      while (next != null || rows.hasNext()) {
        next = next == null ? rows.next() : next;
        String own = next.getAs(column);
        // Spark sorts a missing key first: no file is ever asked for it
        int order = own == null ? -1 : own.compareTo(key);
        if (order > 0) {
          break;
        }
        if (order == 0) {
          rowsOfKey.add(next);
        }
        next = null;
      }
      return rowsOfKey;
    }
  }
}
