package fr.oref.devenir.ingest;

import fr.oref.devenir.text.Csv;
import fr.oref.devenir.text.Texts;
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
 * never the workbook in memory. Formula cells give their cached value. The package, its shared
 * strings and its styles are read once however many passes are made over the sheets.
 */
final class XlsxReader implements AutoCloseable {
  static final int MAX_ROWS = 1_048_576;
  static final int MAX_COLUMNS = 16_384;
  /** Excel allows 31 characters; a hostile name is cut in messages. */
  static final int SHEET_NAME_MAX = 40;

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
        String name = sheets.getSheetName();
        RowSink sink = sinkFor.apply(name);
        if (sink != null) {
          parseSheet(in, styles, strings, new Rows(name, sink));
        }
      }
    }
  }

  @Override
  public void close() {
    pkg.revert();
  }

  private static void parseSheet(InputStream in, StylesTable styles, ReadOnlySharedStringsTable strings, Rows rows)
      throws Exception {
    XMLReader parser = XMLHelper.newXMLReader();
    parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new CellFormatter(), false));
    try {
      parser.parse(new InputSource(in));
    } catch (RowSink.StopReading stop) {
      // the sink has what it needs
    } catch (SAXException e) {
      if (e.getCause() instanceof FileRejected rejected) {
        throw rejected;
      }
      if (!(e.getCause() instanceof RowSink.StopReading)) {
        throw e;
      }
    }
  }

  /** The column of an A1 reference ("AB12" → 27), -1 past Excel's last column, without building a number for it. */
  static int column(String reference) {
    int column = 0;
    for (int i = 0; i < reference.length(); i++) {
      char c = reference.charAt(i);
      if (c < 'A' || c > 'Z') {
        break;
      }
      column = column * 26 + (c - 'A' + 1);
      if (column > MAX_COLUMNS) {
        return -1;
      }
    }
    return column - 1;
  }

  /**
   * Collects one row's cells by column index and hands the row to the sink. Excel writes rows and
   * cells in order, within its limits; a file that does not is refused rather than read with rows
   * skipped, overwritten or allocated for up to an absurd reference.
   */
  private static final class Rows implements SheetContentsHandler {
    private final String sheet;
    private final RowSink sink;
    private final List<String> cells = new ArrayList<>();
    private int nextColumn;
    private int row = -1;

    Rows(String sheet, RowSink sink) {
      this.sheet = sheet;
      this.sink = sink;
    }

    @Override
    public void startRow(int rowNum) {
      if (rowNum < 0 || rowNum >= MAX_ROWS) {
        throw rejected("numéro de ligne hors des limites d'Excel (1 à " + MAX_ROWS + ") après la ligne " + (row + 1));
      }
      if (rowNum <= row) {
        throw rejected("lignes dans le désordre ou en double (ligne " + (rowNum + 1) + " après la ligne "
            + (row + 1) + ")");
      }
      row = rowNum;
      cells.clear();
      nextColumn = 0;
    }

    @Override
    public void endRow(int rowNum) {
      sink.row(row + 1, new ArrayList<>(cells));
    }

    @Override
    public void cell(String reference, String value, XSSFComment comment) {
      int column = reference == null ? nextColumn : column(reference);
      if (column < 0) {
        throw rejected("ligne " + (row + 1) + " : référence de cellule au-delà de la dernière colonne d'Excel (XFD)");
      }
      if (column < cells.size()) {
        throw rejected("ligne " + (row + 1) + " : cellules dans le désordre ou en double (colonne "
            + CellReference.convertNumToColString(column) + ")");
      }
      if (value != null && value.length() > Csv.Parser.MAX_FIELD) {
        throw rejected("ligne " + (row + 1) + ", colonne " + CellReference.convertNumToColString(column)
            + " : plus de " + Csv.Parser.MAX_FIELD + " caractères, la limite d'une cellule Excel");
      }
      while (cells.size() < column) {
        cells.add(null);
      }
      cells.add(value);
      nextColumn = column + 1;
    }

    private FileRejected rejected(String where) {
      return new FileRejected("Feuille « " + Texts.excerpt(sheet, SHEET_NAME_MAX) + " » : " + where
          + ". Enregistrez le classeur de nouveau depuis Excel.");
    }
  }
}
