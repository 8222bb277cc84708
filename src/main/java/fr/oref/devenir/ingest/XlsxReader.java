package fr.oref.devenir.ingest;

import java.io.File;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams an .xlsx with POI's SAX event API: one sheet's XML at a time, rows pushed to a sink,
 * never the workbook in memory. Formula cells give their cached value. The package, its shared
 * strings and its styles are read once however many passes are made over the sheets.
 */
final class XlsxReader implements AutoCloseable {
  private final OPCPackage pkg;
  private final XSSFReader reader;
  private final ReadOnlySharedStringsTable strings;
  private final StylesTable styles;

  XlsxReader(File file) throws Exception {
    this.pkg = OPCPackage.open(file, PackageAccess.READ);
    try {
      this.reader = new XSSFReader(pkg);
      this.strings = new ReadOnlySharedStringsTable(pkg, false);
      this.styles = reader.getStylesTable();
    } catch (Exception e) {
      pkg.revert();
      throw e;
    }
  }

  /**
   * Visits the sheets in workbook order.
   *
   * @param sinkFor the sink for a sheet name, or null to skip that sheet
   */
  void read(Function<String, RowSink> sinkFor) throws Exception {
    XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
    while (sheets.hasNext()) {
      try (InputStream in = sheets.next()) {
        RowSink sink = sinkFor.apply(sheets.getSheetName());
        if (sink != null) {
          parseSheet(in, styles, strings, sink);
        }
      }
    }
  }

  @Override
  public void close() {
    pkg.revert();
  }

  private static void parseSheet(InputStream in, StylesTable styles, ReadOnlySharedStringsTable strings, RowSink sink)
      throws Exception {
    XMLReader parser = XMLHelper.newXMLReader();
    parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Rows(sink), new CellFormatter(), false));
    try {
      parser.parse(new InputSource(in));
    } catch (RowSink.StopReading stop) {
      // the sink has what it needs
    } catch (SAXException e) {
      if (!(e.getCause() instanceof RowSink.StopReading)) {
        throw e;
      }
    }
  }

  /** The column of an A1 reference ("AB12" → 27), without CellReference's general parsing. */
  static int column(String reference) {
    int column = 0;
    for (int i = 0; i < reference.length(); i++) {
      char c = reference.charAt(i);
      if (c < 'A' || c > 'Z') {
        break;
      }
      column = column * 26 + (c - 'A' + 1);
    }
    return column - 1;
  }

  /** Collects one row's cells by column index and hands the row to the sink. */
  private static final class Rows implements SheetContentsHandler {
    private final RowSink sink;
    private final List<String> cells = new ArrayList<>();
    private int nextColumn;

    Rows(RowSink sink) {
      this.sink = sink;
    }

    @Override
    public void startRow(int rowNum) {
      cells.clear();
      nextColumn = 0;
    }

    @Override
    public void endRow(int rowNum) {
      sink.row(rowNum + 1, new ArrayList<>(cells));
    }

    @Override
    public void cell(String reference, String value, XSSFComment comment) {
      int column = reference == null ? nextColumn : column(reference);
      while (cells.size() < column) {
        cells.add(null);
      }
      cells.add(value);
      nextColumn = column + 1;
    }
  }
}
