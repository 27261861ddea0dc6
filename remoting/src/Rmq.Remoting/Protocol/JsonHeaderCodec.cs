using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Rmq.Remoting.Protocol;

/// <summary>
/// The JSON header serialization (fastjson on the Java side). Writes keys in Java's alphabetical
/// order, omits null remark and extFields, writes every extFields value as a string. Reads leniently:
/// extFields values may be numbers or booleans (ali-ons), language a name or a number, unknown
/// fields are ignored.
/// </summary>
internal static class JsonHeaderCodec
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 16,
    };

    /// <summary>The writer <see cref="EncodeToScratch"/> reuses on this thread (it keeps no state between headers).</summary>
    [ThreadStatic]
    private static Utf8JsonWriter? _scratchWriter;

    public static void Encode(RemotingCommand command, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        Write(command, writer);
    }

    /// <summary>
    /// As <see cref="Encode"/>, into the calling thread's header scratch buffer, with a writer reused per thread: a
    /// fresh <see cref="Utf8JsonWriter"/> per header was most of a send's encode allocations.
    /// </summary>
    public static void EncodeToScratch(RemotingCommand command, ArrayBufferWriter<byte> scratch)
    {
        var writer = _scratchWriter;
        if (writer is null)
        {
            writer = new Utf8JsonWriter(scratch, WriterOptions);
            _scratchWriter = writer;
        }
        else
        {
            writer.Reset(scratch);
        }

        Write(command, writer);
        writer.Flush();
    }

    /// <summary>Forgets this thread's writer (with the oversized scratch buffer it points at).</summary>
    public static void ReleaseScratchWriter() => _scratchWriter = null;

    private static void Write(RemotingCommand command, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("code"u8, command.Code);
        if (command.ExtFields is { } fields)
        {
            writer.WriteStartObject("extFields"u8);
            foreach (var (key, value) in fields)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        writer.WriteNumber("flag"u8, command.Flag);
        writer.WriteString("language"u8, Enum.IsDefined(command.Language) ? command.Language.ToString() : nameof(LanguageCode.OTHER));
        writer.WriteNumber("opaque"u8, command.Opaque);
        if (command.Remark is { } remark)
        {
            writer.WriteString("remark"u8, remark);
        }

        writer.WriteString("serializeTypeCurrentRPC"u8, "JSON"u8);
        writer.WriteNumber("version"u8, command.Version);
        writer.WriteEndObject();
    }

    public static RemotingCommand Decode(ReadOnlySpan<byte> header)
    {
        try
        {
            return DecodeCore(header);
        }
        catch (JsonException e)
        {
            throw new RemotingCommandException($"malformed JSON header: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            throw new RemotingCommandException($"malformed JSON header: {e.Message}", e);
        }
    }

    private static RemotingCommand DecodeCore(ReadOnlySpan<byte> header)
    {
        var reader = new Utf8JsonReader(header, ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new RemotingCommandException("JSON header is not an object");
        }

        var command = new RemotingCommand();
        var sawCode = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                throw new RemotingCommandException($"unexpected {reader.TokenType} in JSON header");
            }

            var field = TopLevelField(ref reader);
            reader.Read();
            switch (field)
            {
                case Field.Code:
                    command.Code = ReadInt(ref reader, "code");
                    sawCode = true;
                    break;
                case Field.Flag:
                    command.Flag = ReadInt(ref reader, "flag");
                    break;
                case Field.Opaque:
                    command.Opaque = ReadInt(ref reader, "opaque");
                    break;
                case Field.Version:
                    command.Version = ReadInt(ref reader, "version");
                    break;
                case Field.Language:
                    command.Language = ReadLanguage(ref reader);
                    break;
                case Field.Remark:
                    command.Remark = reader.TokenType == JsonTokenType.Null ? null : ScalarText(ref reader);
                    break;
                case Field.ExtFields:
                    command.ExtFields = ReadExtFields(ref reader, header);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new RemotingCommandException("JSON header ends before its closing brace");
        }

        if (!sawCode)
        {
            throw new RemotingCommandException("JSON header has no code");
        }

        return command;
    }

    private enum Field
    {
        Other,
        Code,
        Flag,
        Opaque,
        Version,
        Language,
        Remark,
        ExtFields,
    }

    /// <summary>The header field at a property name, compared as UTF-8 (no string per name).</summary>
    private static Field TopLevelField(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("code"u8) ? Field.Code
        : reader.ValueTextEquals("opaque"u8) ? Field.Opaque
        : reader.ValueTextEquals("flag"u8) ? Field.Flag
        : reader.ValueTextEquals("extFields"u8) ? Field.ExtFields
        : reader.ValueTextEquals("language"u8) ? Field.Language
        : reader.ValueTextEquals("version"u8) ? Field.Version
        : reader.ValueTextEquals("remark"u8) ? Field.Remark
        : Field.Other;

    /// <summary>An extFields key; see <see cref="ExtFieldKeys"/>.</summary>
    private static string ExtFieldKey(ref Utf8JsonReader reader) =>
        !reader.HasValueSequence && !reader.ValueIsEscaped && ExtFieldKeys.TryOneLetter(reader.ValueSpan, out var key)
            ? key
            : reader.GetString() ?? string.Empty;

    private static int ReadInt(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value))
        {
            return value;
        }

        if (reader.TokenType == JsonTokenType.String &&
            int.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return value;
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            return 0;
        }

        throw new RemotingCommandException($"JSON header field '{name}' is not an int32");
    }

    private static LanguageCode ReadLanguage(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return Enum.TryParse<LanguageCode>(reader.GetString(), ignoreCase: false, out var language) ? language : LanguageCode.OTHER;
        }

        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var ordinal) &&
            ordinal is >= byte.MinValue and <= byte.MaxValue && Enum.IsDefined((LanguageCode)ordinal))
        {
            return (LanguageCode)ordinal;
        }

        reader.Skip();
        return LanguageCode.OTHER;
    }

    private static Dictionary<string, string>? ReadExtFields(ref Utf8JsonReader reader, ReadOnlySpan<byte> header)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new RemotingCommandException("JSON header field 'extFields' is not an object");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = ExtFieldKey(ref reader);
            reader.Read();
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                // Not produced by any known client; keep the raw JSON so nothing is silently lost.
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                var end = (int)reader.BytesConsumed;
                fields[key] = Encoding.UTF8.GetString(header[start..end]);
                continue;
            }

            if (reader.TokenType != JsonTokenType.Null)
            {
                fields[key] = ScalarText(ref reader);
            }
        }

        return fields;
    }

    /// <summary>A scalar as Java would see it after ali-ons' typed values: numbers as decimal text, booleans as true/false.</summary>
    private static string ScalarText(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString() ?? string.Empty,
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Number => NumberText(ref reader),
        _ => throw new RemotingCommandException($"unexpected {reader.TokenType} where a JSON scalar was expected"),
    };

    private static string NumberText(ref Utf8JsonReader reader)
    {
        if (reader.TryGetInt64(out var integer))
        {
            return integer.ToString(CultureInfo.InvariantCulture);
        }

        var value = reader.GetDouble();
        return value == Math.Floor(value) && Math.Abs(value) < 9.2e18
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
    }
}
