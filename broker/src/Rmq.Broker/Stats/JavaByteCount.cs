using System.Globalization;

namespace Rmq.Broker.Stats;

/// <summary>RocketMQ's <c>MixAll.humanReadableByteCount(bytes, false)</c>: <c>512 B</c>, <c>1.5 KiB</c>, <c>49.1 GiB</c>.</summary>
public static class JavaByteCount
{
    public static string ToString(long bytes)
    {
        const int unit = 1024;
        if (bytes < unit)
        {
            return bytes.ToString(CultureInfo.InvariantCulture) + " B";
        }

        var exp = (int)(Math.Log(bytes) / Math.Log(unit));
        var prefix = "KMGTPE"[exp - 1];
        return string.Create(CultureInfo.InvariantCulture, $"{bytes / Math.Pow(unit, exp):0.0} {prefix}iB");
    }
}
