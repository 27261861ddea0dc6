using Rmq.Cli.Commands.Admin;

namespace Rmq.Cli.Tests.Admin;

public sealed class JavaFormatTests
{
    [Theory]
    [InlineData("%-6s|", "ab", "ab    |")]
    [InlineData("%6s|", "ab", "    ab|")]
    [InlineData("%04d", 7, "0007")]
    [InlineData("%-4d|", 7, "7   |")]
    [InlineData("%9.2f", 12.3, "    12.30")]
    [InlineData("%.4f", 0.3125, "0.3125")]
    [InlineData("%s%n", null, "null\n")]
    [InlineData("%s", true, "true")]
    public void Formats_like_java_String_format(string format, object? arg, string expected) =>
        Assert.Equal(expected, JavaFormat.Format(format, arg));

    [Fact]
    public void A_long_value_is_not_truncated() =>
        Assert.Equal("abcdef  x", JavaFormat.Format("%-4s  %s", "abcdef", "x"));

    [Theory]
    [InlineData(407, "V4_9_7")]
    [InlineData(406, "V4_9_7_SNAPSHOT")]
    [InlineData(401, "V4_9_4")]
    [InlineData(235, "V4_1_1")]
    public void Version_ordinals_print_as_mqversion_names(int ordinal, string expected) =>
        Assert.Equal(expected, MQVersionText.Describe(ordinal));

    [Theory]
    [InlineData("300s", 300_000)]
    [InlineData("500ms", 500)]
    [InlineData("2m", 120_000)]
    [InlineData("7", 7_000)]
    public void Durations_take_a_unit(string text, int millis) =>
        Assert.Equal(TimeSpan.FromMilliseconds(millis), DrainBrokerCommand.ParseDuration(text, TimeSpan.Zero, "--x"));
}
