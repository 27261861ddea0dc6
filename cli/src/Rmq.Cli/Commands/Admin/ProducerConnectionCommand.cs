using System.CommandLine;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>producerConnection -g GROUP -t T</c>: the group's connections on the topic's brokers.</summary>
internal sealed class ProducerConnectionCommand : AdminLeafCommand
{
    private readonly Option<string?> _group;
    private readonly Option<string?> _topic;

    public ProducerConnectionCommand(CliConsole console)
        : base(console, "producerConnection", "Query producer's socket connection and client version")
    {
        _group = Value("g", "producerGroup", "producer group name", required: true);
        _topic = Value("t", "topic", "topic name", required: true);
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var connection = await context.Admin.ProducerConnectionAsync(RequiredText(parse, _group).Trim(), RequiredText(parse, _topic).Trim(), cancellationToken).ConfigureAwait(false);
        if (connection.ConnectionSet.Count == 0)
        {
            throw new AdminNotFoundException("Not found the producer group connection");
        }

        if (context.Json)
        {
            await WriteJsonAsync(connection.ConnectionSet.Select(c => new { c.ClientId, c.ClientAddr, language = c.Language.ToString(), c.Version, versionDesc = MQVersionText.Describe(c.Version) })).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var i = 1;
        foreach (var c in connection.ConnectionSet)
        {
            await PrintfAsync("%04d  %-32s %-22s %-8s %s%n", i++, c.ClientId, c.ClientAddr, c.Language, MQVersionText.Describe(c.Version)).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
