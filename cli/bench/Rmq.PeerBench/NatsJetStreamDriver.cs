using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace Rmq.PeerBench;

/// <summary>
/// NATS JetStream, file storage, over one connection: a publish completes on the stream's PubAck (stored; JetStream
/// syncs to disk on its sync_interval, 2 min by default, hence paired with the async modes); consumption by fetch.
/// </summary>
public sealed class NatsJetStreamDriver(string url, string stream) : IPeerDriver
{
    private NatsConnection? _connection;
    private NatsJSContext? _js;
    private string Subject => stream + ".bench";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _connection = new NatsConnection(new NatsOpts { Url = url });
        await _connection.ConnectAsync().ConfigureAwait(false);
        _js = new NatsJSContext(_connection);
        try
        {
            await _js.DeleteStreamAsync(stream, cancellationToken).ConfigureAwait(false);
        }
        catch (NatsJSApiException)
        {
            // not there yet
        }

        await _js.CreateStreamAsync(new StreamConfig(stream, [Subject]) { Storage = StreamConfigStorage.File }, cancellationToken).ConfigureAwait(false);
    }

    public async Task SendAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var ack = await _js!.PublishAsync(Subject, body, cancellationToken: cancellationToken).ConfigureAwait(false);
        ack.EnsureSuccess();
    }

    public async Task<long> ConsumeAsync(long count, CancellationToken cancellationToken)
    {
        var consumer = await _js!.CreateOrUpdateConsumerAsync(stream, new ConsumerConfig { DeliverPolicy = ConsumerConfigDeliverPolicy.All, AckPolicy = ConsumerConfigAckPolicy.None }, cancellationToken).ConfigureAwait(false);
        long read = 0;
        try
        {
            while (read < count && !cancellationToken.IsCancellationRequested)
            {
                var before = read;
                await foreach (var msg in consumer.FetchNoWaitAsync<ReadOnlyMemory<byte>>(new NatsJSFetchOpts { MaxMsgs = 1000 }, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    read++;
                }

                if (read == before)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // time is up
        }

        await _js.DeleteConsumerAsync(stream, consumer.Info.Name, CancellationToken.None).ConfigureAwait(false);
        return read;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
