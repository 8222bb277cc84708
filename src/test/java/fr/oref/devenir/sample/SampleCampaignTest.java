package fr.oref.devenir.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.oref.devenir.privacy.Pseudonymizer;
import fr.oref.devenir.text.Csv;
import fr.oref.devenir.values.Uai;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCampaignTest {
  private static final Pseudonymizer KEY = new Pseudonymizer("a-test-key-of-sixteen-chars");

  @Test
  void sameSeedSameCampaign(@TempDir Path a, @TempDir Path b) throws Exception {
    SampleCampaign.write(a, 2022, 8, 400, 5, KEY);
    SampleCampaign.write(b, 2022, 8, 400, 5, KEY);
    assertEquals(Files.readString(a.resolve("manifest.csv")), Files.readString(b.resolve("manifest.csv")));
    assertEquals(Files.readString(a.resolve("survey/export_C2022_V1.csv")),
        Files.readString(b.resolve("survey/export_C2022_V1.csv")));
  }

  @Test
  void shapeAndDefectsAreWhatTheManifestSays(@TempDir Path dir) throws Exception {
    SampleCampaign.Summary s = SampleCampaign.write(dir, 2022, 8, 400, 5, KEY);
    List<Map<String, String>> files = Csv.readMaps(Files.newInputStream(dir.resolve("manifest-summary.csv")));
    assertEquals(8, files.size());
    assertTrue(files.stream().allMatch(f -> Uai.isValid(f.get("uai_cfa"))));
    int rows = files.stream().mapToInt(f -> Integer.parseInt(f.get("rows"))).sum();
    long duplicates = Csv.readMaps(Files.newInputStream(dir.resolve("manifest.csv"))).stream()
        .filter(d -> d.get("defect").equals("duplicated_leaver")).count();
    assertEquals(400 + duplicates, rows, "every leaver once, plus the injected copies");
    Set<String> defects = Csv.readMaps(Files.newInputStream(dir.resolve("manifest.csv"))).stream()
        .map(d -> d.get("defect")).collect(Collectors.toSet());
    assertTrue(defects.containsAll(Set.of("empty_file", "not_excel", "password_protected", "csv_windows_1252",
        "renamed_reordered_headers", "extra_column", "renamed_sheet", "formula_cells", "repeater", "text_dates",
        "serial_dates")), defects.toString());
    assertEquals(11, Files.list(s.leaversDir()).count(), "8 CFAs and 3 files no CFA should send");
    String csv = Files.readString(Files.list(s.leaversDir()).filter(p -> p.toString().endsWith(".csv")).findFirst()
        .orElseThrow(), Charset.forName("windows-1252"));
    assertTrue(csv.contains("Prénom"), "Windows-1252 decodes with its accents");
    List<String> v1 = Files.readAllLines(s.surveyDir().resolve("export_C2022_V1.csv"));
    assertTrue(v1.get(0).startsWith("ID_SEINE;STATUT;"));
    assertTrue(v1.size() > 350, "one row per panel member, and a few injected ones");
  }

  @Test
  void aRegionsCfasStayInNormandyANationalCampaignsSpreadOverFrance() {
    Set<String> regional = new LeaverSample(2022, 250, 1000, 5).cfaUais().stream().map(Uai::department)
        .collect(Collectors.toSet());
    assertTrue(Set.of("14", "27", "50", "61", "76").containsAll(regional), regional.toString());
    Set<String> national = new LeaverSample(2022, 2000, 500_000, 5).cfaUais().stream().map(Uai::department)
        .collect(Collectors.toSet());
    assertTrue(national.size() > 90 && national.contains("974") && national.contains("01"), national.toString());
  }
}
