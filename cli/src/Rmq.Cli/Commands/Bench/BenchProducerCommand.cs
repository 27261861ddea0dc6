using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Rmq.Cli.Bench;
using Rmq.Client.Broker;
using Rmq.Client.Producer;

namespace Rmq.Cli.Commands.Bench;

/// <summary>
/// <c>rmq bench producer -n ADDR -t TOPIC [-s 1024] [-w 64] [--async] [--batch N] [--duration 60s] [--count N] [--output json]</c>:
/// <c>-w</c> sends in flight, each waiting for the broker's answer; a line a second and a summary at the end.
/// </summary>
internal sealed class BenchProducerCommand : Command
{
    private readonly CliConsole _console;
    private readonly Option<string?> _namesrv = new("--namesrvAddr", "-n") { Description = "Name server address(es) [default: NAMESRV_ADDR, else 127.0.0.1:9876]" };
    private readonly Option<string> _topic = new("--topic", "-t") { Description = "Topic to send to", DefaultValueFactory = _ => "BenchmarkTest" };
    private readonly Option<int> _size = new("--size", "-s") { Description = "Message body size in bytes", DefaultValueFactory = _ => 1024 };
    private readonly Option<int> _workers = new("--workers", "-w") { Description = "Sends in flight (sync: each worker waits for the answer)", DefaultValueFactory = _ => 64 };
    private readonly Option<bool> _async = new("--async") { Description = "Pipeline: each worker keeps up to 16 sends in flight instead of 1" };
    private readonly Option<int> _batch = new("--batch") { Description = "Messages per send (a batch send when > 1)", DefaultValueFactory = _ => 1 };
    private readonly Option<string> _duration = new("--duration") { Description = "Stop after this long (60s, 5m, 500ms)", DefaultValueFactory = _ => "60s" };
    private readonly Option<long> _count = new("--count") { Description = "Stop after this many messages (0 = no limit)", DefaultValueFactory = _ => 0 };
    private readonly Option<string> _group = new("--group", "-g") { Description = "Producer group", DefaultValueFactory = _ => "benchmark_producer" };
    private readonly Option<string> _output = new("--output") { Description = "text or json (the summary)", DefaultValueFactory = _ => "text" };

    public BenchProducerCommand(CliConsole console)
        : base("producer", "Send messages as fast as -w concurrent senders can; print TPS and RT each second, then totals and p50/p99/p999")
    {
        _console = console;
        foreach (var option in new Option[] { _namesrv, _topic, _size, _workers, _async, _batch, _duration, _count, _group, _output })
        {
            Options.Add(option);
        }

        SetAction((parse, ct) => ExecuteAsync(parse, ct));
    }

    private async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var topic = parse.GetValue(_topic)!;
        var size = parse.GetValue(_size);
        var workers = parse.GetValue(_workers);
        var batch = parse.GetValue(_batch);
        var count = parse.GetValue(_count);
        var json = parse.GetValue(_output) == "json";
        var duration = BenchDuration.Parse(parse.GetValue(_duration));
        if (size <= 0 || workers <= 0 || batch <= 0 || count < 0 || duration is null)
        {
            await _console.Error.WriteLineAsync("bench producer: -s, -w and --batch must be > 0, --count >= 0, --duration like 60s").ConfigureAwait(false);
            return ExitCodes.BadArguments;
        }

        var isAsync = parse.GetValue(_async);
        var body = ProducerLoad.LetterBody(size);
        var producer = new Producer(new ProducerOptions
        {
            ProducerGroup = parse.GetValue(_group)!,
            NameServerAddress = BenchCommand.NameServer(parse.GetValue(_namesrv)),
            InstanceName = "bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8],
            CompressMsgBodyOverHowmuch = int.MaxValue,
        });
        await using var disposeProducer = new BoundedDispose(producer);
        try
        {
            await producer.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await _console.Error.WriteLineAsync($"bench producer: cannot start: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Unreachable;
        }

        var interval = new IntervalStats();
        using var reporterStop = new CancellationTokenSource();
        var reporter = json
            ? Task.CompletedTask
            : PerSecondReporter.RunAsync(interval, (s, _) => string.Format(
                CultureInfo.InvariantCulture,
                "Send TPS: {0} Max RT(ms): {1} Average RT(ms): {2:F3} Send Failed: {3} Response Failed: {4}",
                s.Ok, s.RtMaxMicros / 1000, s.AverageRtMs, s.SendFailed, s.ResponseFailed), _console.Out, TimeSpan.FromSeconds(1), reporterStop.Token);

        var load = await ProducerLoad.RunAsync(producer, new ProducerLoadOptions(topic, body, workers, isAsync ? 16 : 1, batch, duration.Value, count), interval, cancellationToken).ConfigureAwait(false);
        await reporterStop.CancelAsync().ConfigureAwait(false);
        await reporter.ConfigureAwait(false);

        var (sent, sendFailed, responseFailed, elapsed, firstError) = (load.Sent, load.SendFailed, load.ResponseFailed, load.ElapsedSeconds, load.FirstError);
        var histogram = load.Latency;
        var summary = new ProducerSummary(
            topic, size, workers, isAsync, batch, sent, sendFailed, responseFailed, Math.Round(elapsed, 3),
            Math.Round(sent / elapsed, 1), Math.Round(sent * (double)size / elapsed / (1024 * 1024), 3), LatencySummary.From(histogram));
        if (firstError is not null)
        {
            await _console.Error.WriteLineAsync("first send failure: " + firstError).ConfigureAwait(false);
        }

        if (json)
        {
            await _console.Out.WriteLineAsync(JsonSerializer.Serialize(summary, BenchJson.Options)).ConfigureAwait(false);
        }
        else
        {
            var l = summary.SendLatency;
            await _console.Out.WriteLineAsync(string.Format(
                CultureInfo.InvariantCulture,
                "[Complete] Send Total: {0} Send Failed: {1} Response Failed: {2} Elapsed(s): {3:F3} TPS: {4:F1} MB/s: {5:F3}\n" +
                "Send RT(ms): min {6:F3} avg {7:F3} p50 {8:F3} p99 {9:F3} p999 {10:F3} max {11:F3}",
                summary.Sent, summary.SendFailed, summary.ResponseFailed, summary.ElapsedSeconds, summary.MessagesPerSecond, summary.MegabytesPerSecond,
                l.MinMs, l.AvgMs, l.P50Ms, l.P99Ms, l.P999Ms, l.MaxMs)).ConfigureAwait(false);
        }

        return sent > 0 || summary.Failed == 0 ? ExitCodes.Success : ExitCodes.ServerError;
    }
}
