namespace StreamSql.Connectors.Filesystem;

/// <summary>
/// Splits a file into records at line ends (LF or CRLF), reading bytes in chunks so the byte offset of every record is
/// known (a checkpoint stores it). With a quote character, a line end inside quotes belongs to the record (RFC 4180);
/// with an escape character (<c>csv.escape-character</c>), so does an escaped one, and an escaped quote does not open or
/// close quotes (Jackson's CSV parser, which Flink's csv format reads with, takes the escaped character literally).
/// All delimiters are ASCII, so scanning UTF-8 bytes is safe.
/// </summary>
internal sealed class RecordSplitter : IDisposable
{
    private readonly Stream _stream;
    private readonly int _quote;
    private readonly int _escape;
    private byte[] _buffer = new byte[64 * 1024];
    private int _start, _end;
    private bool _eof;

    public RecordSplitter(string path, long offset, long lineNumber, int quoteByte, int escapeByte = -1)
    {
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        _stream.Seek(offset, SeekOrigin.Begin);
        Offset = offset;
        NextLine = lineNumber;
        _quote = quoteByte;
        _escape = escapeByte;
    }

    /// <summary>Byte offset of the next record.</summary>
    public long Offset { get; private set; }

    /// <summary>1-based line number of the next record.</summary>
    public long NextLine { get; private set; }

    /// <summary>The next record without its line end, and the line it starts on; false at the end of the file.</summary>
    public bool TryNext(out ReadOnlySpan<byte> record, out long line)
    {
        line = NextLine;
        int scan = _start;
        bool inQuotes = false, escaped = false;
        int newlines = 0;
        while (true)
        {
            for (; scan < _end; scan++)
            {
                byte b = _buffer[scan];
                if (escaped)
                {
                    escaped = false;
                    if (b == (byte)'\n') newlines++;
                }
                else if (b == _escape) escaped = true;
                else if (b == _quote) inQuotes = !inQuotes;
                else if (b == (byte)'\n')
                {
                    if (!inQuotes) return Emit(scan, scan + 1, newlines + 1, out record);
                    newlines++;
                }
            }
            if (_eof)
            {
                if (_start == _end) { record = default; return false; }
                return Emit(_end, _end, newlines + 1, out record);
            }
            int consumed = scan - _start;
            Fill();
            scan = _start + consumed;
        }
    }

    private bool Emit(int recordEnd, int next, int lines, out ReadOnlySpan<byte> record)
    {
        int end = recordEnd;
        if (end > _start && _buffer[end - 1] == (byte)'\r') end--;
        record = _buffer.AsSpan(_start, end - _start);
        Offset += next - _start;
        NextLine += lines;
        _start = next;
        return true;
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        int n = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0) _eof = true;
        _end += n;
    }

    public void Dispose() => _stream.Dispose();
}
