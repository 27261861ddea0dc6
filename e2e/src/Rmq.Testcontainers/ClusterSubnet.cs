using System.Globalization;
using System.Security.Cryptography;
using Docker.DotNet;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Networks;

namespace Rmq.Testcontainers;

/// <summary>
/// A bridge network with a /24 of its own (10.213.x.0/24, x random; another x if Docker reports an overlap), so every
/// container gets a fixed address: the gateway is .1, the name server .2, the i-th broker .(10 + i). On Linux the host
/// routes to such a network directly, so the addresses brokers register work for clients on the host too.
/// </summary>
internal sealed class ClusterSubnet
{
    private const int Attempts = 8;

    private ClusterSubnet(INetwork network, string prefix)
    {
        Network = network;
        Prefix = prefix;
    }

    public INetwork Network { get; }

    /// <summary>"10.213.x." (the first three octets).</summary>
    public string Prefix { get; }

    public string NameServerIp => Prefix + "2";

    public string BrokerIp(int index) => Prefix + (10 + index).ToString(CultureInfo.InvariantCulture);

    public static async Task<ClusterSubnet> CreateAsync(CancellationToken cancellationToken)
    {
        DockerApiException? last = null;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"10.213.{RandomNumberGenerator.GetInt32(0, 256)}.");
            var network = new NetworkBuilder()
                .WithName("rmq-cluster-" + Guid.NewGuid().ToString("N")[..8])
                .WithCreateParameterModifier(p => p.IPAM = new IPAM
                {
                    Driver = "default",
                    Config = [new IPAMConfig { Subnet = prefix + "0/24", Gateway = prefix + "1" }],
                })
                .Build();
            try
            {
                await network.CreateAsync(cancellationToken);
                return new ClusterSubnet(network, prefix);
            }
            catch (DockerApiException e) when (e.Message.Contains("overlap", StringComparison.OrdinalIgnoreCase))
            {
                last = e;
                await network.DisposeAsync();
            }
        }

        throw new InvalidOperationException($"no free 10.213.x.0/24 subnet after {Attempts} attempts", last);
    }
}
