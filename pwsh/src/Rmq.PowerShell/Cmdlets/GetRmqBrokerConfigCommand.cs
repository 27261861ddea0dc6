using System.Management.Automation;
using Rmq.PowerShell.Infrastructure;
using Rmq.PowerShell.Models;

namespace Rmq.PowerShell.Cmdlets;

/// <summary>Get-RmqBrokerConfig: the live config of brokers (GET_BROKER_CONFIG), one object per broker and key.</summary>
[Cmdlet(VerbsCommon.Get, "RmqBrokerConfig")]
[OutputType(typeof(RmqBrokerConfigItem))]
public sealed class GetRmqBrokerConfigCommand : RmqBrokerTargetCmdlet
{
    [Parameter(Position = 0, HelpMessage = "Config keys; wildcards allowed.")]
    [SupportsWildcards]
    [Alias("Name")]
    public string[]? Key { get; set; }

    protected override void ProcessRecord()
    {
        if (ResolveBrokers(mastersOnly: false) is not var (snapshot, brokers))
        {
            return;
        }

        foreach (var broker in brokers)
        {
            SortedDictionary<string, string> config;
            try
            {
                config = Run(async ct =>
                {
                    await using var client = RmqSession.Broker();
                    return await client.GetBrokerConfigAsync(broker.Address, ct).ConfigureAwait(false);
                });
            }
            catch (Exception e) when (e is not PipelineStoppedException)
            {
                WriteTargetError(e, RmqErrors.ForBroker(e), broker.Address);
                continue;
            }

            foreach (var (key, value) in config.Where(kv => Matches(kv.Key, Key)))
            {
                WriteObject(new RmqBrokerConfigItem
                {
                    NameServer = snapshot.NameServer, Cluster = broker.Cluster, BrokerName = broker.BrokerName, BrokerId = broker.BrokerId, Address = broker.Address, Key = key, Value = value,
                });
            }
        }
    }
}
