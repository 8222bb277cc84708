package fr.oref.devenir.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.oref.devenir.contracts.LeaverFileContract;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeaderMatcherTest {
  private final HeaderMatcher matcher = new HeaderMatcher(LeaverFileContract.get());

  @Test
  void matchesTemplateHeadersIgnoringCaseAccentsAndPunctuation() {
    assertEquals(Optional.of("first_name"), matcher.field("PRENOM"));
    assertEquals(Optional.of("first_name"), matcher.field(" prénom "));
    assertEquals(Optional.of("uai_cfa"), matcher.field("U.A.I. CFA responsable"));
    assertEquals(Optional.of("birth_date"), matcher.field("date-de-naissance"));
    assertEquals(Optional.of("email"), matcher.field("E-mail"));
  }

  @Test
  void acceptsAliasesAndAnotherWordOrder() {
    assertEquals(Optional.of("mobile"), matcher.field("Portable"));
    assertEquals(Optional.of("birth_date"), matcher.field("Naissance (date)"));
    assertEquals(Optional.of("training_end"), matcher.field("Fin de formation (date de)"));
    assertEquals(Optional.of("cfd"), matcher.field("CFD"));
  }

  @Test
  void leavesUnknownHeadersAsExtras() {
    assertEquals(Optional.empty(), matcher.field("Observations"));
    HeaderMatcher.Mapping m = matcher.map(Arrays.asList("Nom", "Prénom", null, "Observations", "Code diplôme", "Sexe", "Nom"));
    assertEquals(4, m.matched());
    assertEquals(List.of("Observations", "Nom"), m.extraHeaders());
    assertTrue(matcher.isHeader(m));
    assertTrue(m.missingHeaders().contains("UAI CFA responsable"));
  }

  @Test
  void aTitleOrDataRowIsNotAHeader() {
    assertFalse(matcher.isHeader(matcher.map(List.of("Liste des sortants 2022 - CFA du Bâtiment"))));
    assertFalse(matcher.isHeader(matcher.map(List.of("0141300M", "DUPONT", "Jean", "M", "2003-01-02"))));
  }
}
