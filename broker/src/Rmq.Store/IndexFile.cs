using System.Buffers.Binary;

namespace Rmq.Store;

/// <summary>
/// One index file (store.md §7): a 40-byte header, a hash-slot table, and 20-byte entries chained per slot.
/// Writes come from the single dispatch thread; reads take a lease.
/// </summary>
internal sealed class IndexFile
{
    public const int HeaderSize = 40;
    public const int SlotSize = 4;
    public const int EntrySize = 20;
    private const int InvalidIndex = 0;
    private readonly int _slotCount;
    private readonly int _maxEntries;

    public IndexFile(string path, int slotCount, int maxEntries)
    {
        _slotCount = slotCount;
        _maxEntries = maxEntries;
        var size = checked(HeaderSize + (slotCount * SlotSize) + (maxEntries * EntrySize));
        File = MappedFile.Open(path, 0, size);
        File.WrotePosition = size;
        File.FlushedPosition = 0;
        var header = File.GetSpan(0, HeaderSize);
        if (IndexCount == 0)
        {
            BinaryPrimitives.WriteInt32BigEndian(header[36..], 1);
        }
    }

    public MappedFile File { get; }

    public long BeginTimestamp => BinaryPrimitives.ReadInt64BigEndian(File.GetSpan(0, 8));
    public long EndTimestamp => BinaryPrimitives.ReadInt64BigEndian(File.GetSpan(8, 8));
    public long BeginPhyOffset => BinaryPrimitives.ReadInt64BigEndian(File.GetSpan(16, 8));
    public long EndPhyOffset => BinaryPrimitives.ReadInt64BigEndian(File.GetSpan(24, 8));
    public int HashSlotCount => BinaryPrimitives.ReadInt32BigEndian(File.GetSpan(32, 4));
    public int IndexCount => BinaryPrimitives.ReadInt32BigEndian(File.GetSpan(36, 4));

    public bool IsFull => IndexCount >= _maxEntries;

    /// <summary>Adds an entry for a key hash (Java <c>String.hashCode</c> of <c>topic#key</c>); false when full.</summary>
    public bool PutKey(int keyHashCode, long phyOffset, long storeTimestamp)
    {
        if (IsFull)
        {
            return false;
        }

        var keyHash = JavaHash.IndexKeyHash(keyHashCode);
        var slotPos = HeaderSize + (keyHash % _slotCount * SlotSize);
        var slotValue = BinaryPrimitives.ReadInt32BigEndian(File.GetSpan(slotPos, 4));
        var indexCount = IndexCount;
        if (slotValue <= InvalidIndex || slotValue > indexCount)
        {
            slotValue = InvalidIndex;
        }

        var begin = BeginTimestamp;
        var timeDiff = indexCount <= 1 || begin <= 0 ? 0 : (storeTimestamp - begin) / 1000;
        timeDiff = Math.Clamp(timeDiff, 0, int.MaxValue);
        var entry = File.GetSpan(EntryPosition(indexCount), EntrySize);
        BinaryPrimitives.WriteInt32BigEndian(entry, keyHash);
        BinaryPrimitives.WriteInt64BigEndian(entry[4..], phyOffset);
        BinaryPrimitives.WriteInt32BigEndian(entry[12..], (int)timeDiff);
        BinaryPrimitives.WriteInt32BigEndian(entry[16..], slotValue);
        BinaryPrimitives.WriteInt32BigEndian(File.GetSpan(slotPos, 4), indexCount);

        var header = File.GetSpan(0, HeaderSize);
        if (indexCount <= 1)
        {
            BinaryPrimitives.WriteInt64BigEndian(header, storeTimestamp);
            BinaryPrimitives.WriteInt64BigEndian(header[16..], phyOffset);
        }

        if (slotValue == InvalidIndex)
        {
            BinaryPrimitives.WriteInt32BigEndian(header[32..], HashSlotCount + 1);
        }

        BinaryPrimitives.WriteInt64BigEndian(header[8..], storeTimestamp);
        BinaryPrimitives.WriteInt64BigEndian(header[24..], phyOffset);
        BinaryPrimitives.WriteInt32BigEndian(header[36..], indexCount + 1);
        return true;
    }

    /// <summary>Collects commit-log offsets of entries with this key hash stored within [begin, end] (ms).</summary>
    public void SelectPhyOffset(List<long> result, int keyHashCode, int maxNum, long begin, long end)
    {
        if (!File.TryHold())
        {
            return;
        }

        try
        {
            var keyHash = JavaHash.IndexKeyHash(keyHashCode);
            var slotPos = HeaderSize + (keyHash % _slotCount * SlotSize);
            var indexCount = IndexCount;
            var next = BinaryPrimitives.ReadInt32BigEndian(File.GetSpan(slotPos, 4));
            if (next <= InvalidIndex || next >= indexCount || indexCount <= 1)
            {
                return;
            }

            var beginTimestamp = BeginTimestamp;
            while (result.Count < maxNum)
            {
                var entry = File.GetSpan(EntryPosition(next), EntrySize);
                var hashRead = BinaryPrimitives.ReadInt32BigEndian(entry);
                var phyOffset = BinaryPrimitives.ReadInt64BigEndian(entry[4..]);
                var timeRead = beginTimestamp + (BinaryPrimitives.ReadInt32BigEndian(entry[12..]) * 1000L);
                var prev = BinaryPrimitives.ReadInt32BigEndian(entry[16..]);
                if (hashRead == keyHash && timeRead >= begin && timeRead <= end)
                {
                    result.Add(phyOffset);
                }

                if (prev <= InvalidIndex || prev >= indexCount || prev == next || timeRead < begin)
                {
                    break;
                }

                next = prev;
            }
        }
        finally
        {
            File.Release();
        }
    }

    /// <summary>Whether this file may hold entries stored within [begin, end] (second resolution).</summary>
    public bool IsTimeMatched(long begin, long end)
        => (BeginTimestamp - 1000 <= end && EndTimestamp + 1000 >= begin) || IndexCount <= 1;

    public void Flush()
    {
        File.FlushedPosition = 0;
        File.Flush(0);
    }

    private int EntryPosition(int index) => HeaderSize + (_slotCount * SlotSize) + (index * EntrySize);
}
