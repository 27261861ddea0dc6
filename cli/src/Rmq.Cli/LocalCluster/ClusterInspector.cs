using System.Globalization;
using System.Text;
using Rmq.Configuration;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Transport;

namespace Rmq.Cli.LocalCluster;

/// <summary>Reads a cluster as its name server lists it, with each broker's role and HA address from its own config.</summary>
public static class ClusterInspector
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static async Task<IReadOnlyList<ClusterMember>> ReadAsync(RemotingClient client, string namesrvAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.InvokeAsync(namesrvAddress, RemotingCommand.CreateRequest(RequestCode.GetBrokerClusterInfo), Timeout, cancellationToken).ConfigureAwait(false);
        if (response.Code != ResponseCode.Success)
        {
            throw new InvalidOperationException($"{namesrvAddress} answered {ResponseCode.NameOf(response.Code)}: {response.Remark}");
        }

        var info = JsonBody.Decode<ClusterInfo>(response.Body.Span);
        var members = new List<ClusterMember>();
        foreach (var (cluster, brokerNames) in info.ClusterAddrTable)
        {
            foreach (var brokerName in brokerNames)
            {
                if (!info.BrokerAddrTable.TryGetValue(brokerName, out var data))
                {
                    continue;
                }

                foreach (var (id, address) in data.BrokerAddrs)
                {
                    var (role, ha) = await ReadRoleAsync(client, address, id, cancellationToken).ConfigureAwait(false);
                    members.Add(new ClusterMember(cluster, brokerName, id, role, address, ha));
                }
            }
        }

        return members;
    }

    private static async Task<(string Role, string HaAddress)> ReadRoleAsync(RemotingClient client, string address, long brokerId, CancellationToken cancellationToken)
    {
        var fallbackRole = brokerId == 0 ? "MASTER" : nameof(BrokerRole.SLAVE);
        try
        {
            var response = await client.InvokeAsync(address, RemotingCommand.CreateRequest(RequestCode.GetBrokerConfig), Timeout, cancellationToken).ConfigureAwait(false);
            if (response.Code != ResponseCode.Success)
            {
                return (fallbackRole, "?");
            }

            var config = JavaProperties.Parse(Encoding.UTF8.GetString(response.Body.Span));
            var role = config["brokerRole"] ?? fallbackRole;
            var host = config["brokerIP2"] is { Length: > 0 } ip2 ? ip2 : address[..address.LastIndexOf(':')];
            var ha = int.TryParse(config["haListenPort"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var haPort)
                ? $"{host}:{haPort}"
                : int.TryParse(config["listenPort"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) ? $"{host}:{port + 1}" : "?";
            return (role, ha);
        }
        catch (RemotingException)
        {
            return (fallbackRole, "?");
        }
    }
}
