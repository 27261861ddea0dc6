using System.Collections;
using System.Globalization;
using System.Management.Automation;
using Rmq.PowerShell.Infrastructure;
using Rmq.PowerShell.Models;

namespace Rmq.PowerShell.Cmdlets;

/// <summary>Set-RmqBrokerConfig: changes live config keys of brokers (UPDATE_BROKER_CONFIG), one ShouldProcess per broker.</summary>
[Cmdlet(VerbsCommon.Set, "RmqBrokerConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "KeyValue")]
[OutputType(typeof(RmqBrokerConfigItem))]
public sealed class SetRmqBrokerConfigCommand : RmqBrokerTargetCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "KeyValue", HelpMessage = "The config key, e.g. brokerPermission.")]
    public string Key { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ParameterSetName = "KeyValue", HelpMessage = "The new value.")]
    [AllowEmptyString]
    public string Value { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = "Hashtable", HelpMessage = "Several keys at once: @{ key = value; ... }.")]
    public Hashtable Property { get; set; } = [];

    [Parameter(HelpMessage = "Output the keys set, one object per broker and key.")]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var properties = ParameterSetName == "Hashtable"
            ? Property.Cast<DictionaryEntry>().ToDictionary(e => Convert.ToString(e.Key, CultureInfo.InvariantCulture)!, e => Convert.ToString(e.Value, CultureInfo.InvariantCulture) ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal) { [Key] = Value };
        if (ResolveBrokers(mastersOnly: false) is not var (snapshot, brokers))
        {
            return;
        }

        var text = string.Join(", ", properties.Select(p => $"{p.Key}={p.Value}"));
        foreach (var broker in brokers)
        {
            if (!ShouldProcess($"broker '{broker.BrokerName}' id {broker.BrokerId} ({broker.Address})", $"Set config {text}"))
            {
                continue;
            }

            try
            {
                Run(async ct =>
                {
                    await using var client = RmqSession.Broker();
                    await client.UpdateBrokerConfigAsync(broker.Address, properties, ct).ConfigureAwait(false);
                });
            }
            catch (Exception e) when (e is not PipelineStoppedException)
            {
                WriteTargetError(e, RmqErrors.ForBroker(e), broker.Address);
                continue;
            }

            if (PassThru)
            {
                foreach (var (key, value) in properties)
                {
                    WriteObject(new RmqBrokerConfigItem
                    {
                        NameServer = snapshot.NameServer, Cluster = broker.Cluster, BrokerName = broker.BrokerName, BrokerId = broker.BrokerId, Address = broker.Address, Key = key, Value = value,
                    });
                }
            }
        }
    }
}
