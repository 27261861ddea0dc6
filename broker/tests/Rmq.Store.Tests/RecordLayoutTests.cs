using System.Buffers.Binary;
using System.Text;

namespace Rmq.Store.Tests;

public sealed class RecordLayoutTests
{
    [Fact]
    public async Task Appended_record_has_every_v1_field_at_its_byte_offset()
    {
        await using var t = new TestStore();
        var store = await t.StartAsync();
        var msg = new MessageToStore
        {
            Topic = "T1",
            QueueId = 3,
            Flag = 0x11,
            Body = "abc"u8.ToArray(),
            PropertiesString = "TAGS\u0001tg",
            SysFlag = 0,
            BornTimestamp = 0x0102030405060708,
            BornHost = HostAddress.Parse("192.168.0.7:54321"),
            StoreHost = HostAddress.Parse("10.1.2.3:10911"),
            ReconsumeTimes = 2,
            PreparedTransactionOffset = 0,
        };

        var result = await store.PutMessageAsync(msg, CancellationToken.None);

        Assert.Equal(PutMessageStatus.PUT_OK, result.Status);
        Assert.Equal(103, result.WroteBytes);
        var r = store.GetMessageRecord(0)!;
        Assert.Equal(103, r.Length);
        Assert.Equal("00000067", Hex(r, 0, 4));                 // TOTALSIZE 103
        Assert.Equal("DAA320A7", Hex(r, 4, 4));                 // MAGICCODE
        Assert.Equal("352441C2", Hex(r, 8, 4));                 // CRC32("abc") & 0x7FFFFFFF
        Assert.Equal("00000003", Hex(r, 12, 4));                // QUEUEID
        Assert.Equal("00000011", Hex(r, 16, 4));                // FLAG
        Assert.Equal("0000000000000000", Hex(r, 20, 8));        // QUEUEOFFSET
        Assert.Equal("0000000000000000", Hex(r, 28, 8));        // PHYSICALOFFSET
        Assert.Equal("00000000", Hex(r, 36, 4));                // SYSFLAG
        Assert.Equal("0102030405060708", Hex(r, 40, 8));        // BORNTIMESTAMP
        Assert.Equal("C0A800070000D431", Hex(r, 48, 8));        // BORNHOST 192.168.0.7:54321
        Assert.Equal(result.StoreTimestamp, BinaryPrimitives.ReadInt64BigEndian(r.AsSpan(56)));
        Assert.Equal("0A01020300002A9F", Hex(r, 64, 8));        // STOREHOST 10.1.2.3:10911
        Assert.Equal("00000002", Hex(r, 72, 4));                // RECONSUMETIMES
        Assert.Equal("0000000000000000", Hex(r, 76, 8));        // PREPARED TRANSACTION OFFSET
        Assert.Equal("00000003616263", Hex(r, 84, 7));          // BODY len + "abc"
        Assert.Equal("025431", Hex(r, 91, 3));                  // TOPIC len + "T1"
        Assert.Equal("0007544147530174 67".Replace(" ", "", StringComparison.Ordinal), Hex(r, 94, 9)); // PROPERTIES len + TAGS\1tg

        var decoded = StoredMessage.Decode(r);
        Assert.Equal("T1", decoded.Topic);
        Assert.Equal(3, decoded.QueueId);
        Assert.Equal(0x11, decoded.Flag);
        Assert.Equal("abc", Encoding.UTF8.GetString(decoded.Body));
        Assert.Equal("tg", decoded.Tags);
        Assert.Equal(msg.BornHost, decoded.BornHost);
        Assert.Equal(msg.StoreHost, decoded.StoreHost);
        Assert.Equal(2, decoded.ReconsumeTimes);
        Assert.Equal(result.StoreTimestamp, decoded.StoreTimestamp);
        Assert.Equal("0A01020300002A9F0000000000000000", decoded.MsgId);
        Assert.Equal(decoded.MsgId, result.MsgId);
    }

    [Fact]
    public async Task IPv6_hosts_set_the_sysflag_bits_and_take_20_bytes_each()
    {
        await using var t = new TestStore();
        var store = await t.StartAsync();
        var msg = TestStore.Message("T6", 0, "x");
        msg.BornHost = HostAddress.Parse("[2001:db8::1]:1234");
        msg.StoreHost = HostAddress.Parse("[2001:db8::2]:10911");

        var result = await store.PutMessageAsync(msg, CancellationToken.None);

        Assert.Equal(91 + 24 + 1 + 2, result.WroteBytes);
        var decoded = store.LookMessageByOffset(0)!;
        Assert.Equal(MessageSysFlag.BORNHOST_V6_FLAG | MessageSysFlag.STOREHOSTADDRESS_V6_FLAG, decoded.SysFlag);
        Assert.Equal(msg.BornHost, decoded.BornHost);
        Assert.Equal(msg.StoreHost, decoded.StoreHost);
        Assert.Equal(56, result.MsgId!.Length);
        Assert.True(OffsetMessageId.TryDecode(result.MsgId, out var host, out var offset));
        Assert.Equal(msg.StoreHost, host);
        Assert.Equal(0, offset);
    }

