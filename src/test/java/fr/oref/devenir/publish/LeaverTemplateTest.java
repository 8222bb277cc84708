package fr.oref.devenir.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.oref.devenir.contracts.LeaverColumn;
import fr.oref.devenir.contracts.LeaverFileContract;
import fr.oref.devenir.contracts.LeaverFileStatus;
import fr.oref.devenir.ingest.FileSummary;
import fr.oref.devenir.ingest.LeaverFileReader;
import fr.oref.devenir.ingest.ReadLimits;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaverTemplateTest {
  @Test
  void theTemplateIsTheContract(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("modele.xlsx");
    try (OutputStream out = Files.newOutputStream(file)) {
      LeaverTemplate.write(out);
    }
    List<LeaverColumn> columns = LeaverFileContract.get().columns();
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
      Sheet data = wb.getSheet("Sortants");
      List<String> headers = new ArrayList<>();
      data.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
      assertEquals(columns.stream().map(LeaverColumn::header).toList(), headers);
      List<String> lists = new ArrayList<>();
      for (DataValidation v : data.getDataValidations()) {
        lists.add(String.join("/", v.getValidationConstraint().getExplicitListValues()));
      }
      assertTrue(lists.containsAll(List.of("F/M", "Oui/Non/Inconnu", "Oui/Non")), lists.toString());
      int birth = headers.indexOf("Date de naissance");
      assertEquals("dd/mm/yyyy", data.getColumnStyle(birth).getDataFormatString());
      assertEquals("@", data.getColumnStyle(headers.indexOf("Code postal")).getDataFormatString());
      Sheet description = wb.getSheet("Description");
      assertEquals(columns.size() + 1, description.getPhysicalNumberOfRows());
      assertEquals("Courriel ou portable", description.getRow(1 + headers.indexOf("Courriel")).getCell(3).getStringCellValue());
    }
    FileSummary read = new LeaverFileReader(LeaverFileContract.get(), new ReadLimits(1 << 20, ReadLimits.DEFAULT.parseTime())).read(file.toFile(), "modele.xlsx", r -> { });
    assertEquals(LeaverFileStatus.OK, read.status(), "the empty template is a valid file");
    assertEquals(0, read.rowsRead());
    assertEquals(List.of(), read.missingColumns());
  }
}
