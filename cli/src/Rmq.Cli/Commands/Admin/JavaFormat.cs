using System.Globalization;
using System.Text;

namespace Rmq.Cli.Commands.Admin;

/// <summary>
/// The subset of Java's <c>String.format</c> mqadmin's tables use (<c>%-20s</c>, <c>%4s</c>, <c>%-4d</c>,
/// <c>%04d</c>, <c>%9.2f</c>, <c>%n</c>, <c>%%</c>), so format strings are copied verbatim from the spec.
/// </summary>
internal static class JavaFormat
{
    public static string Format(string format, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(args);
        var result = new StringBuilder();
        var next = 0;
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c != '%')
            {
                result.Append(c);
                continue;
            }

            var start = ++i;
            while (i < format.Length && "-0123456789.".Contains(format[i], StringComparison.Ordinal))
            {
                i++;
            }

            var spec = format[start..i];
            var conversion = format[i];
            if (conversion == 'n')
            {
                result.Append('\n');
                continue;
            }

            if (conversion == '%')
            {
                result.Append('%');
                continue;
            }

            var leftAlign = spec.StartsWith('-');
            var zeroPad = !leftAlign && spec.StartsWith('0');
            var body = spec.TrimStart('-', '0');
            var dot = body.IndexOf('.', StringComparison.Ordinal);
            var width = dot < 0 ? (body.Length == 0 ? 0 : int.Parse(body, CultureInfo.InvariantCulture)) : (dot == 0 ? 0 : int.Parse(body[..dot], CultureInfo.InvariantCulture));
            var precision = dot < 0 ? -1 : int.Parse(body[(dot + 1)..], CultureInfo.InvariantCulture);
            var arg = args[next++];
            var text = conversion switch
            {
                's' => arg switch
                {
                    null => "null",
                    bool b => b ? "true" : "false",
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => arg.ToString() ?? "null",
                },
                'd' => Convert.ToInt64(arg, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
                'f' => Convert.ToDouble(arg, CultureInfo.InvariantCulture).ToString("F" + (precision < 0 ? 6 : precision).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
                _ => throw new FormatException($"unsupported conversion %{spec}{conversion}"),
            };
            if (conversion == 's' && precision >= 0 && text.Length > precision)
            {
                text = text[..precision];
            }

            if (text.Length < width)
            {
                text = leftAlign ? text.PadRight(width) : zeroPad ? ZeroPad(text, width) : text.PadLeft(width);
            }

            result.Append(text);
        }

        return result.ToString();
    }

    private static string ZeroPad(string text, int width) =>
        text.StartsWith('-') ? "-" + text[1..].PadLeft(width - 1, '0') : text.PadLeft(width, '0');

    /// <summary>UtilAll.timeMillisToHumanString2: <c>yyyy-MM-dd HH:mm:ss,SSS</c> in local time.</summary>
    public static string HumanTime(long millis) =>
        DateTimeOffset.FromUnixTimeMilliseconds(millis).ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss,fff", CultureInfo.InvariantCulture);

    /// <summary><c>yyyy-MM-dd HH:mm:ss</c> in local time.</summary>
    public static string ShortTime(long millis) =>
        DateTimeOffset.FromUnixTimeMilliseconds(millis).ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
