using System.CommandLine;
using System.Text;
using System.Text.Json;
using Rmq.Configuration;

namespace Rmq.Cli.Commands.Conf;

/// <summary>
/// <c>rmq conf validate &lt;folder-or-files...&gt;</c>: checks the files as one cluster; one line per problem
/// (<c>file:line: key: severity: message</c>) or a JSON array; exit 0 only without errors.
/// </summary>
internal sealed class ConfValidateCommand : Command
{
    private readonly CliConsole _console;

    private readonly Argument<string[]> _paths = new("paths")
    {
        Description = "Conf folders (their *.properties and *.conf files) and/or files, checked together as one cluster",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<string> _output = new("--output", "-o")
    {
        Description = "text or json",
        DefaultValueFactory = _ => "text",
    };

    public ConfValidateCommand(CliConsole console)
        : base("validate", "Check broker conf files: roles and ids, ports and store paths per host, namesrvAddr, unknown keys, bad values")
    {
        _console = console;
        Arguments.Add(_paths);
        Options.Add(_output);
        SetAction((parse, ct) => ExecuteAsync(parse, ct));
    }

    private async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        string format = parse.GetValue(_output)!;
        if (format is not ("text" or "json"))
        {
            await _console.Error.WriteLineAsync($"--output must be text or json, not '{format}'").ConfigureAwait(false);
            return ExitCodes.BadArguments;
        }

        string[] paths = parse.GetValue(_paths) ?? [];
        var missing = paths.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            foreach (string m in missing)
            {
                await _console.Error.WriteLineAsync($"no such file or folder: {m}").ConfigureAwait(false);
            }

            return ExitCodes.BadArguments;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var report = ClusterConfigValidator.Validate(paths);
        if (report.Files.Count == 0)
        {
            await _console.Error.WriteLineAsync("no .properties or .conf files found").ConfigureAwait(false);
            return ExitCodes.BadArguments;
        }

        if (format == "json")
        {
            await _console.Out.WriteLineAsync(ToJson(report.Problems)).ConfigureAwait(false);
        }
        else
        {
            foreach (var problem in report.Problems)
            {
                await _console.Out.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
            }
        }

        await _console.Error.WriteLineAsync(
            $"checked {report.Files.Count} file(s): {report.ErrorCount} error(s), {report.WarningCount} warning(s)").ConfigureAwait(false);
        return report.HasErrors ? ExitCodes.ValidationFailed : ExitCodes.Success;
    }

    private static string ToJson(IReadOnlyList<ConfigProblem> problems)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var p in problems)
            {
                json.WriteStartObject();
                json.WriteString("severity", p.IsError ? "error" : "warning");
                json.WriteString("code", p.Code);
                json.WriteString("file", p.File);
                if (p.Line is { } line)
                {
                    json.WriteNumber("line", line);
                }
                else
                {
                    json.WriteNull("line");
                }

                json.WriteString("key", p.Key);
                json.WriteString("message", p.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
