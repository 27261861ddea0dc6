using System.Net;
using Rmq.Client.Messages;

namespace Rmq.Client.Tests;

public sealed class MessageDecoderTests
{
    [Fact]
    public void Decodes_every_field_of_an_IPv4_record()
    {
        var record = new RecordBuilder().Build();

        var message = MessageDecoder.Decode(record);

        Assert.Equal(91 + 5 + 9 + "TAGS\u0001TagA\u0002KEYS\u0001k1 k2".Length, record.Length);
        Assert.Equal(record.Length, message.StoreSize);
        Assert.Equal(12345, message.BodyCrc);
        Assert.Equal(3, message.QueueId);
        Assert.Equal(7, message.Flag);
        Assert.Equal(42, message.QueueOffset);
        Assert.Equal(0x1234, message.CommitLogOffset);
        Assert.Equal(1_700_000_000_000, message.BornTimestamp);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.0.0.9"), 50001), message.BornHost);
        Assert.Equal(1_700_000_000_123, message.StoreTimestamp);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.0.0.1"), 10911), message.StoreHost);
        Assert.Equal(2, message.ReconsumeTimes);
        Assert.Equal("TopicTest", message.Topic);
        Assert.Equal("hello"u8.ToArray(), message.Body);
        Assert.Equal("TagA", message.Tags);
        Assert.Equal(["k1", "k2"], message.KeyList);
        Assert.Equal("0A00000100002A9F0000000000001234", message.OffsetMsgId);
        Assert.Equal(message.OffsetMsgId, message.MsgId);
    }

    [Fact]
    public void Msg_id_is_the_unique_key_when_the_producer_set_one()
    {
        var record = new RecordBuilder { Properties = "UNIQ_KEY\u00017F0000010001000000000000000000AA\u0002" }.Build();

        var message = MessageDecoder.Decode(record);

        Assert.Equal("7F0000010001000000000000000000AA", message.MsgId);
        Assert.Equal("0A00000100002A9F0000000000001234", message.OffsetMsgId);
    }

    [Fact]
    public void Decodes_IPv6_store_and_born_hosts_per_sysflag()
    {
        var store = new IPEndPoint(IPAddress.Parse("fe80::1"), 10911);
        var born = new IPEndPoint(IPAddress.Parse("2001:db8::9"), 40000);
        var record = new RecordBuilder
        {
            SysFlag = MessageSysFlag.BornHostV6Flag | MessageSysFlag.StoreHostV6Flag,
            StoreHost = store,
            BornHost = born,
        }.Build();

        var message = MessageDecoder.Decode(record);

        Assert.Equal(store, message.StoreHost);
        Assert.Equal(born, message.BornHost);
        Assert.Equal(56, message.OffsetMsgId.Length);
        Assert.Equal("TopicTest", message.Topic);
        Assert.Equal("TagA", message.Tags);
    }

    [Fact]
    public void Inflates_a_compressed_body_when_sysflag_bit_0_is_set()
    {
        var original = new byte[10_000];
        new Random(1).NextBytes(original.AsSpan(0, 100));
        var record = new RecordBuilder { SysFlag = MessageSysFlag.CompressedFlag, Body = BodyCompression.Compress(original) }.Build();

        var message = MessageDecoder.Decode(record);

        Assert.Equal(original, message.Body);
    }

    [Theory]
    [InlineData("TAGS\u0001TagA\u0002KEYS\u0001k1")]
    [InlineData("TAGS\u0001TagA\u0002KEYS\u0001k1\u0002")]
    [InlineData("\u0002TAGS\u0001TagA\u0002\u0002novalue\u0002KEYS\u0001k1\u0002")]
    public void Properties_parse_with_or_without_trailing_separator(string properties)
    {
        var message = MessageDecoder.Decode(new RecordBuilder { Properties = properties }.Build());

        Assert.Equal(2, message.Properties.Count);
        Assert.Equal("TagA", message.Tags);
        Assert.Equal("k1", message.Keys);
    }

    [Fact]
    public void Decodes_several_records_back_to_back_and_ignores_a_truncated_tail()
    {
        var first = new RecordBuilder { QueueOffset = 1, PhysicalOffset = 100 }.Build();
        var second = new RecordBuilder { QueueOffset = 2, PhysicalOffset = 200, Topic = "Other", Properties = string.Empty, Body = [] }.Build();
        var third = new RecordBuilder { QueueOffset = 3, PhysicalOffset = 300 }.Build();
        var data = first.Concat(second).Concat(third).Concat(third.AsSpan(0, 20).ToArray()).ToArray();

        var messages = MessageDecoder.DecodeAll(data);

        Assert.Equal([1L, 2L, 3L], messages.Select(m => m.QueueOffset));
        Assert.Equal([100L, 200L, 300L], messages.Select(m => m.CommitLogOffset));
        Assert.Equal("Other", messages[1].Topic);
        Assert.Empty(messages[1].Body);
        Assert.Empty(messages[1].Properties);
    }

    [Fact]
    public void An_unknown_magic_code_is_a_format_error()
    {
        var record = new RecordBuilder().Build();
        record[4] = 0;

        Assert.Throws<FormatException>(() => MessageDecoder.Decode(record));
    }

    [Fact]
    public void A_record_shorter_than_its_fields_is_a_format_error()
    {
        var record = new RecordBuilder().Build();

        Assert.Throws<FormatException>(() => MessageDecoder.Decode(record.AsSpan(0, 60)));
    }
}
