using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>One queue's consumption time span (QueueTimeSpan.java).</summary>
public sealed record QueueTimeSpan(MessageQueue MessageQueue, long MinTimeStamp, long MaxTimeStamp, long ConsumeTimeStamp, long DelayTime);
