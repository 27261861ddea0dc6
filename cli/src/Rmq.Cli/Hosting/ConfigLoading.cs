using Rmq.Configuration;

namespace Rmq.Cli.Hosting;

/// <summary>Loads a server's properties file (or none) into a bound config, reporting every problem at once.</summary>
internal static class ConfigLoading
{
    /// <summary>Binds <paramref name="path"/> (or only the defaults when null); null with the problems written when it cannot start.</summary>
    public static async Task<BoundConfig?> BindOrReportAsync(
        string? path,
        ConfigKeyTable table,
        IReadOnlyDictionary<string, string>? overrides,
        TextWriter error)
    {
        if (path is not null && !File.Exists(path))
        {
            await error.WriteLineAsync($"config file not found: {path}").ConfigureAwait(false);
            return null;
        }

        var config = path is null
            ? ConfigBinder.Bind(JavaProperties.FromPairs([]), table, overrides)
            : ConfigBinder.BindFile(path, table, overrides);
        if (!config.HasErrors)
        {
            return config;
        }

        await error.WriteLineAsync($"invalid configuration ({config.Errors.Count()} error(s)):").ConfigureAwait(false);
        foreach (var problem in config.Errors)
        {
            await error.WriteLineAsync("  " + problem).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>Every config item as <c>key=value</c>, as <c>-p</c> prints them.</summary>
    public static async Task PrintAsync(BoundConfig config, TextWriter output)
    {
        foreach (var (key, value) in config.ToDictionary().OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            await output.WriteLineAsync($"{key}={value}").ConfigureAwait(false);
        }
    }
}
