using System.Globalization;

namespace Rmq.Remoting.Protocol;

/// <summary>Helpers that write header values the way Java's <c>String.valueOf</c> does.</summary>
public static class HeaderWriter
{
    public static void Put(this IDictionary<string, string> fields, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (value is not null)
        {
            fields[name] = value;
        }
    }

    public static void Put(this IDictionary<string, string> fields, string name, int value)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields[name] = value.ToString(CultureInfo.InvariantCulture);
    }

    public static void Put(this IDictionary<string, string> fields, string name, long value)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields[name] = value.ToString(CultureInfo.InvariantCulture);
    }

    public static void Put(this IDictionary<string, string> fields, string name, bool value)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields[name] = value ? "true" : "false";
    }

    public static void Put(this IDictionary<string, string> fields, string name, int? value)
    {
        if (value is { } v)
        {
            fields.Put(name, v);
        }
    }

    public static void Put(this IDictionary<string, string> fields, string name, long? value)
    {
        if (value is { } v)
        {
            fields.Put(name, v);
        }
    }

    public static void Put(this IDictionary<string, string> fields, string name, bool? value)
    {
        if (value is { } v)
        {
            fields.Put(name, v);
        }
    }
}
