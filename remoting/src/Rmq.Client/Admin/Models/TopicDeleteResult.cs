using Rmq.Client.NameServer;

namespace Rmq.Client.Admin.Models;

/// <summary><c>deleteTopic</c>: what each master broker and each name server answered.</summary>
public sealed record TopicDeleteResult(IReadOnlyList<BrokerOperationResult> Brokers, IReadOnlyList<NameServerResult<bool>> NameServers);
