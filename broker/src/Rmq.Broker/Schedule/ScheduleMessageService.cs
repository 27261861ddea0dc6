using System.Collections.Concurrent;
using System.Globalization;
using Rmq.Broker.Metadata;
using Rmq.Remoting.Json;
using Rmq.Store;
using Serilog;

namespace Rmq.Broker.Schedule;

/// <summary>
/// Delivers delayed messages (RocketMQ ScheduleMessageService): one loop per delay level reads queue level-1 of
/// SCHEDULE_TOPIC_XXXX, waits until each message's store time + delay, and re-puts it into its REAL_TOPIC /
/// REAL_QID. Progress per level is kept in <c>config/delayOffset.json</c>. Woken by the store's arriving
/// listener, never by polling. Runs on a master only.
/// </summary>
internal sealed class ScheduleMessageService : IAsyncDisposable
{
    private const string ScheduleGroup = "SCHEDULE_CONSUMER";
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(1);

    private readonly BrokerContext _broker;
    private readonly ConcurrentDictionary<int, long> _offsets = new();
    private readonly SemaphoreSlim[] _signals;
    private readonly ConfigFile _file;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _persistLock = new();
    private Task[] _loops = [];

    public ScheduleMessageService(BrokerContext broker)
    {
        _broker = broker;
        _log = broker.Logger.ForContext<ScheduleMessageService>();
        _file = new ConfigFile(Path.Combine(broker.Options.ConfigDirectory, "delayOffset.json"));
        _signals = Enumerable.Range(0, broker.DelayLevels.MaxLevel).Select(_ => new SemaphoreSlim(0)).ToArray();
    }

    /// <summary>Level → next queue offset to deliver.</summary>
    public IReadOnlyDictionary<int, long> Offsets => _offsets;

    public void Load()
    {
        if (_file.ReadText() is not { } text)
        {
            return;
        }

        if (FjReader.Parse(text) is FjObject root && root.GetObject("offsetTable") is { } table)
        {
            foreach (var (key, value) in table)
            {
                _offsets[int.Parse(key.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture)] = value.GetInt64();
            }
        }
    }

    public void Start()
    {
        if (_broker.IsSlave)
        {
            return;
        }

        _loops = Enumerable.Range(1, _broker.DelayLevels.MaxLevel).Select(level => Task.Run(() => RunLevelAsync(level))).ToArray();
    }

    /// <summary>Called from the store's dispatch thread for every new consume-queue unit.</summary>
    public void Arriving(string topic, int queueId)
    {
        if (topic == MessageProperties.ScheduleTopic && queueId >= 0 && queueId < _signals.Length && _signals[queueId].CurrentCount == 0)
        {
            _signals[queueId].Release();
        }
    }

    /// <summary>delayOffset.json's content: <c>{"offsetTable":{1:0,2:5}}</c>.</summary>
    public string ToJson(FjFormat format)
    {
        var writer = new FjWriter(format);
        writer.WriteStartObject();
        writer.WritePropertyName("offsetTable");
        writer.WriteStartObject();
        foreach (var (level, offset) in _offsets.OrderBy(e => e.Key))
        {
            writer.WriteNumericKey(level);
            writer.WriteNumber(offset);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        return writer.ToString();
    }

    public void Persist()
    {
        lock (_persistLock)
        {
            _file.Write(ToJson(FjFormat.Pretty));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_loops).ConfigureAwait(false);
        _stop.Dispose();
        foreach (var signal in _signals)
        {
            signal.Dispose();
        }
    }

    private async Task RunLevelAsync(int level)
    {
        var token = _stop.Token;
        try
        {
            while (!token.IsCancellationRequested)
            {
                if (!await DeliverDueAsync(level, token).ConfigureAwait(false))
                {
                    await _signals[level - 1].WaitAsync(token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // stopped
        }
        catch (Exception e)
        {
            _log.Error(e, "Delay level {Level} delivery stopped", level);
        }
    }

    /// <summary>Delivers what is in the level's queue (waiting for each due time); false when the queue is drained.</summary>
    private async Task<bool> DeliverDueAsync(int level, CancellationToken token)
    {
        var offset = _offsets.GetValueOrDefault(level);
        var result = _broker.Store.GetMessage(ScheduleGroup, MessageProperties.ScheduleTopic, level - 1, offset, 32);
        if (result.Status != GetMessageStatus.FOUND)
        {
            if (result.NextBeginOffset != offset && result.Status is GetMessageStatus.OFFSET_TOO_SMALL or GetMessageStatus.OFFSET_OVERFLOW_BADLY or GetMessageStatus.NO_MATCHED_MESSAGE or GetMessageStatus.OFFSET_FOUND_NULL)
            {
                _offsets[level] = result.NextBeginOffset;
                return true;
            }

            return false;
        }

        var messages = StoredMessage.DecodeAll(result.Body.Span);
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            var due = DateTimeOffset.FromUnixTimeMilliseconds(message.StoreTimestamp + _broker.DelayLevels.DelayMillis(level));
            var wait = due - _broker.Time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _broker.Time, token).ConfigureAwait(false);
            }

            if (ToRealMessage(message) is { } real)
            {
                var put = await _broker.Store.PutMessageAsync(real, token).ConfigureAwait(false);
                if (!put.IsOk)
                {
                    _log.Warning("Delivering a delayed message of level {Level} to {Topic} failed: {Status}; retrying", level, real.Topic, put.Status);
                    await Task.Delay(RetryAfterFailure, _broker.Time, token).ConfigureAwait(false);
                    return true;
                }

                _broker.StoreStats.OnPut(put.MessageCount, put.WroteBytes, 0);
            }

            _offsets[level] = result.QueueOffsets[i] + 1;
        }

        _offsets[level] = result.NextBeginOffset;
        return true;
    }

    private MessageToStore? ToRealMessage(StoredMessage message)
    {
        var properties = new Dictionary<string, string>(message.Properties, StringComparer.Ordinal);
        if (!properties.TryGetValue(MessageProperties.REAL_TOPIC, out var topic)
            || !properties.TryGetValue(MessageProperties.REAL_QID, out var qid)
            || !int.TryParse(qid, NumberStyles.Integer, CultureInfo.InvariantCulture, out var queueId))
        {
            _log.Warning("Delayed message at commit-log offset {Offset} has no REAL_TOPIC/REAL_QID; dropped", message.CommitLogOffset);
            return null;
        }

        properties.Remove(MessageProperties.DELAY);
        return new MessageToStore
        {
            Topic = topic,
            QueueId = queueId,
            Flag = message.Flag,
            Body = message.Body,
            PropertiesString = MessageProperties.Build(properties),
            SysFlag = message.SysFlag & ~(MessageSysFlag.BORNHOST_V6_FLAG | MessageSysFlag.STOREHOSTADDRESS_V6_FLAG),
            BornTimestamp = message.BornTimestamp,
            BornHost = message.BornHost,
            StoreHost = message.StoreHost,
            ReconsumeTimes = message.ReconsumeTimes,
            WaitStoreMsgOk = false,
        };
    }
}
