namespace Rmq.Configuration;

/// <summary>One generated configuration file: its name relative to the output folder and its text (\n line ends).</summary>
public sealed record GeneratedFile(string RelativePath, string Content)
{
    /// <summary>One line saying what the file is for (e.g. "Slave 1 of broker-a on 10.0.0.3").</summary>
    public string Description { get; init; } = "";
}
