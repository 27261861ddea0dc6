using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Rmq.Cli.Bench;
using Rmq.Client.Consumer;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Cli.Commands.Bench;

/// <summary>
/// <c>rmq bench consumer -n ADDR -t TOPIC -g GROUP [--duration 60s] [--count N] [--from last|first] [--output json]</c>:
/// a push consumer printing TPS and born-to-consume / store-to-consume latency each second, then a summary.
/// </summary>
internal sealed class BenchConsumerCommand : Command
{
    private readonly CliConsole _console;
    private readonly Option<string?> _namesrv = new("--namesrvAddr", "-n") { Description = "Name server address(es) [default: NAMESRV_ADDR, else 127.0.0.1:9876]" };
    private readonly Option<string> _topic = new("--topic", "-t") { Description = "Topic to consume", DefaultValueFactory = _ => "BenchmarkTest" };
    private readonly Option<string> _group = new("--group", "-g") { Description = "Consumer group", DefaultValueFactory = _ => "benchmark_consumer" };
    private readonly Option<string> _duration = new("--duration") { Description = "Stop after this long (60s, 5m, 500ms)", DefaultValueFactory = _ => "60s" };
    private readonly Option<long> _count = new("--count") { Description = "Stop after this many messages (0 = no limit)", DefaultValueFactory = _ => 0 };
    private readonly Option<string> _from = new("--from") { Description = "Where a new group starts: last or first", DefaultValueFactory = _ => "last" };
    private readonly Option<string> _output = new("--output") { Description = "text or json (the summary)", DefaultValueFactory = _ => "text" };

    public BenchConsumerCommand(CliConsole console)
        : base("consumer", "Consume a topic; print TPS and B2C/S2C latency each second, then totals and percentiles")
    {
        _console = console;
        foreach (var option in new Option[] { _namesrv, _topic, _group, _duration, _count, _from, _output })
        {
            Options.Add(option);
        }

        SetAction((parse, ct) => ExecuteAsync(parse, ct));
    }

    private async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var topic = parse.GetValue(_topic)!;
        var group = parse.GetValue(_group)!;
        var count = parse.GetValue(_count);
        var json = parse.GetValue(_output) == "json";
        var duration = BenchDuration.Parse(parse.GetValue(_duration));
        var from = parse.GetValue(_from);
        if (count < 0 || duration is null || (from != "last" && from != "first"))
        {
            await _console.Error.WriteLineAsync("bench consumer: --count >= 0, --duration like 60s, --from last|first").ConfigureAwait(false);
            return ExitCodes.BadArguments;
        }

        var b2c = new LatencyHistogram();
        var s2c = new LatencyHistogram();
        var interval = new IntervalStats();
        long received = 0, bytes = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration.Value);

        Task<ConsumeConcurrentlyStatus> OnMessages(IReadOnlyList<Rmq.Client.Messages.MessageExt> messages, ConsumeContext context)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            foreach (var m in messages)
            {
                var born = Math.Max(0, now - m.BornTimestamp) * 1000;
                var stored = Math.Max(0, now - m.StoreTimestamp) * 1000;
                var length = m.Body?.Length ?? 0;
                b2c.Record(born);
                s2c.Record(stored);
                interval.Success(1, length, born, stored);
                Interlocked.Add(ref bytes, length);
                if (Interlocked.Increment(ref received) == count)
                {
                    stop.Cancel();
                }
            }

            return Task.FromResult(ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
        }

        var consumer = new PushConsumer(
            new PushConsumerOptions
            {
                ConsumerGroup = group,
                NameServerAddress = BenchCommand.NameServer(parse.GetValue(_namesrv)),
                InstanceName = "bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8],
                ConsumeFromWhere = from == "first" ? ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET : ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET,
            },
            OnMessages);
        var started = Stopwatch.GetTimestamp();
        using var reporterStop = new CancellationTokenSource();
        Task reporter = Task.CompletedTask;
        try
        {
            consumer.Subscribe(topic, "*");

            // started first, on its own thread: a backlog floods the thread pool as soon as the consumer starts
            reporter = json
                ? Task.CompletedTask
                : PerSecondReporter.RunAsync(interval, (s, _) => string.Format(
                    CultureInfo.InvariantCulture,
                    "Consume TPS: {0} Average(B2C) RT(ms): {1:F3} Average(S2C) RT(ms): {2:F3} MAX(B2C) RT(ms): {3} MAX(S2C) RT(ms): {4}",
                    s.Ok, s.AverageRtMs, s.AverageRt2Ms, s.RtMaxMicros / 1000, s.Rt2MaxMicros / 1000), _console.Out, TimeSpan.FromSeconds(1), reporterStop.Token);
            await consumer.StartAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // --duration, --count or Ctrl+C
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await reporterStop.CancelAsync().ConfigureAwait(false);
            await reporter.ConfigureAwait(false);
            await _console.Error.WriteLineAsync($"bench consumer: cannot start: {e.Message}").ConfigureAwait(false);
            await DisposeBoundedAsync(consumer).ConfigureAwait(false);
            return ExitCodes.Unreachable;
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await reporterStop.CancelAsync().ConfigureAwait(false);
        await reporter.ConfigureAwait(false);
        await DisposeBoundedAsync(consumer).ConfigureAwait(false);

        var total = Interlocked.Read(ref received);
        var summary = new ConsumerSummary(
            topic, group, total, Interlocked.Read(ref bytes), Math.Round(elapsed, 3), Math.Round(total / elapsed, 1),
            Math.Round(Interlocked.Read(ref bytes) / elapsed / (1024 * 1024), 3), LatencySummary.From(b2c), LatencySummary.From(s2c));
        if (json)
        {
            await _console.Out.WriteLineAsync(JsonSerializer.Serialize(summary, BenchJson.Options)).ConfigureAwait(false);
        }
        else
        {
            await _console.Out.WriteLineAsync(string.Format(
                CultureInfo.InvariantCulture,
                "[Complete] Consume Total: {0} Elapsed(s): {1:F3} TPS: {2:F1} MB/s: {3:F3}\n" +
                "B2C RT(ms): avg {4:F3} p50 {5:F3} p99 {6:F3} p999 {7:F3} max {8:F3}\n" +
                "S2C RT(ms): avg {9:F3} p50 {10:F3} p99 {11:F3} p999 {12:F3} max {13:F3}",
                summary.Received, summary.ElapsedSeconds, summary.MessagesPerSecond, summary.MegabytesPerSecond,
                summary.BornToConsume.AvgMs, summary.BornToConsume.P50Ms, summary.BornToConsume.P99Ms, summary.BornToConsume.P999Ms, summary.BornToConsume.MaxMs,
                summary.StoreToConsume.AvgMs, summary.StoreToConsume.P50Ms, summary.StoreToConsume.P99Ms, summary.StoreToConsume.P999Ms, summary.StoreToConsume.MaxMs)).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    private static Task DisposeBoundedAsync(IAsyncDisposable disposable) => BoundedDispose.RunAsync(disposable);
}
