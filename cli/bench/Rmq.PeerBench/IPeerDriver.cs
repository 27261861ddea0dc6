namespace Rmq.PeerBench;

/// <summary>One broker under test, over one connection: durable sends and reading back what was sent.</summary>
public interface IPeerDriver : IAsyncDisposable
{
    /// <summary>Connects and prepares an empty stream / topic / queue.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Sends one message and completes when the broker acknowledged it durably (per its configuration).</summary>
    Task SendAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken);

    /// <summary>Reads messages from the start of what was sent until <paramref name="count"/> were read or the token fires; returns how many.</summary>
    Task<long> ConsumeAsync(long count, CancellationToken cancellationToken);
}
