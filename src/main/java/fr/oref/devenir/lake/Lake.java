package fr.oref.devenir.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import fr.oref.devenir.contracts.Table;
import io.delta.tables.DeltaTable;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Delta lake below one root (a local folder or any Hadoop-compatible URI). Every write goes
 * through a table's contract: columns are selected and cast in contract order, so a table's
 * schema cannot drift from data-schemas/.
 */
public final class Lake {
  private final SparkSession spark;
  private final String root;

  public Lake(SparkSession spark, String root) {
    this.spark = spark;
    this.root = qualified(spark, root.endsWith("/") ? root.substring(0, root.length() - 1) : root);
  }

  /** "lake" becomes file:/…/lake locally (or the cluster's default file system): Delta wants full paths. */
  private static String qualified(SparkSession spark, String root) {
    try {
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(root);
      return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(path).toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public SparkSession spark() {
    return spark;
  }

  public String root() {
    return root;
  }

  public String path(Table table) {
    return root + "/" + table.relativePath();
  }

  public boolean exists(Table table) {
    return DeltaTable.isDeltaTable(spark, path(table));
  }

  /** The table, or an empty frame of its contract when nothing was written yet. */
  public Dataset<Row> read(Table table) {
    if (!exists(table)) {
      return spark.createDataFrame(List.of(), table.schema());
    }
    return spark.read().format("delta").load(path(table));
  }

  public Dataset<Row> readVersion(Table table, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(path(table));
  }

  /** Current version, -1 when the table does not exist. */
  public long version(Table table) {
    if (!exists(table)) {
      return -1;
    }
    return DeltaTable.forPath(spark, path(table)).history(1).select("version").first().getLong(0);
  }

  /** The frame's columns in contract order, cast to the contract's types; missing ones are null. */
  public static Dataset<Row> conform(Dataset<Row> df, Table table) {
    List<String> present = Arrays.asList(df.columns());
    Column[] columns = Arrays.stream(table.schema().fields())
        .map(f -> (present.contains(f.name()) ? col(f.name()) : lit(null)).cast(f.dataType()).as(f.name()))
        .toArray(Column[]::new);
    return df.select(columns);
  }

  public void append(Table table, Dataset<Row> df) {
    ensure(table);
    Commits.run(table, () -> conform(df, table).write().format("delta").mode("append").save(path(table)));
  }

  /**
   * Creates the table from its contract (schema and properties) if it does not exist yet; true when
   * it did. Jobs hold the lake's lock, so two of them cannot create one table at once.
   */
  public boolean ensure(Table table) {
    if (exists(table)) {
      return false;
    }
    var builder = DeltaTable.createIfNotExists(spark).location(path(table)).addColumns(table.schema());
    for (var p : table.properties().entrySet()) {
      builder = builder.property(p.getKey(), p.getValue());
    }
    var create = builder;
    Commits.run(table, create::execute);
    return true;
  }

  /**
   * Makes the rows of {@code scope} equal {@code df}, touching only what differs: rows with a new key
   * are inserted, changed rows updated, rows of the scope absent from {@code df} deleted. Running it
   * twice with the same frame leaves the table's content unchanged, and Delta history keeps every
   * earlier state readable.
   *
   * @param scope SQL condition on the target's columns (prefix {@code t.}) bounding what may be deleted
   */
  public void sync(Table table, Dataset<Row> df, List<String> keys, String scope) {
    Dataset<Row> source = conform(df, table);
    ensure(table);
    String on = keys.stream().map(k -> "t." + k + " <=> s." + k).collect(Collectors.joining(" AND "));
    String changed = Arrays.stream(table.schema().fields())
        .filter(f -> !keys.contains(f.name()))
        .map(Lake::differs)
        .collect(Collectors.joining(" OR "));
    Commits.run(table, () -> DeltaTable.forPath(spark, path(table)).as("t")
        .merge(source.as("s"), on)
        .whenMatched(changed.isEmpty() ? "false" : changed).updateAll()
        .whenNotMatched().insertAll()
        .whenNotMatchedBySource(scope).delete()
        .execute());
  }

  /**
   * Replaces the rows of {@code scope} by {@code df} in one commit (Delta's replaceWhere): for a table
   * a job derives whole, slice by slice, where no row of the slice outlives a run.
   *
   * @param scope SQL condition on the table's columns (no prefix); every row of {@code df} must meet it
   */
  public void replace(Table table, Dataset<Row> df, String scope) {
    Dataset<Row> source = conform(df, table);
    ensure(table);
    Commits.run(table, () -> source.write().format("delta").mode("overwrite").option("replaceWhere", scope)
        .save(path(table)));
  }

  /** Maps cannot be compared in Spark SQL: their JSON can. */
  private static String differs(StructField f) {
    String c = f.name();
    return f.dataType() instanceof MapType
        ? "NOT (to_json(t." + c + ") <=> to_json(s." + c + "))"
        : "NOT (t." + c + " <=> s." + c + ")";
  }

  /** Inserts the rows whose key is not in the table yet; existing rows are left as they are. */
  public void insertNew(Table table, Dataset<Row> df, List<String> keys) {
    Dataset<Row> source = conform(df, table);
    ensure(table);
    String on = keys.stream().map(k -> "t." + k + " <=> s." + k).collect(Collectors.joining(" AND "));
    Commits.run(table, () -> DeltaTable.forPath(spark, path(table)).as("t")
        .merge(source.as("s"), on)
        .whenNotMatched().insertAll()
        .execute());
  }

  /** Schema as written, for the contract test: names and types, nullability and comments aside. */
  public static String shape(StructType schema) {
    return Arrays.stream(schema.fields()).map(f -> f.name() + " " + f.dataType().simpleString())
        .collect(Collectors.joining(", "));
  }
}
