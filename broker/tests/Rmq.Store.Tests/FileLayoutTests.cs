using System.Buffers.Binary;

namespace Rmq.Store.Tests;

/// <summary>Consume queue, index and checkpoint files byte for byte (store.md §6–§8).</summary>
public sealed class FileLayoutTests
{
    [Fact]
    public async Task Consume_queue_units_index_entries_and_checkpoint_have_rocketmq_layout()
    {
        await using var t = new TestStore(o => o with { MaxHashSlotNum = 1000, MaxIndexNum = 4000 });
        var store = await t.StartAsync();
        var first = await store.PutMessageAsync(TestStore.Message("T", 0, "a", tags: "TagA", keys: "k1 k2"), CancellationToken.None);
        var second = await store.PutMessageAsync(TestStore.Message("T", 0, "b", uniqKey: "U1"), CancellationToken.None);
        await Poll.DispatchedAsync(store);
        await t.StopAsync();

        // Consume queue: [commit-log offset int64][size int32][tags code int64], 20-digit file name.
        var cq = await File.ReadAllBytesAsync(Path.Combine(t.Root, "consumequeue", "T", "0", "00000000000000000000"));
        Assert.Equal(100 * 20, cq.Length);
        Assert.Equal(first.WroteOffset, BinaryPrimitives.ReadInt64BigEndian(cq));
        Assert.Equal(first.WroteBytes, BinaryPrimitives.ReadInt32BigEndian(cq.AsSpan(8)));
        Assert.Equal(2598919, BinaryPrimitives.ReadInt64BigEndian(cq.AsSpan(12))); // "TagA".hashCode()
        Assert.Equal(second.WroteOffset, BinaryPrimitives.ReadInt64BigEndian(cq.AsSpan(20)));
        Assert.Equal(0, BinaryPrimitives.ReadInt64BigEndian(cq.AsSpan(32)));       // no TAGS → 0
        Assert.All(cq.AsSpan(40).ToArray(), b => Assert.Equal(0, b));

        // Index: 40-byte header, slots, entries; keys T#k1, T#k2, T#U1; entry numbers start at 1.
        var indexPath = Assert.Single(Directory.GetFiles(Path.Combine(t.Root, "index")));
        Assert.Matches("^[0-9]{17}$", Path.GetFileName(indexPath));
        var index = await File.ReadAllBytesAsync(indexPath);
        Assert.Equal(40 + (1000 * 4) + (4000 * 20), index.Length);
        Assert.Equal(first.StoreTimestamp, BinaryPrimitives.ReadInt64BigEndian(index));
        Assert.Equal(second.StoreTimestamp, BinaryPrimitives.ReadInt64BigEndian(index.AsSpan(8)));
        Assert.Equal(first.WroteOffset, BinaryPrimitives.ReadInt64BigEndian(index.AsSpan(16)));
        Assert.Equal(second.WroteOffset, BinaryPrimitives.ReadInt64BigEndian(index.AsSpan(24)));
        Assert.Equal(3, BinaryPrimitives.ReadInt32BigEndian(index.AsSpan(32)));     // slots in use
        Assert.Equal(4, BinaryPrimitives.ReadInt32BigEndian(index.AsSpan(36)));     // next entry number
        var entries = new List<(int Hash, long Phy, int Prev)>();
        foreach (var key in new[] { "T#k1", "T#k2", "T#U1" })
        {
            var hash = Math.Abs(JavaHash.HashCode(key));
            var slot = BinaryPrimitives.ReadInt32BigEndian(index.AsSpan(40 + (hash % 1000 * 4)));
            var entry = index.AsSpan(40 + (1000 * 4) + (slot * 20), 20);
            entries.Add((BinaryPrimitives.ReadInt32BigEndian(entry), BinaryPrimitives.ReadInt64BigEndian(entry[4..]), BinaryPrimitives.ReadInt32BigEndian(entry[16..])));
            Assert.Equal(hash, entries[^1].Hash);
        }

        Assert.Equal([first.WroteOffset, first.WroteOffset, second.WroteOffset], entries.Select(e => e.Phy));
        Assert.All(entries, e => Assert.Equal(0, e.Prev));

        // Checkpoint: 4 KiB, physic/logics/index store times at 0/8/16.
        var checkpoint = await File.ReadAllBytesAsync(Path.Combine(t.Root, "checkpoint"));
        Assert.Equal(4096, checkpoint.Length);
        Assert.Equal(second.StoreTimestamp, BinaryPrimitives.ReadInt64BigEndian(checkpoint));
        Assert.Equal(second.StoreTimestamp, BinaryPrimitives.ReadInt64BigEndian(checkpoint.AsSpan(8)));
        Assert.Equal(second.StoreTimestamp, BinaryPrimitives.ReadInt64BigEndian(checkpoint.AsSpan(16)));
        Assert.False(File.Exists(Path.Combine(t.Root, "abort")));
        Assert.True(File.Exists(Path.Combine(t.Root, "lock")));
    }
}
