package fr.oref.devenir.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CleaningRulesTest {
  private final MisroutingRules rules = MisroutingRules.defaults();

  private static Map<String, Object> answer(Object... kv) {
    Map<String, Object> a = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      a.put((String) kv[i], kv[i + 1]);
    }
    return a;
  }

  @Test
  void otherWithApprenticeshipTextBecomesFurtherStudy() {
    Map<String, Object> a = answer("situation", "OTHER", "situation_other", "Je suis en Contrat Pro");
    List<Correction> c = rules.apply("X", 1, a);
    assertEquals("APPRENTICESHIP_STUDY", a.get("situation"));
    assertEquals(List.of(new Correction("X", 1, "work_study_contract", null, "PROFESSIONALISATION",
        "other_text_professionalisation"),
        new Correction("X", 1, "situation", "OTHER", "APPRENTICESHIP_STUDY", "other_text_apprenticeship")), c);
  }

  @Test
  void professionalisationContractsAreToldFromApprenticeships() {
    Map<String, Object> text = answer("situation", "APPRENTICESHIP_STUDY", "training_followed",
        "BTS MCO en contrat de professionnalisation");
    rules.apply("X", 1, text);
    assertEquals("PROFESSIONALISATION", text.get("work_study_contract"), "the training's text says it");
    Map<String, Object> trainee = answer("situation", "APPRENTICESHIP_STUDY", "training_status", "CONTINUING_TRAINEE");
    rules.apply("X", 1, trainee);
    assertEquals("PROFESSIONALISATION", trainee.get("work_study_contract"), "continuing-training status in alternance");
    Map<String, Object> apprentice = answer("situation", "APPRENTICESHIP_STUDY", "training_status", "APPRENTICE",
        "training_followed", "contrat pro");
    rules.apply("X", 1, apprentice);
    assertEquals("APPRENTICESHIP", apprentice.get("work_study_contract"), "the coded apprentice status wins over text");
    Map<String, Object> plain = answer("situation", "APPRENTICESHIP_STUDY", "training_followed", "BTS MCO");
    rules.apply("X", 1, plain);
    assertEquals(null, plain.get("work_study_contract"), "nothing says which: counted as an apprenticeship");
    Map<String, Object> study = answer("situation", "STUDY", "training_status", "CONTINUING_TRAINEE");
    rules.apply("X", 1, study);
    assertEquals(null, study.get("work_study_contract"), "continuing training outside alternance is study");
  }

  @Test
  void studyAsApprenticeBecomesApprenticeship() {
    Map<String, Object> a = answer("situation", "STUDY", "training_status", "APPRENTICE");
    assertEquals("study_as_apprentice", rules.apply("X", 1, a).get(0).rule());
    assertEquals("APPRENTICESHIP_STUDY", a.get("situation"));
  }

  @Test
  void otherWithJobTextBecomesEmploymentAndOtherTextsStay() {
    Map<String, Object> a = answer("situation", "OTHER", "situation_other", "CDI depuis mars");
    rules.apply("X", 1, a);
    assertEquals("EMPLOYMENT", a.get("situation"));
    Map<String, Object> b = answer("situation", "OTHER", "situation_other", "Intérim");
    rules.apply("X", 1, b);
    assertEquals("EMPLOYMENT", b.get("situation"), "accents do not hide the word");
    Map<String, Object> c = answer("situation", "OTHER", "situation_other", "voyage à l'étranger");
    assertTrue(rules.apply("X", 1, c).isEmpty());
    assertEquals("OTHER", c.get("situation"));
    Map<String, Object> d = answer("situation", "OTHER", "situation_other", "service civique");
    rules.apply("X", 1, d);
    assertEquals("INACTIVE", d.get("situation"));
  }

  @Test
  void overridesComeLastAndWin() {
    Overrides overrides = Overrides.parse(List.of(Map.of("ID_SEINE", "X", "VAGUE", "1", "VARIABLE", "SITUATION",
        "VALEUR", "4", "MOTIF", "rappel téléphonique")), "test");
    Map<String, Object> a = answer("situation", "OTHER", "situation_other", "CDI");
    rules.apply("X", 1, a);
    List<Correction> manual = overrides.apply("X", 1, a);
    assertEquals("JOB_SEEKING", a.get("situation"));
    assertEquals("override: rappel téléphonique", manual.get(0).rule());
    assertEquals("EMPLOYMENT", manual.get(0).oldValue());
    assertTrue(overrides.apply("X", 2, answer()).isEmpty(), "another wave is untouched");
  }

  @Test
  void anOverrideOnAnUnknownVariableOrValueIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Overrides.parse(List.of(Map.of("ID_SEINE", "X", "VAGUE", "1",
        "VARIABLE", "SALAIRE", "VALEUR", "2000", "MOTIF", "?")), "test"));
    assertThrows(IllegalArgumentException.class, () -> Overrides.parse(List.of(Map.of("ID_SEINE", "X", "VAGUE", "1",
        "VARIABLE", "SITUATION", "VALEUR", "9", "MOTIF", "?")), "test"));
  }
}
