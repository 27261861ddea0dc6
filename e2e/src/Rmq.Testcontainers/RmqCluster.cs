using System.Globalization;
using DotNet.Testcontainers.Containers;
using DotNet.Testcontainers.Networks;
using Rmq.Client;
using Rmq.Client.Broker;
using Rmq.Client.NameServer;
using Rmq.Configuration;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Testcontainers;

/// <summary>
/// A name server and the brokers of one deployment mode on a bridge network of their own, created by
/// <see cref="StartAsync"/> and removed, with every container, by <see cref="DisposeAsync"/>. The name server and each
/// broker's machine (<see cref="RmqBrokerMachine"/>) have a fixed address on that network; brokers advertise theirs as
/// brokerIP1, so the routes a client gets work from the host (Linux routes to the bridge) and from inside the network
/// (Slaves reach their Masters there).
/// </summary>
public sealed class RmqCluster : IAsyncDisposable
{
    private readonly List<RmqBrokerContainer> _brokers = [];
    private readonly List<RmqBrokerMachine> _machines = [];
    private ClusterSubnet? _subnet;
    private RmqNameServerContainer? _nameServer;

    internal RmqCluster(RmqClusterConfiguration configuration) => Configuration = configuration;

    public RmqClusterConfiguration Configuration { get; }

    /// <summary>The cluster's network (created by <see cref="StartAsync"/>).</summary>
    public INetwork Network => Subnet.Network;

    public RmqNameServerContainer NameServer => _nameServer ?? throw NotStarted();

    /// <summary>"ip:9876" of the name server on the cluster's network: what brokers use, and what a client on the host uses.</summary>
    public string NameServerAddress => Subnet.NameServerIp + ":" + RmqImage.NameServerPort.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every broker, Masters first.</summary>
    public IReadOnlyList<RmqBrokerContainer> Brokers => _subnet is null ? throw NotStarted() : _brokers;

    public IEnumerable<RmqBrokerContainer> Masters => Brokers.Where(b => b.IsMaster);

    private ClusterSubnet Subnet => _subnet ?? throw NotStarted();

    public RmqBrokerContainer Broker(string brokerName, long brokerId) =>
        Brokers.SingleOrDefault(b => b.BrokerName == brokerName && b.BrokerId == brokerId)
        ?? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"no broker {brokerName} with id {brokerId} in {Configuration.Preset}"));

    public RmqBrokerContainer Master(string brokerName) => Broker(brokerName, 0);

    public RmqBrokerContainer Slave(string brokerName, long brokerId = 1) => Broker(brokerName, brokerId);

    /// <summary>Creates the network, starts the name server, the Masters, then the Slaves, and waits for <see cref="WaitUntilReadyAsync"/>.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_subnet is not null)
        {
            throw new InvalidOperationException("the cluster was started already");
        }

        _subnet = await ClusterSubnet.CreateAsync(cancellationToken);
        var network = _subnet.Network;
        var nameServerIp = _subnet.NameServerIp;
        _nameServer = new RmqNameServerBuilder()
            .WithImage(Configuration.Image)
            .WithNetwork(network)
            .WithNetworkAliases("namesrv")
            .WithCreateParameterModifier(p => FixedAddress.Apply(p, network.Name, nameServerIp))
            .Build();
        foreach (var file in ClusterConfigSet.Generate(Configuration, NameServerAddress, _subnet.BrokerIp))
        {
            var machine = RmqBrokerMachine.Create(network, JavaProperties.Parse(file.Content)["brokerIP1"]!, Configuration.Image);
            _machines.Add(machine);
            _brokers.Add(new RmqBrokerBuilder()
                .WithImage(Configuration.Image)
                .WithBrokerProperties(file.Content)
                .WithMachine(machine)
                .Build());
        }

        await Task.WhenAll(_machines.Select(m => m.StartAsync(cancellationToken)).Append(_nameServer.StartAsync(cancellationToken)));
        await Task.WhenAll(_brokers.Where(b => b.IsMaster).Select(b => b.StartAsync(cancellationToken)));
        await Task.WhenAll(_brokers.Where(b => !b.IsMaster).Select(b => b.StartAsync(cancellationToken)));
        await WaitUntilReadyAsync(cancellationToken);
    }

    /// <summary>
    /// Waits (up to the startup timeout) until the name server lists every broker at its address and every Slave is
    /// connected to its Master and has caught up; for after a restart.
    /// </summary>
    public Task WaitUntilReadyAsync(CancellationToken cancellationToken = default) =>
        ClusterReadiness.WaitAsync(NameServerAddress, Brokers, Configuration.StartupTimeout, cancellationToken);

    /// <summary>
    /// Creates <paramref name="topic"/> on every Master (read and write queues <paramref name="queueNums"/>) and waits
    /// until the name server routes it to every Master and every Slave has copied it (Slaves copy their Master's topic
    /// table every 10 s, as RocketMQ's).
    /// </summary>
    public async Task CreateTopicAsync(string topic, int queueNums = 4, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        await using var client = new BrokerClient();
        foreach (var master in Masters)
        {
            await client.CreateTopicAsync(master.BrokerAddress, new TopicConfig { TopicName = topic, ReadQueueNums = queueNums, WriteQueueNums = queueNums, Perm = PermName.ReadWrite }, cancellationToken: cancellationToken);
        }

        await using var nameServer = new NameServerClient(NameServerAddress);
        var deadline = DateTime.UtcNow + Configuration.StartupTimeout;
        while (!await TopicEverywhereAsync(topic, client, nameServer, cancellationToken))
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"topic {topic} did not reach every broker within {Configuration.StartupTimeout}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    private async Task<bool> TopicEverywhereAsync(string topic, BrokerClient client, NameServerClient nameServer, CancellationToken cancellationToken)
    {
        TopicRouteData route;
        try
        {
            route = await nameServer.GetTopicRouteAsync(topic, cancellationToken);
        }
        catch (MQClientException e) when (e.Code == ResponseCode.TopicNotExist)
        {
            return false; // not registered yet
        }

        if (Masters.Any(m => route.QueueDatas.All(q => q.BrokerName != m.BrokerName)))
        {
            return false;
        }

        foreach (var slave in Brokers.Where(b => !b.IsMaster))
        {
            if (!(await client.GetAllTopicConfigAsync(slave.BrokerAddress, cancellationToken)).TopicConfigTable.ContainsKey(topic))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Runs the rmq tool inside the name server container (e.g. <c>admin wipeWritePerm -b broker-a -n &lt;NameServerAddress&gt;</c>).</summary>
    public Task<ExecResult> ExecRmqAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return NameServer.ExecAsync(["/app/rmq", .. arguments], cancellationToken);
    }

    /// <summary>Removes every broker, its machine, the name server and the network, even when some removal fails (those are rethrown at the end).</summary>
    public async ValueTask DisposeAsync()
    {
        var failures = new List<Exception>();
        foreach (var container in _brokers.Cast<IAsyncDisposable>().Concat(_machines).Append(_nameServer).Append(_subnet?.Network))
        {
            if (container is null)
            {
                continue;
            }

            try
            {
                await container.DisposeAsync();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures.Add(e);
            }
        }

        if (failures.Count > 0)
        {
            throw new AggregateException("removing the cluster's containers or network failed", failures);
        }
    }

    private static InvalidOperationException NotStarted() => new("the cluster is not started: call StartAsync first");
}
