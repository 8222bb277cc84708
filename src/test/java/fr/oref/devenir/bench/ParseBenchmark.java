package fr.oref.devenir.bench;

import fr.oref.devenir.contracts.LeaverFileContract;
import fr.oref.devenir.ingest.LeaverFileReader;
import fr.oref.devenir.ingest.ReadLimits;
import java.io.File;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Parsing throughput of Devenir's leaver-file reader against a bare POI SAX parse of the same
 * workbooks (XSSFReader + XSSFSheetXMLHandler, cells counted and dropped). Run by bench/ingest.sh.
 */
public final class ParseBenchmark {
  private ParseBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<File> files = Arrays.stream(new File(args[0]).listFiles((d, n) -> n.startsWith("sortants_C") && n.endsWith(".xlsx")))
        .sorted().toList();
    for (int warm = 0; warm < 2; warm++) {
      bare(files);
      devenir(files);
    }
    // best of five runs each, alternating, so that a GC pause or the other core's load hits both alike
    double bareSeconds = Double.MAX_VALUE;
    double oursSeconds = Double.MAX_VALUE;
    long bareCells = 0;
    long[] ours = null;
    for (int run = 0; run < 5; run++) {
      long t0 = System.nanoTime();
      bareCells = bare(files);
      bareSeconds = Math.min(bareSeconds, (System.nanoTime() - t0) / 1e9);
      t0 = System.nanoTime();
      ours = devenir(files);
      oursSeconds = Math.min(oursSeconds, (System.nanoTime() - t0) / 1e9);
    }
    System.out.printf("files: %d, cells: %d%n", files.size(), bareCells);
    System.out.printf("bare POI SAX parse:      %,12.0f cells/s (%.2f s)%n", bareCells / bareSeconds, bareSeconds);
    System.out.printf("Devenir LeaverFileReader:%,12.0f cells/s (%.2f s, %d rows)%n", bareCells / oursSeconds,
        oursSeconds, ours[0]);
    System.out.printf("ratio Devenir / bare SAX: %.2f%n", bareSeconds / oursSeconds);
  }

  static long bare(List<File> files) throws Exception {
    AtomicLong cells = new AtomicLong();
    for (File f : files) {
      try (OPCPackage pkg = OPCPackage.open(f, PackageAccess.READ)) {
        XSSFReader reader = new XSSFReader(pkg);
        ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
        XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
        while (sheets.hasNext()) {
          try (InputStream in = sheets.next()) {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                new XSSFSheetXMLHandler.SheetContentsHandler() {
                  @Override
                  public void startRow(int rowNum) { }

                  @Override
                  public void endRow(int rowNum) { }

                  @Override
                  public void cell(String ref, String value, XSSFComment comment) {
                    cells.incrementAndGet();
                  }
                }, new DataFormatter(), false));
            parser.parse(new InputSource(in));
          }
        }
      }
    }
    return cells.get();
  }

  static long[] devenir(List<File> files) {
    LeaverFileReader reader = new LeaverFileReader(LeaverFileContract.get(), new ReadLimits(1L << 30, ReadLimits.DEFAULT.parseTime()));
    AtomicLong rows = new AtomicLong();
    for (File f : files) {
      reader.read(f, f.getName(), r -> rows.incrementAndGet());
    }
    return new long[] {rows.get()};
  }
}
