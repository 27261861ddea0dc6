using System.Globalization;

namespace Rmq.PeerBench;

/// <summary>CPU time a process used so far (user + system), from /proc/&lt;pid&gt;/stat.</summary>
public static class ProcessCpu
{
    /// <summary>Linux USER_HZ; 100 on every mainstream kernel.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>Seconds of CPU used by <paramref name="pids"/> together; 0 when none given.</summary>
    public static double Seconds(IReadOnlyList<int> pids)
    {
        ArgumentNullException.ThrowIfNull(pids);
        double total = 0;
        foreach (var pid in pids)
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            // The command name (field 2) may hold spaces: fields after ')' start at field 3 (state).
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var utime = long.Parse(fields[11], CultureInfo.InvariantCulture);
            var stime = long.Parse(fields[12], CultureInfo.InvariantCulture);
            total += (utime + stime) / TicksPerSecond;
        }

        return total;
    }
}
