using System.Buffers.Binary;
using System.Globalization;
using System.Net;

namespace Rmq.Store;

/// <summary>An IPv4 (4 bytes) or IPv6 (16 bytes) address and a port, as BORNHOST/STOREHOST carry them.</summary>
public readonly struct HostAddress : IEquatable<HostAddress>
{
    private readonly byte[]? _address;

    public HostAddress(ReadOnlySpan<byte> address, int port)
    {
        if (address.Length is not (4 or 16))
        {
            throw new ArgumentException("address must be 4 (IPv4) or 16 (IPv6) bytes", nameof(address));
        }

        _address = address.ToArray();
        Port = port;
    }

    public ReadOnlySpan<byte> Address => _address ?? [0, 0, 0, 0];

    public int Port { get; }

    public bool IsIPv6 => _address is { Length: 16 };

    /// <summary>Bytes this host takes in a record: 8 for IPv4, 20 for IPv6.</summary>
    public int EncodedLength => IsIPv6 ? 20 : 8;

    public static HostAddress FromEndPoint(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        var ip = endPoint.Address.IsIPv4MappedToIPv6 ? endPoint.Address.MapToIPv4() : endPoint.Address;
        return new HostAddress(ip.GetAddressBytes(), endPoint.Port);
    }

    /// <summary>Parses <c>1.2.3.4:10911</c> or <c>[::1]:10911</c>.</summary>
    public static HostAddress Parse(string text) => FromEndPoint(IPEndPoint.Parse(text));

    public IPEndPoint ToEndPoint() => new(new IPAddress(Address), Port);

    public void WriteTo(Span<byte> destination)
    {
        Address.CopyTo(destination);
        BinaryPrimitives.WriteInt32BigEndian(destination[Address.Length..], Port);
    }

    public static HostAddress Read(ReadOnlySpan<byte> source, bool ipv6)
    {
        var len = ipv6 ? 16 : 4;
        return new HostAddress(source[..len], BinaryPrimitives.ReadInt32BigEndian(source[len..]));
    }

    public bool Equals(HostAddress other) => Port == other.Port && Address.SequenceEqual(other.Address);

    public override bool Equals(object? obj) => obj is HostAddress other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Address);
        hash.Add(Port);
        return hash.ToHashCode();
    }

    public override string ToString() => IsIPv6
        ? string.Create(CultureInfo.InvariantCulture, $"[{new IPAddress(Address)}]:{Port}")
        : string.Create(CultureInfo.InvariantCulture, $"{new IPAddress(Address)}:{Port}");

    public static bool operator ==(HostAddress left, HostAddress right) => left.Equals(right);

    public static bool operator !=(HostAddress left, HostAddress right) => !left.Equals(right);
}
