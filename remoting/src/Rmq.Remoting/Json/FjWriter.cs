using System.Buffers;
using System.Globalization;
using System.Text;

namespace Rmq.Remoting.Json;

/// <summary>
/// Writes JSON the way fastjson 1.x does, into a <see cref="StringBuilder"/>. Bodies write their
/// fields in alphabetical order and skip nulls (the <c>name, value</c> overloads taking a nullable
/// skip it); the writer only checks that keys and values alternate.
/// </summary>
/// <example>
/// <code>
/// var w = new FjWriter();
/// w.WriteStartObject();
/// w.WritePropertyName("brokerAddrs");
/// w.WriteStartObject();
/// w.WriteNumericKey(0); w.WriteString("10.0.0.1:10911");
/// w.WriteEndObject();
/// w.WriteEndObject();            // {"brokerAddrs":{0:"10.0.0.1:10911"}}
/// </code>
/// </example>
public sealed class FjWriter
{
    private const long MaxSafeInteger = 9007199254740991L;

    private readonly StringBuilder _out;
    private readonly List<Frame> _stack = [];
    private bool _rootWritten;
    private bool _nextContainerIsKey;

    public FjWriter(FjFormat format = FjFormat.Legacy, StringBuilder? output = null)
    {
        Format = format;
        _out = output ?? new StringBuilder(256);
    }

    public FjFormat Format { get; }

    /// <summary>True when keys and strings follow the standard (browser-compatible) rules.</summary>
    public bool IsStandard => Format == FjFormat.Standard;

    public void WriteStartObject() => StartContainer('{', isObject: true);

    public void WriteEndObject() => EndContainer('}', isObject: true);

    public void WriteStartArray() => StartContainer('[', isObject: false);

    public void WriteEndArray() => EndContainer(']', isObject: false);

