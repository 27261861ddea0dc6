using System.Net;
using Rmq.Ha;
using Rmq.Store;
using Serilog;

namespace Rmq.Broker.Ha;

/// <summary>
/// The broker's side of Master/Slave replication: a master (ASYNC_MASTER or SYNC_MASTER) runs the HA
/// service on haListenPort and is the store's sync-replication waiter; a SLAVE runs the HA client
/// against the master address the name server gave it (or <c>haMasterAddress</c>).
/// </summary>
public sealed class BrokerReplication : IAsyncDisposable
{
    private readonly HaOptions _options;
    private readonly BrokerState _state;
    private readonly ILogger _log;
    private readonly HaService? _service;
    private HaClient? _client;

    public BrokerReplication(BrokerRole role, HaOptions options, BrokerState state, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _state = state;
        _log = logger ?? Serilog.Core.Logger.None;
        Role = role;
        if (role != BrokerRole.SLAVE)
        {
            _service = new HaService(options, _log);
        }
    }

    public BrokerRole Role { get; }

    /// <summary>The store's waiter for SYNC_MASTER puts (null on a slave).</summary>
    public ISyncReplicationWaiter? ReplicationWaiter => _service;

    /// <summary>Master status for operators (null on a slave).</summary>
    public HaMasterStatus? MasterStatus => _service?.GetStatus();

    /// <summary>Slave status for operators (null on a master, or before start).</summary>
    public HaClientStatus? SlaveStatus => _client?.GetStatus();

    /// <summary>Wakes the HA senders on every new message, then calls the broker's own listener.</summary>
    public IMessageArrivingListener WrapArrivingListener(IMessageArrivingListener inner) =>
        _service?.WrapArrivingListener(inner) ?? inner;

    /// <summary>
    /// Starts serving slaves on <paramref name="haListenPort"/> (master; returns the bound port) or replicating
    /// from the master (slave; returns null).
    /// </summary>
    public async Task<int?> StartAsync(MessageStore store, IPAddress listenAddress, int haListenPort, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listenAddress);
        if (_service is not null)
        {
            await _service.StartAsync(store, new IPEndPoint(listenAddress, haListenPort), cancellationToken).ConfigureAwait(false);
            return _service.LocalEndPoint!.Port;
        }

        _client = new HaClient(store, _options, _log);
        _state.MasterAddressChanged += OnMasterAddressChanged;
        if (_state.HaMasterAddress is { } known)
        {
            _client.UpdateMasterAddressFromRegistration(known);
        }

        await _client.StartAsync(cancellationToken).ConfigureAwait(false);
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        _state.MasterAddressChanged -= OnMasterAddressChanged;
        if (_client is not null)
        {
            await _client.DisposeAsync().ConfigureAwait(false);
        }

        if (_service is not null)
        {
            await _service.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void OnMasterAddressChanged(string? masterAddress, string? haMasterAddress)
    {
        if (haMasterAddress is not null)
        {
            _client?.UpdateMasterAddressFromRegistration(haMasterAddress);
        }
    }
}
