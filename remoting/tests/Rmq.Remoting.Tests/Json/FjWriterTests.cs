using System.Buffers;
using System.Text;
using Rmq.Remoting.Json;

namespace Rmq.Remoting.Tests.Json;

public class FjWriterTests
{
    private static string Write(FjFormat format, Action<FjWriter> write)
    {
        var writer = new FjWriter(format);
        write(writer);
        Assert.True(writer.IsComplete);
        return writer.ToString();
    }

    private static void BrokerAddrs(FjWriter w)
    {
        w.WriteStartObject();
        w.WritePropertyName("brokerAddrs");
        w.WriteStartObject();
        w.WriteNumericKey(0);
        w.WriteString("10.0.0.1:10911");
        w.WriteNumericKey(1);
        w.WriteString("10.0.0.2:10911");
        w.WriteEndObject();
        w.WriteString("brokerName", "broker-a");
        w.WriteEndObject();
    }

    [Fact]
    public void Legacy_form_writes_unquoted_numeric_keys_Q1()
    {
        Assert.Equal("""{"brokerAddrs":{0:"10.0.0.1:10911",1:"10.0.0.2:10911"},"brokerName":"broker-a"}""", Write(FjFormat.Legacy, BrokerAddrs));
    }

    [Fact]
    public void Standard_form_quotes_numeric_keys_Q2()
    {
        Assert.Equal("""{"brokerAddrs":{"0":"10.0.0.1:10911","1":"10.0.0.2:10911"},"brokerName":"broker-a"}""", Write(FjFormat.Standard, BrokerAddrs));
    }

    [Fact]
    public void Object_keys_Q3_are_written_as_objects_followed_by_a_colon()
    {
        var json = Write(FjFormat.Legacy, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("offsetTable");
            w.WriteStartObject();
            w.WriteStartObjectKey();
            w.WriteString("brokerName", "b");
            w.WriteNumber("queueId", 0);
            w.WriteString("topic", "T");
            w.WriteEndObject();
            w.WriteStartObject();
            w.WriteNumber("brokerOffset", 5L);
            w.WriteEndObject();
            w.WriteStartObjectKey();
            w.WriteString("brokerName", "b");
            w.WriteNumber("queueId", 1);
            w.WriteEndObject();
            w.WriteNumber(7L);
            w.WriteEndObject();
            w.WriteEndObject();
        });

        Assert.Equal("""{"offsetTable":{{"brokerName":"b","queueId":0,"topic":"T"}:{"brokerOffset":5},{"brokerName":"b","queueId":1}:7}}""", json);
    }

    [Fact]
    public void Control_characters_Q9_are_escaped_as_fastjson_does()
    {
        var json = Write(FjFormat.Legacy, w => w.WriteString("a\u0001b\u0002\n\t\"\\/\u001F中"));

        Assert.Equal("\"a\\u0001b\\u0002\\n\\t\\\"\\\\/\\u001F中\"", json);
    }

    [Fact]
    public void Standard_form_escapes_non_ascii_and_writes_big_longs_as_strings()
    {
        var json = Write(FjFormat.Standard, w =>
        {
            w.WriteStartObject();
            w.WriteString("name", "中é");
            w.WriteNumber("safe", 9007199254740991L);
            w.WriteNumber("big", 9007199254740992L);
            w.WriteNumber("neg", -9007199254740992L);
            w.WriteEndObject();
        });

        Assert.Equal("""{"name":"\u4E2D\u00E9","safe":9007199254740991,"big":"9007199254740992","neg":"-9007199254740992"}""", json);
    }

    [Fact]
    public void Null_fields_are_omitted()
    {
        var json = Write(FjFormat.Legacy, w =>
        {
            w.WriteStartObject();
            w.WriteString("a", null);
            w.WriteString("b", "x");
            w.WriteStringArray("c", null);
            w.WriteEndObject();
        });

        Assert.Equal("""{"b":"x"}""", json);
    }

    [Fact]
    public void Pretty_form_Q8_indents_with_tabs()
    {
        var json = Write(FjFormat.Pretty, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("brokerDatas");
            w.WriteStartArray();
            w.WriteStartObject();
            w.WritePropertyName("brokerAddrs");
            w.WriteStartObject();
            w.WriteNumericKey(0);
            w.WriteString("a:1");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WritePropertyName("empty");
            w.WriteStartObject();
            w.WriteEndObject();
            w.WriteBoolean("ok", true);
            w.WriteEndObject();
        });

        Assert.Equal("{\n\t\"brokerDatas\":[\n\t\t{\n\t\t\t\"brokerAddrs\":{\n\t\t\t\t0:\"a:1\"\n\t\t\t}\n\t\t}\n\t],\n\t\"empty\":{},\n\t\"ok\":true\n}", json);
    }

    [Fact]
    public void Doubles_are_written_like_java()
    {
        Assert.Equal("[1.0,0.5,0.0]", Write(FjFormat.Legacy, w =>
        {
            w.WriteStartArray();
            w.WriteNumber(1.0);
            w.WriteNumber(0.5);
            w.WriteNumber(0.0);
            w.WriteEndArray();
        }));
    }

    [Fact]
    public void A_value_without_a_key_inside_an_object_is_a_bug()
    {
        var writer = new FjWriter();
        writer.WriteStartObject();

        Assert.Throws<InvalidOperationException>(() => writer.WriteString("x"));
    }

    [Fact]
    public void Parsed_documents_round_trip_byte_exact_including_quirks()
    {
        const string json = """{"offsetTable":{{"brokerName":"b","queueId":0,"topic":"T"}:{"brokerOffset":5}},"addrs":{0:"a",1:"b"},"big":12345678901234567890,"s":"\u0001"}""";

        Assert.Equal(json, FjReader.Parse(json).ToString());
    }

    [Fact]
    public void Output_can_be_copied_to_a_buffer_writer_as_utf8()
    {
        var writer = new FjWriter();
        writer.WriteString("é");
        var buffer = new ArrayBufferWriter<byte>();

        writer.CopyTo(buffer);

        Assert.Equal("\"é\"", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
