using RadLine;

namespace StreamSql.Shell;

/// <summary>Where raw keys come from: the console, or a test's script of keys.</summary>
internal interface IKeyReader
{
    /// <summary>True when <see cref="ReadKey"/> would return without waiting.</summary>
    bool KeyAvailable { get; }

    ConsoleKeyInfo ReadKey();
}

/// <summary>The process's terminal, read key by key without echo.</summary>
internal sealed class ConsoleKeyReader : IKeyReader
{
    public bool KeyAvailable => Console.KeyAvailable;

    public ConsoleKeyInfo ReadKey() => Console.ReadKey(intercept: true);
}

/// <summary>
/// The keys the shell's line editor reads, with pasted text made to behave as if it were typed: a line feed (what a
/// paste of LF-ended lines sends; the console reports it as Ctrl+Enter, which the editor ignores) is Enter; the line feed
/// of a CR LF pair is dropped, so a CRLF paste does not add empty lines; bracketed-paste markers (<c>ESC[200~</c>,
/// <c>ESC[201~</c>, sent by a terminal that an earlier program left in bracketed-paste mode) are dropped instead of
/// being inserted as text; a tab (the editor would take it for completion and lose it) is a space.
/// </summary>
internal sealed class TerminalKeySource : IInputSource
{
    private const char Escape = '\u001b';
    private static readonly string[] PasteMarkers = { "\u001b[200~", "\u001b[201~" };

    /// <summary>How long an escape that may start a paste marker waits for the rest of the marker. A terminal writes a
    /// marker at once, but a long paste reaches the console in pieces that can split one.</summary>
    private static readonly TimeSpan MarkerCompletion = TimeSpan.FromMilliseconds(50);

    private readonly IKeyReader _reader;
    private readonly TimeProvider _time;
    private readonly Queue<ConsoleKeyInfo> _ready = new();
    // Raw keys that may be the start of a paste marker, held until the marker completes or cannot.
    private readonly List<ConsoleKeyInfo> _held = new();
    private long _heldSince;
    private bool _afterCarriageReturn;

    public TerminalKeySource(IKeyReader reader, TimeProvider time)
    {
        _reader = reader;
        _time = time;
    }

    /// <summary>The editor must not rewrite keys on its own (RadLine turns Enter into a new line inside fast input).</summary>
    public bool ByPassProcessing => true;

    public bool IsKeyAvailable()
    {
        Pump(wait: false);
        return _ready.Count > 0;
    }

    public ConsoleKeyInfo ReadKey()
    {
        while (_ready.Count == 0) Pump(wait: true);
        return _ready.Dequeue();
    }

    /// <summary>Moves the keys the reader has into <see cref="_ready"/>; with <paramref name="wait"/>, reads at least one.</summary>
    private void Pump(bool wait)
    {
        while (_ready.Count == 0 || _reader.KeyAvailable)
        {
            if (_reader.KeyAvailable || (wait && _held.Count == 0))
            {
                Accept(_reader.ReadKey());
                continue;
            }
            if (_held.Count > 0 && _time.GetElapsedTime(_heldSince) >= MarkerCompletion) Release();
            if (!wait || _ready.Count > 0) return;
            Thread.Sleep(5); // an incomplete marker, waiting for its rest
        }
    }

    private void Accept(ConsoleKeyInfo key)
    {
        if (key.KeyChar == Escape || _held.Count > 0)
        {
            if (key.KeyChar == Escape && _held.Count > 0) Release(); // a new escape ends the previous candidate
            if (_held.Count == 0) _heldSince = _time.GetTimestamp();
            _held.Add(key);
            var match = MatchMarker();
            if (match == MarkerMatch.Complete) _held.Clear();
            else if (match == MarkerMatch.None) Release();
            return;
        }
        Emit(key);
    }

    private enum MarkerMatch { None, Prefix, Complete }

    private MarkerMatch MatchMarker()
    {
        foreach (var marker in PasteMarkers)
        {
            if (_held.Count > marker.Length) continue;
            bool prefix = true;
            for (int i = 0; i < _held.Count && prefix; i++) prefix = _held[i].KeyChar == marker[i];
            if (prefix) return _held.Count == marker.Length ? MarkerMatch.Complete : MarkerMatch.Prefix;
        }
        return MarkerMatch.None;
    }

    /// <summary>The held keys were not a marker after all: they go to the editor as typed.</summary>
    private void Release()
    {
        foreach (var key in _held) Emit(key);
        _held.Clear();
    }

    private void Emit(ConsoleKeyInfo key)
    {
        bool carriageReturn = key.Key == ConsoleKey.Enter && key.KeyChar == '\r';
        if (key.KeyChar == '\n')
        {
            bool pairedWithReturn = _afterCarriageReturn;
            _afterCarriageReturn = false;
            if (pairedWithReturn) return;
            key = new ConsoleKeyInfo('\r', ConsoleKey.Enter, shift: false, alt: false, control: false);
        }
        else if (key.KeyChar == '\t' && key.Modifiers == 0)
        {
            key = new ConsoleKeyInfo(' ', ConsoleKey.Spacebar, shift: false, alt: false, control: false);
        }
        _afterCarriageReturn = carriageReturn;
        _ready.Enqueue(key);
    }
}
