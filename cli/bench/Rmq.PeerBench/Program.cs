using System.Globalization;
using System.Text.Json;
using Rmq.PeerBench;

// Rmq.PeerBench run --target NAME --kind rmq|redis|nats|rabbitmq --address ADDR --name STREAM --durability async|sync
//               [--pids 1,2] [--in-flight 1,16,64,256] [--duration 10] [--rate 5000] [--size 1024] [--round 1] --out FILE
// Rmq.PeerBench table --out FILE [--in-flight 1,16,64,256] [--rate 5000] [--fsync-per-second N]
var options = ParseOptions(args.Skip(1));
var inFlight = options.GetValueOrDefault("in-flight", "1,16,64,256").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
var rate = int.Parse(options.GetValueOrDefault("rate", "5000"), CultureInfo.InvariantCulture);
var outFile = options.GetValueOrDefault("out") ?? throw new ArgumentException("--out FILE is required");
var json = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

switch (args.FirstOrDefault())
{
    case "run":
        return await RunAsync().ConfigureAwait(false);
    case "table":
        var runs = File.ReadAllLines(outFile).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<PeerRun>(l, json)!).ToList();
        double? fsync = options.TryGetValue("fsync-per-second", out var f) ? double.Parse(f, CultureInfo.InvariantCulture) : null;
        Console.Write(PeerTable.Render(runs, inFlight, rate, fsync));
        return 0;
    default:
        await Console.Error.WriteLineAsync("usage: Rmq.PeerBench run|table ... (see cli/bench/peers/run.sh)").ConfigureAwait(false);
        return 2;
}

async Task<int> RunAsync()
{
    var target = options["target"];
    var address = options["address"];
    var name = options.GetValueOrDefault("name", "PeerBench");
    var duration = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("duration", "10"), CultureInfo.InvariantCulture));
    var size = int.Parse(options.GetValueOrDefault("size", "1024"), CultureInfo.InvariantCulture);
    var pids = options.GetValueOrDefault("pids", string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
    IPeerDriver driver = options["kind"] switch
    {
        "rmq" => new RmqDriver(address, name),
        "redis" => new RedisStreamDriver(address, name),
        "nats" => new NatsJetStreamDriver(address, name),
        "rabbitmq" => new RabbitQuorumDriver(address, name),
        var other => throw new ArgumentException("unknown --kind " + other),
    };

    var body = new byte[size];
    Random.Shared.NextBytes(body);
    await using (driver.ConfigureAwait(false))
    {
        using var startTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await driver.StartAsync(startTimeout.Token).ConfigureAwait(false);
        var produce = new Dictionary<int, double>();
        long acked = 0, failed = 0;
        string? firstError = null;
        var cpuBefore = ProcessCpu.Seconds(pids);
        foreach (var n in inFlight)
        {
            var (ok, bad, seconds, error) = await LoadRunner.ProduceAsync(driver, body, n, duration).ConfigureAwait(false);
            produce[n] = Math.Round(ok / seconds, 1);
            acked += ok;
            failed += bad;
            firstError ??= error;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{target}: produce {n} in flight: {ok / seconds:N0} msgs/s ({bad} failed)"));
        }

        var cpu = ProcessCpu.Seconds(pids) - cpuBefore;
        using var consumeTimeout = new CancellationTokenSource(duration);
        var consumeStart = System.Diagnostics.Stopwatch.GetTimestamp();
        var consumed = await driver.ConsumeAsync(acked, consumeTimeout.Token).ConfigureAwait(false);
        var consumeRate = consumed / System.Diagnostics.Stopwatch.GetElapsedTime(consumeStart).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{target}: consume {consumeRate:N0} msgs/s ({consumed} of {acked})"));

        var latencies = await LoadRunner.PacedAsync(driver, body, rate, duration, maxInFlight: 1024).ConfigureAwait(false);
        var run = new PeerRun
        {
            Target = target,
            Durability = options.GetValueOrDefault("durability", "?"),
            Round = int.Parse(options.GetValueOrDefault("round", "1"), CultureInfo.InvariantCulture),
            ProducePerSecond = produce,
            ConsumePerSecond = Math.Round(consumeRate, 1),
            PacedP50Ms = LoadRunner.PercentileMs(latencies, 50),
            PacedP99Ms = LoadRunner.PercentileMs(latencies, 99),
            CpuSecondsPerMillion = acked > 0 && pids.Count > 0 ? Math.Round(cpu / acked * 1_000_000, 2) : double.NaN,
            Failed = failed,
            FirstError = firstError,
        };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{target}: paced {rate}/s p50 {run.PacedP50Ms:F2} ms p99 {run.PacedP99Ms:F2} ms; CPU {run.CpuSecondsPerMillion:F1} s per M msgs"));
        await File.AppendAllTextAsync(outFile, JsonSerializer.Serialize(run, json) + "\n").ConfigureAwait(false);
    }

    return 0;
}

static Dictionary<string, string> ParseOptions(IEnumerable<string> args)
{
    var result = new Dictionary<string, string>(StringComparer.Ordinal);
    string? key = null;
    foreach (var arg in args)
    {
        if (arg.StartsWith("--", StringComparison.Ordinal))
        {
            key = arg[2..];
            result[key] = "true";
        }
        else if (key is not null)
        {
            result[key] = arg;
            key = null;
        }
    }

    return result;
}
