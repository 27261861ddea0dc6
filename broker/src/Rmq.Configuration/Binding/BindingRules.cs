namespace Rmq.Configuration;

/// <summary>What a table's cross-key rules (e.g. broker role vs brokerId) may do after binding.</summary>
internal sealed class BindingRules(BoundConfig config)
{
    public BoundConfig Config { get; } = config;

    public void Force(string key, object value) => Config.Force(key, value);

    public void Error(string code, string key, string message) => Add(ProblemSeverity.Error, code, key, message);

    public void Warn(string code, string key, string message) => Add(ProblemSeverity.Warning, code, key, message);

    private void Add(ProblemSeverity severity, string code, string key, string message)
        => Config.ProblemList.Add(new ConfigProblem(severity, code, Config.Source, Config.GetLine(key), key, message));
}
