namespace Rmq.Store;

/// <summary>
/// A leased window over a mapped file. The file cannot be unmapped or deleted until this is disposed;
/// the span must not be used after <see cref="Dispose"/>.
/// </summary>
public sealed class SelectMappedBufferResult : IDisposable
{
    private readonly MappedFile _file;
    private readonly int _position;
    private int _released;

    internal SelectMappedBufferResult(MappedFile file, int position, int size)
    {
        _file = file;
        _position = position;
        Size = size;
        StartOffset = file.FileFromOffset + position;
    }

    /// <summary>Log offset of the first byte.</summary>
    public long StartOffset { get; }

    public int Size { get; }

    public ReadOnlySpan<byte> Span
    {
        get
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _released) == 1, this);
            return _file.GetSpan(_position, Size);
        }
    }

    /// <summary>Takes a lease on <paramref name="file"/> for [position, position+size); null when the file is going away.</summary>
    internal static SelectMappedBufferResult? TryCreate(MappedFile file, int position, int size)
        => size >= 0 && file.TryHold() ? new SelectMappedBufferResult(file, position, size) : null;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _file.Release();
        }
    }
}
