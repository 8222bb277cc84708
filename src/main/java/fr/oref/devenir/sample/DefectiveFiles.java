package fr.oref.devenir.sample;

import fr.oref.devenir.contracts.LeaverColumn;
import fr.oref.devenir.contracts.LeaverFileContract;
import fr.oref.devenir.sample.LeaverSample.Defect;
import fr.oref.devenir.sample.LeaverSample.FileWritten;
import fr.oref.devenir.text.Csv;
import fr.oref.devenir.text.Texts;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The leaver files of a sample as real CFAs send them: each file drifts from the template its own way
 * (title rows, renamed and reordered headers, extra columns, dates as text or serials, formulas, a
 * renamed sheet, Windows-1252 CSV), rows carry defects, and a few files should never have been sent.
 * Every defect is listed for the manifest.
 */
final class DefectiveFiles {
  private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM/yy");

  private final int cohort;
  private final Random random;
  private final List<Defect> defects;
  private final List<FileWritten> files;

  /** Shares the sample's random source, so a seed gives the same campaign. */
  DefectiveFiles(int cohort, Random random, List<Defect> defects, List<FileWritten> files) {
    this.cohort = cohort;
    this.random = random;
    this.defects = defects;
    this.files = files;
  }

  /** How this CFA's file drifts from the template: decided per file, then defects per row. */
  void writeCfa(Path dir, int index, String uai, List<List<Object>> rows) throws IOException {
    List<LeaverColumn> columns = new ArrayList<>(LeaverFileContract.get().columns());
    List<String> headers = new ArrayList<>(columns.stream().map(LeaverColumn::header).toList());
    String name = "sortants_C" + cohort + "_" + uai + (index == 3 ? ".csv" : ".xlsx");
    String sheet = index == 4 ? "Liste " + cohort : LeaverFileContract.SHEET;
    boolean messyHeader = index % 5 == 1;
    int titleRows = messyHeader ? 1 + random.nextInt(3) : 0;
    boolean extras = index % 7 == 2;
    String dateStyle = index % 6 == 5 ? "text" : index % 10 == 7 ? "serial" : "date";
    boolean formulas = index == 6;
    if (messyHeader) {
      for (int i = 0; i < headers.size(); i++) {
        List<String> aliases = columns.get(i).aliases();
        String h = random.nextBoolean() && !aliases.isEmpty() ? aliases.get(random.nextInt(aliases.size())) : headers.get(i);
        headers.set(i, random.nextBoolean() ? h.toUpperCase() : Texts.fold(h));
      }
      int a = random.nextInt(headers.size());
      int b = random.nextInt(headers.size());
      Collections.swap(headers, a, b);
      Collections.swap(columns, a, b);
      for (List<Object> row : rows) {
        Collections.swap(row, a, b);
      }
      defects.add(new Defect(name, sheet, titleRows + 1, "", "renamed_reordered_headers", titleRows + " ligne(s) de titre"));
    }
    if (extras) {
      headers.add("Observations");
      defects.add(new Defect(name, sheet, titleRows + 1, "Observations", "extra_column", ""));
    }
    int headerRow = titleRows + 1;
    List<List<Object>> out = new ArrayList<>();
    for (List<Object> original : rows) {
      List<Object> row = new ArrayList<>(original);
      injectRowDefects(name, sheet, headerRow + out.size() + 1, columns, row);
      if (extras) {
        row.add(random.nextDouble() < 0.1 ? "à rappeler" : null);
      }
      out.add(row);
      if (random.nextDouble() < 0.01) {
        List<Object> copy = new ArrayList<>(row);
        int mobile = columns.indexOf(LeaverFileContract.get().column("mobile"));
        copy.set(mobile, "07 81 23 45 6" + random.nextInt(10));
        out.add(copy);
        defects.add(new Defect(name, sheet, headerRow + out.size(), "", "duplicated_leaver",
            "copie de la ligne " + (headerRow + out.size() - 1)));
      }
    }
    for (int r = 0; r < out.size(); r++) {
      if ("Oui".equals(out.get(r).get(columns.indexOf(LeaverFileContract.get().column("repeating"))))) {
        defects.add(new Defect(name, sheet, headerRow + r + 1, "Redoublant", "repeater", ""));
      }
    }
    if (!"date".equals(dateStyle)) {
      defects.add(new Defect(name, sheet, 0, "", dateStyle + "_dates", "dates en " + dateStyle));
    }
    files.add(new FileWritten(name, uai, out.size()));
    if (name.endsWith(".csv")) {
      writeCsv(dir.resolve(name), headers, out);
      defects.add(new Defect(name, "", 0, "", "csv_windows_1252", ""));
    } else {
      writeWorkbook(dir.resolve(name), sheet, titleRows, headers, out, dateStyle, formulas);
      if (formulas) {
        defects.add(new Defect(name, sheet, 0, "Code postal", "formula_cells", "=TEXTE(…)"));
      }
      if (!LeaverFileContract.SHEET.equals(sheet)) {
        defects.add(new Defect(name, sheet, 0, "", "renamed_sheet", sheet));
      }
    }
  }

