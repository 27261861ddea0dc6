using System.Text.Json;

namespace Rmq.Remoting.Tests.Protocol;

/// <summary>The golden frames in shared/spec/fixtures, derived from the Java implementation's header classes.</summary>
public static class GoldenFixtures
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "fixtures");

    public static IEnumerable<object[]> FrameFixtureNames() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.EnumerateFiles(Directory, "*.json")
                .Select(Path.GetFileName)
                .Where(name => name is not "index.json" and not "manifest.json")
                .Order(StringComparer.Ordinal)
                .Select(name => new object[] { name! })
            : [];

    public static FrameFixture Load(string fileName)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, fileName)));
        var root = document.RootElement;
        var ext = root.GetProperty("canonicalExtFields").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
        return new FrameFixture(
            fileName,
            Convert.FromBase64String(root.GetProperty("frameBase64").GetString()!),
            root.GetProperty("wireCodeValue").GetInt32(),
            root.GetProperty("serializeType").GetString()!,
            root.GetProperty("direction").GetString()!,
            root.GetProperty("opaque").GetInt32(),
            root.GetProperty("version").GetInt32(),
            root.GetProperty("language").GetString()!,
            ext);
    }
}

public sealed record FrameFixture(
    string Name,
    byte[] Frame,
    int WireCode,
    string SerializeType,
    string Direction,
    int Opaque,
    int Version,
    string Language,
    IReadOnlyDictionary<string, string> CanonicalExtFields);
