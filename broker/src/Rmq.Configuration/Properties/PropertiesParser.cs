using System.Globalization;
using System.Text;

namespace Rmq.Configuration;

/// <summary>
/// java.util.Properties.load semantics over a string: natural lines end at \n, \r or \r\n; leading blanks
/// (space, tab, form feed) are skipped; a line whose first non-blank is # or ! is a comment; an odd number of
/// backslashes at the end of a line joins the next line (whose leading blanks are skipped); the key ends at
/// the first unescaped =, : or blank; blanks around the separator are skipped; trailing blanks of the value
/// are kept; escapes \t \n \r \f \uXXXX, any other escaped character stands for itself.
/// </summary>
internal static class PropertiesParser
{
    internal sealed record RawEntry(string Key, string Value, int Line, int EndLine, int StartOffset, int EndOffset, int ValueOffset);

    internal static (List<RawEntry> Entries, List<ConfigProblem> Problems) Parse(string text, string? source)
    {
        var entries = new List<RawEntry>();
        var problems = new List<ConfigProblem>();
        int pos = 0;
        int lineNo = 1;
        var logical = new StringBuilder();
        // for each char of the logical line, its offset in the text (to find where the value starts)
        var offsets = new List<int>();

        while (pos < text.Length)
        {
            int lineStartOffset = pos;
            SkipBlanks(text, ref pos);
            if (pos >= text.Length)
            {
                break;
            }

            char first = text[pos];
            if (IsEol(first))
            {
                ConsumeEol(text, ref pos);
                lineNo++;
                continue;
            }

            if (first is '#' or '!')
            {
                SkipToEol(text, ref pos);
                if (pos < text.Length)
                {
                    ConsumeEol(text, ref pos);
                }

                lineNo++;
                continue;
            }

            int startLine = lineNo;
            logical.Clear();
            offsets.Clear();
            while (true)
            {
                int segmentStart = logical.Length;
                while (pos < text.Length && !IsEol(text[pos]))
                {
                    logical.Append(text[pos]);
                    offsets.Add(pos);
                    pos++;
                }

                int backslashes = 0;
                for (int i = logical.Length - 1; i >= segmentStart && logical[i] == '\\'; i--)
                {
                    backslashes++;
                }

                bool continued = backslashes % 2 == 1;
                if (continued)
                {
                    logical.Length--;
                    offsets.RemoveAt(offsets.Count - 1);
                }

                if (pos >= text.Length)
                {
                    break;
                }

                ConsumeEol(text, ref pos);
                lineNo++;
                if (!continued)
                {
                    break;
                }

                SkipBlanks(text, ref pos);
            }

            int endLine = pos >= text.Length && (text.Length == 0 || !IsEol(text[^1])) ? lineNo : lineNo - 1;
            Split(logical, out int keyLen, out int valueStart);
            string key = Unescape(logical, 0, keyLen, source, startLine, problems);
            string value = Unescape(logical, valueStart, logical.Length - valueStart, source, startLine, problems);
            int valueOffset = valueStart < offsets.Count ? offsets[valueStart] : pos;
            entries.Add(new RawEntry(key, value, startLine, Math.Max(startLine, endLine), lineStartOffset, pos, valueOffset));
        }

        return (entries, problems);
    }

    private static void Split(StringBuilder line, out int keyLen, out int valueStart)
    {
        int limit = line.Length;
        keyLen = 0;
        valueStart = limit;
        bool hasSeparator = false;
        bool precedingBackslash = false;
        while (keyLen < limit)
        {
            char c = line[keyLen];
            if (c is '=' or ':' && !precedingBackslash)
            {
                valueStart = keyLen + 1;
                hasSeparator = true;
                break;
            }

            if (IsBlank(c) && !precedingBackslash)
            {
                valueStart = keyLen + 1;
                break;
            }

            precedingBackslash = c == '\\' && !precedingBackslash;
            keyLen++;
        }

        while (valueStart < limit)
        {
            char c = line[valueStart];
            if (!IsBlank(c))
            {
                if (!hasSeparator && c is '=' or ':')
                {
                    hasSeparator = true;
                }
                else
                {
                    break;
                }
            }

            valueStart++;
        }
    }

    private static string Unescape(StringBuilder line, int start, int length, string? source, int lineNo, List<ConfigProblem> problems)
    {
        var sb = new StringBuilder(length);
        int end = start + length;
        int i = start;
        while (i < end)
        {
            char c = line[i++];
            if (c != '\\' || i >= end)
            {
                if (c != '\\')
                {
                    sb.Append(c);
                }

                continue;
            }

            c = line[i++];
            switch (c)
            {
                case 't': sb.Append('\t'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 'f': sb.Append('\f'); break;
                case 'u':
                    if (i + 4 <= end && int.TryParse(line.ToString(i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                    {
                        sb.Append((char)code);
                        i += 4;
                    }
                    else
                    {
                        string found = line.ToString(i - 2, Math.Min(6, end - i + 2));
                        problems.Add(new ConfigProblem(ProblemSeverity.Error, "bad-escape", source, lineNo, null,
                            $"malformed \\uXXXX escape '{found}' (Java refuses to load this file)"));
                        sb.Append('\\').Append('u');
                    }

                    break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    private static bool IsBlank(char c) => c is ' ' or '\t' or '\f';

    private static bool IsEol(char c) => c is '\n' or '\r';

    private static void SkipBlanks(string text, ref int pos)
    {
        while (pos < text.Length && IsBlank(text[pos]))
        {
            pos++;
        }
    }

    private static void SkipToEol(string text, ref int pos)
    {
        while (pos < text.Length && !IsEol(text[pos]))
        {
            pos++;
        }
    }

    private static void ConsumeEol(string text, ref int pos)
    {
        if (text[pos] == '\r' && pos + 1 < text.Length && text[pos + 1] == '\n')
        {
            pos += 2;
        }
        else
        {
            pos++;
        }
    }
}
