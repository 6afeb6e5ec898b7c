namespace StreamSql.Shell.Tests;

/// <summary>The keys the line editor gets for what a terminal sends, key by key as the console parses it.</summary>
public sealed class TerminalKeySourceTests
{
    /// <summary>Keys as .NET's console reports them on Linux: CR is Enter, LF is Ctrl+Enter, ESC is Escape, and the rest of an
    /// unknown escape sequence comes as plain characters.</summary>
    private sealed class ScriptedKeys : IKeyReader
    {
        private readonly Queue<ConsoleKeyInfo> _keys = new();

        public void Type(string text)
        {
            foreach (var c in text)
            {
                _keys.Enqueue(c switch
                {
                    '\r' => new ConsoleKeyInfo('\r', ConsoleKey.Enter, false, false, false),
                    '\n' => new ConsoleKeyInfo('\n', ConsoleKey.Enter, false, false, true),
                    '\t' => new ConsoleKeyInfo('\t', ConsoleKey.Tab, false, false, false),
                    '\u001b' => new ConsoleKeyInfo(c, ConsoleKey.Escape, false, false, false),
                    _ => new ConsoleKeyInfo(c, 0, false, false, false),
                });
            }
        }

        public bool KeyAvailable => _keys.Count > 0;

        public ConsoleKeyInfo ReadKey() => _keys.Dequeue();
    }

    private sealed class ManualTime : TimeProvider
    {
        public long Now { get; set; }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Now;
    }

    private readonly ScriptedKeys _keys = new();
    private readonly ManualTime _time = new();

    /// <summary>What the editor reads while keys are available, with Enter written as <c>⏎</c>.</summary>
    private static string Drain(TerminalKeySource source)
    {
        var text = new System.Text.StringBuilder();
        while (source.IsKeyAvailable())
        {
            var key = source.ReadKey();
            if (key.Key == ConsoleKey.Enter)
            {
                Assert.Equal((ConsoleModifiers)0, key.Modifiers);
                text.Append('⏎');
            }
            else text.Append(key.KeyChar);
        }
        return text.ToString();
    }

    [Theory]
    [InlineData("a\rb\r")]
    [InlineData("a\nb\n")]
    [InlineData("a\r\nb\r\n")]
    public void Every_line_break_of_a_paste_is_one_plain_enter(string pasted)
    {
        var source = new TerminalKeySource(_keys, _time);
        _keys.Type(pasted);

        Assert.Equal("a⏎b⏎", Drain(source));
    }

    [Fact]
    public void A_line_feed_after_a_carriage_return_is_dropped_only_once()
    {
        var source = new TerminalKeySource(_keys, _time);
        _keys.Type("a\r\n\nb");

        Assert.Equal("a⏎⏎b", Drain(source));
    }

    [Fact]
    public void Bracketed_paste_markers_are_dropped_and_the_text_between_them_kept()
    {
        var source = new TerminalKeySource(_keys, _time);
        _keys.Type("\u001b[200~SELECT 1;\r\u001b[201~x");

        Assert.Equal("SELECT 1;⏎x", Drain(source));
    }

    [Fact]
    public void A_marker_split_across_reads_is_still_dropped()
    {
        var source = new TerminalKeySource(_keys, _time);
        _keys.Type("ab\u001b[20");
        Assert.Equal("ab", Drain(source)); // the start of a marker waits for the rest

        _keys.Type("1~c");
        Assert.Equal("c", Drain(source));
    }

    [Fact]
    public void An_escape_that_is_not_a_marker_reaches_the_editor_with_the_keys_after_it()
    {
        var source = new TerminalKeySource(_keys, _time);
        _keys.Type("\u001b[2x");

        Assert.Equal("\u001b[2x", Drain(source));
    }

    [Fact]
    public void A_lone_escape_reaches_the_editor_once_no_marker_can_follow()
    {
        var source = new TerminalKeySource(_keys, _time);
        _keys.Type("\u001b");
        Assert.Equal("", Drain(source));

        _time.Now += TimeSpan.FromSeconds(1).Ticks;

        Assert.Equal("\u001b", Drain(source));
    }

    [Fact]
    public void A_tab_is_a_space()
    {
        var source = new TerminalKeySource(_keys, _time);
        _keys.Type("SELECT\tid");

        Assert.Equal("SELECT id", Drain(source));
    }
}
