using Rmq.Client.Broker;
using Rmq.Client.Messages;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Client.Admin.Models;

/// <summary>The messages pulled from one queue between two offsets, and how the last pull ended.</summary>
public sealed record QueueMessages(MessageQueue Queue, long MinOffset, long MaxOffset, PullStatus LastStatus, IReadOnlyList<MessageExt> Messages);
