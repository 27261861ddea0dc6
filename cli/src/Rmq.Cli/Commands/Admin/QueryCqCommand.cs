using System.CommandLine;
using System.Globalization;
using System.Text;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>queryCq -t T -q QID -i INDEX [-c COUNT] [-b ADDR] [-g GROUP]</c>: QUERY_CONSUME_QUEUE, consume-queue units printed as mqadmin does.</summary>
internal sealed class QueryCqCommand : AdminLeafCommand
{
    private const string Rule = "======================================\n";

    private readonly Option<string?> _topic;
    private readonly Option<string?> _queue;
    private readonly Option<string?> _index;
    private readonly Option<string?> _count;
    private readonly Option<string?> _broker;
    private readonly Option<string?> _consumer;

    public QueryCqCommand(CliConsole console)
        : base(console, "queryCq", "Query cq command.")
    {
        _topic = Value("t", "topic", "topic name", required: true);
        _queue = Value("q", "queue", "queue num, ie. 1", required: true);
        _index = Value("i", "index", "start queue index.", required: true);
        _count = Value("c", "count", "how many.");
        _broker = Value("b", "broker", "broker addr.");
        _consumer = Value("g", "consumer", "consumer group.");
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var index = LongValue(parse, _index, 0);
        var body = await context.Admin.QueryConsumeQueueAsync(RequiredText(parse, _topic).Trim(), IntValue(parse, _queue, 0), index, IntValue(parse, _count, 10),
            parse.GetValue(_broker)?.Trim(), parse.GetValue(_consumer)?.Trim(), cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            await Out.WriteLineAsync(Encoding.UTF8.GetString(body.Encode())).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var text = new StringBuilder();
        if (body.SubscriptionData is not null)
        {
            text.Append("Subscription data: \n").Append(Encoding.UTF8.GetString(body.SubscriptionData.Encode(Remoting.Json.FjFormat.Pretty))).Append('\n').Append(Rule);
        }

        if (body.FilterData is not null)
        {
            text.Append("Filter data: \n").Append(body.FilterData).Append('\n').Append(Rule);
        }

        text.Append(CultureInfo.InvariantCulture, $"Queue data: \nmax: {body.MaxQueueIndex}, min: {body.MinQueueIndex}\n").Append(Rule);
        foreach (var unit in body.QueueData)
        {
            text.Append(CultureInfo.InvariantCulture, $"idx: {index++}\n").Append(Describe(unit)).Append('\n').Append(Rule);
        }

        await Out.WriteAsync(text.ToString()).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>Java's ConsumeQueueData.toString.</summary>
    private static string Describe(ConsumeQueueData unit) => string.Create(CultureInfo.InvariantCulture,
        $"ConsumeQueueData{{physicOffset={unit.PhysicOffset}, physicSize={unit.PhysicSize}, tagsCode={unit.TagsCode}, extendDataJson='{unit.ExtendDataJson ?? "null"}', bitMap='{unit.BitMap ?? "null"}', eval={(unit.Eval ? "true" : "false")}, msg='{unit.Msg ?? "null"}'}}");
}
