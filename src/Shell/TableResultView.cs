using System.Globalization;
using System.Text;
using RadLine;
using StreamSql.Execution.Batches;

namespace StreamSql.Shell;

/// <summary>
/// Flink's <c>table</c> result mode on a terminal: a full-screen, paged view of the query's result materialized from its
/// changelog (rows updated and deleted in place), refreshed while the query runs and kept after it ends, until the user
/// quits with Q (or Ctrl-C). Keys as in Flink's client: Q quit, R refresh, + / - refresh interval, N / P next / previous
/// page, L last page, G go to page. The screen is drawn on the terminal's alternate buffer, so the shell's output before
/// it is there again afterwards.
/// </summary>
internal sealed class TableResultView
{
    private static readonly (TimeSpan Interval, string Label)[] RefreshIntervals =
    [
        (TimeSpan.FromMilliseconds(100), "100 ms"), (TimeSpan.FromMilliseconds(500), "500 ms"), (TimeSpan.FromSeconds(1), "1 s"),
        (TimeSpan.FromSeconds(5), "5 s"), (TimeSpan.FromSeconds(10), "10 s"), (TimeSpan.FromMinutes(1), "1 min"),
        (TimeSpan.MaxValue, "∞"),
    ];

    private const int HeaderLines = 4;
    private const int FooterLines = 2;
    private const int MinimumColumnWidth = 6;

    private readonly IInputSource _keys;
    private readonly TextWriter _screen;
    private readonly Func<(int Width, int Height)> _size;
    private readonly TimeProvider _time;
    private readonly object _lock = new();
    private readonly MaterializedRows _table = new();
    private int _refreshIndex = 2;
    private int? _page; // null: follow the last page
    private long _version;
    private long _drawnVersion = -1;
    private string _status = "";
    private string? _goto;

    public TableResultView(IInputSource keys, TextWriter screen, Func<(int Width, int Height)> size, TimeProvider time)
    {
        _keys = keys;
        _screen = screen;
        _size = size;
        _time = time;
    }

