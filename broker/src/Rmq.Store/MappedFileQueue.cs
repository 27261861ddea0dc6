using Serilog;

namespace Rmq.Store;

/// <summary>
/// An ordered run of equally sized <see cref="MappedFile"/>s forming one logical byte log (commit log or a consume queue).
/// The file list is copy-on-write, so readers take a snapshot without locking.
/// </summary>
internal sealed class MappedFileQueue
{
    private readonly ILogger _log;
    private readonly Lock _lock = new();
    private MappedFile[] _files = [];
    private long _flushedWhere;

    public MappedFileQueue(string directory, int fileSize, ILogger log)
    {
        Directory = directory;
        FileSize = fileSize;
        _log = log;
    }

    public string Directory { get; }
    public int FileSize { get; }

    public IReadOnlyList<MappedFile> Files => Volatile.Read(ref _files);

    public MappedFile? FirstFile => Files is [var first, ..] ? first : null;
    public MappedFile? LastFile => Files is [.., var last] ? last : null;

    public long FlushedWhere
    {
        get => Interlocked.Read(ref _flushedWhere);
        set => Interlocked.Exchange(ref _flushedWhere, value);
    }

    /// <summary>Store time of the last record in the last file.</summary>
    public long LastStoreTimestamp => LastFile?.LastStoreTimestamp ?? 0;

    public long MinOffset => FirstFile?.FileFromOffset ?? -1;

    public long MaxOffset => LastFile is { } last ? last.FileFromOffset + last.WrotePosition : 0;

    /// <summary>Maps every well-named file in the directory; all positions start at the file end (recovery moves them).</summary>
    public void Load()
    {
        System.IO.Directory.CreateDirectory(Directory);
        var names = System.IO.Directory.GetFiles(Directory)
            .Where(p => Path.GetFileName(p).Length == 20 && Path.GetFileName(p).All(char.IsAsciiDigit))
            .Order(StringComparer.Ordinal)
            .ToList();
        var files = new List<MappedFile>(names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            var path = names[i];
            var length = new FileInfo(path).Length;
            if (length < FileSize && i == names.Count - 1)
            {
                // A short last file (cut by a crash or by hand): the missing tail reads as zeros, recovery truncates there.
                _log.Warning("Last mapped file {Path} is {Length} bytes, extending to {Size}", path, length, FileSize);
            }
            else if (length != FileSize)
            {
                throw new IOException($"{path} is {length} bytes, expected {FileSize}; refusing to load (mapped file size changed?)");
            }

            var file = MappedFile.Open(path, FileSize);
            file.WrotePosition = FileSize;
            file.FlushedPosition = FileSize;
            files.Add(file);
        }

        Volatile.Write(ref _files, files.ToArray());
    }

    /// <summary>The file to append to at <paramref name="startOffset"/> (or after the last), creating it when needed; null when creation failed.</summary>
    public MappedFile? GetLastMappedFile(long startOffset, bool create = true)
    {
        var last = LastFile;
        long createOffset;
        if (last is null)
        {
            createOffset = startOffset - (startOffset % FileSize);
        }
        else if (last.IsFull)
        {
            createOffset = last.FileFromOffset + FileSize;
        }
        else
        {
            return last;
        }

        if (!create)
        {
            return last;
        }

        lock (_lock)
        {
            var path = Path.Combine(Directory, MappedFile.FileNameOf(createOffset));
            MappedFile file;
            try
            {
                System.IO.Directory.CreateDirectory(Directory);
                file = MappedFile.Open(path, createOffset, FileSize);
            }
            catch (IOException e)
            {
                _log.Error(e, "Could not create mapped file {Path}", path);
                return null;
            }
            catch (UnauthorizedAccessException e)
            {
                _log.Error(e, "Could not create mapped file {Path}", path);
                return null;
            }

            Volatile.Write(ref _files, [.. _files, file]);
            return file;
        }
    }

    /// <summary>The file containing <paramref name="offset"/>, or null.</summary>
    public MappedFile? FindMappedFileByOffset(long offset, bool returnFirstOnNotFound = false)
    {
        var files = Files;
        if (files.Count == 0)
        {
            return null;
        }

        var first = files[0];
        var last = files[^1];
        if (offset >= first.FileFromOffset && offset < last.FileFromOffset + FileSize)
        {
            var index = (int)((offset / FileSize) - (first.FileFromOffset / FileSize));
            if (index >= 0 && index < files.Count && files[index].FileFromOffset <= offset && offset < files[index].FileFromOffset + FileSize)
            {
                return files[index];
            }

            foreach (var f in files)
            {
                if (offset >= f.FileFromOffset && offset < f.FileFromOffset + FileSize)
                {
                    return f;
                }
            }
        }

        return returnFirstOnNotFound ? first : null;
    }

