using Rmq.Remoting.Json;

namespace Rmq.Remoting.Tests.Json;

public class FjReaderTests
{
    [Fact]
    public void Standard_json_is_read_into_objects_arrays_and_values()
    {
        var root = FjReader.ParseObject("""{"a":"x","b":[1,2.5,true,false,null],"c":{"d":-7}}""");

        Assert.Equal("x", root.GetString("a"));
        var array = root.GetArray("b")!;
        Assert.Equal(5, array.Count);
        Assert.Equal(1, array[0].GetInt32());
        Assert.Equal(2.5, array[1].GetDouble());
        Assert.True(array[2].GetBoolean());
        Assert.False(array[3].GetBoolean());
        Assert.True(array[4].IsNull);
        Assert.Equal(-7, root.GetObject("c")!.GetInt64("d"));
    }

    [Fact]
    public void Unquoted_numeric_keys_Q1_are_read_as_number_keys()
    {
        var root = FjReader.ParseObject("""{"brokerAddrs":{0:"10.0.0.1:10911",1:"10.0.0.2:10911"}}""");

        var addrs = root.GetObject("brokerAddrs")!;
        Assert.Equal(2, addrs.Count);
        Assert.Equal(FjValueKind.Number, addrs[0].Key.AsValue()!.Kind);
        Assert.Equal(0, addrs[0].Key.GetInt64());
        Assert.Equal("10.0.0.2:10911", addrs["1"]!.GetString());
    }

    [Fact]
    public void Object_keys_Q3_are_kept_as_parsed_objects()
    {
        var root = FjReader.ParseObject("""{"offsetTable":{{"brokerName":"b","queueId":0,"topic":"T"}:{"brokerOffset":5,"consumerOffset":3,"lastTimestamp":0}}}""");

        var (key, value) = root.GetObject("offsetTable")![0];
        var queue = Assert.IsType<FjObject>(key);
        Assert.Equal("b", queue.GetString("brokerName"));
        Assert.Equal("T", queue.GetString("topic"));
        Assert.Equal(5, value.AsObject()!.GetInt64("brokerOffset"));
    }

    [Fact]
    public void Lenient_input_Q10_single_quotes_identifier_keys_trailing_commas_and_comments()
    {
        var root = FjReader.ParseObject("{ name : 'it''s', list:[1,2,], /* c */ 'q':\"v\", // end\n }".Replace("''", "\\'", StringComparison.Ordinal));

        Assert.Equal("it's", root.GetString("name"));
        Assert.Equal(2, root.GetArray("list")!.Count);
        Assert.Equal("v", root.GetString("q"));
    }

    [Fact]
    public void Unicode_escapes_Q9_are_decoded()
    {
        var root = FjReader.ParseObject("""{"p":"a\u0001b\u0002c","z":"\u4e2d\n\t\"\\\/"}""");

        Assert.Equal("a\u0001b\u0002c", root.GetString("p"));
        Assert.Equal("中\n\t\"\\/", root.GetString("z"));
    }

    [Fact]
    public void Lenient_getters_Q6_accept_quoted_numbers_and_textual_booleans()
    {
        var root = FjReader.ParseObject("""{"n":"42","b1":"true","b2":1,"b3":0,"b4":"false","big":9223372036854775807,"f":3.0}""");

        Assert.Equal(42, root.GetInt32("n"));
        Assert.True(root.GetBoolean("b1"));
        Assert.True(root.GetBoolean("b2"));
        Assert.False(root.GetBoolean("b3"));
        Assert.False(root.GetBoolean("b4"));
        Assert.Equal(long.MaxValue, root.GetInt64("big"));
        Assert.Equal(3, root.GetInt64("f"));
        Assert.Equal(7, root.GetInt32("missing", 7));
    }

    [Fact]
    public void Numbers_keep_their_raw_text()
    {
        var value = FjReader.Parse("12345678901234567890").AsValue()!;

        Assert.Equal("12345678901234567890", value.Text);
    }

    [Theory]
    [InlineData("{\"a\":}", 5)]
    [InlineData("{\"a\" 1}", 5)]
    [InlineData("[1,2", 4)]
    [InlineData("\"abc", 4)]
    [InlineData("{\"a\":tru}", 5)]
    [InlineData("", 0)]
    [InlineData("{} x", 3)]
    public void Malformed_input_throws_with_the_position(string json, int position)
    {
        var e = Assert.Throws<FjException>(() => FjReader.Parse(json));

        Assert.Equal(position, e.Position);
        Assert.Contains("position", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_beyond_the_depth_limit_is_refused()
    {
        var json = new string('[', 70) + new string(']', 70);

        var e = Assert.Throws<FjException>(() => FjReader.Parse(json));
        Assert.Contains("deeper than 64", e.Message, StringComparison.Ordinal);
        Assert.NotNull(FjReader.Parse(json, maxDepth: 100));
    }

    [Fact]
    public void Utf8_bytes_with_a_bom_are_read()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "{\"k\":\"é\"}"u8];

        Assert.Equal("é", FjReader.ParseObject(bytes).GetString("k"));
    }

    [Fact]
    public void A_repeated_key_replaces_the_earlier_value()
    {
        var root = FjReader.ParseObject("""{"a":1,"a":2}""");

        Assert.Single(root);
        Assert.Equal(2, root.GetInt32("a"));
    }
}
