using System.Diagnostics;
using System.Text.Json;
using Rmq.E2E.Support;

namespace Rmq.E2E.Interop;

/// <summary>
/// A running <c>consume.js</c> (an ali-ons push consumer) whose JSON lines are read as they come, so a test can
/// wait for an allocation or a message; stopped with "stop" on stdin (offsets persisted, client unregistered).
/// </summary>
public sealed class AliOnsBrokerConsumer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<JsonElement> _events = [];
    private readonly Lock _lock = new();
    private readonly System.Text.StringBuilder _stderr = new();

    private AliOnsBrokerConsumer(Process process) => _process = process;

    public IReadOnlyList<JsonElement> Events
    {
        get
        {
            lock (_lock)
            {
                return _events.ToArray();
            }
        }
    }

    public IReadOnlyList<JsonElement> Messages => Events.Where(e => e.GetProperty("event").GetString() == "msg").ToArray();

    /// <summary>The last allocation of queues it reported.</summary>
    public IReadOnlyList<int> Queues =>
        Events.LastOrDefault(e => e.GetProperty("event").GetString() == "alloc") is { ValueKind: JsonValueKind.Object } alloc
            ? alloc.GetProperty("queues").EnumerateArray().Select(q => q.GetInt32()).ToArray()
            : [];

    public static AliOnsBrokerConsumer Start(string nameServer, string topic, string group, string subExpression, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.AliOnsDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "consume.js", nameServer, topic, group, subExpression, "110000" })
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        var consumer = new AliOnsBrokerConsumer(process);
        process.OutputDataReceived += (_, e) => consumer.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (consumer._lock)
            {
                consumer._stderr.AppendLine(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return consumer;
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails the test with the consumer's output otherwise.</summary>
    public async Task WaitForAsync(Func<AliOnsBrokerConsumer, bool> condition, string what, TimeSpan? timeout = null)
    {
        var ok = await Eventually.TrueAsync(() => Task.FromResult(condition(this) || _process.HasExited), timeout ?? TimeSpan.FromSeconds(30));
        if (!ok || !condition(this))
        {
            throw new TimeoutException($"ali-ons consumer: {what} did not happen; events:\n{string.Join('\n', Events.TakeLast(20))}\nstderr: {_stderr}");
        }
    }

    public async Task StopAsync()
    {
        await _process.StandardInput.WriteLineAsync("stop");
        await _process.StandardInput.FlushAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _process.WaitForExitAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (string.IsNullOrWhiteSpace(line) || !line.StartsWith('{'))
        {
            return;
        }

        var element = JsonDocument.Parse(line).RootElement.Clone();
        lock (_lock)
        {
            _events.Add(element);
        }
    }
}
