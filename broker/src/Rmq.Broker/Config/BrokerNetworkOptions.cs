namespace Rmq.Broker.Config;

/// <summary>Ports and addresses: what the broker listens on and what it registers with the name servers.</summary>
public sealed record BrokerNetworkOptions
{
    /// <summary>Port clients connect to; 0 picks a free port (tests).</summary>
    public int ListenPort { get; init; } = 10911;

    /// <summary>Address registered for clients.</summary>
    public string BrokerIP1 { get; init; } = "127.0.0.1";

    /// <summary>HA address (registered as brokerIP2:haListenPort).</summary>
    public string BrokerIP2 { get; init; } = "127.0.0.1";

    /// <summary>rmq: the port registered with the name server; 0 = the port actually listened on.</summary>
    public int AdvertisedListenPort { get; init; }

    /// <summary>Name server addresses (<c>a:9876;b:9876</c>).</summary>
    public IReadOnlyList<string> NameServerAddresses { get; init; } = [];

    public int ServerChannelMaxIdleTimeSeconds { get; init; } = 120;

    public TimeSpan RegisterBrokerTimeout { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>RocketMQ 4.x: always listenPort + 1.</summary>
    public int HaListenPort => ListenPort + 1;

    public static IReadOnlyList<string> ParseAddresses(string? addresses) =>
        string.IsNullOrWhiteSpace(addresses)
            ? []
            : addresses.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
