using System.CommandLine;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>consumerConnection -g GROUP</c>: the group's client connections and subscriptions.</summary>
internal sealed class ConsumerConnectionCommand : AdminLeafCommand
{
    private readonly Option<string?> _group;

    public ConsumerConnectionCommand(CliConsole console)
        : base(console, "consumerConnection", "Query consumer's socket connection, client version and subscription")
    {
        _group = Value("g", "consumerGroup", "consumer group name", required: true);
        Value("b", "brokerAddr", "broker address");
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var connection = await context.Admin.ConsumerConnectionAsync(RequiredText(parse, _group).Trim(), cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            await WriteJsonAsync(new
            {
                connections = connection.ConnectionSet.Select(c => new { c.ClientId, c.ClientAddr, language = c.Language.ToString(), c.Version, versionDesc = MQVersionText.Describe(c.Version) }),
                subscriptions = connection.SubscriptionTable.Values.Select(s => new { s.Topic, subExpression = s.SubString, s.ExpressionType }),
                consumeType = connection.ConsumeType?.ToString(),
                messageModel = connection.MessageModel?.ToString(),
                consumeFromWhere = connection.ConsumeFromWhere?.ToString(),
            }).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        await PrintfAsync("%-36s %-22s %-10s %s%n", "#ClientId", "#ClientAddr", "#Language", "#Version").ConfigureAwait(false);
        foreach (var c in connection.ConnectionSet)
        {
            await PrintfAsync("%-36s %-22s %-10s %s%n", c.ClientId, c.ClientAddr, c.Language, MQVersionText.Describe(c.Version)).ConfigureAwait(false);
        }

        await PrintfAsync("%nBelow is subscription:\n").ConfigureAwait(false);
        await PrintfAsync("%-20s %s%n", "#Topic", "#SubExpression").ConfigureAwait(false);
        foreach (var s in connection.SubscriptionTable.Values)
        {
            await PrintfAsync("%-20s %s%n", s.Topic, s.SubString).ConfigureAwait(false);
        }

        await PrintfAsync("\n").ConfigureAwait(false);
        await PrintfAsync("ConsumeType: %s%n", connection.ConsumeType).ConfigureAwait(false);
        await PrintfAsync("MessageModel: %s%n", connection.MessageModel).ConfigureAwait(false);
        await PrintfAsync("ConsumeFromWhere: %s%n", connection.ConsumeFromWhere).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
