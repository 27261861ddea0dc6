using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Client.Protocol;

/// <summary>One queue's consumption time span (QueueTimeSpan.java).</summary>
public sealed record QueueTimeSpan(MessageQueue MessageQueue, long MinTimeStamp, long MaxTimeStamp, long ConsumeTimeStamp, long DelayTime);
