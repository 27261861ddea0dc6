using System.Globalization;
using Rmq.Store;

namespace Rmq.Broker.Schedule;

/// <summary>
/// The delay levels (messageDelayLevel, "1s 5s 10s 30s 1m ... 2h") and RocketMQ's rewrite of a delayed message
/// into SCHEDULE_TOPIC_XXXX queue level-1 with REAL_TOPIC/REAL_QID saved.
/// </summary>
public sealed class DelayLevels
{
    private readonly long[] _millis;

    public DelayLevels(string messageDelayLevel)
    {
        ArgumentNullException.ThrowIfNull(messageDelayLevel);
        _millis = messageDelayLevel.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ParseOne).ToArray();
    }

    public int MaxLevel => _millis.Length;

    /// <summary>Delay of <paramref name="level"/> (1-based) in milliseconds.</summary>
    public long DelayMillis(int level) => _millis[Math.Clamp(level, 1, MaxLevel) - 1];

    /// <summary>
    /// When the properties carry DELAY=n (n &gt; 0) and the message is not a prepared transaction: moves it to
    /// SCHEDULE_TOPIC_XXXX queue n-1 (n capped at the max level), saving REAL_TOPIC and REAL_QID.
    /// </summary>
    public bool TryApply(Dictionary<string, string> properties, ref string topic, ref int queueId)
    {
        ArgumentNullException.ThrowIfNull(properties);
        if (!properties.TryGetValue(MessageProperties.DELAY, out var text)
            || !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var level) || level <= 0
            || (properties.TryGetValue("TRAN_MSG", out var tran) && tran == "true"))
        {
            return false;
        }

        level = Math.Min(level, MaxLevel);
        properties[MessageProperties.DELAY] = level.ToString(CultureInfo.InvariantCulture);
        properties[MessageProperties.REAL_TOPIC] = topic;
        properties[MessageProperties.REAL_QID] = queueId.ToString(CultureInfo.InvariantCulture);
        topic = MessageProperties.ScheduleTopic;
        queueId = level - 1;
        return true;
    }

    private static long ParseOne(string text)
    {
        var unit = text[^1];
        var value = long.Parse(text[..^1], NumberStyles.Integer, CultureInfo.InvariantCulture);
        return unit switch
        {
            's' => value * 1000,
            'm' => value * 60_000,
            'h' => value * 3_600_000,
            'd' => value * 86_400_000,
            _ => throw new FormatException($"bad delay level '{text}'"),
        };
    }
}
