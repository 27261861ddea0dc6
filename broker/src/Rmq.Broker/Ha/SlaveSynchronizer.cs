using Rmq.Broker.Metadata;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Json;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Transport;
using Serilog;

namespace Rmq.Broker.Ha;

/// <summary>
/// On a SLAVE: copies the master's metadata through its remoting port (first after 3 s, then every 10 s,
/// as RocketMQ's SlaveSynchronize): topic config (21), consumer offsets (43) and subscription groups (201),
/// so consumers can keep consuming from the slave when the master is gone.
/// </summary>
public sealed class SlaveSynchronizer : IAsyncDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(3);
    private readonly BrokerState _state;
    private readonly TopicConfigManager _topics;
    private readonly SubscriptionGroupManager _groups;
    private readonly ConsumerOffsetManager _offsets;
    private readonly TimeSpan _firstDelay;
    private readonly TimeSpan _period;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly RemotingClient _client = new(new RemotingClientOptions { WorkerThreads = 1 });
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public SlaveSynchronizer(BrokerState state, TopicConfigManager topics, SubscriptionGroupManager groups, ConsumerOffsetManager offsets,
        TimeSpan firstDelay, TimeSpan period, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        _state = state;
        _topics = topics;
        _groups = groups;
        _offsets = offsets;
        _firstDelay = firstDelay;
        _period = period;
        _time = timeProvider ?? TimeProvider.System;
        _log = (logger ?? Serilog.Core.Logger.None).ForContext<SlaveSynchronizer>();
    }

    public void Start()
    {
        _state.MasterAddressChanged += OnMasterAddressChanged;
        _loop = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
    }

    /// <summary>One round of copying; false when there is no master address or the master did not answer.</summary>
    public async Task<bool> SyncOnceAsync(CancellationToken cancellationToken)
    {
        if (_state.MasterAddress is not { Length: > 0 } master)
        {
            return false;
        }

        try
        {
            if (await GetAsync(master, RequestCode.GetAllTopicConfig, cancellationToken).ConfigureAwait(false) is { } topics)
            {
                _topics.ReplaceFromMaster(JsonBody.Decode<TopicConfigSerializeWrapper>(topics.Span));
            }

            if (await GetAsync(master, RequestCode.GetAllConsumerOffset, cancellationToken).ConfigureAwait(false) is { } offsets)
            {
                _offsets.CopyFromMaster(JsonBody.Decode<ConsumerOffsetTable>(offsets.Span));
            }

            if (await GetAsync(master, RequestCode.GetAllSubscriptionGroupConfig, cancellationToken).ConfigureAwait(false) is { } groups)
            {
                _groups.ReplaceFromMaster(JsonBody.Decode<SubscriptionGroupWrapper>(groups.Span));
            }

            return true;
        }
        catch (Exception e) when (e is RemotingException or FjException or RemotingCommandException)
        {
            _log.Warning("Copying metadata from the master {Master} failed: {Error}", master, e.Message);
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _state.MasterAddressChanged -= OnMasterAddressChanged;
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        await _client.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task<ReadOnlyMemory<byte>?> GetAsync(string master, int code, CancellationToken cancellationToken)
    {
        var response = await _client.InvokeAsync(master, RemotingCommand.CreateRequest(code), RequestTimeout, cancellationToken).ConfigureAwait(false);
        if (response.Code != ResponseCode.Success)
        {
            _log.Warning("Master {Master} answered {Code} to {Request}: {Remark}", master, response.Code, code, response.Remark);
            return null;
        }

        return response.Body.ToArray();
    }

    private void OnMasterAddressChanged(string? masterAddress, string? haMasterAddress)
    {
        if (masterAddress is null || _stop.IsCancellationRequested)
        {
            return;
        }

        // copy at once when a master (re)appears, not only on the next tick
        _ = Task.Run(async () =>
        {
            try
            {
                await SyncOnceAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // stopping
            }
        });
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(_firstDelay, _time, cancellationToken).ConfigureAwait(false);
            using var timer = new PeriodicTimer(_period, _time);
            do
            {
                await SyncOnceAsync(cancellationToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopped
        }
    }
}
