package fr.oref.devenir.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one launcher: {@code ./devenir COMMAND} locally, the same jar under spark-submit on a cluster.
 * Exit codes: 0 success, 2 bad usage, 1 failure with a one-line reason.
 */
@Command(name = "devenir", mixinStandardHelpOptions = true, version = "Devenir 0.1",
    description = "Devenir : devenir des apprentis à la sortie du CFA (sortants, enquêtes, indicateurs, publication).",
    subcommands = {
        TemplateCommand.class,
        SampleCommand.class,
        IngestLeaversCommand.class,
        PanelCommand.class,
        IngestResponsesCommand.class,
        CloseWaveCommand.class,
        IndicatorsCommand.class,
        PublishCommand.class,
        PurgeCommand.class,
        RotateKeyCommand.class,
        DemoCommand.class,
        CommandLine.HelpCommand.class})
public final class Devenir {
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Devenir());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("devenir " + commandLine.getCommandName() + " : échec : " + oneLine(e));
      return 1;
    });
    return cli;
  }

  private static String oneLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getMessage() == null) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
