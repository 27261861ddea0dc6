using System.CommandLine;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>updateTopic -b ADDR | -c CLUSTER -t T [-r 8] [-w 8] [-p 6] [-o] [-u] [-s]</c>: UPDATE_AND_CREATE_TOPIC.</summary>
internal sealed class UpdateTopicCommand : AdminLeafCommand
{
    private readonly Option<string?> _brokerAddr;
    private readonly Option<string?> _clusterName;
    private readonly Option<string?> _topic;
    private readonly Option<string?> _read;
    private readonly Option<string?> _write;
    private readonly Option<string?> _perm;
    private readonly Option<string?> _order;
    private readonly Option<string?> _unit;
    private readonly Option<string?> _hasUnitSub;

    public UpdateTopicCommand(CliConsole console)
        : base(console, "updateTopic", "Update or create topic")
    {
        _brokerAddr = Value("b", "brokerAddr", "create topic to which broker");
        _clusterName = Value("c", "clusterName", "create topic to which cluster");
        _topic = Value("t", "topic", "topic name", required: true);
        _read = Value("r", "readQueueNums", "set read queue nums");
        _write = Value("w", "writeQueueNums", "set write queue nums");
        _perm = Value("p", "perm", "set topic's permission(2|4|6), intro[2:W 4:R; 6:RW]");
        _order = Value("o", "order", "set topic's order(true|false)");
        _unit = Value("u", "unit", "is unit topic (true|false)");
        _hasUnitSub = Value("s", "hasUnitSub", "has unit sub (true|false)");
        RequireOneOf(_brokerAddr, _clusterName);
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var perm = IntValue(parse, _perm, PermName.ReadWrite);
        if (perm is not (2 or 4 or 6))
        {
            throw new AdminArgumentException($"-p,--perm must be 2, 4 or 6, not {perm}");
        }

        var config = new TopicConfig
        {
            TopicName = RequiredText(parse, _topic),
            ReadQueueNums = IntValue(parse, _read, 8),
            WriteQueueNums = IntValue(parse, _write, 8),
            Perm = perm,
            Order = BoolValue(parse, _order, false),
            TopicSysFlag = TopicSysFlag.Build(BoolValue(parse, _unit, false), BoolValue(parse, _hasUnitSub, false)),
        };
        var results = await context.Admin.CreateOrUpdateTopicAsync(config, parse.GetValue(_clusterName), parse.GetValue(_brokerAddr), cancellationToken).ConfigureAwait(false);

        // an order topic: its queue layout goes to every name server as ORDER_TOPIC_CONFIG/<topic> (mqadmin's createOrUpdateOrderConf)
        string? orderConf = null;
        if (config.Order && results.Any(r => r.Succeeded))
        {
            orderConf = string.Join(';', results.Where(r => r.Succeeded).Select(r => r.BrokerName).Distinct(StringComparer.Ordinal).Select(b => $"{b}:{config.WriteQueueNums}"));
            var put = await context.Admin.PutKvConfigAsync("ORDER_TOPIC_CONFIG", config.TopicName!, orderConf, cancellationToken).ConfigureAwait(false);
            if (put.All(p => !p.Succeeded))
            {
                throw put[0].Error!;
            }
        }

        if (context.Json)
        {
            await WriteJsonAsync(new { topicConfig = config, brokers = results.Select(FleetResults.ToJson), orderConf }).ConfigureAwait(false);
        }
        else
        {
            foreach (var result in results.Where(r => r.Succeeded))
            {
                await PrintfAsync("create topic to %s success.%n", result.Address).ConfigureAwait(false);
            }

            if (orderConf is not null)
            {
                await PrintfAsync("set %s orderConf. isOrder=true, orderConf=[%s]%n", parse.GetValue(_brokerAddr) is null ? "cluster" : "broker", orderConf).ConfigureAwait(false);
            }

            await PrintfAsync(
                "TopicConfig [topicName=%s, readQueueNums=%d, writeQueueNums=%d, perm=%s, topicFilterType=%s, topicSysFlag=%d, order=%s]%n",
                config.TopicName, config.ReadQueueNums, config.WriteQueueNums, PermName.ToString(config.Perm), config.TopicFilterType, config.TopicSysFlag, config.Order).ConfigureAwait(false);
        }

        return await FleetResults.ExitCodeAsync(results, Console.Error, context.Json).ConfigureAwait(false);
    }
}
