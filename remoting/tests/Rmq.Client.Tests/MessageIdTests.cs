using System.Globalization;
using System.Net;
using Rmq.Client.Messages;

namespace Rmq.Client.Tests;

public sealed class MessageIdTests
{
    [Fact]
    public void Offset_message_id_round_trips_for_IPv4()
    {
        var host = new IPEndPoint(IPAddress.Parse("127.0.0.1"), 10911);

        var id = MessageId.Create(host, 946);
        var parts = MessageId.Decode(id);

        Assert.Equal("7F00000100002A9F00000000000003B2", id);
        Assert.Equal(host, parts.StoreHost);
        Assert.Equal(946, parts.CommitLogOffset);
        Assert.Equal("127.0.0.1:10911", parts.BrokerAddress);
    }

    [Fact]
    public void Offset_message_id_round_trips_for_IPv6()
    {
        var host = new IPEndPoint(IPAddress.Parse("2001:db8::1"), 10911);

        var id = MessageId.Create(host, long.MaxValue);

        Assert.Equal(56, id.Length);
        Assert.Equal(new MessageIdParts(host, long.MaxValue), MessageId.Decode(id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("7F00000100002A9F00000000000003B")]
    [InlineData("ZZ00000100002A9F00000000000003B2")]
    public void Malformed_ids_do_not_decode(string id)
    {
        Assert.False(MessageId.TryDecode(id, out _));
    }

    [Fact]
    public void Unique_key_has_java_layout_ip_pid_hash_then_time_and_counter()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 2, 0, 0, 1, TimeSpan.Zero));
        var generator = new UniqueKeyGenerator(clock, IPAddress.Parse("10.1.2.3"), pid: 0x1234, hash: 0x0BADCAFE);

        var first = generator.CreateUniqueKey();
        var second = generator.CreateUniqueKey();

        Assert.Equal(32, first.Length);
        Assert.Equal("0A010203" + "1234" + "0BADCAFE", first[..20]);
        Assert.Equal(first[..20], generator.FixPart);
        // 1 day + 1 s after the start of March (UTC zone) = 86 401 000 ms = 0x0526563E8... as int32
        var millis = int.Parse(first[20..28], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        Assert.Equal(86_401_000, millis);
        Assert.Equal("0000", first[28..]);
        Assert.Equal("0001", second[28..]);
        Assert.Equal(IPAddress.Parse("10.1.2.3"), UniqueKeyGenerator.GetIpFromUniqueKey(first));
        Assert.Equal(clock.GetUtcNow(), UniqueKeyGenerator.GetNearlyTime(first, clock.GetUtcNow(), TimeZoneInfo.Utc));
    }

    [Fact]
    public void Unique_key_is_set_once()
    {
        var message = new Message("T", [1]);
        var generator = new UniqueKeyGenerator(new FixedClock(DateTimeOffset.UnixEpoch.AddYears(50)), IPAddress.Loopback, 1, 1);

        generator.SetUniqueKey(message);
        var key = message.UniqueKey;
        generator.SetUniqueKey(message);

        Assert.NotNull(key);
        Assert.Equal(key, message.UniqueKey);
    }
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long GetTimestamp() => Now.UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public void Advance(TimeSpan by) => Now += by;
}
