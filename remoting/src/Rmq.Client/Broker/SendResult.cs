using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Client.Broker;


/// <summary>The result of a send (SendResult.java).</summary>
/// <param name="MsgId">UNIQ_KEY of the message (comma-separated for a batch), or the offset id when none was set.</param>
/// <param name="OffsetMsgId">The broker's offset message id(s).</param>
public sealed record SendResult(SendStatus SendStatus, string MsgId, string OffsetMsgId, MessageQueue MessageQueue, long QueueOffset, string? TransactionId = null, string? RegionId = null)
{
    /// <summary>The status for a send response code, or null when the code is a failure (0, 10, 12, 11).</summary>
    public static SendStatus? StatusOf(int code) => code switch
    {
        ResponseCode.Success => SendStatus.SEND_OK,
        ResponseCode.FlushDiskTimeout => SendStatus.FLUSH_DISK_TIMEOUT,
        ResponseCode.FlushSlaveTimeout => SendStatus.FLUSH_SLAVE_TIMEOUT,
        ResponseCode.SlaveNotAvailable => SendStatus.SLAVE_NOT_AVAILABLE,
        _ => null,
    };
}
