using System.CommandLine;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>updateSubGroup -b ADDR | -c CLUSTER -g GROUP [...]</c>: UPDATE_AND_CREATE_SUBSCRIPTIONGROUP on the masters.</summary>
internal sealed class UpdateSubGroupCommand : AdminLeafCommand
{
    private readonly Option<string?> _brokerAddr;
    private readonly Option<string?> _clusterName;
    private readonly Option<string?> _group;
    private readonly Option<string?> _consumeEnable;
    private readonly Option<string?> _fromMin;
    private readonly Option<string?> _broadcast;
    private readonly Option<string?> _retryQueueNums;
    private readonly Option<string?> _retryMaxTimes;
    private readonly Option<string?> _brokerId;
    private readonly Option<string?> _slowly;
    private readonly Option<string?> _notify;

    public UpdateSubGroupCommand(CliConsole console)
        : base(console, "updateSubGroup", "Update or create subscription group")
    {
        _brokerAddr = Value("b", "brokerAddr", "create subscription group to which broker");
        _clusterName = Value("c", "clusterName", "create subscription group to which cluster");
        _group = Value("g", "groupName", "consumer group name", required: true);
        _consumeEnable = Value("s", "consumeEnable", "consume enable");
        _fromMin = Value("m", "consumeFromMinEnable", "from min offset");
        _broadcast = Value("d", "consumeBroadcastEnable", "broadcast");
        _retryQueueNums = Value("q", "retryQueueNums", "retry queue nums");
        _retryMaxTimes = Value("r", "retryMaxTimes", "retry max times");
        _brokerId = Value("i", "brokerId", "consumer from which broker id");
        _slowly = Value("w", "whichBrokerWhenConsumeSlowly", "which broker id when consume slowly");
        _notify = Value("a", "notifyConsumerIdsChanged", "notify consumerId changed");
        RequireOneOf(_brokerAddr, _clusterName);
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var config = new SubscriptionGroupConfig
        {
            GroupName = RequiredText(parse, _group).Trim(),
            ConsumeEnable = BoolValue(parse, _consumeEnable, true),
            ConsumeFromMinEnable = BoolValue(parse, _fromMin, false),
            ConsumeBroadcastEnable = BoolValue(parse, _broadcast, false),
            RetryQueueNums = IntValue(parse, _retryQueueNums, 1),
            RetryMaxTimes = IntValue(parse, _retryMaxTimes, 16),
            BrokerId = LongValue(parse, _brokerId, 0),
            WhichBrokerWhenConsumeSlowly = LongValue(parse, _slowly, 1),
            NotifyConsumerIdsChangedEnable = BoolValue(parse, _notify, true),
        };
        var results = await context.Admin.CreateOrUpdateSubscriptionGroupAsync(config, parse.GetValue(_clusterName), parse.GetValue(_brokerAddr), cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            await WriteJsonAsync(new { subscriptionGroupConfig = config, brokers = results.Select(FleetResults.ToJson) }).ConfigureAwait(false);
        }
        else
        {
            foreach (var result in results.Where(r => r.Succeeded))
            {
                await PrintfAsync("create subscription group to %s success.%n", result.Address).ConfigureAwait(false);
            }

            await PrintfAsync(
                "SubscriptionGroupConfig [groupName=%s, consumeEnable=%s, consumeFromMinEnable=%s, consumeBroadcastEnable=%s, retryQueueNums=%d, retryMaxTimes=%d, brokerId=%d, whichBrokerWhenConsumeSlowly=%d, notifyConsumerIdsChangedEnable=%s]%n",
                config.GroupName, config.ConsumeEnable, config.ConsumeFromMinEnable, config.ConsumeBroadcastEnable, config.RetryQueueNums, config.RetryMaxTimes,
                config.BrokerId, config.WhichBrokerWhenConsumeSlowly, config.NotifyConsumerIdsChangedEnable).ConfigureAwait(false);
        }

        return await FleetResults.ExitCodeAsync(results, Console.Error, context.Json).ConfigureAwait(false);
    }
}
