using System.Management.Automation;
using Rmq.Client.NameServer;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.PowerShell.Infrastructure;

/// <summary>
/// A cmdlet aimed at name servers: <c>-NameServer</c> takes several addresses (also "a:9876;b:9876"),
/// binds by property name from the objects of the other Rmq cmdlets, and falls back to NAMESRV_ADDR.
/// </summary>
public abstract class RmqNameServerCmdlet : RmqCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "Name server addresses (host:port); several, or one string 'a:9876;b:9876'. Default: NAMESRV_ADDR.")]
    [Alias("NamesrvAddr")]
    public string[]? NameServer { get; set; }

    /// <summary>While set, name servers that do not answer are reported as verbose output, not errors (polling loops).</summary>
    internal bool ErrorActionQuiet { get; set; }

    /// <summary>The name servers of the current record.</summary>
    protected IReadOnlyList<string> NameServers => NameServerList.Parse(NameServer);

    /// <summary>The NameServer property of output objects: the list as given, so it binds back.</summary>
    protected string NameServerText => NameServerList.Format(NameServers);

    /// <summary>
    /// Asks every name server for its broker table; each one that does not answer is a non-terminating
    /// <c>Rmq.NameServerUnreachable</c> error. Null when none answered.
    /// </summary>
    internal ClusterSnapshot? ReadClusters()
    {
        var addresses = NameServers;
        var answers = Run(ct => Task.WhenAll(addresses.Select(async address =>
        {
            try
            {
                await using var client = RmqSession.NameServer(address);
                return (address, Info: await client.GetBrokerClusterInfoAsync(ct).ConfigureAwait(false), Error: (Exception?)null);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return (address, Info: (ClusterInfo?)null, Error: e);
            }
        })));

        var brokers = new Dictionary<(string, long, string), BrokerEntry>();
        var answered = new List<string>();
        foreach (var (address, info, error) in answers)
        {
            if (info is null)
            {
                if (ErrorActionQuiet)
                {
                    WriteVerbose($"{address}: {error!.Message}");
                }
                else
                {
                    WriteTargetError(error!, RmqErrors.ForNameServer(error!), address);
                }

                continue;
            }

            answered.Add(address);
            foreach (var (cluster, names) in info.ClusterAddrTable)
            {
                foreach (var name in names)
                {
                    if (info.BrokerAddrTable.TryGetValue(name, out var data))
                    {
                        foreach (var (id, brokerAddress) in data.BrokerAddrs)
                        {
                            brokers.TryAdd((name, id, brokerAddress), new BrokerEntry(cluster, name, id, brokerAddress));
                        }
                    }
                }
            }
        }

        if (answered.Count == 0)
        {
            return null;
        }

        var sorted = brokers.Values
            .OrderBy(b => b.Cluster, StringComparer.Ordinal).ThenBy(b => b.BrokerName, StringComparer.Ordinal).ThenBy(b => b.BrokerId)
            .ToList();
        return new ClusterSnapshot(NameServerText, answered, sorted);
    }

    /// <summary>Writes one error per name server that failed a write sent to every name server; returns the rest.</summary>
    internal IEnumerable<NameServerResult<T>> Succeeded<T>(IEnumerable<NameServerResult<T>> results, Func<NameServerResult<T>, object>? target = null)
    {
        foreach (var result in results)
        {
            if (result.Succeeded)
            {
                yield return result;
            }
            else
            {
                WriteTargetError(result.Error!, RmqErrors.ForNameServer(result.Error!), target?.Invoke(result) ?? result.Address);
            }
        }
    }

    internal static bool Matches(string value, string[]? patterns) =>
        patterns is null || patterns.Length == 0 || patterns.Any(p => WildcardPattern.Get(p, WildcardOptions.IgnoreCase).IsMatch(value));
}
