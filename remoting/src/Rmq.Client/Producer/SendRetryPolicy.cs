using Rmq.Client.Broker;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Transport;

namespace Rmq.Client.Producer;

/// <summary>
/// The sync send loop of DefaultMQProducerImpl.sendDefaultImpl: up to 1 + retryTimesWhenSendFailed tries,
/// each on the next queue of another broker than the one that just failed; retried on transport errors,
/// client errors and the broker codes 17, 14, 1, 16, 204, 205; any other broker code is thrown at once;
/// no new try once the timeout has been used up.
/// </summary>
public static class SendRetryPolicy
{
    /// <summary>Broker codes after which the Java producer tries another broker.</summary>
    public static readonly IReadOnlySet<int> RetryResponseCodes = new HashSet<int>
    {
        ResponseCode.TopicNotExist,
        ResponseCode.ServiceNotAvailable,
        ResponseCode.SystemError,
        ResponseCode.NoPermission,
        ResponseCode.NoBuyerId,
        ResponseCode.NotInCurrentUnit,
    };

    /// <summary>Whether a failed try is followed by another.</summary>
    public static bool IsRetryable(Exception exception) => exception switch
    {
        RemotingException => true,
        MQClientException { Code: MQClientException.ClientErrorCode } => true,
        MQClientException { Code: >= 10000 } => true,
        MQClientException e => RetryResponseCodes.Contains(e.Code),
        _ => false,
    };

    /// <summary>Runs the loop; <paramref name="sendOnce"/> sends to one queue with the time left.</summary>
    /// <exception cref="MQClientException">Every try failed (the last failure is the inner exception and its code is kept), or the time ran out.</exception>
    public static async Task<SendResult> SendWithRetryAsync(
        TopicPublishInfo publishInfo, int times, TimeSpan timeout, TimeProvider timeProvider,
        Func<MessageQueue, TimeSpan, CancellationToken, Task<SendResult>> sendOnce, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(publishInfo);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(sendOnce);
        var started = timeProvider.GetTimestamp();
        string? lastBrokerName = null;
        Exception? last = null;
        var brokersSent = new List<string>();
        var attempt = 0;
        for (; attempt < Math.Max(1, times); attempt++)
        {
            var remaining = timeout - timeProvider.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                break;
            }

            var queue = publishInfo.SelectOneMessageQueue(lastBrokerName);
            lastBrokerName = queue.BrokerName;
            brokersSent.Add(queue.BrokerName);
            try
            {
                return await sendOnce(queue, remaining, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsRetryable(e) && !cancellationToken.IsCancellationRequested)
            {
                last = e;
            }
        }

        var cost = (long)timeProvider.GetElapsedTime(started).TotalMilliseconds;
        if (last is null)
        {
            throw new MQClientException(ClientErrorCode.RequestTimeoutException, $"sendDefaultImpl call timeout, cost {cost}ms", null);
        }

        var info = $"Send [{attempt}] times, still failed, cost [{cost}]ms, Topic: {publishInfo.MessageQueues[0].Topic}, BrokersSent: [{string.Join(", ", brokersSent)}]";
        throw last is MQClientException client
            ? new MQClientException(client.Code, info + " " + client.Remark, client.Address, last)
            : new MQClientException(ClientErrorCode.ConnectBrokerException, info + " " + last.Message, null, last);
    }
}
