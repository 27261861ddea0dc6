using System.Text.RegularExpressions;

namespace Rmq.Broker.Metadata;

/// <summary>Topic name rules and RocketMQ's reserved topics (TopicValidator, MixAll).</summary>
public static partial class TopicValidator
{
    public const string AutoCreateTopicKey = "TBW102";
    public const string ScheduleTopic = "SCHEDULE_TOPIC_XXXX";
    public const string BenchmarkTopic = "BenchmarkTest";
    public const string TransHalfTopic = "RMQ_SYS_TRANS_HALF_TOPIC";
    public const string TraceTopic = "RMQ_SYS_TRACE_TOPIC";
    public const string TransOpHalfTopic = "RMQ_SYS_TRANS_OP_HALF_TOPIC";
    public const string TransCheckMaxTimeTopic = "TRANS_CHECK_MAX_TIME_TOPIC";
    public const string SelfTestTopic = "SELF_TEST_TOPIC";
    public const string OffsetMovedEvent = "OFFSET_MOVED_EVENT";
    public const string RetryGroupTopicPrefix = "%RETRY%";
    public const string DlqGroupTopicPrefix = "%DLQ%";
    public const string SystemTopicPrefix = "rmq_sys_";
    public const int TopicMaxLength = 127;

    private static readonly HashSet<string> SystemTopics = new(StringComparer.Ordinal)
    {
        AutoCreateTopicKey, ScheduleTopic, BenchmarkTopic, TransHalfTopic, TraceTopic, TransOpHalfTopic,
        TransCheckMaxTimeTopic, SelfTestTopic, OffsetMovedEvent,
    };

    private static readonly HashSet<string> NotAllowedSendTopics = new(StringComparer.Ordinal)
    {
        ScheduleTopic, TransHalfTopic, TransOpHalfTopic, TransCheckMaxTimeTopic, SelfTestTopic, OffsetMovedEvent,
    };

    [GeneratedRegex("^[%|a-zA-Z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex TopicPattern();

    /// <summary>Null when valid, else RocketMQ's remark.</summary>
    public static string? Validate(string? topic)
    {
        if (string.IsNullOrWhiteSpace(topic))
        {
            return "The specified topic is blank.";
        }

        if (!TopicPattern().IsMatch(topic))
        {
            return $"The specified topic[{topic}] contains illegal characters, allowing only ^[%|a-zA-Z0-9_-]+$";
        }

        if (topic.Length > TopicMaxLength)
        {
            return $"The specified topic is longer than topic max length {TopicMaxLength}.";
        }

        return null;
    }

    public static bool IsSystemTopic(string topic) =>
        SystemTopics.Contains(topic) || topic.StartsWith(SystemTopicPrefix, StringComparison.Ordinal);

    /// <summary>The built-in topics RocketMQ lists as system topics.</summary>
    public static IReadOnlyCollection<string> BuiltInSystemTopics => SystemTopics;

    public static bool IsNotAllowedSendTopic(string topic) => NotAllowedSendTopics.Contains(topic);

    public static bool IsRetryTopic(string topic) => topic.StartsWith(RetryGroupTopicPrefix, StringComparison.Ordinal);

    public static string RetryTopic(string group) => RetryGroupTopicPrefix + group;

    public static string DlqTopic(string group) => DlqGroupTopicPrefix + group;
}
