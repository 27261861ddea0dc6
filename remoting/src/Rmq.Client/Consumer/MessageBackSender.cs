using System.Globalization;
using Rmq.Client.Messages;
using Rmq.Client.Producer;
using Serilog;

namespace Rmq.Client.Consumer;

/// <summary>
/// Sends failed messages back for redelivery: CONSUMER_SEND_MSG_BACK to the message's broker with a fallback
/// copy to <c>%RETRY%group</c> (concurrent listener), or the copy straight away (orderly listener), through
/// the consumer's hidden CLIENT_INNER_PRODUCER, started on first use.
/// </summary>
internal sealed class MessageBackSender(PushConsumerOptions options, Func<ClientInstance> instance, ILogger logger, TimeProvider timeProvider) : IAsyncDisposable
{
    private readonly SemaphoreSlim _innerProducerLock = new(1, 1);
    private Producer.Producer? _innerProducer;

    /// <summary>The concurrent listener's send-back; false when neither the broker nor the retry topic took it.</summary>
    public async Task<bool> SendBackAsync(MessageExt message, int delayLevel, CancellationToken cancellationToken)
    {
        try
        {
            var client = instance();
            var address = message.BrokerName is { } brokerName ? client.FindBrokerAddressInPublish(brokerName) : null;
            address ??= message.StoreHost.Address + ":" + message.StoreHost.Port.ToString(CultureInfo.InvariantCulture);
            await client.Broker.ConsumerSendMessageBackAsync(address, message, options.ConsumerGroup, delayLevel, options.MaxReconsumeTimes, TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is MQClientException or Rmq.Remoting.Transport.RemotingException)
        {
            logger.Warning(e, "sendMessageBack exception, group: {ConsumerGroup} msg: {MsgId}; resending to the retry topic", options.ConsumerGroup, message.MsgId);
        }

        return await SendCopyAsync(RetryMessages.BuildFallback(message, options.ConsumerGroup, options.MaxReconsumeTimes), message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The orderly listener's send-back of a message suspended too often; false when it could not be sent.</summary>
    public Task<bool> SendOrderlyRetryAsync(MessageExt message, CancellationToken cancellationToken) =>
        SendCopyAsync(RetryMessages.BuildOrderly(message, options.ConsumerGroup, options.MaxReconsumeTimes), message, cancellationToken);

    private async Task<bool> SendCopyAsync(Message copy, MessageExt original, CancellationToken cancellationToken)
    {
        try
        {
            var producer = await InnerProducerAsync(cancellationToken).ConfigureAwait(false);
            await producer.SendAsync(copy, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is MQClientException or Rmq.Remoting.Transport.RemotingException)
        {
            logger.Warning(e, "Resend of {MsgId} to the retry topic failed; consuming it again later", original.MsgId);
            return false;
        }
    }

    private async Task<Producer.Producer> InnerProducerAsync(CancellationToken cancellationToken)
    {
        if (_innerProducer is { } existing)
        {
            return existing;
        }

        await _innerProducerLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_innerProducer is null)
            {
                var producer = new Producer.Producer(
                    new ProducerOptions
                    {
                        ProducerGroup = Producer.Producer.ClientInnerProducerGroup,
                        NameServerAddress = options.NameServerAddress,
                        ClientIp = options.ClientIp,
                        InstanceName = options.InstanceName,
                        MqClientApiTimeout = options.MqClientApiTimeout,
                    },
                    logger,
                    timeProvider);
                await producer.StartAsync(cancellationToken).ConfigureAwait(false);
                _innerProducer = producer;
            }

            return _innerProducer;
        }
        finally
        {
            _innerProducerLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_innerProducer is not null)
        {
            await _innerProducer.DisposeAsync().ConfigureAwait(false);
        }

        _innerProducerLock.Dispose();
    }
}
