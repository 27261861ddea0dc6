using System.Globalization;
using Rmq.Client.Broker;
using Rmq.Client.Consumer;
using Rmq.Client.Messages;
using Rmq.Client.Producer;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.PeerBench;

/// <summary>
/// rmq through its own client: a producer (one connection to the broker) sending to a topic that exists only on the
/// broker under test (created by the script), SEND_OK = the broker's ack per its flushDiskType; consumption by pulls.
/// </summary>
public sealed class RmqDriver(string namesrv, string topic) : IPeerDriver
{
    private Producer? _producer;
    private PullConsumer? _consumer;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var instance = "peerbench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        _producer = new Producer(new ProducerOptions { ProducerGroup = "peerbench_" + topic, NameServerAddress = namesrv, InstanceName = instance, CompressMsgBodyOverHowmuch = int.MaxValue });
        await _producer.StartAsync(cancellationToken).ConfigureAwait(false);
        _consumer = new PullConsumer(new PullConsumerOptions { ConsumerGroup = "peerbench_" + topic, NameServerAddress = namesrv, InstanceName = instance });
        await _consumer.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task SendAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var result = await _producer!.SendAsync(new Message(topic, body.ToArray()), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (result.SendStatus != SendStatus.SEND_OK)
        {
            throw new InvalidOperationException("send status " + result.SendStatus);
        }
    }

    public async Task<long> ConsumeAsync(long count, CancellationToken cancellationToken)
    {
        var queues = await _consumer!.FetchSubscribeMessageQueuesAsync(topic, cancellationToken).ConfigureAwait(false);
        long read = 0;
        async Task DrainAsync(MessageQueue queue)
        {
            var offset = await _consumer.MinOffsetAsync(queue, cancellationToken).ConfigureAwait(false);
            var max = await _consumer.MaxOffsetAsync(queue, cancellationToken).ConfigureAwait(false);
            while (offset < max && Interlocked.Read(ref read) < count && !cancellationToken.IsCancellationRequested)
            {
                var result = await _consumer.PullAsync(queue, "*", offset, 32, cancellationToken).ConfigureAwait(false);
                if (result.Messages.Count == 0)
                {
                    break;
                }

                Interlocked.Add(ref read, result.Messages.Count);
                offset = result.NextBeginOffset;
            }
        }

        try
        {
            await Task.WhenAll(queues.Select(DrainAsync)).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // time is up: report what was read
        }

        return Interlocked.Read(ref read);
    }

    public async ValueTask DisposeAsync()
    {
        if (_producer is not null)
        {
            await _producer.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }

        if (_consumer is not null)
        {
            await _consumer.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
    }
}
