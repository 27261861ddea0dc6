using StackExchange.Redis;

namespace Rmq.PeerBench;

/// <summary>
/// Redis Streams over one multiplexed connection: XADD answered after the AOF write (appendfsync everysec) or after
/// its fsync (appendfsync always), as the server is configured; consumption by XRANGE pages.
/// </summary>
public sealed class RedisStreamDriver(string endpoint, string stream) : IPeerDriver
{
    private ConnectionMultiplexer? _connection;
    private IDatabase? _db;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _connection = await ConnectionMultiplexer.ConnectAsync(endpoint + ",abortConnect=true,syncTimeout=15000,asyncTimeout=15000").ConfigureAwait(false);
        _db = _connection.GetDatabase();
        await _db.KeyDeleteAsync(stream).ConfigureAwait(false);
    }

    public Task SendAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken) =>
        _db!.StreamAddAsync(stream, "b", body);

    public async Task<long> ConsumeAsync(long count, CancellationToken cancellationToken)
    {
        long read = 0;
        RedisValue from = "-";
        while (read < count && !cancellationToken.IsCancellationRequested)
        {
            var page = await _db!.StreamRangeAsync(stream, from, "+", 1000).ConfigureAwait(false);
            if (page.Length == 0)
            {
                break;
            }

            read += page.Length;
            from = "(" + page[^1].Id;
        }

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
