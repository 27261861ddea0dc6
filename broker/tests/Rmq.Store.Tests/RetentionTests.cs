using System.Text;

namespace Rmq.Store.Tests;

public sealed class RetentionTests
{
    private static async Task FillAsync(MessageStore store, int count, string topic = "T")
    {
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(PutMessageStatus.PUT_OK, (await store.PutMessageAsync(TestStore.Message(topic, 0, $"m{i}", keys: $"k{i}"), CancellationToken.None)).Status);
        }

        await Poll.DispatchedAsync(store);
    }

    [Fact]
    public async Task Expired_files_are_deleted_at_the_delete_when_hour_and_not_before()
    {
        // 03:00 UTC, 100 hours after now: files are expired (72 h) but it is not yet "04".
        var now = DateTimeOffset.UtcNow;
        var clock = new ManualTimeProvider(new DateTimeOffset(now.Year, now.Month, now.Day, 3, 0, 0, TimeSpan.Zero).AddDays(5));
        var disk = new FakeDiskSpaceSource { Ratio = 0.10 };
        await using var t = new TestStore(o => o with { MappedFileSizeCommitLog = 4096, DeleteWhen = "01;04" });
        var store = await t.StartAsync(new MessageStoreServices { TimeProvider = clock, DiskSpaceSource = disk });
        await FillAsync(store, 200);
        var files = Directory.GetFiles(t.CommitLogDir).Length;
        Assert.True(files > 3);

        Assert.Equal(0, store.RunRetention());
        Assert.Equal(files, Directory.GetFiles(t.CommitLogDir).Length);

        clock.Now = clock.Now.AddHours(1); // 04:00
        Assert.Equal(files - 1, store.RunRetention());

        Assert.Single(Directory.GetFiles(t.CommitLogDir));
        Assert.True(store.MinPhyOffset > 0);
        Assert.True(store.GetMinOffsetInQueue("T", 0) > 0);
        RecoveryTests.AssertQueuesAgreeWithCommitLog(store, "T", 1);
    }

    [Fact]
    public async Task Unexpired_files_stay_at_the_delete_hour_but_go_when_the_disk_is_above_the_forced_ratio()
    {
        var now = DateTimeOffset.UtcNow;
        var clock = new ManualTimeProvider(new DateTimeOffset(now.Year, now.Month, now.Day, 4, 0, 0, TimeSpan.Zero));
        var disk = new FakeDiskSpaceSource { Ratio = 0.10 };
        await using var t = new TestStore(o => o with { MappedFileSizeCommitLog = 4096 });
        var store = await t.StartAsync(new MessageStoreServices { TimeProvider = clock, DiskSpaceSource = disk });
        await FillAsync(store, 200);
        var files = Directory.GetFiles(t.CommitLogDir).Length;

        clock.Now = DateTimeOffset.UtcNow.AddHours(1); // files are 1 h old, hour is not 04
        Assert.Equal(0, store.RunRetention());
        disk.Ratio = 0.80; // above diskMaxUsedSpaceRatio 75: any hour, but still only expired files
        Assert.Equal(0, store.RunRetention());
        disk.Ratio = 0.86; // above the forced ratio: expiry no longer matters
        Assert.Equal(files - 1, store.RunRetention());
    }

    [Fact]
    public async Task A_file_under_a_readers_lease_is_deleted_only_after_release()
    {
        await using var t = new TestStore(o => o with { MappedFileSizeCommitLog = 4096, FileReservedTime = 0 });
        var store = await t.StartAsync();
        await FillAsync(store, 100);
        var firstFile = Path.Combine(t.CommitLogDir, "00000000000000000000");

        var lease = store.GetCommitLogData(0)!;
        var firstBytes = lease.Span[..4].ToArray();
        Assert.True(store.DeleteExpiredFilesNow() > 0);

        Assert.True(File.Exists(firstFile));
        Assert.Equal(firstBytes, lease.Span[..4].ToArray()); // still mapped and readable
        Assert.Null(store.LookMessageByOffset(0));             // but no new reader gets it
        lease.Dispose();
        Assert.False(File.Exists(firstFile));
    }

    [Fact]
    public async Task Index_files_below_the_commit_log_min_offset_are_deleted()
    {
        await using var t = new TestStore(o => o with { MappedFileSizeCommitLog = 4096, FileReservedTime = 0, MaxIndexNum = 50 });
        var store = await t.StartAsync();
        await FillAsync(store, 200);
        var indexFiles = Directory.GetFiles(Path.Combine(t.Root, "index")).Length;
        Assert.True(indexFiles > 2);

        store.DeleteExpiredFilesNow();
        store.CleanExpiredConsumeQueues();

        Assert.True(Directory.GetFiles(Path.Combine(t.Root, "index")).Length < indexFiles);
        Assert.Single(store.QueryMessage("T", "k199", 32, 0, long.MaxValue).Messages);
        Assert.Empty(store.QueryMessage("T", "k0", 32, 0, long.MaxValue).Messages);
    }

    [Fact]
    public async Task Writes_are_refused_with_disk_full_above_90_percent_and_resume_when_space_returns()
    {
        var disk = new FakeDiskSpaceSource { Ratio = 0.50 };
        await using var t = new TestStore();
        var store = await t.StartAsync(new MessageStoreServices { DiskSpaceSource = disk });
        var ok = await store.PutMessageAsync(TestStore.Message("T", 0, "before"), CancellationToken.None);

        disk.Ratio = 0.95;
        Assert.True(store.CheckDiskSpace());
        var refused = await store.PutMessageAsync(TestStore.Message("T", 0, "refused"), CancellationToken.None);
        Assert.Equal(PutMessageStatus.DISK_FULL, refused.Status);

        disk.Ratio = 0.60;
        Assert.True(await Poll.UntilAsync(() => store.PutMessageAsync(TestStore.Message("T", 0, "after"), CancellationToken.None).AsTask().Result.Status == PutMessageStatus.PUT_OK));
        Assert.Equal("before", Encoding.UTF8.GetString(store.LookMessageByOffset(ok.WroteOffset)!.Body));
    }
}
