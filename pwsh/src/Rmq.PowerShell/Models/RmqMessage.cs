namespace Rmq.PowerShell.Models;

/// <summary>One message read from a queue (Receive-RmqMessage).</summary>
public sealed class RmqMessage
{
    public string NameServer { get; init; } = "";

    public string Topic { get; init; } = "";

    public string BrokerName { get; init; } = "";

    public int QueueId { get; init; }

    public long QueueOffset { get; init; }

    public string? MsgId { get; init; }

    public string? Tags { get; init; }

    public string? Keys { get; init; }

    /// <summary>The body as UTF-8 text.</summary>
    public string Body { get; init; } = "";

    public byte[] BodyBytes { get; init; } = [];

    public DateTimeOffset BornTime { get; init; }

    public DateTimeOffset StoreTime { get; init; }

    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
}
