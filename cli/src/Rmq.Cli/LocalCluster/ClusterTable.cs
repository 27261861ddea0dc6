namespace Rmq.Cli.LocalCluster;

/// <summary>Renders the cluster table that `rmq cluster up` and `rmq cluster status` print.</summary>
public static class ClusterTable
{
    public static string Render(string namesrvAddress, IEnumerable<ClusterMember> members)
    {
        var writer = new StringWriter { NewLine = "\n" };
        writer.WriteLine($"Name server: {namesrvAddress}");
        writer.WriteLine($"{"#Role",-14}{"#Cluster",-18}{"#Broker Name",-16}{"#BID",-6}{"#Addr",-22}#HA Addr");
        foreach (var m in members.OrderBy(m => m.Cluster, StringComparer.Ordinal).ThenBy(m => m.BrokerName, StringComparer.Ordinal).ThenBy(m => m.BrokerId))
        {
            writer.WriteLine($"{m.Role,-14}{m.Cluster,-18}{m.BrokerName,-16}{m.BrokerId,-6}{m.Address,-22}{m.HaAddress}");
        }

        return writer.ToString();
    }
}
