package fr.oref.devenir.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The one launcher: {@code ./devenir COMMAND} locally, the same jar under spark-submit on a cluster.
 * Exit codes: 0 success, 2 bad usage, 1 failure with a one-line reason.
 */
@Command(name = "devenir", mixinStandardHelpOptions = true, version = "Devenir 0.1",
    description = "Devenir : devenir des apprentis à la sortie du CFA (sortants, enquêtes, indicateurs, publication).",
    subcommands = {
        TemplateCommand.class,
        SampleCommand.class,
        InitCommand.class,
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
  private static final Logger LOG = LoggerFactory.getLogger(Devenir.class);

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Devenir());
    cli.setExecutionStrategy(Devenir::executeThenUnlock);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      // the terminal gets one French line; the trace goes to the log file only (see log4j2.properties)
      LOG.error("devenir {} : échec", commandLine.getCommandName(), e);
      commandLine.getErr().println("devenir " + commandLine.getCommandName() + " : échec : " + oneLine(e));
      return 1;
    });
    return cli;
  }

  /** Runs the command, then releases the lake's lock it took, even when it failed. */
  private static int executeThenUnlock(CommandLine.ParseResult parsed) {
    try {
      return new CommandLine.RunLast().execute(parsed);
    } finally {
      CommandLine.ParseResult last = parsed;
      while (last.hasSubcommand()) {
        last = last.subcommand();
      }
      last.commandSpec().mixins().values().stream().map(CommandSpec::userObject)
          .filter(SparkOptions.class::isInstance).forEach(o -> ((SparkOptions) o).close());
    }
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
