using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;

namespace Rmq.Store;

/// <summary>
/// One memory-mapped file of a <see cref="MappedFileQueue"/>, named by the offset of its first byte.
/// Reference-counted: readers hold a lease (<see cref="TryHold"/> / <see cref="Release"/>); <see cref="Destroy"/>
/// takes the file out of service and the last release unmaps and deletes it, so no reader ever sees freed memory.
/// </summary>
internal sealed unsafe class MappedFile
{
    internal const int OsPageSize = 4096;

    private readonly FileStream _stream;
    private readonly MemoryMappedFile _mmf;
    private readonly MemoryMappedViewAccessor _view;
    private readonly Lock _flushLock = new();
    private byte* _ptr;
    private int _refCount = 1;
    private int _available = 1;
    private int _wrotePosition;
    private int _flushedPosition;
    private bool _deleteOnClose;
    private int _closed;

    private MappedFile(string path, long fileFromOffset, int fileSize, FileStream stream)
    {
        FilePath = path;
        FileFromOffset = fileFromOffset;
        FileSize = fileSize;
        _stream = stream;
        _mmf = MemoryMappedFile.CreateFromFile(stream, null, fileSize, MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: true);
        _view = _mmf.CreateViewAccessor(0, fileSize, MemoryMappedFileAccess.ReadWrite);
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref _ptr);
        _ptr += _view.PointerOffset;
    }

    public string FilePath { get; }
    public string FileName => Path.GetFileName(FilePath);
    public long FileFromOffset { get; }
    public int FileSize { get; }

    /// <summary>Store time of the last record appended (for the checkpoint).</summary>
    public long LastStoreTimestamp { get; set; }

    /// <summary>Test hook: called before each msync.</summary>
    public Action? FlushHook { get; set; }

    public int WrotePosition
    {
        get => Volatile.Read(ref _wrotePosition);
        set => Volatile.Write(ref _wrotePosition, value);
    }

    public int FlushedPosition
    {
        get => Volatile.Read(ref _flushedPosition);
        set => Volatile.Write(ref _flushedPosition, value);
    }

    public bool IsFull => WrotePosition == FileSize;

    public bool IsAvailable => Volatile.Read(ref _available) == 1;

    public int RefCount => Volatile.Read(ref _refCount);

    /// <summary>Opens or creates a file of exactly <paramref name="fileSize"/> bytes, preallocated so writes never hit ENOSPC via SIGBUS.</summary>
    public static MappedFile Open(string path, int fileSize)
    {
        var name = Path.GetFileName(path);
        if (!long.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var fromOffset))
        {
            throw new IOException($"mapped file name is not an offset: {path}");
        }

        return Open(path, fromOffset, fileSize);
    }

    public static MappedFile Open(string path, long fileFromOffset, int fileSize)
    {
        var exists = File.Exists(path);
        var options = new FileStreamOptions
        {
            Mode = exists ? FileMode.Open : FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.ReadWrite | FileShare.Delete,
            BufferSize = 0,
            PreallocationSize = exists ? 0 : fileSize,
        };
        var stream = new FileStream(path, options);
        try
        {
            if (stream.Length < fileSize)
            {
                stream.SetLength(fileSize);
            }

            return new MappedFile(path, fileFromOffset, fileSize, stream);
        }
        catch
        {
            stream.Dispose();
            if (!exists)
            {
                File.Delete(path);
            }

            throw;
        }
    }

    public static string FileNameOf(long offset) => offset.ToString("D20", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Writable/readable view of the mapped bytes. Caller must hold a lease or be the writer.</summary>
    public Span<byte> GetSpan(int position, int length) => new(_ptr + position, length);

    /// <summary>Takes a lease; false when the file is being destroyed.</summary>
    public bool TryHold()
    {
        while (true)
        {
            var current = Volatile.Read(ref _refCount);
            if (current <= 0 || !IsAvailable)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _refCount, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _refCount) == 0)
        {
            Close();
        }
    }

    /// <summary>Takes the file out of service; it is unmapped (and deleted when <paramref name="delete"/>) once the last lease is released.</summary>
    /// <returns>True when the file was released at once (no reader held it).</returns>
    public bool Destroy(bool delete)
    {
        if (Interlocked.Exchange(ref _available, 0) == 0)
        {
            return RefCount <= 0;
        }

        _deleteOnClose = delete;
        Release();
        return RefCount <= 0;
    }

    /// <summary>Flushes written bytes to disk when at least <paramref name="leastPages"/> dirty pages are pending (0 = any).</summary>
    /// <returns>The flushed position.</returns>
    public int Flush(int leastPages)
    {
        lock (_flushLock)
        {
            var write = WrotePosition;
            var flushed = FlushedPosition;
            if (write <= flushed || !IsAbleToFlush(flushed, write, leastPages))
            {
                return flushed;
            }

            if (!TryHold())
            {
                return flushed;
            }

            try
            {
                FlushHook?.Invoke();
                var start = flushed / OsPageSize * OsPageSize;
                SyncRange(start, write - start);
                FlushedPosition = write;
                return write;
            }
            finally
            {
                Release();
            }
        }
    }

    private bool IsAbleToFlush(int flushed, int write, int leastPages)
    {
        if (write == FileSize)
        {
            return true;
        }

        if (leastPages > 0)
        {
            return (write / OsPageSize) - (flushed / OsPageSize) >= leastPages;
        }

        return write > flushed;
    }

    private void SyncRange(int start, int length)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())
        {
            // msync(MS_SYNC) writes the dirty pages of the range and waits for the device (fsync of the range).
            if (NativeMethods.MSync(_ptr + start, (nuint)length, NativeMethods.MS_SYNC) != 0)
            {
                throw new IOException($"msync failed on {FilePath}: errno {Marshal.GetLastPInvokeError()}");
            }

            return;
        }

        _view.Flush();
        _stream.Flush(flushToDisk: true);
    }

    private void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1)
        {
            return;
        }

        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _ptr = null;
        _view.Dispose();
        _mmf.Dispose();
        _stream.Dispose();
        if (_deleteOnClose)
        {
            File.Delete(FilePath);
        }
    }

    public override string ToString() => FileName;
}
