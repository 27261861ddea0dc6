using System.CommandLine;

namespace Rmq.Cli.Commands.Admin;

/// <summary>
/// <c>rmq admin &lt;command&gt;</c>: mqadmin's sub-commands with its names, flags, defaults and tables,
/// plus <c>--output json</c> and drainBroker/undrainBroker/drainStatus. With no command it prints
/// mqadmin's command list; <c>help &lt;command&gt;</c> describes one; an unknown one exits 2.
/// </summary>
internal sealed class AdminCommand : Command
{
    private readonly CliConsole _console;
    private readonly Argument<string[]> _rest = new("command") { Arity = ArgumentArity.ZeroOrMore, Description = "help <command>", Hidden = true };

    public AdminCommand(CliConsole console)
        : base("admin", "mqadmin-compatible operations against rmq or Apache RocketMQ 4.x name servers and brokers")
    {
        _console = console;
        Arguments.Add(_rest);
        TreatUnmatchedTokensAsErrors = false;
        Command[] commands =
        [
            new UpdateTopicCommand(console),
            new DeleteTopicCommand(console),
            new UpdateSubGroupCommand(console),
            new DeleteSubGroupCommand(console),
            new UpdateBrokerConfigCommand(console),
            new UpdateTopicPermCommand(console),
            new TopicRouteCommand(console),
            new TopicStatusCommand(console),
            new TopicClusterListCommand(console),
            new BrokerStatusCommand(console),
            new QueryMsgByIdCommand(console),
            new QueryMsgByKeyCommand(console),
            new QueryMsgByUniqueKeyCommand(console),
            new QueryMsgByOffsetCommand(console),
            new PrintMsgCommand(console),
            new SendMessageCommand(console),
            new ConsumeMessageCommand(console),
            new ProducerConnectionCommand(console),
            new ConsumerConnectionCommand(console),
            new ConsumerProgressCommand(console),
            new ClusterListCommand(console),
            new TopicListCommand(console),
            new UpdateKvConfigCommand(console),
            new DeleteKvConfigCommand(console),
            new WipeWritePermCommand(console),
            new AddWritePermCommand(console),
            new ResetOffsetByTimeCommand(console),
            new UpdateNamesrvConfigCommand(console),
            new GetNamesrvConfigCommand(console),
            new CleanExpiredCQCommand(console),
            new DeleteExpiredCommitLogCommand(console),
            new StatsAllCommand(console),
            new ClusterRTCommand(console),
            new BrokerConsumeStatsCommand(console),
            new CloneGroupOffsetCommand(console),
            new CleanUnusedTopicCommand(console),
            new QueryCqCommand(console),
            new GetBrokerConfigCommand(console),
            new DrainBrokerCommand(console),
            new UndrainBrokerCommand(console),
            new DrainStatusCommand(console),
        ];
        foreach (var command in commands)
        {
            Subcommands.Add(command);
        }

        SetAction((parse, ct) => ExecuteAsync(parse, ct));
    }

    /// <summary>
    /// <c>rmq admin help topicList</c> parses as the topicList leaf with "help" as an argument of admin: the leaf asks
    /// here first and prints its help instead of running.
    /// </summary>
    public static bool IsHelpRequest(ParseResult parse) =>
        parse.CommandResult.Parent is System.CommandLine.Parsing.CommandResult { Command: AdminCommand admin } && (parse.GetValue(admin._rest) ?? []).Contains("help");

    public Task<int> PrintHelpAsync(string commandName, CancellationToken cancellationToken) =>
        RmqApp.BuildRootCommand(_console).Parse(["admin", commandName, "--help"])
            .InvokeAsync(new InvocationConfiguration { Output = _console.Out, Error = _console.Error }, cancellationToken);

    private async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var rest = (parse.GetValue(_rest) ?? []).Concat(parse.UnmatchedTokens).ToList();
        if (rest.Count == 0)
        {
            await PrintCommandListAsync().ConfigureAwait(false);
            return ExitCodes.Success;
        }

        if (rest[0] == "help")
        {
            if (rest.Count == 1)
            {
                await PrintCommandListAsync().ConfigureAwait(false);
                return ExitCodes.Success;
            }

            if (Subcommands.Any(c => c.Name == rest[1]))
            {
                return await PrintHelpAsync(rest[1], cancellationToken).ConfigureAwait(false);
            }

            rest.RemoveAt(0);
        }

        await _console.Error.WriteLineAsync($"The sub command {rest[0]} not exist.").ConfigureAwait(false);
        return ExitCodes.BadArguments;
    }

    private async Task PrintCommandListAsync()
    {
        var text = new System.Text.StringBuilder();
        text.Append("The most commonly used mqadmin commands are:\n");
        foreach (var command in Subcommands)
        {
            text.Append(JavaFormat.Format("   %-20s %s%n", command.Name, command.Description));
        }

        text.Append("\nSee 'rmq admin help <command>' for more information on a specific command.\n");
        await _console.Out.WriteAsync(text.ToString()).ConfigureAwait(false);
    }
}
