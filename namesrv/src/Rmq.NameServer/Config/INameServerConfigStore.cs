namespace Rmq.NameServer.Config;

/// <summary>
/// The name server's runtime settings as RocketMQ's GET/UPDATE_NAMESRV_CONFIG see them: key/value
/// pairs under RocketMQ's key names. Hosts may bind it to the shared properties library.
/// </summary>
public interface INameServerConfigStore
{
    /// <summary>The current value of a key, or null when unknown.</summary>
    string? Get(string key);

    /// <summary>All settings, sorted by key.</summary>
    IReadOnlyList<KeyValuePair<string, string>> GetAll();

    /// <summary>Merges <paramref name="changes"/> into the settings and persists them.</summary>
    void Update(IReadOnlyDictionary<string, string> changes);
}
