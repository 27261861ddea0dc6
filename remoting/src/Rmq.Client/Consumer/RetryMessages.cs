using System.Globalization;
using Rmq.Client.Messages;

namespace Rmq.Client.Consumer;

/// <summary>
/// The client's own resend of a failed message when CONSUMER_SEND_MSG_BACK fails (sendMessageBack's
/// fallback): a copy to <c>%RETRY%group</c> with RETRY_TOPIC, ORIGIN_MESSAGE_ID, RECONSUME_TIME,
/// MAX_RECONSUME_TIMES and DELAY = 3 + reconsume times.
/// </summary>
public static class RetryMessages
{
    public static Message BuildFallback(MessageExt failed, string consumerGroup, int maxReconsumeTimes)
    {
        ArgumentNullException.ThrowIfNull(failed);
        return Build(failed, consumerGroup, maxReconsumeTimes, failed.ReconsumeTimes + 1);
    }

    /// <summary>
    /// An orderly consumer's send-back (ConsumeMessageOrderlyService.sendMessageBack): the same copy, with
    /// RECONSUME_TIME = the message's reconsume times as they are, so the broker moves it to the DLQ once
    /// they reach MAX_RECONSUME_TIMES.
    /// </summary>
    public static Message BuildOrderly(MessageExt failed, string consumerGroup, int maxReconsumeTimes)
    {
        ArgumentNullException.ThrowIfNull(failed);
        return Build(failed, consumerGroup, maxReconsumeTimes, failed.ReconsumeTimes);
    }

    private static Message Build(MessageExt failed, string consumerGroup, int maxReconsumeTimes, int reconsumeTime)
    {
        ArgumentNullException.ThrowIfNull(failed);
        var retry = new Message { Topic = ConsumerQueues.RetryTopic(consumerGroup), Body = failed.Body, Flag = failed.Flag };
        foreach (var (name, value) in failed.Properties)
        {
            retry.PutProperty(name, value);
        }

        var origin = failed.GetProperty(MessageConst.OriginMessageId);
        retry.PutProperty(MessageConst.OriginMessageId, string.IsNullOrEmpty(origin) ? failed.MsgId : origin);
        retry.PutProperty(MessageConst.RetryTopic, failed.Topic);
        retry.PutProperty(MessageConst.ReconsumeTime, reconsumeTime.ToString(CultureInfo.InvariantCulture));
        retry.PutProperty(MessageConst.MaxReconsumeTimes, maxReconsumeTimes.ToString(CultureInfo.InvariantCulture));
        retry.ClearProperty(MessageConst.TransactionPrepared);
        retry.DelayTimeLevel = 3 + failed.ReconsumeTimes;
        return retry;
    }
}