    /// <summary>Flushes from <see cref="FlushedWhere"/>; true when nothing was left to flush.</summary>
    public bool Flush(int leastPages)
    {
        var where = FlushedWhere;
        if (FirstFile is { } first && where < first.FileFromOffset)
        {
            where = first.FileFromOffset; // the files below were deleted (or the log starts mid-way, as on a slave)
        }

        var file = FindMappedFileByOffset(where, where == 0);
        if (file is null)
        {
            return true;
        }

        var position = file.Flush(leastPages);
        var newWhere = file.FileFromOffset + position;
        FlushedWhere = newWhere;
        return newWhere == where;
    }

    /// <summary>Flushes everything written so far (up to the end offset seen on entry; later appends wait for the next round).</summary>
    public void FlushAll()
    {
        var target = MaxOffset;
        for (var i = 0; i <= Files.Count && FlushedWhere < target; i++)
        {
            if (Flush(0) && FlushedWhere < target)
            {
                break;
            }
        }
    }

    /// <summary>Cuts the log at <paramref name="offset"/>: later files are deleted, the containing file's tail is zeroed.</summary>
    /// <param name="offset">First byte that is no longer valid.</param>
    /// <param name="thorough">
    /// Zero every non-zero page of the tail (after a crash, stale bytes can sit anywhere past the cut);
    /// otherwise stop at the first all-zero chunk (a clean stop never wrote past its end).
    /// </param>
    public void TruncateDirtyFiles(long offset, bool thorough = true)
    {
        lock (_lock)
        {
            var keep = new List<MappedFile>();
            foreach (var file in _files)
            {
                if (file.FileFromOffset + FileSize <= offset)
                {
                    keep.Add(file);
                }
                else if (file.FileFromOffset <= offset)
                {
                    var position = (int)(offset - file.FileFromOffset);
                    ZeroTail(file, position, thorough);
                    file.WrotePosition = position;
                    file.FlushedPosition = Math.Min(file.FlushedPosition, position);
                    keep.Add(file);
                }
                else
                {
                    file.Destroy(delete: true);
                }
            }

            Volatile.Write(ref _files, keep.ToArray());
            if (FlushedWhere > offset)
            {
                FlushedWhere = offset;
            }
        }
    }

    private static void ZeroTail(MappedFile file, int position, bool thorough)
    {
        // Only pages holding non-zero bytes are written, so a fresh (preallocated) tail costs a read.
        const int chunk = 64 * 1024;
        for (var pos = position; pos < file.FileSize; pos += chunk)
        {
            var span = file.GetSpan(pos, Math.Min(chunk, file.FileSize - pos));
            if (span.ContainsAnyExcept((byte)0))
            {
                span.Clear();
            }
            else if (!thorough)
            {
                return;
            }
        }
    }

    /// <summary>Deletes files from the front while <paramref name="shouldDelete"/> says so; never the last file.</summary>
    public int DeleteFirstFilesWhere(Func<MappedFile, bool> shouldDelete, int maxBatch)
    {
        var deleted = new List<MappedFile>();
        var files = Files;
        for (var i = 0; i < files.Count - 1 && deleted.Count < maxBatch; i++)
        {
            if (!shouldDelete(files[i]))
            {
                break;
            }

            deleted.Add(files[i]);
        }

        if (deleted.Count == 0)
        {
            return 0;
        }

        lock (_lock)
        {
            Volatile.Write(ref _files, _files.Except(deleted).ToArray());
        }

        foreach (var file in deleted)
        {
            var now = file.Destroy(delete: true);
            _log.Information("Deleted mapped file {File} ({State})", file.FilePath, now ? "released" : "deferred until readers release it");
        }

        return deleted.Count;
    }

    /// <summary>Unmaps every file (keeping them on disk) or, with <paramref name="delete"/>, removes them.</summary>
    public void Shutdown(bool delete = false)
    {
        lock (_lock)
        {
            foreach (var file in _files)
            {
                file.Destroy(delete);
            }

            Volatile.Write(ref _files, []);
            FlushedWhere = 0;
        }

        if (delete && System.IO.Directory.Exists(Directory) && !System.IO.Directory.EnumerateFileSystemEntries(Directory).Any())
        {
            System.IO.Directory.Delete(Directory);
        }
    }
}
