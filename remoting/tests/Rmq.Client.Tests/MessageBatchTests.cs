using Rmq.Client.Messages;

namespace Rmq.Client.Tests;

public sealed class MessageBatchTests
{
    [Fact]
    public void Batch_body_is_byte_exact_per_codes_4_1()
    {
        var first = new Message { Topic = "T", Body = [0xAA, 0xBB], Flag = 5 };
        first.PutProperty("TAGS", "A");
        var second = new Message { Topic = "T", Body = [], Flag = -1 };

        var body = MessageBatch.Encode([first, second]);

        byte[] expected =
        [
            // message 1: TOTALSIZE = 20 + 2 + 2 + 6 = 30
            0, 0, 0, 30, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 2, 0xAA, 0xBB,
            0, 6, (byte)'T', (byte)'A', (byte)'G', (byte)'S', 1, (byte)'A',
            // message 2: TOTALSIZE = 22, flag -1, empty body and properties
            0, 0, 0, 22, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0,
        ];
        Assert.Equal(expected, body);
    }

    [Fact]
    public void Batch_rejects_mixed_topics_and_delays()
    {
        var delayed = new Message("T", [1]) { DelayTimeLevel = 3 };

        Assert.Throws<MQClientException>(() => MessageBatch.Validate([new Message("T", [1]), new Message("U", [1])]));
        Assert.Throws<MQClientException>(() => MessageBatch.Validate([delayed]));
        Assert.Throws<MQClientException>(() => MessageBatch.Validate([]));
    }

    [Fact]
    public void Properties_encode_without_trailing_separator_and_decode_back()
    {
        var text = MessageProperties.Encode([new("A", "1"), new("B", "2")]);

        Assert.Equal("A\u00011\u0002B\u00012", text);
        Assert.Equal(new Dictionary<string, string> { ["A"] = "1", ["B"] = "2" }, MessageProperties.Decode(text));
    }

    [Fact]
    public void User_properties_refuse_system_names()
    {
        var message = new Message("T", [1]);

        Assert.Throws<ArgumentException>(() => message.PutUserProperty("TAGS", "x"));
        message.PutUserProperty("mine", "x");
        Assert.Equal("x", message.GetProperty("mine"));
        Assert.True(message.WaitStoreMsgOk);
        Assert.Equal("true", message.GetProperty("WAIT"));
    }
}
