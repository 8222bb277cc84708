package fr.oref.devenir.ingest;

import java.io.File;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.util.CellReference;
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
 * never the workbook in memory. Formula cells give their cached value.
 */
final class XlsxReader {
  private XlsxReader() {}

  /**
   * Visits the sheets in workbook order.
   *
   * @param sinkFor the sink for a sheet name, or null to skip that sheet
   */
  static void read(File file, Function<String, RowSink> sinkFor) throws Exception {
    try (OPCPackage pkg = OPCPackage.open(file, PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
      StylesTable styles = reader.getStylesTable();
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
      int column = reference == null ? nextColumn : new CellReference(reference).getCol();
      while (cells.size() < column) {
        cells.add(null);
      }
      cells.add(value);
      nextColumn = column + 1;
    }
  }
}
