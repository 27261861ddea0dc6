namespace Rmq.Configuration.Tests;

public class JavaPropertiesTests
{
    [Theory]
    [InlineData("a=b", "b")]
    [InlineData("a = b", "b")]
    [InlineData("a:b", "b")]
    [InlineData("a : b", "b")]
    [InlineData("a b", "b")]
    [InlineData("a\t\tb", "b")]
    [InlineData("   a=b", "b")]
    [InlineData("a=", "")]
    [InlineData("a", "")]
    [InlineData("a==b", "=b")]
    [InlineData("a = :b", ":b")]
    [InlineData("a b=c", "b=c")]
    public void Separators_and_blanks_around_them_follow_java(string line, string expected)
    {
        var p = JavaProperties.Parse(line);

        Assert.Equal(expected, p["a"]);
    }

    [Fact]
    public void Trailing_blanks_in_a_value_are_kept()
    {
        var p = JavaProperties.Parse("brokerRole=ASYNC_MASTER  \nx=1\t\n");

        Assert.Equal("ASYNC_MASTER  ", p["brokerRole"]);
        Assert.Equal("1\t", p["x"]);
    }

    [Fact]
    public void Comments_start_with_hash_or_bang_after_leading_blanks()
    {
        var p = JavaProperties.Parse("# a=1\n  ! b=2\nc=3 # not a comment\n");

        Assert.Equal(["c"], p.Keys);
        Assert.Equal("3 # not a comment", p["c"]);
    }

    [Fact]
    public void Backslash_continues_a_line_and_skips_leading_blanks_of_the_next()
    {
        var p = JavaProperties.Parse("fruits=apple, \\\n        banana, \\\n   pear\nnext=1\n");

        Assert.Equal("apple, banana, pear", p["fruits"]);
        Assert.True(p.TryGetEntry("next", out var next));
        Assert.Equal(4, next.Line);
        Assert.True(p.TryGetEntry("fruits", out var fruits));
        Assert.Equal(1, fruits.Line);
        Assert.Equal(3, fruits.EndLine);
    }

    [Fact]
    public void An_even_number_of_trailing_backslashes_does_not_continue()
    {
        var p = JavaProperties.Parse("a=x\\\\\nb=y\n");

        Assert.Equal("x\\", p["a"]);
        Assert.Equal("y", p["b"]);
    }

    [Fact]
    public void A_comment_line_ending_in_backslash_does_not_continue()
    {
        var p = JavaProperties.Parse("# comment \\\na=1\n");

        Assert.Equal("1", p["a"]);
    }

    [Fact]
    public void Continued_line_starting_with_hash_is_part_of_the_value()
    {
        var p = JavaProperties.Parse("a=x\\\n#y\n");

        Assert.Equal("x#y", p["a"]);
    }

    [Fact]
    public void Escapes_are_decoded()
    {
        var p = JavaProperties.Parse("k\\ ey\\=x=tab\\there\\nnl\\r\\f \\u0041\\u00e9 \\q\\\\\n");

        Assert.Equal("tab\there\nnl\r\f A\u00e9 q\\", p["k ey=x"]);
    }

    [Fact]
    public void Malformed_unicode_escape_is_an_error_with_its_line()
    {
        var p = JavaProperties.Parse("a=1\nb=\\u00zz\n", "x.properties");

        var problem = Assert.Single(p.Problems);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.Equal(2, problem.Line);
        Assert.Contains("\\u00zz", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Crlf_and_cr_line_ends_count_lines()
    {
        var p = JavaProperties.Parse("a=1\r\nb=2\rc=3");

        Assert.True(p.TryGetEntry("c", out var c));
        Assert.Equal(3, c.Line);
        Assert.Equal("3", p["c"]);
    }

    [Fact]
    public void Later_duplicate_wins_and_is_reported_with_both_lines()
    {
        var p = JavaProperties.Parse("listenPort=10911\n\nlistenPort=10921\n", "b.properties");

        Assert.Equal("10921", p["listenPort"]);
        var dup = Assert.Single(p.Problems);
        Assert.Equal(ProblemSeverity.Warning, dup.Severity);
        Assert.Equal("b.properties", dup.File);
        Assert.Equal(3, dup.Line);
        Assert.Contains("line 1", dup.Message, StringComparison.Ordinal);
        Assert.Equal(2, p.AllEntries.Count);
        Assert.Single(p.Keys);
    }

    [Fact]
    public void Writer_output_reads_back_to_the_same_pairs()
    {
        var pairs = new Dictionary<string, string>
        {
            ["namesrvAddr"] = "127.0.0.1:9876;127.0.0.2:9876",
            ["lead"] = "  two leading",
            ["trail"] = "trailing  ",
            ["k:e=y #"] = "v",
            ["#hash"] = "x",
            ["multi"] = "a\nb\\c\td",
            ["uni"] = "\u00e9\u4e2d",
        };

        string text = JavaPropertiesWriter.Write(pairs);
        var back = JavaProperties.Parse(text);

        Assert.Equal(pairs.Count, back.Count);
        foreach (var (k, v) in pairs)
        {
            Assert.Equal(v, back[k]);
        }

        Assert.Contains("namesrvAddr=127.0.0.1:9876;127.0.0.2:9876\n", text, StringComparison.Ordinal);
        Assert.All(text, c => Assert.True(c < 0x7f));
    }

    [Fact]
    public void Document_set_value_updates_in_place_keeping_comments_and_spacing()
    {
        const string text = "# header\nbrokerName = broker-a\n\n# ports\nlistenPort=10911\n";
        var doc = PropertiesDocument.Parse(text);

        Assert.True(doc.SetValue("brokerName", "broker-b"));
        Assert.True(doc.SetValue("listenPort", "10921"));

        Assert.Equal("# header\nbrokerName = broker-b\n\n# ports\nlistenPort=10921\n", doc.ToString());
    }

    [Fact]
    public void Document_set_value_appends_a_missing_key_and_a_missing_newline()
    {
        var doc = PropertiesDocument.Parse("a=1");

        doc.SetValue("namesrvAddr", "h:9876");

        Assert.Equal("a=1\nnamesrvAddr=h:9876\n", doc.ToString());
    }

    [Fact]
    public void Document_set_value_rewrites_the_winning_duplicate_and_a_continued_entry()
    {
        var doc = PropertiesDocument.Parse("a=1\r\nb=x\\\r\n  y\r\na=2\r\n");

        doc.SetValue("a", "3");
        doc.SetValue("b", "z");

        Assert.Equal("a=1\r\nb=z\r\na=3\r\n", doc.ToString());
        Assert.Equal("3", doc.ToProperties()["a"]);
    }

    [Fact]
    public void Document_save_round_trips_latin1_bytes()
    {
        string dir = Directory.CreateTempSubdirectory("rmq-conf").FullName;
        string path = Path.Combine(dir, "b.properties");
        byte[] original = System.Text.Encoding.Latin1.GetBytes("# caf\u00e9\nx=1\n");
        File.WriteAllBytes(path, original);

        var doc = PropertiesDocument.Load(path);
        doc.SetValue("x", "\u00e9");
        doc.Save(path);

        Assert.Equal(System.Text.Encoding.Latin1.GetBytes("# caf\u00e9\nx=\\u00E9\n"), File.ReadAllBytes(path));
        Assert.Equal("\u00e9", JavaProperties.Load(path)["x"]);
    }
}
