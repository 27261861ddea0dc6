using Rmq.Client.Messages;

namespace Rmq.Client.Broker;

/// <summary>QUERY_MESSAGE (12) answer from one broker.</summary>
public sealed record QueryMessageResult(IReadOnlyList<MessageExt> Messages, long IndexLastUpdateTimestamp, long IndexLastUpdatePhyoffset);
