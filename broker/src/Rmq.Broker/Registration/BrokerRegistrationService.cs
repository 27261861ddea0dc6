using System.IO.Hashing;
using Rmq.Broker.Config;
using Rmq.Broker.Metadata;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers;
using Rmq.Remoting.Transport;
using Serilog;

namespace Rmq.Broker.Registration;

/// <summary>
/// Registers the broker and its topic table with every name server: at start, 10 s later and then every
/// registerNameServerPeriod, right after a topic change, and unregisters on a clean stop.
/// </summary>
public sealed class BrokerRegistrationService : IAsyncDisposable
{
    private static readonly TimeSpan FirstPeriodicDelay = TimeSpan.FromSeconds(10);

    private readonly BrokerOptions _options;
    private readonly BrokerState _state;
    private readonly TopicConfigManager _topics;
    private readonly RemotingClient _client;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly SemaphoreSlim _serial = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public BrokerRegistrationService(BrokerOptions options, BrokerState state, TopicConfigManager topics, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _state = state;
        _topics = topics;
        _time = timeProvider ?? TimeProvider.System;
        _log = (logger ?? Serilog.Core.Logger.None).ForContext<BrokerRegistrationService>();
        _client = new RemotingClient(new RemotingClientOptions { WorkerThreads = 1 }, logger);
    }

    public IReadOnlyList<string> NameServers => _options.Network.NameServerAddresses;

    /// <summary>Registers once now, then starts the periodic registration.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await RegisterAllAsync(cancellationToken).ConfigureAwait(false);
        _loop = Task.Run(() => RunPeriodicAsync(_stop.Token), CancellationToken.None);
    }

    /// <summary>Re-registers without waiting (after a topic change).</summary>
    public void TriggerRegister()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await RegisterAllAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // stopping
            }
        });
    }

    /// <summary>Sends REGISTER_BROKER to every name server (in parallel); failures are logged, not thrown.</summary>
    public async Task RegisterAllAsync(CancellationToken cancellationToken)
    {
        if (NameServers.Count == 0)
        {
            return;
        }

        await _serial.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var body = BuildBody().Encode(compressed: false);
            var header = new RegisterBrokerRequestHeader
            {
                BrokerName = _options.Identity.BrokerName,
                BrokerAddr = _state.BrokerAddress,
                ClusterName = _options.Identity.ClusterName,
                HaServerAddr = _state.HaServerAddress,
                BrokerId = _options.Identity.BrokerId,
                Compressed = false,
                BodyCrc32 = (int)(Crc32.HashToUInt32(body) & 0x7FFFFFFF),
            };
            await Task.WhenAll(NameServers.Select(ns => RegisterOneAsync(ns, header, body, cancellationToken))).ConfigureAwait(false);
        }
        finally
        {
            _serial.Release();
        }
    }

    public async Task UnregisterAllAsync(CancellationToken cancellationToken)
    {
        var header = new UnregisterBrokerRequestHeader(_options.Identity.BrokerName, _state.BrokerAddress, _options.Identity.ClusterName, _options.Identity.BrokerId);
        await Task.WhenAll(NameServers.Select(async ns =>
        {
            try
            {
                var response = await _client.InvokeAsync(ns, RemotingCommand.CreateRequest(RequestCode.UnregisterBroker, header), _options.Network.RegisterBrokerTimeout, cancellationToken).ConfigureAwait(false);
                _log.Information("Unregister broker from name server {NameServer}: code {Code}", ns, response.Code);
            }
            catch (Exception e) when (e is RemotingException or TimeoutException or IOException)
            {
                _log.Warning("Unregister broker from name server {NameServer} failed: {Error}", ns, e.Message);
            }
        })).ConfigureAwait(false);
    }

    /// <summary>The body: topic table and version; every topic gets perm = brokerPermission when that lacks R or W.</summary>
    public RegisterBrokerBody BuildBody()
    {
        var wrapper = _topics.BuildWrapper();
        var permission = _state.BrokerPermission;
        if (!PermName.IsReadable(permission) || !PermName.IsWriteable(permission))
        {
            foreach (var name in wrapper.TopicConfigTable.Keys.ToArray())
            {
                wrapper.TopicConfigTable[name] = wrapper.TopicConfigTable[name] with { Perm = permission };
            }
        }

        return new RegisterBrokerBody { TopicConfigSerializeWrapper = wrapper };
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        await _client.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RegisterOneAsync(string nameServer, RegisterBrokerRequestHeader header, byte[] body, CancellationToken cancellationToken)
    {
        try
        {
            var request = RemotingCommand.CreateRequest(RequestCode.RegisterBroker, header, body);
            var response = await _client.InvokeAsync(nameServer, request, _options.Network.RegisterBrokerTimeout, cancellationToken).ConfigureAwait(false);
            if (response.Code != ResponseCode.Success)
            {
                _log.Warning("Register broker to name server {NameServer} answered {Code}: {Remark}", nameServer, response.Code, response.Remark);
                return;
            }

            var answer = response.ReadHeader<RegisterBrokerResponseHeader>();
            if (_options.Identity.IsSlave)
            {
                _state.UpdateMaster(string.IsNullOrEmpty(answer.MasterAddr) ? null : answer.MasterAddr, string.IsNullOrEmpty(answer.HaServerAddr) ? null : answer.HaServerAddr);
            }

            _log.Debug("Registered broker to name server {NameServer}", nameServer);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is RemotingException or TimeoutException or IOException or OperationCanceledException or RemotingCommandException)
        {
            _log.Warning("Register broker to name server {NameServer} failed: {Error}", nameServer, e.Message);
        }
    }

    private async Task RunPeriodicAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(FirstPeriodicDelay, _time, cancellationToken).ConfigureAwait(false);
            using var timer = new PeriodicTimer(_options.Messaging.EffectiveRegisterPeriod, _time);
            do
            {
                await RegisterAllAsync(cancellationToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopped
        }
    }
}
