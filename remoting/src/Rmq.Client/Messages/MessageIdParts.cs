using System.Net;

namespace Rmq.Client.Messages;

/// <summary>A decoded offset message id: where the record is (store host) and its CommitLog offset.</summary>
public readonly record struct MessageIdParts(IPEndPoint StoreHost, long CommitLogOffset)
{
    /// <summary>"ip:port" of the broker that stored the message.</summary>
    public string BrokerAddress => StoreHost.Address + ":" + StoreHost.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
