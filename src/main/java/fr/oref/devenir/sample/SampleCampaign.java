package fr.oref.devenir.sample;

import fr.oref.devenir.privacy.Pseudonymizer;
import fr.oref.devenir.reference.DiplomaTypes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A whole synthetic campaign: the CFAs' leaver files (leavers/) and the survey tool's exports of both
 * waves (survey/), consistent with the panels Devenir will hand out — the survey IDs are computed
 * with the same pseudonymisation key the jobs will use.
 */
public final class SampleCampaign {
  private SampleCampaign() {}

  public record Summary(int files, int leavers, int leaverDefects, int surveyDefects, Path leaversDir, Path surveyDir) {}

  public static Summary write(Path out, int cohort, int cfas, int leavers, long seed, Pseudonymizer pseudonymizer)
      throws IOException {
    LeaverSample leaverSample = new LeaverSample(cohort, cfas, leavers, seed);
    Path leaversDir = out.resolve("leavers");
    leaverSample.write(leaversDir, out);
    DiplomaTypes types = DiplomaTypes.load();
    List<SurveySample.Target> panel = leaverSample.leavers().stream().filter(l -> !l.repeating())
        .map(l -> new SurveySample.Target(
            pseudonymizer.surveyId(cohort, pseudonymizer.leaverKey(cohort, l.lastName(), l.firstName(), l.birthDate())),
            l.uaiCfa(), types.levelOf(l.cfd()), l.sex(), l.cfd(), l.trainingEnd()))
        .toList();
    SurveySample survey = new SurveySample(cohort, seed + 1);
    Path surveyDir = out.resolve("survey");
    survey.write(panel, surveyDir);
    return new Summary(leaverSample.files().size(), leavers, leaverSample.defects().size(), survey.defects().size(),
        leaversDir, surveyDir);
  }
}
