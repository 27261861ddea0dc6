namespace Rmq.Client.Broker;

/// <summary>What a pull found (PullStatus.java).</summary>
public enum PullStatus
{
    FOUND,
    NO_NEW_MSG,
    NO_MATCHED_MSG,
    OFFSET_ILLEGAL,
}