    /// <summary>Writes a quoted string key.</summary>
    public void WritePropertyName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        BeforeKey();
        WriteQuoted(name);
        AfterKey();
    }

    /// <summary>Writes an integer map key: unquoted (Q1) except in <see cref="FjFormat.Standard"/>.</summary>
    public void WriteNumericKey(long key) => WriteRawNumberKey(key.ToString(CultureInfo.InvariantCulture));

    /// <summary>Writes a numeric key from its text (as read), quoted only in <see cref="FjFormat.Standard"/>.</summary>
    public void WriteRawNumberKey(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        BeforeKey();
        if (IsStandard)
        {
            _out.Append('"').Append(number).Append('"');
        }
        else
        {
            _out.Append(number);
        }

        AfterKey();
    }

    /// <summary>
    /// Starts an object that is itself a map key (Q3), e.g. a MessageQueue in ConsumeStats.offsetTable.
    /// Write its fields, then <see cref="WriteEndObject"/>; the ':' follows it, then write the value.
    /// </summary>
    public void WriteStartObjectKey()
    {
        BeforeKey();
        _nextContainerIsKey = true;
        StartContainer('{', isObject: true);
    }

    /// <summary>Writes a parsed key node (string, number or object) as a key.</summary>
    public void WriteKeyNode(FjNode key)
    {
        ArgumentNullException.ThrowIfNull(key);
        switch (key)
        {
            case FjValue { Kind: FjValueKind.Number } number:
                WriteRawNumberKey(number.Text!);
                break;
            case FjValue scalar:
                WritePropertyName(scalar.Text ?? "null");
                break;
            default:
                BeforeKey();
                _nextContainerIsKey = true;
                key.WriteTo(this);
                break;
        }
    }

    /// <summary>Writes a string value; null writes <c>null</c>.</summary>
    public void WriteString(string? value)
    {
        BeforeValue();
        if (value is null)
        {
            _out.Append("null");
        }
        else
        {
            WriteQuoted(value);
        }
    }

    public void WriteNumber(long value)
    {
        BeforeValue();
        if (IsStandard && (value > MaxSafeInteger || value < -MaxSafeInteger))
        {
            _out.Append('"').Append(value.ToString(CultureInfo.InvariantCulture)).Append('"');
        }
        else
        {
            _out.Append(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    public void WriteNumber(int value)
    {
        BeforeValue();
        _out.Append(value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Writes a double as Java's <c>Double.toString</c> would for common values (<c>1.0</c>, <c>0.5</c>).</summary>
    public void WriteNumber(double value)
    {
        BeforeValue();
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            _out.Append("null");
        }
        else if (value == Math.Floor(value) && Math.Abs(value) < 1e7)
        {
            _out.Append(value.ToString("F1", CultureInfo.InvariantCulture));
        }
        else
        {
            _out.Append(value.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Writes a number from its raw text (e.g. as read by <see cref="FjReader"/>).</summary>
    public void WriteRawNumber(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        if (IsStandard && long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            WriteNumber(integer);
            return;
        }

        BeforeValue();
        _out.Append(number);
    }

    public void WriteBoolean(bool value)
    {
        BeforeValue();
        _out.Append(value ? "true" : "false");
    }

    public void WriteNull()
    {
        BeforeValue();
        _out.Append("null");
    }

    /// <summary>A string field; omitted when <paramref name="value"/> is null (fastjson skips nulls).</summary>
    public void WriteString(string name, string? value)
    {
        if (value is not null)
        {
            WritePropertyName(name);
            WriteString(value);
        }
    }

    public void WriteNumber(string name, long value)
    {
        WritePropertyName(name);
        WriteNumber(value);
    }

    public void WriteNumber(string name, int value)
    {
        WritePropertyName(name);
        WriteNumber(value);
    }

    public void WriteNumber(string name, double value)
    {
        WritePropertyName(name);
        WriteNumber(value);
    }

    public void WriteBoolean(string name, bool value)
    {
        WritePropertyName(name);
        WriteBoolean(value);
    }

    /// <summary>A string array field (e.g. TopicList.topicList); omitted when null.</summary>
    public void WriteStringArray(string name, IEnumerable<string>? values)
    {
        if (values is null)
        {
            return;
        }

        WritePropertyName(name);
        WriteStartArray();
        foreach (var value in values)
        {
            WriteString(value);
        }

        WriteEndArray();
    }

    /// <summary>A map of strings with string keys, entries sorted ordinally; omitted when null.</summary>
    public void WriteStringMap(string name, IEnumerable<KeyValuePair<string, string>>? map)
    {
        if (map is null)
        {
            return;
        }

        WritePropertyName(name);
        WriteStartObject();
        foreach (var (key, value) in map.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            WritePropertyName(key);
            WriteString(value);
        }

        WriteEndObject();
    }

    /// <summary>True once a complete document has been written.</summary>
    public bool IsComplete => _rootWritten && _stack.Count == 0;

    public override string ToString() => _out.ToString();

    public byte[] ToUtf8Bytes() => Encoding.UTF8.GetBytes(_out.ToString());

    /// <summary>Copies the UTF-8 bytes of what was written so far to <paramref name="output"/>.</summary>
    public void CopyTo(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var chunk in _out.GetChunks())
        {
            var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(chunk.Length));
            var written = Encoding.UTF8.GetBytes(chunk.Span, span);
            output.Advance(written);
        }
    }

    private void StartContainer(char open, bool isObject)
    {
        var isKey = _nextContainerIsKey;
        _nextContainerIsKey = false;
        if (!isKey)
        {
            BeforeValue();
        }

        _out.Append(open);
        _stack.Add(new Frame { IsObject = isObject, IsKey = isKey });
    }

    private void EndContainer(char close, bool isObject)
    {
        if (_stack.Count == 0 || _stack[^1].IsObject != isObject)
        {
            throw new InvalidOperationException($"'{close}' does not close the open container");
        }

        var frame = _stack[^1];
        if (frame.ExpectValue)
        {
            throw new InvalidOperationException("an object key has no value");
        }

        _stack.RemoveAt(_stack.Count - 1);
        if (Format == FjFormat.Pretty && frame.Count > 0)
        {
            NewLine();
        }

        _out.Append(close);
        if (frame.IsKey)
        {
            AfterKey();
        }
    }

    private void BeforeKey()
    {
        if (_stack.Count == 0 || !_stack[^1].IsObject || _stack[^1].ExpectValue)
        {
            throw new InvalidOperationException("a key can only be written inside an object, before its value");
        }

        var frame = _stack[^1];
        if (frame.Count > 0)
        {
            _out.Append(',');
        }

        frame.Count++;
        _stack[^1] = frame;
        if (Format == FjFormat.Pretty)
        {
            NewLine();
        }
    }

    private void AfterKey()
    {
        _out.Append(':');
        var frame = _stack[^1];
        frame.ExpectValue = true;
        _stack[^1] = frame;
    }

    private void BeforeValue()
    {
        if (_stack.Count == 0)
        {
            if (_rootWritten)
            {
                throw new InvalidOperationException("the JSON document is already complete");
            }

            _rootWritten = true;
            return;
        }

        var frame = _stack[^1];
        if (frame.IsObject)
        {
            if (!frame.ExpectValue)
            {
                throw new InvalidOperationException("a value inside an object needs a key first");
            }

            frame.ExpectValue = false;
        }
        else
        {
            if (frame.Count > 0)
            {
                _out.Append(',');
            }

            frame.Count++;
            if (Format == FjFormat.Pretty)
            {
                NewLine(_stack.Count);
            }
        }

        _stack[^1] = frame;
    }

    private void NewLine() => NewLine(_stack.Count);

    private void NewLine(int depth)
    {
        _out.Append('\n');
        _out.Append('\t', depth);
    }

    private void WriteQuoted(string value)
    {
        _out.Append('"');
        var standard = IsStandard;
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            string? escape = c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '/' when standard => "\\/",
                _ => null,
            };
            var hex = escape is null && (c < 0x20 || c == 0x7F || c == '\u2028' || c == '\u2029' || (standard && c > 0x7F));
            if (escape is null && !hex)
            {
                continue;
            }

            _out.Append(value, start, i - start);
            if (escape is not null)
            {
                _out.Append(escape);
            }
            else
            {
                _out.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }

            start = i + 1;
        }

        _out.Append(value, start, value.Length - start);
        _out.Append('"');
    }

    private struct Frame
    {
        public bool IsObject;
        public bool IsKey;
        public bool ExpectValue;
        public int Count;
    }
}
