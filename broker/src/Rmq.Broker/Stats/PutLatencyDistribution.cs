using System.Globalization;
using System.Text;

namespace Rmq.Broker.Stats;

/// <summary>
/// How long puts took, in RocketMQ's 13 buckets (<c>[&lt;=0ms]</c> ... <c>[10s~]</c>), counted for a minute and then
/// swapped out: runtime info shows the last full minute, as Java's putMessageDistributeTime does.
/// </summary>
public sealed class PutLatencyDistribution
{
    private static readonly string[] Names =
        ["[<=0ms]", "[0~10ms]", "[10~50ms]", "[50~100ms]", "[100~200ms]", "[200~500ms]", "[500ms~1s]", "[1~2s]", "[2~3s]", "[3~4s]", "[4~5s]", "[5~10s]", "[10s~]"];

    private static readonly long[] UpperBounds = [0, 10, 50, 100, 200, 500, 1000, 2000, 3000, 4000, 5000, 10000];

    private long[] _current = new long[Names.Length];
    private long[] _last = new long[Names.Length];

    public void Record(long millis)
    {
        var bucket = UpperBounds.Length;
        for (var i = 0; i < UpperBounds.Length; i++)
        {
            if (i == 0 ? millis <= 0 : millis < UpperBounds[i])
            {
                bucket = i;
                break;
            }
        }

        Interlocked.Increment(ref Volatile.Read(ref _current)[bucket]);
    }

    /// <summary>Starts a new minute; the one just ended becomes what <see cref="Describe"/> prints.</summary>
    public void Roll()
    {
        var ended = Interlocked.Exchange(ref _current, new long[Names.Length]);
        Volatile.Write(ref _last, ended);
    }

    public string Describe()
    {
        var last = Volatile.Read(ref _last);
        var text = new StringBuilder();
        for (var i = 0; i < Names.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Names[i]}:{Interlocked.Read(ref last[i])} ");
        }

        return text.ToString();
    }
}