  private void injectRowDefects(String file, String sheet, int rowNumber, List<LeaverColumn> columns, List<Object> row) {
    LeaverFileContract contract = LeaverFileContract.get();
    double u = random.nextDouble();
    if (u < 0.005) {
      int i = columns.indexOf(contract.column("uai_cfa"));
      String uai = (String) row.get(i);
      char wrong = uai.charAt(7) == 'A' ? 'B' : 'A';
      row.set(i, uai.substring(0, 7) + wrong);
      defects.add(new Defect(file, sheet, rowNumber, "UAI CFA responsable", "wrong_uai_letter", uai + " → " + wrong));
    } else if (u < 0.015) {
      int i = columns.indexOf(contract.column("mobile"));
      row.set(i, "06 12 34");
      defects.add(new Defect(file, sheet, rowNumber, "Téléphone portable", "invalid_phone", ""));
    } else if (u < 0.02) {
      int s = columns.indexOf(contract.column("training_start"));
      int e = columns.indexOf(contract.column("training_end"));
      Object start = row.get(s);
      row.set(s, row.get(e));
      row.set(e, start);
      defects.add(new Defect(file, sheet, rowNumber, "Date de fin de formation", "swapped_dates", ""));
    }
  }

  private void writeWorkbook(Path file, String sheetName, int titleRows, List<String> headers, List<List<Object>> rows,
      String dateStyle, boolean formulas) throws IOException {
    try (Workbook wb = formulas ? new XSSFWorkbook() : new SXSSFWorkbook(200); OutputStream out = Files.newOutputStream(file)) {
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
      Sheet sheet = wb.createSheet(sheetName);
      for (int t = 0; t < titleRows; t++) {
        sheet.createRow(t).createCell(0).setCellValue(t == 0 ? "Liste des sortants " + cohort : "Édité le 10/10/" + cohort);
      }
      Row header = sheet.createRow(titleRows);
      for (int c = 0; c < headers.size(); c++) {
        header.createCell(c).setCellValue(headers.get(c));
      }
      int postal = headers.indexOf(LeaverFileContract.get().column("postal_code").header());
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(titleRows + 1 + r);
        List<Object> values = rows.get(r);
        for (int c = 0; c < values.size(); c++) {
          Object v = values.get(c);
          if (v == null) {
            continue;
          }
          Cell cell = row.createCell(c);
          if (v instanceof LocalDate d) {
            switch (dateStyle) {
              case "text" -> cell.setCellValue(r % 3 == 0 ? d.format(FRENCH) : r % 3 == 1 ? d.format(SHORT) : d.toString());
              case "serial" -> cell.setCellValue(org.apache.poi.ss.usermodel.DateUtil.getExcelDate(d));
              default -> {
                cell.setCellValue(d);
                cell.setCellStyle(date);
              }
            }
          } else if (formulas && c == postal) {
            cell.setCellFormula("TEXT(" + v + ",\"00000\")");
          } else {
            cell.setCellValue(v.toString());
          }
        }
      }
      if (formulas) {
        wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
      }
      if (!LeaverFileContract.SHEET.equals(sheetName)) {
        wb.createSheet("Notes").createRow(0).createCell(0).setCellValue("Fichier préparé par le service scolarité");
      }
      wb.write(out);
    }
  }

  private static void writeCsv(Path file, List<String> headers, List<List<Object>> rows) throws IOException {
    try (Writer w = new OutputStreamWriter(Files.newOutputStream(file), Charset.forName("windows-1252"))) {
      Csv.writeRecord(w, headers);
      for (List<Object> row : rows) {
        Csv.writeRecord(w, row.stream().map(v -> v == null ? "" : v instanceof LocalDate d ? d.format(FRENCH)
            : v.toString()).toList());
      }
    }
  }

  /** The files a CFA should never send, each of which must end as one clear ingest-log entry. */
  void writeBadFiles(Path dir) throws IOException {
    Files.write(dir.resolve("sortants_vide.xlsx"), new byte[0]);
    defects.add(new Defect("sortants_vide.xlsx", "", 0, "", "empty_file", ""));
    Files.writeString(dir.resolve("sortants_export.xlsx"), "UAI;Nom;Prénom\n0141300M;Test;Test\n");
    defects.add(new Defect("sortants_export.xlsx", "", 0, "", "not_excel", "texte nommé .xlsx"));
    Path plain = Files.createTempFile("devenir-sample", ".xlsx");
    writeWorkbook(plain, LeaverFileContract.SHEET, 0,
        LeaverFileContract.get().columns().stream().map(LeaverColumn::header).toList(), List.of(), "date", false);
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
      encryptor.confirmPassword("secret");
      try (OutputStream os = encryptor.getDataStream(fs)) {
        Files.copy(plain, os);
      }
      try (OutputStream out = Files.newOutputStream(dir.resolve("sortants_protege.xlsx"))) {
        fs.writeFilesystem(out);
      }
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException(e);
    } finally {
      Files.deleteIfExists(plain);
    }
    defects.add(new Defect("sortants_protege.xlsx", "", 0, "", "password_protected", "mot de passe « secret »"));
  }
}
