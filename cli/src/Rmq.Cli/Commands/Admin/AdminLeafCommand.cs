using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Rmq.Client.Admin;

namespace Rmq.Cli.Commands.Admin;

/// <summary>
/// What every <c>rmq admin</c> leaf shares: <c>-n,--namesrvAddr</c> (NAMESRV_ADDR when absent),
/// <c>--output table|json</c>, mqadmin-style option checking (exit 2 on a bad command line) and the
/// single error boundary (<see cref="AdminErrors"/>). A leaf parses, calls one AdminClient service, renders.
/// </summary>
internal abstract class AdminLeafCommand : Command
{
    private readonly List<(Option Option, string Display)> _required = [];
    private readonly List<(Option[] Options, string Display)> _oneOf = [];

    private readonly Option<string?> _namesrv = new("--namesrvAddr", "-n")
    {
        Description = "Name server address list, eg: 192.168.0.1:9876;192.168.0.2:9876 [default: NAMESRV_ADDR]",
    };

    private readonly Option<string?> _output = new("--output")
    {
        Description = "table (mqadmin's format, default) or json",
    };

    protected AdminLeafCommand(CliConsole console, string name, string description)
        : base(name, description)
    {
        Console = console;
        Options.Add(_namesrv);
        Options.Add(_output);
        TreatUnmatchedTokensAsErrors = false;
        SetAction((parse, ct) => InvokeAsync(parse, ct));
    }

    protected CliConsole Console { get; }

    protected TextWriter Out => Console.Out;

    /// <summary>A value option <c>-s,--long</c>; <paramref name="required"/> ones are checked before the action runs.</summary>
    protected Option<string?> Value(string shortName, string longName, string description, bool required = false)
    {
        var option = new Option<string?>("--" + longName, "-" + shortName) { Description = description };
        Options.Add(option);
        if (required)
        {
            _required.Add((option, $"-{shortName},--{longName}"));
        }

        return option;
    }

    /// <summary>A flag without a value (mqadmin's <c>hasArg=false</c> options).</summary>
    protected Option<bool> Flag(string shortName, string longName, string description)
    {
        var option = new Option<bool>("--" + longName, "-" + shortName) { Description = description };
        Options.Add(option);
        return option;
    }

    /// <summary>At least one of <paramref name="options"/> must be given (mqadmin's required OptionGroup).</summary>
    protected void RequireOneOf(params Option[] options) =>
        _oneOf.Add((options, string.Join(" or ", options.Select(o => $"{o.Aliases.First()},{o.Name}"))));

    /// <summary>The command's body: <paramref name="context"/> gives the AdminClient and the output mode.</summary>
    protected abstract Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken);

    private async Task<int> InvokeAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        if (AdminCommand.IsHelpRequest(parse) && parse.CommandResult.Parent is System.CommandLine.Parsing.CommandResult { Command: AdminCommand admin })
        {
            return await admin.PrintHelpAsync(Name, cancellationToken).ConfigureAwait(false);
        }

        var output = parse.GetValue(_output) ?? "table";
        var json = output == "json";
        try
        {
            if (output is not ("table" or "json"))
            {
                throw new AdminArgumentException($"--output must be table or json, not '{output}'");
            }

            if (parse.UnmatchedTokens.Count > 0)
            {
                throw new AdminArgumentException("Unrecognized option or argument: " + string.Join(' ', parse.UnmatchedTokens));
            }

            var missing = _required.Where(r => string.IsNullOrEmpty(parse.GetResult(r.Option) is null ? null : GetText(parse, r.Option))).Select(r => r.Display).ToList();
            missing.AddRange(_oneOf.Where(g => g.Options.All(o => parse.GetResult(o) is null)).Select(g => g.Display));
            if (missing.Count > 0)
            {
                throw new AdminArgumentException("Missing required option: " + string.Join(", ", missing));
            }

            await using var context = new AdminContext(parse.GetValue(_namesrv), Console, json);
            return await ExecuteAsync(context, parse, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return await AdminErrors.ReportAsync(Name, e, Console.Error, json).ConfigureAwait(false);
        }
    }

    private static string? GetText(ParseResult parse, Option option) =>
        option is Option<string?> text ? parse.GetValue(text) : "set";

    // ---- option value helpers (a malformed value is a bad argument: exit 2) ----

    protected static string RequiredText(ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) is { Length: > 0 } value ? value : throw new AdminArgumentException($"Missing required option: {option.Aliases.First()},{option.Name}");

    protected static int IntValue(ParseResult parse, Option<string?> option, int defaultValue) =>
        parse.GetValue(option) is { } text
            ? int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw new AdminArgumentException($"{option.Name} expects an integer, not '{text}'")
            : defaultValue;

    protected static long LongValue(ParseResult parse, Option<string?> option, long defaultValue) =>
        parse.GetValue(option) is { } text
            ? long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw new AdminArgumentException($"{option.Name} expects an integer, not '{text}'")
            : defaultValue;

    protected static bool BoolValue(ParseResult parse, Option<string?> option, bool defaultValue) =>
        parse.GetValue(option) is { } text
            ? bool.TryParse(text.Trim(), out var value) ? value : throw new AdminArgumentException($"{option.Name} expects true or false, not '{text}'")
            : defaultValue;

    /// <summary>mqadmin's timestamps: milliseconds, or <c>yyyy-MM-dd#HH:mm:ss:SSS</c> in local time.</summary>
    protected static long? TimestampValue(ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) is { } text ? ParseTimestamp(text, option.Name) : null;

    public static long ParseTimestamp(string text, string optionName)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var millis))
        {
            return millis;
        }

        if (DateTime.TryParseExact(text, "yyyy-MM-dd#HH:mm:ss:fff", CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var local))
        {
            return new DateTimeOffset(local).ToUnixTimeMilliseconds();
        }

        throw new AdminArgumentException($"{optionName} expects milliseconds or yyyy-MM-dd#HH:mm:ss:SSS, not '{text}'");
    }

    /// <summary>Writes <paramref name="value"/> as JSON.</summary>
    protected Task WriteJsonAsync<T>(T value) => Out.WriteLineAsync(JsonSerializer.Serialize(value, AdminJson.Options));

    /// <summary>Writes a Java-formatted line (the format carries its own <c>%n</c>).</summary>
    protected Task PrintfAsync(string format, params object?[] args) => Out.WriteAsync(JavaFormat.Format(format, args));
}
