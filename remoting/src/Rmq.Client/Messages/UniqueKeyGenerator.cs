using System.Buffers.Binary;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Rmq.Client.Messages;

/// <summary>
/// Client message ids (UNIQ_KEY) as Java's MessageClientIDSetter makes them: uppercase hex of
/// [client IP 4 bytes][pid int16][per-process hash int32][ms since the start of the current month int32][counter int16]
/// = 32 characters, the first 20 fixed per generator.
/// </summary>
public sealed class UniqueKeyGenerator
{
    private readonly TimeProvider _timeProvider;
    private readonly byte[] _ip;
    private readonly string _fixPart;
    private readonly Lock _lock = new();
    private long _startTime;
    private long _nextStartTime;
    private int _counter;

    public UniqueKeyGenerator(TimeProvider? timeProvider = null, IPAddress? clientIp = null, int? pid = null, int? hash = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
        _ip = (clientIp ?? ClientAddress.LocalIPv4()).GetAddressBytes();
        var fix = new byte[_ip.Length + 6];
        _ip.CopyTo(fix, 0);
        BinaryPrimitives.WriteInt16BigEndian(fix.AsSpan(_ip.Length), unchecked((short)(pid ?? Environment.ProcessId)));
        BinaryPrimitives.WriteInt32BigEndian(fix.AsSpan(_ip.Length + 2), hash ?? Random.Shared.Next());
        _fixPart = Convert.ToHexString(fix);
        SetStartTime(_timeProvider.GetUtcNow());
    }

    /// <summary>The process-wide generator.</summary>
    public static UniqueKeyGenerator Default { get; } = new();

    /// <summary>The 20 (or 44 for IPv6) characters every id of this generator starts with.</summary>
    public string FixPart => _fixPart;

    public string CreateUniqueKey()
    {
        var now = _timeProvider.GetUtcNow();
        Span<byte> tail = stackalloc byte[6];
        lock (_lock)
        {
            var millis = now.ToUnixTimeMilliseconds();
            if (millis >= _nextStartTime)
            {
                SetStartTime(now);
            }

            var diff = millis - _startTime;
            BinaryPrimitives.WriteInt32BigEndian(tail, diff < 0 ? 0 : unchecked((int)diff));
            BinaryPrimitives.WriteInt16BigEndian(tail[4..], unchecked((short)_counter++));
        }

        return _fixPart + Convert.ToHexString(tail);
    }

    /// <summary>Sets UNIQ_KEY on <paramref name="message"/> unless it already has one (setUniqID).</summary>
    public void SetUniqueKey(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.UniqueKey is null)
        {
            message.PutProperty(MessageConst.UniqueClientMessageIdKeyIndex, CreateUniqueKey());
        }
    }

    /// <summary>The client IP encoded in a unique key.</summary>
    public static IPAddress GetIpFromUniqueKey(string uniqueKey)
    {
        ArgumentNullException.ThrowIfNull(uniqueKey);
        var bytes = Convert.FromHexString(uniqueKey);
        return new IPAddress(bytes.AsSpan(0, bytes.Length - 12));
    }

    /// <summary>
    /// The approximate creation time of a unique key (getNearlyTimeFromID): the ms offset is taken from the
    /// start of the month of <paramref name="now"/>, or of the month before if that would be in the future.
    /// </summary>
    public static DateTimeOffset GetNearlyTime(string uniqueKey, DateTimeOffset now, TimeZoneInfo? zone = null)
    {
        ArgumentNullException.ThrowIfNull(uniqueKey);
        var bytes = Convert.FromHexString(uniqueKey);
        var diff = (uint)BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(bytes.Length - 6));
        var monthStart = MonthStart(now, zone ?? TimeZoneInfo.Local);
        var candidate = monthStart.AddMilliseconds(diff);
        return candidate > now ? MonthStart(monthStart.AddDays(-1), zone ?? TimeZoneInfo.Local).AddMilliseconds(diff) : candidate;
    }

    private void SetStartTime(DateTimeOffset now)
    {
        var start = MonthStart(now, _timeProvider.LocalTimeZone);
        _startTime = start.ToUnixTimeMilliseconds();
        _nextStartTime = start.AddMonths(1).ToUnixTimeMilliseconds();
    }

    private static DateTimeOffset MonthStart(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var start = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(start, zone.GetUtcOffset(start));
    }
}