    /// <summary>Shows <paramref name="query"/> until the user quits; stops reading the query then. Rethrows a failure of the
    /// query after leaving the screen.</summary>
    public async Task RunAsync(QueryResult query, TimeZoneInfo zone, CancellationToken cancel)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var reading = ReadAsync(query, zone, stop.Token);
        _screen.Write("\u001b[?1049h\u001b[?25l");
        try
        {
            long lastDraw = long.MinValue;
            while (!stop.IsCancellationRequested)
            {
                var interval = RefreshIntervals[_refreshIndex].Interval;
                long now = _time.GetTimestamp();
                bool due = interval != TimeSpan.MaxValue && (lastDraw == long.MinValue || _time.GetElapsedTime(lastDraw, now) >= interval);
                if (due || Volatile.Read(ref _drawnVersion) < 0)
                {
                    Draw(query);
                    lastDraw = now;
                }
                if (_keys.IsKeyAvailable())
                {
                    if (!OnKey(_keys.ReadKey())) break;
                    Draw(query);
                    continue;
                }
                await Task.Delay(20, CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            _screen.Write("\u001b[?25h\u001b[?1049l");
            _screen.Flush();
            await stop.CancelAsync().ConfigureAwait(false);
        }
        await reading.ConfigureAwait(false);
    }

    /// <summary>Applies the result's changes as they come; ends quietly when the view stops it, and rethrows a failure.</summary>
    private async Task ReadAsync(QueryResult query, TimeZoneInfo zone, CancellationToken stop)
    {
        try
        {
            await foreach (var batch in query.ReadBatchesAsync(stop).ConfigureAwait(false))
            {
                var changes = new List<ChangelogRow>(batch.Length);
                for (int row = 0; row < batch.Length; row++)
                {
                    // Rows are kept as the text the client shows (Flink's formatting of every type), and compared by it.
                    var cells = new object?[query.ColumnTypes.Count];
                    for (int c = 0; c < cells.Length; c++)
                        cells[c] = ResultCells.Format(batch.Column(c), row, query.ColumnTypes[c], zone) ?? TableauWriter.NullText;
                    changes.Add(new ChangelogRow(batch.KindAt(row), cells));
                }
                lock (_lock)
                {
                    foreach (var change in changes) _table.Apply(change);
                    _version++;
                }
            }
            lock (_lock)
            {
                _status = "Table program finished.";
                _version++;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>Handles a key; false when the user quits.</summary>
    private bool OnKey(ConsoleKeyInfo key)
    {
        if (_goto is not null)
        {
            if (char.IsAsciiDigit(key.KeyChar)) _goto += key.KeyChar;
            else if (key.Key == ConsoleKey.Backspace && _goto.Length > 0) _goto = _goto[..^1];
            else if (key.Key == ConsoleKey.Enter)
            {
                if (int.TryParse(_goto, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1) _page = page - 1;
                _goto = null;
            }
            else if (key.Key == ConsoleKey.Escape) _goto = null;
            Invalidate();
            return true;
        }
        switch (char.ToUpperInvariant(key.KeyChar))
        {
            case 'Q':
                return false;
            case 'R':
                break;
            case '+':
                _refreshIndex = Math.Max(0, _refreshIndex - 1);
                break;
            case '-':
                _refreshIndex = Math.Min(RefreshIntervals.Length - 1, _refreshIndex + 1);
                break;
            case 'N':
                _page = (_page ?? int.MaxValue) == int.MaxValue ? null : _page + 1;
                break;
            case 'P':
                _page = Math.Max(0, (_page ?? LastPage()) - 1);
                break;
            case 'L':
                _page = null;
                break;
            case 'G':
                _goto = "";
                break;
        }
        Invalidate();
        return true;
    }

    private void Invalidate() => Volatile.Write(ref _drawnVersion, -1);

    private int PageSize => Math.Max(1, _size().Height - HeaderLines - FooterLines - 1);

    private int LastPage()
    {
        lock (_lock) return Math.Max(0, (_table.Count - 1) / PageSize);
    }

    /// <summary>Draws the whole screen: title, status (refresh or finished, page, update time), column names, the page's
    /// rows right-aligned, the key help.</summary>
    private void Draw(QueryResult query)
    {
        var width = _size().Width;
        width = Math.Max(20, width);
        IReadOnlyList<ChangelogRow> rows;
        string status;
        long version;
        lock (_lock)
        {
            rows = _table.Rows;
            status = _status;
            version = _version;
        }
        int pageSize = PageSize;
        int pages = Math.Max(1, (rows.Count + pageSize - 1) / pageSize);
        int page = Math.Min(_page ?? pages - 1, pages - 1);
        if (_page is not null && _page >= pages - 1) _page = null;

        var names = query.ColumnNames;
        var cells = new List<string[]>();
        for (int r = page * pageSize; r < Math.Min(rows.Count, (page + 1) * pageSize); r++)
        {
            var values = new string[names.Count];
            for (int c = 0; c < values.Length; c++) values[c] = (string)rows[r][c]!;
            cells.Add(values);
        }
        var widths = new int[names.Count];
        for (int c = 0; c < widths.Length; c++)
        {
            widths[c] = Math.Max(MinimumColumnWidth, names[c].Length);
            foreach (var row in cells) widths[c] = Math.Max(widths[c], row[c].Length);
        }

        var screen = new StringBuilder();
        screen.Append("\u001b[H");
        Line(screen, Center("SQL Query Result (Table)", width), width, inverse: true);
        var left = _goto is not null ? $" Go to page: {_goto}" : status.Length > 0 ? " " + status : $" Refresh: {RefreshIntervals[_refreshIndex].Label}";
        var middle = $"Page: {(page == pages - 1 && _page is null ? "Last" : (page + 1).ToString(CultureInfo.InvariantCulture))} of {pages}";
        var right = $"Updated: {DateTime.Now.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} ";
        Line(screen, Spread(left, middle, right, width), width);
        Line(screen, "", width);
        Line(screen, Columns(names, widths), width);
        foreach (var row in cells) Line(screen, Columns(row, widths), width);
        for (int i = cells.Count; i < pageSize; i++) Line(screen, "", width);
        Line(screen, "", width);
        Line(screen, "Q Quit    + Inc Refresh    G Goto Page    N Next Page    R Refresh", width, inverse: true);
        Line(screen, "          - Dec Refresh    L Last Page    P Prev Page", width, inverse: true);
        // No line break after the last line: on a full screen it would scroll the title away.
        screen.Length -= 2;
        _screen.Write(screen.ToString());
        _screen.Flush();
        Volatile.Write(ref _drawnVersion, version);
    }

    private static string Columns(IReadOnlyList<string> values, int[] widths)
    {
        var sb = new StringBuilder();
        for (int c = 0; c < values.Count; c++) sb.Append(' ').Append(values[c].PadLeft(widths[c])).Append(' ');
        return sb.ToString();
    }

    private static string Center(string text, int width) => text.PadLeft((width + text.Length) / 2);

    private static string Spread(string left, string middle, string right, int width)
    {
        int gap = Math.Max(1, width - left.Length - middle.Length - right.Length);
        return left + new string(' ', gap / 2) + middle + new string(' ', gap - gap / 2) + right;
    }

    private static void Line(StringBuilder screen, string text, int width, bool inverse = false)
    {
        if (text.Length > width) text = text[..width];
        if (inverse) screen.Append("\u001b[7m").Append(text.PadRight(width)).Append("\u001b[0m");
        else screen.Append(text).Append("\u001b[K");
        screen.Append("\r\n");
    }
}
