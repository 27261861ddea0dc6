using System.Globalization;

namespace Rmq.Remoting.Json;

/// <summary>
/// A JSON scalar. Numbers keep their raw text so longs beyond double precision survive; the typed
/// getters convert leniently as fastjson does (quirk Q6).
/// </summary>
public sealed class FjValue : FjNode
{
    public static readonly FjValue Null = new(FjValueKind.Null, null);
    public static readonly FjValue True = new(FjValueKind.True, "true");
    public static readonly FjValue False = new(FjValueKind.False, "false");

    private FjValue(FjValueKind kind, string? text)
    {
        Kind = kind;
        Text = text;
    }

    public FjValueKind Kind { get; }

    /// <summary>The string's value or the number's raw text; "true"/"false" for booleans; null for null.</summary>
    public string? Text { get; }

    public static FjValue String(string value) => new(FjValueKind.String, value ?? throw new ArgumentNullException(nameof(value)));

    public static FjValue Number(string rawText) => new(FjValueKind.Number, rawText ?? throw new ArgumentNullException(nameof(rawText)));

    public static FjValue Number(long value) => new(FjValueKind.Number, value.ToString(CultureInfo.InvariantCulture));

    public static FjValue Boolean(bool value) => value ? True : False;

    public override string? GetString() => Text;

    public override long GetInt64()
    {
        switch (Kind)
        {
            case FjValueKind.True:
                return 1;
            case FjValueKind.False:
            case FjValueKind.Null:
                return 0;
        }

        var text = Text!.Trim();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) &&
            !double.IsNaN(real) && real >= long.MinValue && real <= long.MaxValue)
        {
            return (long)real;
        }

        throw NotA($"an integer: '{Text}'");
    }

    public override double GetDouble()
    {
        switch (Kind)
        {
            case FjValueKind.True:
                return 1;
            case FjValueKind.False:
            case FjValueKind.Null:
                return 0;
        }

        return double.TryParse(Text!.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw NotA($"a number: '{Text}'");
    }

    public override bool GetBoolean()
    {
        switch (Kind)
        {
            case FjValueKind.True:
                return true;
            case FjValueKind.False:
            case FjValueKind.Null:
                return false;
            case FjValueKind.Number:
                return GetDouble() != 0;
        }

        var text = Text!.Trim();
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text == "1" || text.Equals("Y", StringComparison.OrdinalIgnoreCase) || text.Equals("T", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (text.Length == 0 || text.Equals("false", StringComparison.OrdinalIgnoreCase) || text == "0" || text.Equals("N", StringComparison.OrdinalIgnoreCase) || text.Equals("F", StringComparison.OrdinalIgnoreCase) || text.Equals("null", StringComparison.Ordinal))
        {
            return false;
        }

        throw NotA($"a boolean: '{Text}'");
    }

    public override void WriteTo(FjWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (Kind)
        {
            case FjValueKind.Null:
                writer.WriteNull();
                break;
            case FjValueKind.String:
                writer.WriteString(Text);
                break;
            case FjValueKind.Number:
                writer.WriteRawNumber(Text!);
                break;
            case FjValueKind.True:
                writer.WriteBoolean(true);
                break;
            case FjValueKind.False:
                writer.WriteBoolean(false);
                break;
        }
    }

    private protected override string Describe() => Kind.ToString().ToLowerInvariant();
}
