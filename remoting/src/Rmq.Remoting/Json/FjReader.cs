using System.Globalization;
using System.Text;

namespace Rmq.Remoting.Json;

/// <summary>
/// A lenient JSON reader that accepts what fastjson 1.x writes and reads: standard JSON plus unquoted
/// numeric keys (Q1), object-valued keys (Q3), unquoted identifier keys, single-quoted strings and
/// trailing commas (Q10), <c>/* */</c> and <c>//</c> comments. Numbers are kept as raw text.
/// </summary>
public static class FjReader
{
    /// <summary>Nesting deeper than this is refused (input from the network).</summary>
    public const int DefaultMaxDepth = 64;

    public static FjNode Parse(ReadOnlySpan<byte> utf8, int maxDepth = DefaultMaxDepth)
    {
        if (utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF)
        {
            utf8 = utf8[3..];
        }

        return Parse(Encoding.UTF8.GetString(utf8), maxDepth);
    }

    public static FjNode Parse(string text, int maxDepth = DefaultMaxDepth)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(text, maxDepth);
        return parser.ParseDocument();
    }

    /// <summary>Parses a document that must be an object (every RocketMQ body is).</summary>
    public static FjObject ParseObject(ReadOnlySpan<byte> utf8, int maxDepth = DefaultMaxDepth) =>
        Parse(utf8, maxDepth) as FjObject ?? throw new FjException("the JSON document is not an object", 0);

    public static FjObject ParseObject(string text, int maxDepth = DefaultMaxDepth) =>
        Parse(text, maxDepth) as FjObject ?? throw new FjException("the JSON document is not an object", 0);

    private struct Parser(string text, int maxDepth)
    {
        private int _pos;
        private int _depth;

        public FjNode ParseDocument()
        {
            SkipWhitespace();
            if (_pos >= text.Length)
            {
                throw Error("empty JSON document");
            }

            var node = ParseValue();
            SkipWhitespace();
            if (_pos < text.Length)
            {
                throw Error($"unexpected '{text[_pos]}' after the JSON document");
            }

            return node;
        }

        private FjNode ParseValue()
        {
            SkipWhitespace();
            if (_pos >= text.Length)
            {
                throw Error("unexpected end of JSON, a value was expected");
            }

            var c = text[_pos];
            switch (c)
            {
                case '{':
                    return ParseObject();
                case '[':
                    return ParseArray();
                case '"':
                case '\'':
                    return FjValue.String(ParseString());
                case 't':
                    ExpectWord("true");
                    return FjValue.True;
                case 'f':
                    ExpectWord("false");
                    return FjValue.False;
                case 'n':
                    ExpectWord("null");
                    return FjValue.Null;
                default:
                    if (c == '-' || c == '+' || c == '.' || char.IsAsciiDigit(c))
                    {
                        return FjValue.Number(ParseNumber());
                    }

                    throw Error($"unexpected '{c}' where a JSON value was expected");
            }
        }

        private FjObject ParseObject()
        {
            Enter();
            _pos++; // {
            var result = new FjObject();
            while (true)
            {
                SkipWhitespace();
                if (_pos >= text.Length)
                {
                    throw Error("unexpected end of JSON inside an object");
                }

                var c = text[_pos];
                if (c == '}')
                {
                    _pos++;
                    break;
                }

                if (c == ',')
                {
                    // fastjson tolerates empty members and trailing commas
                    _pos++;
                    continue;
                }

                var key = ParseKey();
                SkipWhitespace();
                if (_pos >= text.Length || text[_pos] != ':')
                {
                    throw Error("':' expected after an object key");
                }

                _pos++;
                var value = ParseValue();
                result.Add(key, value);
                SkipWhitespace();
                if (_pos < text.Length && text[_pos] == ',')
                {
                    _pos++;
                }
                else if (_pos < text.Length && text[_pos] != '}')
                {
                    throw Error($"',' or '}}' expected in an object, found '{text[_pos]}'");
                }
            }

            _depth--;
            return result;
        }

        private FjNode ParseKey()
        {
            var c = text[_pos];
            if (c is '"' or '\'')
            {
                return FjValue.String(ParseString());
            }

            if (c == '{')
            {
                return ParseObject();
            }

            if (c == '[')
            {
                return ParseArray();
            }

            if (c == '-' || char.IsAsciiDigit(c))
            {
                return FjValue.Number(ParseNumber());
            }

            if (IsIdentifierStart(c))
            {
                var start = _pos;
                while (_pos < text.Length && IsIdentifierPart(text[_pos]))
                {
                    _pos++;
                }

                return FjValue.String(text[start.._pos]);
            }

            throw Error($"unexpected '{c}' where an object key was expected");
        }

        private FjArray ParseArray()
        {
            Enter();
            _pos++; // [
            var result = new FjArray();
            while (true)
            {
                SkipWhitespace();
                if (_pos >= text.Length)
                {
                    throw Error("unexpected end of JSON inside an array");
                }

                var c = text[_pos];
                if (c == ']')
                {
                    _pos++;
                    break;
                }

                if (c == ',')
                {
                    _pos++;
                    continue;
                }

                result.Add(ParseValue());
                SkipWhitespace();
                if (_pos < text.Length && text[_pos] == ',')
                {
                    _pos++;
                }
                else if (_pos < text.Length && text[_pos] != ']')
                {
                    throw Error($"',' or ']' expected in an array, found '{text[_pos]}'");
                }
            }

            _depth--;
            return result;
        }

        private string ParseString()
        {
            var quote = text[_pos];
            var start = ++_pos;
            StringBuilder? builder = null;
            while (true)
            {
                if (_pos >= text.Length)
                {
                    throw Error("unterminated string");
                }

                var c = text[_pos];
                if (c == quote)
                {
                    var tail = text[start.._pos];
                    _pos++;
                    return builder is null ? tail : builder.Append(tail).ToString();
                }

                if (c != '\\')
                {
                    _pos++;
                    continue;
                }

                builder ??= new StringBuilder();
                builder.Append(text, start, _pos - start);
                _pos++;
                if (_pos >= text.Length)
                {
                    throw Error("unterminated escape sequence");
                }

                var escaped = text[_pos++];
                switch (escaped)
                {
                    case '"': builder.Append('"'); break;
                    case '\'': builder.Append('\''); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'v': builder.Append('\v'); break;
                    case '0': builder.Append('\0'); break;
                    case 'x':
                        builder.Append((char)ParseHex(2));
                        break;
                    case 'u':
                        builder.Append((char)ParseHex(4));
                        break;
                    default:
                        throw Error($"invalid escape '\\{escaped}'", _pos - 2);
                }

                start = _pos;
            }
        }

        private int ParseHex(int digits)
        {
            if (_pos + digits > text.Length ||
                !int.TryParse(text.AsSpan(_pos, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            {
                throw Error($"invalid hex escape, {digits} hex digits expected");
            }

            _pos += digits;
            return value;
        }

        private string ParseNumber()
        {
            var start = _pos;
            if (text[_pos] is '-' or '+')
            {
                _pos++;
            }

            var digits = 0;
            while (_pos < text.Length && (char.IsAsciiDigit(text[_pos]) || text[_pos] is '.' or 'e' or 'E' ||
                   (text[_pos] is '+' or '-' && text[_pos - 1] is 'e' or 'E')))
            {
                if (char.IsAsciiDigit(text[_pos]))
                {
                    digits++;
                }

                _pos++;
            }

            // Java literals: 12L, 1.5F, 2D
            if (_pos < text.Length && text[_pos] is 'L' or 'l' or 'F' or 'f' or 'D' or 'd' or 'S' or 'B')
            {
                var raw = text[start.._pos];
                _pos++;
                return digits > 0 ? raw : throw Error("invalid number", start);
            }

            var number = text[start.._pos];
            if (digits == 0 || !double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                throw Error($"invalid number '{number}'", start);
            }

            return number[0] == '+' ? number[1..] : number;
        }

        private void ExpectWord(string word)
        {
            if (string.CompareOrdinal(text, _pos, word, 0, word.Length) != 0 ||
                (_pos + word.Length < text.Length && IsIdentifierPart(text[_pos + word.Length])))
            {
                throw Error($"unexpected token, '{word}' expected");
            }

            _pos += word.Length;
        }

        private void Enter()
        {
            if (++_depth > maxDepth)
            {
                throw Error($"JSON nested deeper than {maxDepth} levels");
            }
        }

        private void SkipWhitespace()
        {
            while (_pos < text.Length)
            {
                var c = text[_pos];
                if (c is ' ' or '\t' or '\r' or '\n' or '\f' or '\b' or '\uFEFF')
                {
                    _pos++;
                }
                else if (c == '/' && _pos + 1 < text.Length && text[_pos + 1] == '/')
                {
                    while (_pos < text.Length && text[_pos] != '\n')
                    {
                        _pos++;
                    }
                }
                else if (c == '/' && _pos + 1 < text.Length && text[_pos + 1] == '*')
                {
                    var end = text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        throw Error("unterminated comment");
                    }

                    _pos = end + 2;
                }
                else
                {
                    return;
                }
            }
        }

        private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c is '_' or '$' || c > 127;

        private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || char.IsAsciiDigit(c);

        private readonly FjException Error(string message) => new(message, _pos);

        private static FjException Error(string message, int position) => new(message, position);
    }
}