    [Fact]
    public void Offset_message_id_round_trips()
    {
        var id = OffsetMessageId.Create(HostAddress.Parse("10.1.2.3:10911"), 0x1234567890);
        Assert.Equal("0A01020300002A9F0000001234567890", id);
        Assert.True(OffsetMessageId.TryDecode(id, out var host, out var offset));
        Assert.Equal("10.1.2.3:10911", host.ToString());
        Assert.Equal(0x1234567890, offset);
        Assert.False(OffsetMessageId.TryDecode("XYZ", out _, out _));
    }

    [Theory]
    [InlineData("KEYS\u0001k1 k2\u0002TAGS\u0001a")]
    [InlineData("KEYS\u0001k1 k2\u0002TAGS\u0001a\u0002")]
    [InlineData("\u0002KEYS\u0001k1 k2\u0002novalue\u0002TAGS\u0001a\u0002")]
    public void Properties_parse_with_or_without_trailing_separator(string text)
    {
        var props = MessageProperties.Parse(text);
        Assert.Equal("k1 k2", props["KEYS"]);
        Assert.Equal("a", props["TAGS"]);
        Assert.Equal(2, props.Count);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("TagA", 2598919)]
    [InlineData("hello world", 1794106052)]
    [InlineData("TopicTest#ORDER-1", -1111209712)]
    public void Java_string_hash_matches(string text, int expected)
    {
        Assert.Equal(expected, JavaHash.HashCode(text));
        Assert.Equal(expected, JavaHash.HashCodeUtf8(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public async Task A_record_that_does_not_fit_leaves_a_blank_and_goes_to_the_next_file()
    {
        await using var t = new TestStore(o => o with { MappedFileSizeCommitLog = 1024 });
        var store = await t.StartAsync();
        var body = new string('b', 200);
        var sizes = new List<PutMessageResult>();
        for (var i = 0; i < 4; i++)
        {
            sizes.Add(await store.PutMessageAsync(TestStore.Message("TB", 0, body), CancellationToken.None));
        }

        var size = sizes[0].WroteBytes;
        Assert.Equal(0, sizes[0].WroteOffset);
        Assert.Equal(size, sizes[1].WroteOffset);
        Assert.Equal(2 * size, sizes[2].WroteOffset);
        Assert.Equal(1024, sizes[3].WroteOffset); // 3 records use 3*size, 4th does not fit with 8 spare bytes
        Assert.Equal(3, sizes[3].LogicsOffset);

        var first = await File.ReadAllBytesAsync(Path.Combine(t.CommitLogDir, "00000000000000000000"));
        var blankAt = 3 * size;
        Assert.Equal(1024 - blankAt, BinaryPrimitives.ReadInt32BigEndian(first.AsSpan(blankAt)));
        Assert.Equal("CBD43194", Hex(first, blankAt + 4, 4));
        Assert.True(File.Exists(Path.Combine(t.CommitLogDir, "00000000000000001024")));
    }

    [Fact]
    public async Task Limits_give_message_illegal_and_properties_size_exceeded()
    {
        await using var t = new TestStore(o => o with { MaxMessageSize = 2048 });
        var store = await t.StartAsync();

        var longTopic = TestStore.Message(new string('t', 128), 0, "x");
        Assert.Equal(PutMessageStatus.MESSAGE_ILLEGAL, (await store.PutMessageAsync(longTopic, CancellationToken.None)).Status);

        var bigProps = TestStore.Message("T", 0, "x");
        bigProps.PropertiesString = "K\u0001" + new string('v', 32767);
        Assert.Equal(PutMessageStatus.PROPERTIES_SIZE_EXCEEDED, (await store.PutMessageAsync(bigProps, CancellationToken.None)).Status);

        var bigBody = TestStore.Message("T", 0, new string('x', 2049));
        Assert.Equal(PutMessageStatus.MESSAGE_ILLEGAL, (await store.PutMessageAsync(bigBody, CancellationToken.None)).Status);

        var ok = TestStore.Message(new string('t', 127), 0, "x");
        Assert.Equal(PutMessageStatus.PUT_OK, (await store.PutMessageAsync(ok, CancellationToken.None)).Status);
        Assert.Equal(0, store.GetMaxOffsetInQueue("T", 0));
    }

    private static string Hex(byte[] bytes, int offset, int length) => Convert.ToHexString(bytes, offset, length);
}
