using System.Globalization;
using System.Management.Automation;
using Rmq.Client.Admin.Models;
using Rmq.PowerShell.Infrastructure;
using Rmq.PowerShell.Models;

namespace Rmq.PowerShell.Cmdlets;

/// <summary>
/// Get-RmqBroker: every broker the name servers list, each with its runtime info. A broker that is listed
/// but does not answer is output with Status Unreachable (the name server keeps it up to 120 s).
/// </summary>
[Cmdlet(VerbsCommon.Get, "RmqBroker")]
[OutputType(typeof(RmqBroker))]
public sealed class GetRmqBrokerCommand : RmqNameServerCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "Broker names; wildcards allowed.")]
    [SupportsWildcards]
    public string[]? BrokerName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "Only brokers of these clusters; wildcards allowed.")]
    [SupportsWildcards]
    [Alias("ClusterName")]
    public string[]? Cluster { get; set; }

    protected override void ProcessRecord()
    {
        if (ReadClusters() is not { } snapshot)
        {
            return;
        }

        var targets = snapshot.Brokers.Where(b => Matches(b.Cluster, Cluster) && Matches(b.BrokerName, BrokerName)).ToList();
        foreach (var broker in Run(ct => BrokerReader.ReadAsync(snapshot.NameServer, targets, ct)))
        {
            WriteObject(broker);
        }
    }
}

/// <summary>Runtime info of brokers, read in parallel.</summary>
internal static class BrokerReader
{
    public static Task<RmqBroker[]> ReadAsync(string nameServer, IEnumerable<BrokerEntry> targets, CancellationToken cancellationToken) =>
        Task.WhenAll(targets.Select(t => ReadAsync(nameServer, t, cancellationToken)));

    public static async Task<RmqBroker> ReadAsync(string nameServer, BrokerEntry target, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, string>? runtime = null;
        string? error = null;
        var unreachable = false;
        try
        {
            await using var client = RmqSession.Broker();
            runtime = await client.GetBrokerRuntimeInfoAsync(target.Address, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A broker that answers but offers no runtime info (REQUEST_CODE_NOT_SUPPORTED) is online without figures.
            error = e is Rmq.Client.MQClientException { Code: Rmq.Remoting.Protocol.ResponseCode.RequestCodeNotSupported } ? null : e.Message;
            unreachable = RmqErrors.IsUnreachable(e);
        }

        var row = new BrokerRuntimeRow(target.Cluster, target.BrokerName, target.BrokerId, target.Address, runtime, error);
        return new RmqBroker
        {
            NameServer = nameServer,
            Cluster = target.Cluster,
            BrokerName = target.BrokerName,
            BrokerId = target.BrokerId,
            Address = target.Address,
            Status = unreachable ? "Unreachable" : "Online",
            Version = row.Version,
            InTps = row.InTps,
            OutTps = row.OutTps,
            CommitLogMaxOffset = runtime is not null && runtime.TryGetValue("commitLogMaxOffset", out var text) && long.TryParse(text, CultureInfo.InvariantCulture, out var offset) ? offset : null,
            Error = error,
            RuntimeInfo = runtime ?? new Dictionary<string, string>(),
        };
    }
}
