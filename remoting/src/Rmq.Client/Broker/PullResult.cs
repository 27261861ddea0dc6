using Rmq.Client.Messages;
using Rmq.Remoting.Protocol;

namespace Rmq.Client.Broker;


/// <summary>
/// A pull answer: status, where to pull next, the queue's bounds, which broker id to pull from next, and
/// the raw records (decode with <see cref="DecodeMessages"/>).
/// </summary>
public sealed record PullResult(PullStatus PullStatus, long NextBeginOffset, long MinOffset, long MaxOffset, long SuggestWhichBrokerId, ReadOnlyMemory<byte> MessageBinary)
{
    /// <summary>The status for a pull response code; null when the code is an error (0, 19, 20, 21).</summary>
    public static PullStatus? StatusOf(int code) => code switch
    {
        ResponseCode.Success => PullStatus.FOUND,
        ResponseCode.PullNotFound => PullStatus.NO_NEW_MSG,
        ResponseCode.PullRetryImmediately => PullStatus.NO_MATCHED_MSG,
        ResponseCode.PullOffsetMoved => PullStatus.OFFSET_ILLEGAL,
        _ => null,
    };

    /// <summary>Decodes the records, stamping each with the pull's min/max offsets (MIN_OFFSET/MAX_OFFSET) and broker name.</summary>
    public List<MessageExt> DecodeMessages(string? brokerName = null)
    {
        if (PullStatus != PullStatus.FOUND || MessageBinary.IsEmpty)
        {
            return [];
        }

        var messages = MessageDecoder.DecodeAll(MessageBinary.Span);
        foreach (var message in messages)
        {
            message.BrokerName = brokerName;
            message.PutProperty(MessageConst.MinOffset, MinOffset.ToString(System.Globalization.CultureInfo.InvariantCulture));
            message.PutProperty(MessageConst.MaxOffset, MaxOffset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return messages;
    }
}
