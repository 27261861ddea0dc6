using System.Management.Automation;
using Rmq.PowerShell.Infrastructure;
using Rmq.PowerShell.Models;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.PowerShell.Cmdlets;

/// <summary>Get-RmqConsumerGroup: the subscription groups of every master broker (one object per broker and group).</summary>
[Cmdlet(VerbsCommon.Get, "RmqConsumerGroup")]
[OutputType(typeof(RmqConsumerGroup))]
public sealed class GetRmqConsumerGroupCommand : RmqBrokerTargetCmdlet
{
    [Parameter(Position = 0, HelpMessage = "Group names; wildcards allowed.")]
    [SupportsWildcards]
    [Alias("Name")]
    public string[]? Group { get; set; }

    protected override void ProcessRecord()
    {
        if (ResolveBrokers(mastersOnly: true) is not var (snapshot, brokers))
        {
            return;
        }

        var answers = Run(ct => Task.WhenAll(brokers.Select(async b =>
        {
            try
            {
                await using var client = RmqSession.Broker();
                return (Broker: b, Groups: await client.GetAllSubscriptionGroupAsync(b.Address, ct).ConfigureAwait(false), Error: (Exception?)null);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return (Broker: b, Groups: (SubscriptionGroupWrapper?)null, Error: e);
            }
        })));

        foreach (var (broker, groups, error) in answers)
        {
            if (groups is null)
            {
                WriteTargetError(error!, RmqErrors.ForBroker(error!), broker.Address);
                continue;
            }

            foreach (var config in groups.SubscriptionGroupTable.Values.Where(g => Matches(g.GroupName, Group)))
            {
                WriteObject(new RmqConsumerGroup
                {
                    NameServer = snapshot.NameServer,
                    Cluster = broker.Cluster,
                    BrokerName = broker.BrokerName,
                    BrokerId = broker.BrokerId,
                    Address = broker.Address,
                    Group = config.GroupName,
                    ConsumeEnable = config.ConsumeEnable,
                    ConsumeBroadcastEnable = config.ConsumeBroadcastEnable,
                    RetryQueueNums = config.RetryQueueNums,
                    RetryMaxTimes = config.RetryMaxTimes,
                    WhichBrokerWhenConsumeSlowly = config.WhichBrokerWhenConsumeSlowly,
                });
            }
        }
    }
}
