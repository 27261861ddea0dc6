using System.Globalization;
using Rmq.Client.Admin.Models;
using Rmq.PowerShell.Models;

namespace Rmq.PowerShell.Infrastructure;

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
