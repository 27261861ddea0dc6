using System.Globalization;
using System.Text.RegularExpressions;

namespace Rmq.Configuration;

/// <summary>Reusable value checks for key tables; each returns an error message or null.</summary>
public static partial class KeyValidators
{
    public static Func<object, string?> Range(long min, long max) => v =>
    {
        long n = Convert.ToInt64(v, CultureInfo.InvariantCulture);
        return n < min || n > max ? string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}") : null;
    };

    public static Func<object, string?> AtLeast(long min) => v =>
        Convert.ToInt64(v, CultureInfo.InvariantCulture) < min ? string.Create(CultureInfo.InvariantCulture, $"must be at least {min}") : null;

    public static Func<object, string?> OneOf(params int[] allowed) => v =>
        allowed.Contains(Convert.ToInt32(v, CultureInfo.InvariantCulture)) ? null : "must be one of " + string.Join(", ", allowed);

    /// <summary>A TCP port; 0 lets the OS choose (used by tests).</summary>
    public static Func<object, string?> Port { get; } = Range(0, 65535);

    /// <summary>deleteWhen: hours of day 00-23 separated by ';' (e.g. 04 or 01;03;05).</summary>
    public static Func<object, string?> HoursOfDay { get; } = v =>
    {
        foreach (string part in ((string)v).Split(';'))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int h) || h > 23)
            {
                return $"'{part}' is not an hour of day; expected hours 00-23 separated by ';' (e.g. 04 or 01;03;05)";
            }
        }

        return null;
    };

    /// <summary>namesrvAddr: host:port entries separated by ';'.</summary>
    public static Func<object, string?> AddressList { get; } = v =>
    {
        string s = (string)v;
        if (s.Length == 0)
        {
            return null;
        }

        foreach (string part in s.Split(';'))
        {
            if (!AddressRegex().IsMatch(part))
            {
                return $"'{part}' is not host:port; expected host:port entries separated by ';' (e.g. 127.0.0.1:9876;192.168.0.1:9876)";
            }
        }

        return null;
    };

    /// <summary>messageDelayLevel: blank-separated durations with unit s, m, h or d.</summary>
    public static Func<object, string?> DelayLevels { get; } = v =>
    {
        foreach (string part in ((string)v).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!DelayRegex().IsMatch(part))
            {
                return $"'{part}' is not a delay level; expected e.g. '1s 5s 10s 30s 1m 2h 1d'";
            }
        }

        return null;
    };

    [GeneratedRegex(@"^[^\s:;]+:\d{1,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex AddressRegex();

    [GeneratedRegex(@"^\d+[smhd]$", RegexOptions.CultureInvariant)]
    private static partial Regex DelayRegex();
}
