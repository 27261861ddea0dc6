using Rmq.NameServer.Config;
using Rmq.NameServer.KvConfig;
using Rmq.NameServer.Processors;
using Rmq.NameServer.Routing;
using Rmq.Remoting.Processing;
using Serilog;

namespace Rmq.NameServer;

/// <summary>
/// The name server without its transport: the route table, the KV config, the runtime config, the
/// request processors and the broker liveness scan. A host creates it, registers
/// <see cref="Processors"/> with its remoting server, forwards channel-close events to
/// <see cref="OnChannelClosed(IRemotingChannel)"/>, and calls <see cref="Start"/> / <see cref="DisposeAsync"/>.
/// </summary>
public sealed class NameServerController : IAsyncDisposable
{
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _log;
    private readonly Lock _timerLock = new();
    private ITimer? _scanTimer;

    public NameServerController(
        NameServerOptions options,
        TimeProvider? timeProvider = null,
        ILogger? logger = null,
        INameServerConfigStore? configStore = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        var log = logger ?? Serilog.Core.Logger.None;
        _log = log.ForContext<NameServerController>();
        Routes = new RouteTable(_timeProvider, options.BrokerChannelExpiredTime, log);
        KvConfig = new KvConfigManager(options.KvConfigPath, log);
        Config = configStore ?? new FileNameServerConfigStore(options, log);
        Processors = new NameServerProcessors(Routes, KvConfig, Config, log);
    }

    public NameServerOptions Options { get; }

    public RouteTable Routes { get; }

    public KvConfigManager KvConfig { get; }

    public INameServerConfigStore Config { get; }

    public NameServerProcessors Processors { get; }

    public bool IsStarted => _scanTimer is not null;

    /// <summary>Loads the KV config and starts the liveness scan (first after 5 s, then every 10 s by default).</summary>
    /// <exception cref="Json.FjException">kvConfig.json exists but is corrupt; the name server must not start.</exception>
    public void Start()
    {
        lock (_timerLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_scanTimer is not null)
            {
                return;
            }

            KvConfig.Load();
            _scanTimer = _timeProvider.CreateTimer(_ => ScanSafely(), null, Options.ScanNotActiveBrokerDelay, Options.ScanNotActiveBrokerInterval);
        }

        _log.Information("Name server started: scan every {ScanInterval}, broker expiry {ExpiredTime}, KV config {KvConfigPath}",
            Options.ScanNotActiveBrokerInterval, Options.BrokerChannelExpiredTime, Options.KvConfigPath);
    }

    /// <summary>Removes brokers not heard from for <see cref="NameServerOptions.BrokerChannelExpiredTime"/> and closes their connections.</summary>
    public IReadOnlyList<ExpiredBroker> ScanNotActiveBrokers()
    {
        var expired = Routes.ScanNotActiveBroker();
        foreach (var broker in expired)
        {
            if (broker.Channel is { } channel)
            {
                _ = CloseAsync(channel, broker.BrokerAddr);
            }
        }

        return expired;
    }

    /// <summary>A connection closed (or went idle, or failed): the broker registered over it is removed at once.</summary>
    public void OnChannelClosed(IRemotingChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        Routes.OnChannelDestroy(channel.RemoteAddress, channel.Id);
    }

    /// <summary>A connection closed, known only by its remote address ("ip:port").</summary>
    public void OnChannelClosed(string remoteAddress) => Routes.OnChannelDestroy(remoteAddress);

    private bool _disposed;

    /// <summary>Stops the liveness scan. The tables stay readable.</summary>
    public async ValueTask DisposeAsync()
    {
        ITimer? timer;
        lock (_timerLock)
        {
            _disposed = true;
            timer = _scanTimer;
            _scanTimer = null;
        }

        if (timer is not null)
        {
            await timer.DisposeAsync().ConfigureAwait(false);
            _log.Information("Name server stopped");
        }
    }

    private void ScanSafely()
    {
        try
        {
            ScanNotActiveBrokers();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A timer callback has nobody to report to: log it once and keep scanning.
            _log.Error(e, "Broker liveness scan failed");
        }
    }

    private async Task CloseAsync(IRemotingChannel channel, string brokerAddr)
    {
        try
        {
            await channel.CloseAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            _log.Warning(e, "Closing the channel of expired broker {BrokerAddr} failed", brokerAddr);
        }
    }
}
