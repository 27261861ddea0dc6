namespace Rmq.PowerShell.Infrastructure;

/// <summary>The broker tables of every name server that answered, merged (a broker listed by any of them is in).</summary>
internal sealed record ClusterSnapshot(string NameServer, IReadOnlyList<string> Answered, IReadOnlyList<BrokerEntry> Brokers)
{
    public IEnumerable<BrokerEntry> Masters => Brokers.Where(b => b.BrokerId == 0);
}
