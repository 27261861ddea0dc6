using System.Globalization;

namespace Rmq.Broker.Stats;

/// <summary>Formats a double as Java's <c>Double.toString</c> does (<c>0.0</c>, <c>12.5</c>, <c>1.0E-4</c>), which mqadmin parses.</summary>
public static class JavaDouble
{
    public static string ToString(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        var magnitude = Math.Abs(value);
        if (value == 0 || (magnitude >= 1e-3 && magnitude < 1e7))
        {
            var plain = value.ToString("R", CultureInfo.InvariantCulture);
            return plain.Contains('.', StringComparison.Ordinal) ? plain : plain + ".0";
        }

        // shortest round-trip digits, then Java's d.dddE<n> form
        var r = magnitude.ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = r.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }

        var point = r.IndexOf('.', StringComparison.Ordinal);
        var digits = point < 0 ? r : r.Remove(point, 1);
        var integerDigits = point < 0 ? r.Length : point;
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.TrimStart('0').TrimEnd('0');
        digits = digits.Length == 0 ? "0" : digits;
        exponent += integerDigits - leadingZeros - 1;
        var mantissa = digits[..1] + "." + (digits.Length > 1 ? digits[1..] : "0");
        mantissa = value < 0 ? "-" + mantissa : mantissa;
        return mantissa + "E" + exponent.ToString(CultureInfo.InvariantCulture);
    }
}
