package fr.oref.devenir.ingest;

import fr.oref.devenir.contracts.LeaverFileContract;
import fr.oref.devenir.contracts.Schemas;
import fr.oref.devenir.lake.HadoopFiles;
import java.time.Duration;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Parses leaver files in parallel on the executors, one file per task. */
public final class LeaverParsing {
  private LeaverParsing() {}

  /** {@code staging.leaver_parse} records: DATA rows of every file, then one FILE record per file. */
  public static Dataset<Row> parse(SparkSession spark, HadoopFiles files, List<String> paths, ReadLimits limits) {
    LeaverFileReader reader = new LeaverFileReader(LeaverFileContract.get(), limits);
    Duration parseTime = limits.parseTime();
    JavaRDD<Row> records = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(paths, Math.max(1, paths.size()))
        .flatMap(path -> new ParsePump(reader::read, files, path, parseTime));
    return spark.createDataFrame(records, Schemas.of("staging.leaver_parse"));
  }
}
