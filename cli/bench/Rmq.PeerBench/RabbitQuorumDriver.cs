using RabbitMQ.Client;

namespace Rmq.PeerBench;

/// <summary>
/// RabbitMQ, a quorum queue (durable, fsynced before the confirm), persistent messages, one connection and channel
/// with publisher confirms tracked: a publish completes on its confirm; consumption with basic.get-free pushes.
/// </summary>
public sealed class RabbitQuorumDriver(string uri, string queue) : IPeerDriver
{
    private IConnection? _connection;
    private IChannel? _channel;
    private readonly BasicProperties _properties = new() { DeliveryMode = DeliveryModes.Persistent };

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _connection = await new ConnectionFactory { Uri = new Uri(uri) }.CreateConnectionAsync(cancellationToken).ConfigureAwait(false);
        _channel = await _connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken).ConfigureAwait(false);
        await _channel.QueueDeleteAsync(queue, cancellationToken: cancellationToken).ConfigureAwait(false);
        await _channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task SendAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken) =>
        await _channel!.BasicPublishAsync(string.Empty, queue, mandatory: false, _properties, body, cancellationToken).ConfigureAwait(false);

    public async Task<long> ConsumeAsync(long count, CancellationToken cancellationToken)
    {
        await using var channel = await _connection!.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await channel.BasicQosAsync(0, 1000, false, cancellationToken).ConfigureAwait(false);
        long read = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumer = new RabbitMQ.Client.Events.AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            if (Interlocked.Increment(ref read) % 100 == 0 || read >= count)
            {
                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: true).ConfigureAwait(false);
            }

            if (read >= count)
            {
                done.TrySetResult();
            }
        };
        var tag = await channel.BasicConsumeAsync(queue, autoAck: false, consumer, cancellationToken).ConfigureAwait(false);
        try
        {
            await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // time is up
        }

        await channel.BasicCancelAsync(tag, cancellationToken: CancellationToken.None).ConfigureAwait(false);
        return Interlocked.Read(ref read);
    }

    public async ValueTask DisposeAsync()
    {
        if (_channel is not null)
        {
            await _channel.DisposeAsync().ConfigureAwait(false);
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
