namespace Rmq.Configuration;

/// <summary>
/// An editable properties file that keeps its comments, blank lines, order and line breaks: used to persist
/// runtime config changes (UPDATE_BROKER_CONFIG) back into the <c>-c</c> file. <see cref="SetValue"/>
/// rewrites the effective line of a key in place (keeping its key spelling and separator) or appends
/// <c>key=value</c> at the end.
/// </summary>
public sealed class PropertiesDocument
{
    private string _text;

    private PropertiesDocument(string text) => _text = text;

    public static PropertiesDocument Parse(string text) => new(text ?? throw new ArgumentNullException(nameof(text)));

    public static PropertiesDocument Load(string path) => new(File.ReadAllText(path, JavaProperties.FileEncoding));

    /// <summary>The current text.</summary>
    public override string ToString() => _text;

    /// <summary>The current pairs as Java would read them.</summary>
    public JavaProperties ToProperties(string? source = null) => JavaProperties.Parse(_text, source);

    /// <summary>Sets a key: replaces the line that currently wins, or appends a line. Returns true when the text changed.</summary>
    public bool SetValue(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var (entries, _) = PropertiesParser.Parse(_text, null);
        var last = entries.LastOrDefault(e => e.Key == key);
        string before = _text;
        if (last is null)
        {
            string newline = _text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
            string prefix = _text.Length == 0 || _text.EndsWith('\n') || _text.EndsWith('\r') ? _text : _text + newline;
            _text = prefix + JavaPropertiesWriter.FormatLine(key, value) + newline;
        }
        else
        {
            int end = last.EndOffset;
            while (end > last.StartOffset && _text[end - 1] is '\n' or '\r')
            {
                end--;
            }

            // keep everything up to where the value starts (indentation, key spelling, separator) when the
            // value starts on the first line of the entry; otherwise rewrite the entry as key=value
            string head = last.EndLine == last.Line && last.ValueOffset <= end
                ? _text[last.StartOffset..last.ValueOffset]
                : JavaPropertiesWriter.EscapeKey(key) + "=";
            _text = _text[..last.StartOffset] + head + JavaPropertiesWriter.EscapeValue(value) + _text[end..];
        }

        return !string.Equals(before, _text, StringComparison.Ordinal);
    }

    /// <summary>Writes the text back (ISO-8859-1, non-ASCII values escaped as \uXXXX).</summary>
    public void Save(string path) => File.WriteAllText(path, _text, JavaProperties.FileEncoding);
}
