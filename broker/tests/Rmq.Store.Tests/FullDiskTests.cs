using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace Rmq.Store.Tests;

/// <summary>A real full disk: an 8 MiB tmpfs as the store directory (needs root; otherwise reports why it did not run).</summary>
public sealed class FullDiskTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Tiny_tmpfs_fills_to_disk_full_loses_nothing_and_resumes_when_space_is_freed()
    {
        var dir = Path.Combine(Path.GetTempPath(), "rmq-store-tmpfs", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        if (!Run("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", dir, out var why))
        {
            Directory.Delete(dir);
            output.WriteLine($"SKIPPED: cannot mount a tmpfs here ({why}); the same logic runs in RetentionTests with an injected disk-usage source.");
            return;
        }

        try
        {
            await FillAndRecoverAsync(dir);
        }
        finally
        {
            Run("umount", dir, out _);
            Directory.Delete(dir, recursive: true);
        }
    }

    private async Task FillAndRecoverAsync(string dir)
    {
        var filler = Path.Combine(dir, "filler");
        await File.WriteAllBytesAsync(filler, new byte[5 * 1024 * 1024]);
        var t = new TestStore(
            o => o with { MappedFileSizeCommitLog = 512 * 1024, MappedFileSizeConsumeQueue = 1000 * 20, MaxHashSlotNum = 100, MaxIndexNum = 400 },
            root: Path.Combine(dir, "store"));
        var store = await t.StartAsync();
        var acked = new List<(PutMessageResult Result, string Body)>();
        var body = new string('d', 4000);
        PutMessageStatus last = PutMessageStatus.PUT_OK;
        for (var i = 0; i < 5000 && last == PutMessageStatus.PUT_OK; i++)
        {
            var text = $"{i}:{body}";
            var r = await store.PutMessageAsync(TestStore.Message("Full", 0, text), CancellationToken.None);
            last = r.Status;
            if (r.IsOk)
            {
                acked.Add((r, text));
            }
        }

        output.WriteLine($"{acked.Count} messages stored before {last}; disk at {new DriveDiskSpaceSource().GetUsedRatio(dir):P1}");
        Assert.Equal(PutMessageStatus.DISK_FULL, last);
        Assert.Equal(PutMessageStatus.DISK_FULL, (await store.PutMessageAsync(TestStore.Message("Full", 0, "again"), CancellationToken.None)).Status);
        foreach (var (result, text) in acked)
        {
            Assert.Equal(text, Encoding.UTF8.GetString(store.LookMessageByOffset(result.WroteOffset)!.Body));
        }

        File.Delete(filler);
        PutMessageResult resumed = default;
        Assert.True(await Poll.UntilAsync(() =>
        {
            resumed = store.PutMessageAsync(TestStore.Message("Full", 0, "resumed"), CancellationToken.None).AsTask().GetAwaiter().GetResult();
            return resumed.IsOk;
        }));
        Assert.Equal(acked.Count, resumed.LogicsOffset);
        await t.StopAsync();
        store = await t.StartAsync();
        Assert.Equal(acked.Count + 1, store.GetMaxOffsetInQueue("Full", 0));
        await t.DisposeAsync();
    }

    private static bool Run(string file, string a0, out string error) => Run(file, [a0], out error);

    private static bool Run(string file, string a0, string a1, string a2, string a3, string a4, string a5, out string error)
        => Run(file, [a0, a1, a2, a3, a4, a5], out error);

    private static bool Run(string file, string[] args, out string error)
    {
        error = string.Empty;
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            error = "not root on Linux";
            return false;
        }

        try
        {
            var psi = new ProcessStartInfo(file) { RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in args)
            {
                psi.ArgumentList.Add(a);
            }

            using var p = Process.Start(psi)!;
            error = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            error = e.Message;
            return false;
        }
    }
}
