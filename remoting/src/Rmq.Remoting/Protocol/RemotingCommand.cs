namespace Rmq.Remoting.Protocol;

/// <summary>
/// One frame of the RocketMQ remoting protocol: a request or a response, with its header fields,
/// custom header (<see cref="ExtFields"/>) and body.
/// </summary>
/// <remarks>
/// A command decoded by the transport may have a <see cref="Body"/> that points into the network
/// buffer; it is valid until the processor handling the request has completed. A processor that keeps
/// the body beyond that copies it.
/// </remarks>
public sealed class RemotingCommand
{
    public const int ResponseFlag = 1;
    public const int OnewayFlag = 2;

    public int Code { get; set; }

    public LanguageCode Language { get; set; } = LanguageCode.JAVA;

    public int Version { get; set; } = RemotingVersion.Current;

    public int Opaque { get; set; }

    public int Flag { get; set; }

    public string? Remark { get; set; }

    /// <summary>The custom header: per-code fields, every value a string on the wire.</summary>
    public Dictionary<string, string>? ExtFields { get; set; }

    public ReadOnlyMemory<byte> Body { get; set; }

    /// <summary>The header serialization this command was read in, or will be written in.</summary>
    public SerializeType SerializeType { get; set; } = SerializeType.Json;

    public bool IsResponse => (Flag & ResponseFlag) != 0;

    public bool IsOneway => (Flag & OnewayFlag) != 0;

    public static RemotingCommand CreateRequest(int code, ICommandHeader? header = null, ReadOnlyMemory<byte> body = default)
    {
        var command = new RemotingCommand { Code = code, Body = body };
        if (header is not null)
        {
            command.ExtFields = new Dictionary<string, string>(StringComparer.Ordinal);
            header.Write(command.ExtFields);
        }

        return command;
    }

    public static RemotingCommand CreateResponse(int code, string? remark = null) =>
        new() { Code = code, Remark = remark, Flag = ResponseFlag };

    /// <summary>Makes this command the response to <paramref name="request"/>: same opaque, same serialization.</summary>
    public RemotingCommand AsResponseTo(RemotingCommand request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Opaque = request.Opaque;
        Flag |= ResponseFlag;
        SerializeType = request.SerializeType;
        return this;
    }

    public RemotingCommand MarkOneway()
    {
        Flag |= OnewayFlag;
        return this;
    }

    /// <summary>Adds (or replaces) one custom-header field.</summary>
    public RemotingCommand WithExtField(string name, string value)
    {
        ExtFields ??= new Dictionary<string, string>(StringComparer.Ordinal);
        ExtFields[name] = value;
        return this;
    }

    /// <summary>Writes a typed header's fields into <see cref="ExtFields"/>.</summary>
    public RemotingCommand WithHeader(ICommandHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        ExtFields ??= new Dictionary<string, string>(StringComparer.Ordinal);
        header.Write(ExtFields);
        return this;
    }

    /// <summary>Reads a typed header; a missing required field throws <see cref="RemotingCommandException"/>.</summary>
    public T ReadHeader<T>()
        where T : ICommandHeader<T> =>
        T.Read(new HeaderReader(ExtFields));

    public string? GetExtField(string name) =>
        ExtFields is not null && ExtFields.TryGetValue(name, out var value) ? value : null;

    public override string ToString() =>
        $"RemotingCommand[code={Code}, language={Language}, version={Version}, opaque={Opaque}, flag(B)={Convert.ToString(Flag, 2)}, remark={Remark}, extFields={(ExtFields is null ? "null" : string.Join(",", ExtFields.Select(kv => kv.Key + "=" + kv.Value)))}, serializeTypeCurrentRPC={SerializeType}, body={Body.Length}B]";
}
