namespace Rmq.Client.Producer;

/// <summary>DefaultMQProducer's settings, Java's defaults.</summary>
public sealed record ProducerOptions : ClientConfig
{
    public required string ProducerGroup { get; init; }

    /// <summary>The topic a missing topic is auto-created from ("TBW102").</summary>
    public string CreateTopicKey { get; init; } = "TBW102";

    public int DefaultTopicQueueNums { get; init; } = 4;

    public TimeSpan SendMsgTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Bodies of at least this many bytes are zlib-compressed (sysflag bit 0).</summary>
    public int CompressMsgBodyOverHowmuch { get; init; } = 4 * 1024;

    /// <summary>Extra tries of a sync send (2 = 3 tries in all).</summary>
    public int RetryTimesWhenSendFailed { get; init; } = 2;

    public int MaxMessageSize { get; init; } = 4 * 1024 * 1024;
}
