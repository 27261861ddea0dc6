using System.Globalization;

namespace Rmq.Client.Messages;

/// <summary>
/// A message to send (Message.java): topic, body, flag and properties, with typed access to the
/// system properties TAGS, KEYS, DELAY and WAIT.
/// </summary>
public class Message
{
    private readonly Dictionary<string, string> _properties = new(StringComparer.Ordinal);

    public Message()
    {
    }

    /// <summary>A message with WAIT=true, as Java's constructors set it.</summary>
    public Message(string topic, byte[] body, string? tags = null, string? keys = null, int flag = 0, bool waitStoreMsgOk = true)
    {
        Topic = topic;
        Body = body;
        Flag = flag;
        if (!string.IsNullOrEmpty(tags))
        {
            Tags = tags;
        }

        if (!string.IsNullOrEmpty(keys))
        {
            Keys = keys;
        }

        WaitStoreMsgOk = waitStoreMsgOk;
    }

    public string Topic { get; set; } = string.Empty;

    public int Flag { get; set; }

    public byte[] Body { get; set; } = [];

    /// <summary>Every property, system ones included.</summary>
    public IReadOnlyDictionary<string, string> Properties => _properties;

    public string? Tags
    {
        get => GetProperty(MessageConst.Tags);
        set => SetOrClear(MessageConst.Tags, value);
    }

    /// <summary>The KEYS property: business keys separated by one space.</summary>
    public string? Keys
    {
        get => GetProperty(MessageConst.Keys);
        set => SetOrClear(MessageConst.Keys, value);
    }

    /// <summary>Business keys (KEYS split on spaces).</summary>
    public IReadOnlyList<string> KeyList =>
        Keys is { } keys ? keys.Split(MessageConst.KeySeparator, StringSplitOptions.RemoveEmptyEntries) : [];

    /// <summary>Delay level 1..18, or 0 for none (DELAY).</summary>
    public int DelayTimeLevel
    {
        get => int.TryParse(GetProperty(MessageConst.DelayTimeLevel), NumberStyles.Integer, CultureInfo.InvariantCulture, out var level) ? level : 0;
        set => SetOrClear(MessageConst.DelayTimeLevel, value > 0 ? value.ToString(CultureInfo.InvariantCulture) : null);
    }

    /// <summary>WAIT: wait for flush and replication before answering (true when absent).</summary>
    public bool WaitStoreMsgOk
    {
        get => GetProperty(MessageConst.WaitStoreMsgOk) is not { } wait || !string.Equals(wait, "false", StringComparison.OrdinalIgnoreCase);
        set => _properties[MessageConst.WaitStoreMsgOk] = value ? "true" : "false";
    }

    /// <summary>The client-generated unique id (UNIQ_KEY), if set.</summary>
    public string? UniqueKey => GetProperty(MessageConst.UniqueClientMessageIdKeyIndex);

    public void SetKeys(IEnumerable<string> keys) => Keys = string.Join(MessageConst.KeySeparator, keys);

    public string? GetProperty(string name) => _properties.GetValueOrDefault(name);

    /// <summary>A user property; system names (<see cref="MessageConst.SystemKeys"/>) are refused, as in Java.</summary>
    public void PutUserProperty(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        if (MessageConst.SystemKeys.Contains(name))
        {
            throw new ArgumentException($"The Property<{name}> is used by system, input another please", nameof(name));
        }

        _properties[name] = value;
    }

    /// <summary>Sets any property, system ones included (the client's own use).</summary>
    public void PutProperty(string name, string value) => _properties[name] = value;

    public bool ClearProperty(string name) => _properties.Remove(name);

    internal void ReplaceProperties(Dictionary<string, string> properties)
    {
        _properties.Clear();
        foreach (var (name, value) in properties)
        {
            _properties[name] = value;
        }
    }

    private void SetOrClear(string name, string? value)
    {
        if (value is null)
        {
            _properties.Remove(name);
        }
        else
        {
            _properties[name] = value;
        }
    }

    public override string ToString() =>
        $"Message{{topic='{Topic}', flag={Flag}, properties={{{string.Join(", ", _properties.Select(p => p.Key + "=" + p.Value))}}}, body.length={Body.Length}}}";
}
